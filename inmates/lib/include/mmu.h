/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Identity mapping: all addresses are device memory (never executable,
 * never speculated into) except the 2 MiB blocks registered as normal
 * memory before mmu_enable(), which are cached.
 */
#ifndef INMATE_MMU_H
#define INMATE_MMU_H

#include <stdint.h>

/* Returns -1 when the small table pool is exhausted. */
int mmu_map_normal(uintptr_t start, uintptr_t size);
/* First CPU: after the mappings are made. */
void mmu_enable(void);
/* Further CPUs: the same tables, which are complete by then. */
void mmu_enable_secondary(void);

#endif
