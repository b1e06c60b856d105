/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the files of "warden config check" (tools/config_check*.c):
 * the context the advice runs in, helpers, and the advice itself.
 */
#ifndef WARDEN_TOOLS_CONFIG_CHECK_INT_H
#define WARDEN_TOOLS_CONFIG_CHECK_INT_H

#include <stddef.h>

#include "config_check.h"

/* The root cell is cells[0]; most checks cover every cell. */
struct ctx {
	const struct warden_config *sys;
	const struct warden_config *const *cells;
	unsigned int num_cells;
	struct config_report *r;
};

static inline const char *name_of(const struct warden_config *c)
{
	return c->cell->name;
}

static inline const struct jailhouse_memory *mem(const struct warden_config *c,
						 uint32_t i)
{
	return &c->mem_regions[i];
}

static inline int is_comm(const struct jailhouse_memory *m)
{
	return !!(m->flags & JAILHOUSE_MEM_COMM_REGION);
}

/* A region that occupies physical memory: not empty, not the comm page. */
static inline int has_phys(const struct jailhouse_memory *m)
{
	return m->size && !is_comm(m);
}

static inline int is_root(const struct ctx *x, const struct warden_config *c)
{
	return c == x->sys;
}

void set_fix(struct config_finding *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void set_range(struct config_finding *f, uint64_t start, uint64_t size);

/* "0x1000-0x1fff (4 KiB)" into buf. */
const char *range_str(uint64_t start, uint64_t size, char *buf, size_t len);

/* Is region i one of the shared-memory regions of an ivshmem device? */
int is_shmem_region(const struct warden_config *c, uint32_t i);

/* config_check_mem.c: memory advice */
void check_ecam(const struct ctx *x, const struct warden_config *c);
void check_comm_region(const struct ctx *x, const struct warden_config *c);
void check_reset_address(const struct ctx *x, const struct warden_config *c);
void check_root_exec(const struct ctx *x);
void check_console(const struct ctx *x, const struct warden_config *c);
void check_debug_uart(const struct ctx *x);
void check_dma(const struct ctx *x, const struct warden_config *c);

/* config_check_irq.c: interrupt and PCI advice */
void check_irqchips(const struct ctx *x, const struct warden_config *c);
void check_pci(const struct ctx *x, const struct warden_config *c);

/* config_check_pvu.c: TI PVU limits */
void check_pvu(const struct ctx *x);

#endif
