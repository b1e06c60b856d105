/* SPDX-License-Identifier: GPL-2.0 */
/* The hypervisor's page pool (pool.c). */
#ifndef WARDEN_ARCH_POOL_H
#define WARDEN_ARCH_POOL_H

#include <stdint.h>

#include <arch/spinlock.h>

void pool_init(uint64_t start_pa, uint64_t pages);
/* What a "hypervisor memory full" error tells the user to do. */
#define POOL_FIX                                                       \
	"destroy a cell, or give the hypervisor more memory "          \
	"(hypervisor_memory.size in the system config; pages in use: " \
	"/sys/devices/warden/mem_pool_used)"

/* n contiguous zeroed pages; 0 or -ENOMEM */
int pool_alloc_pages(unsigned int n, uint64_t *pa);
void pool_free_pages(uint64_t pa, unsigned int n);
void *pool_virt(uint64_t pa);
/*
 * After an exception at EL2 cut a call of cpu short (recover.c): the
 * pages pool_alloc_pages() had taken and not yet handed out go back.
 */
void pool_recover(unsigned int cpu);

/* struct pgtable callbacks */
int pool_pgtable_alloc(void *ctx, uint64_t *pa);
void pool_pgtable_free(void *ctx, uint64_t pa);
void *pool_pgtable_ptr(void *ctx, uint64_t pa);

/* The pool's bitmap (pool.c) */
extern spinlock_t pool_lock;

#endif
