// SPDX-License-Identifier: GPL-2.0
/*
 * Identity map with 4 KiB granule and a 39-bit address space starting at
 * level 1. Every 1 GiB block is device memory (execute-never, so nothing
 * is fetched or speculated from devices); a block that holds normal
 * memory is split into 2 MiB blocks from a small pool of level-2 tables.
 * Device memory must not be cached, and the image must be, for speed and
 * for exclusive accesses to work.
 */
#include <stddef.h>

#include "mmu.h"
#include "sysreg.h"

#define PT_ENTRIES 512
#define L1_SHIFT 30
#define L2_SHIFT 21
#define L2_TABLES 2

#define PTE_BLOCK 0x1UL
#define PTE_TABLE 0x3UL
#define PTE_ATTR(idx) ((uint64_t)(idx) << 2)
#define PTE_SH_INNER (3UL << 8)
#define PTE_AF (1UL << 10)
#define PTE_PXN (1UL << 53)
#define PTE_UXN (1UL << 54)

#define MAIR_IDX_NORMAL 0
#define MAIR_IDX_DEVICE 1
#define MAIR_VALUE (0xffUL | 0x04UL << 8) /* WB RW-alloc, Device-nGnRE */

#define PTE_NORMAL \
	(PTE_BLOCK | PTE_ATTR(MAIR_IDX_NORMAL) | PTE_SH_INNER | PTE_AF)
#define PTE_DEVICE \
	(PTE_BLOCK | PTE_ATTR(MAIR_IDX_DEVICE) | PTE_AF | PTE_PXN | PTE_UXN)

#define TCR_T0SZ (64 - 39)
#define TCR_IRGN0_WBWA (1UL << 8)
#define TCR_ORGN0_WBWA (1UL << 10)
#define TCR_SH0_INNER (3UL << 12)
#define TCR_EPD1 (1UL << 23)
#define TCR_IPS_SHIFT 32

#define SCTLR_M (1UL << 0)
#define SCTLR_C (1UL << 2)
#define SCTLR_I (1UL << 12)

static uint64_t l1_table[PT_ENTRIES] __attribute__((aligned(4096)));
static uint64_t l2_tables[L2_TABLES][PT_ENTRIES] __attribute__((aligned(4096)));
static unsigned int l2_used;

static uint64_t *mmu_l2_for(uintptr_t addr)
{
	uint64_t *l1e = &l1_table[addr >> L1_SHIFT];
	uint64_t *l2;

	if ((*l1e & 0x3) == PTE_TABLE)
		return (uint64_t *)(*l1e & ~0xfffUL);
	if (l2_used == L2_TABLES)
		return NULL;
	l2 = l2_tables[l2_used++];
	for (int i = 0; i < PT_ENTRIES; i++)
		l2[i] = ((addr >> L1_SHIFT) << L1_SHIFT) +
			((uint64_t)i << L2_SHIFT) + PTE_DEVICE;
	*l1e = (uintptr_t)l2 | PTE_TABLE;
	return l2;
}

int mmu_map_normal(uintptr_t start, uintptr_t size)
{
	uintptr_t end = start + size;

	if (!l1_table[0]) {
		for (int i = 0; i < PT_ENTRIES; i++)
			l1_table[i] = ((uint64_t)i << L1_SHIFT) + PTE_DEVICE;
	}
	for (start &= ~((1UL << L2_SHIFT) - 1); start < end;
	     start += 1UL << L2_SHIFT) {
		uint64_t *l2 = mmu_l2_for(start);

		if (!l2)
			return -1;
		l2[(start >> L2_SHIFT) % PT_ENTRIES] = start | PTE_NORMAL;
	}
	return 0;
}

/*
 * Drops any stale cached copy of tables written with caches off. Exactly
 * the tables: other data may be dirty in the cache by now.
 */
static void mmu_invalidate(const void *start, uintptr_t size)
{
	for (uintptr_t p = (uintptr_t)start; p < (uintptr_t)start + size;
	     p += 64)
		asm volatile("dc ivac, %0" : : "r"(p) : "memory");
}

/* Per CPU: the tables are shared, the registers are not. */
static void mmu_enable_cpu(void)
{
	uint64_t pa_range = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	if (pa_range > 5)
		pa_range = 5;
	write_sysreg(MAIR_VALUE, mair_el1);
	write_sysreg(TCR_T0SZ | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |
			     TCR_SH0_INNER | TCR_EPD1 |
			     pa_range << TCR_IPS_SHIFT,
		     tcr_el1);
	write_sysreg((uintptr_t)l1_table, ttbr0_el1);
	isb();
	asm volatile("tlbi vmalle1" : : : "memory");
	asm volatile("ic iallu" : : : "memory");
	dsb(nsh);
	isb();
	write_sysreg(read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I,
		     sctlr_el1);
	isb();
}

void mmu_enable(void)
{
	dsb(sy);
	mmu_invalidate(l1_table, sizeof(l1_table));
	mmu_invalidate(l2_tables, l2_used * sizeof(l2_tables[0]));
	dsb(sy);
	mmu_enable_cpu();
}

void mmu_enable_secondary(void)
{
	mmu_enable_cpu();
}
