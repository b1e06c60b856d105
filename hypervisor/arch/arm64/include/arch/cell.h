/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Non-root cells and the registry of who owns which CPU
 * (cell_registry.c): what trap and interrupt paths ask. The root cell is
 * what is left: root_cpu_set shrinks and grows as cells take and return
 * CPUs. The management calls are in arch/cell_mgmt.h.
 */
#ifndef WARDEN_ARCH_CELL_H
#define WARDEN_ARCH_CELL_H

#include <stdint.h>

#include <arch/hv.h>
#include <warden/comm-region.h>
#include <warden/errno.h>
#include <warden/hypercall.h>
#include <warden/config.h>
#include <warden/pgtable.h>

/* ids 1..MAX_CELLS; the root is 0 */
#define MAX_CELLS 8
/* Jailhouse's limit for a cell config */
#define CELL_CONFIG_MAX_PAGES 16

struct cell {
	unsigned int id; /* 0: slot unused */
	/*
	 * State, CPUs, busy mark, loadable (core/lifecycle.c): the busy mark
	 * under cell_lock (a management call works on the cell with
	 * cell_lock dropped while it waits; no other call may manage or
	 * destroy it meanwhile), the rest under hv_lock. The busy mark is 0,
	 * or the claiming CPU plus 1, so that the recovery from an exception
	 * at EL2 finds what that CPU held (cell_recover).
	 */
	struct lc_cell lc;
	int creating; /* published, not yet complete: undone on recovery */
	struct warden_config cfg; /* points into the copy below */
	uint64_t config_pa;
	unsigned int config_pages;
	struct pgtable s2;
	uint64_t vttbr;
	uint64_t comm_pa;
	struct warden_comm_region *comm;
	/*
	 * Regions (bit i: region i; bit 63: region 63 and beyond) whose
	 * zeroing at destroy stopped short: kept from the root (cell.c).
	 */
	uint64_t unscrubbed;
};

/* The cell CPU cpu serves, NULL for the root. */
struct cell *cell_of(unsigned int cpu);
/* CPUs of the cell CPU cpu serves (root_cpu_set for the root). */
uint64_t cell_cpus_of(unsigned int cpu);
const char *cell_name_of(unsigned int cpu);
/* Bit id - 1: cells[id - 1] is in use (written by cell.c) */
extern uint32_t cells_used;
static inline unsigned int cell_count(void)
{
	uint32_t m = READ_ONCE(cells_used);
	unsigned int n = 0;

	for (; m; m &= m - 1) /* no CNT without FP/SIMD registers */
		n++;
	return n;
}
/* CPUs of all non-root cells */
uint64_t cell_all_cpus(void);
/* The cell with this id, NULL if none (cell_lock for a stable answer) */
struct cell *cell_by_id(uint64_t id);
/* The slots, ids 1..MAX_CELLS (cell_registry.c) */
extern struct cell cells[MAX_CELLS];
/* cell_cpus_of() for the calling CPU, without a call (trap paths) */
static inline uint64_t cell_cpus_of_pc(const struct per_cpu *pc)
{
	unsigned int id = pc->lc.cell;

	return id == LC_ROOT ? root_cpu_set : cells[id - 1].lc.cpus;
}

/* HYPERVISOR_GET_INFO, the same for the root and the cells */
static inline long hypercall_get_info(uint64_t type)
{
	switch (type) {
	case WARDEN_INFO_MEM_POOL_SIZE:
		return pool_pages;
	case WARDEN_INFO_MEM_POOL_USED:
		return pool_used;
	case WARDEN_INFO_REMAP_POOL_SIZE:
	case WARDEN_INFO_REMAP_POOL_USED:
		return 0; /* no remap pool: devices are mapped statically */
	case WARDEN_INFO_NUM_CELLS:
		return 1 + cell_count(); /* the root and the others */
	default:
		return -EINVAL;
	}
}

#endif
