/* SPDX-License-Identifier: GPL-2.0 */
/* The hypervisor's own (EL2) address space (el2_map.c). */
#ifndef WARDEN_ARCH_EL2_MAP_H
#define WARDEN_ARCH_EL2_MAP_H

#include <stdint.h>

#include <arch/spinlock.h>

/*
 * The EL2 tables: built once the system config is checked, switched to
 * by every CPU, then read back and reported.
 */
int el2_map_build(void);
void el2_map_switch(void);
int el2_map_selfcheck(void);
int el2_map_audit(const char *which);
/*
 * A window onto [pa, pa + size) of root or cell RAM: read-only, normal
 * memory, never executable; NULL (with the reason printed) if pa is in
 * hypervisor memory or no window pages are free. The caller checks that
 * it is RAM. Unmapped, and the TLBs invalidated, by el2_window_unmap with
 * the same size.
 */
const void *el2_window_map(uint64_t pa, uint64_t size);
void el2_window_unmap(const void *p, uint64_t size);
/* The same, writable (never executable): for scrubbing a cell's memory. */
void *el2_window_map_rw(uint64_t pa, uint64_t size);
/* Window pages valid in the EL2 tables now */
unsigned int el2_windows_mapped(void);
/* After an exception at EL2: the window cpu had mapped, if any. */
void el2_window_release(unsigned int cpu);

/* The EL2 windows (el2_map.c) */
extern spinlock_t window_lock;

#endif
