/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Non-root cells (cell.c, cell_psci.c). The root cell is what is left:
 * root_cpu_set shrinks and grows as cells take and return CPUs. These
 * hooks let the trap handlers ask which cell a CPU serves.
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
/* The physical SGI that stops a CPU running in a cell. */
#define SGI_CELL_STOP 15

/*
 * Whether a cell's CPUs may run: CPU_ON into a stopped cell is refused.
 * Changed under hv_lock: running at start, stopped at create and when a
 * stop begins (so that no CPU_ON slips in while its CPUs are parked).
 */
enum cell_run {
	CELL_STOPPED = 0,
	CELL_RUNNING,
};

struct cell {
	unsigned int id; /* 0: slot unused */
	enum cell_run run; /* under hv_lock */
	/*
	 * A management call works on the cell with cell_lock dropped (while
	 * it waits for the cell's CPUs or reply): no other call may manage
	 * or destroy it meanwhile. 0, or the claiming CPU plus 1, so that
	 * the recovery from an exception at EL2 finds what that CPU held
	 * (cell_recover). Under cell_lock.
	 */
	int busy;
	int creating; /* published, not yet complete: undone on recovery */
	struct warden_config cfg; /* points into the copy below */
	uint64_t config_pa;
	unsigned int config_pages;
	uint64_t cpus;
	struct pgtable s2;
	uint64_t vttbr;
	uint64_t comm_pa;
	struct warden_comm_region *comm;
	int loadable; /* LOADABLE regions are mapped in the root */
};

/* The cell CPU cpu serves, NULL for the root. */
struct cell *cell_of(unsigned int cpu);
/* CPUs of the cell CPU cpu serves (root_cpu_set for the root). */
uint64_t cell_cpus_of(unsigned int cpu);
const char *cell_name_of(unsigned int cpu);
/* Whether the cell of CPU cpu may touch interrupt intid. */
int cell_irq_owned(unsigned int cpu, uint64_t intid);
/* cell_irq.c: which cell owns each SPI (0 the root), what the root has */
extern volatile uint8_t cell_spi_owner[1020];
extern uint32_t cell_root_spis[1020 / 32 + 1];
/* Once the root's config is checked: the root's SPIs as a bit map. */
void cell_irq_init(void);

/*
 * SPI intid (32-1019) belongs to the cell that CPU pc serves: the check
 * of cell_irq_owned() on the interrupt path, without a call.
 */
static inline bool cell_spi_owned_fast(const struct per_cpu *pc,
				       uint32_t intid)
{
	return cell_spi_owner[intid] == pc->cell_id &&
	       (pc->cell_id || cell_root_spis[intid / 32] >> (intid % 32) & 1);
}
/* cell_irq.c: a cell's SPIs masked and idle, routed to its first CPU */
void cell_irqs_quiesce(struct cell *c, int route);
/* The new cell c takes its SPIs; SPIs routed to its CPUs go to caller. */
void cell_irqs_take(struct cell *c, unsigned int caller);
/* The cell's SPIs back to the root, as the root had programmed them. */
void cell_irqs_return(struct cell *c, unsigned int caller);
/* Whether an acknowledged interrupt may be injected into cpu's cell. */
int cell_irq_deliverable(unsigned int cpu, uint32_t intid);
/* The root powers off or resets the machine: every cell's CPUs park. */
void cell_stop_all(const char *why);
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

long cell_create(unsigned int cpu, uint64_t config_ipa);
long cell_start(unsigned int cpu, uint64_t id);
long cell_set_loadable(unsigned int cpu, uint64_t id);
long cell_destroy(unsigned int cpu, uint64_t id);
long cell_get_state(uint64_t id);
/*
 * After an exception at EL2 in a management call of cpu (traps.c, its
 * locks released): the cells it claimed are released and a cell it was
 * creating is taken apart again.
 */
void cell_recover(unsigned int cpu);
/* Hypercalls from a non-root cell */
long cell_hypercall_nonroot(struct frame *f, unsigned int cpu);

/* Parks the CPU if a management operation asked it to stop. */
void cell_handle_events(struct frame *f, unsigned int cpu);
/* A parked CPU restarts (PSCI CPU_ON or cell start): its translation. */
void cell_cpu_restart(unsigned int cpu);
/* PSCI from a non-root cell */
void cell_psci(struct frame *f, unsigned int cpu);
/*
 * A cell CPU's error condemns the cell (an SError): the cell is marked
 * failed and its other running CPUs stopped; returns those.
 */
uint64_t cell_fail_others(unsigned int cpu);
/* A cell CPU stopped itself for good (SYSTEM_OFF): stop its siblings. */
void cell_shutdown_self(unsigned int cpu) __attribute__((noreturn));

#endif
