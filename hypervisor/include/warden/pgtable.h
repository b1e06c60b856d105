/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Builder for arm64 translation tables with the 4 KiB granule (VMSAv8-64),
 * used for the root cell's stage 2. Portable C so that the host tests can
 * check what it builds; the caller supplies page allocation and the
 * physical-to-pointer conversion.
 */
#ifndef WARDEN_PGTABLE_H
#define WARDEN_PGTABLE_H

#include <stdint.h>

#define PGTABLE_PAGE_SIZE 0x1000ULL
#define PGTABLE_ENTRIES 512

/* Descriptor bits common to stage 1 and stage 2. */
#define PTE_VALID (1ULL << 0)
#define PTE_TABLE (1ULL << 1) /* at levels 0-2; "page" at level 3 */
#define PTE_AF (1ULL << 10)
#define PTE_SH_INNER (3ULL << 8)
#define PTE_ADDR_MASK 0x0000fffffffff000ULL

/* Stage 2 (VTTBR_EL2) attributes, with HCR_EL2.FWB clear. */
#define S2_MEMATTR_DEVICE (0x1ULL << 2) /* Device-nGnRE */
#define S2_MEMATTR_NORMAL (0xfULL << 2) /* Normal, write-back cacheable */
#define S2_AP_READ (1ULL << 6)
#define S2_AP_WRITE (1ULL << 7)
#define S2_XN (1ULL << 54) /* execute-never at EL1 and EL0 */

/* pgtable_map() flags */
#define PGTABLE_NO_BLOCKS 0x1 /* 4 KiB pages only */
/* parts of the range mapped already stay as they are (no -EEXIST) */
#define PGTABLE_KEEP_MAPPED 0x2

struct pgtable {
	uint64_t root; /* physical address of the first-level table */
	unsigned int start_level; /* 0 or 1 */
	unsigned int root_entries; /* entries of the first level table */
	/* returns 0 and a zeroed page's physical address, or -ENOMEM */
	int (*alloc_page)(void *ctx, uint64_t *pa);
	void *(*phys_to_ptr)(void *ctx, uint64_t pa);
	/*
	 * For tables that CPUs may be walking while they change (the root
	 * cell's stage 2): called by pgtable_edit.c between making a live
	 * entry invalid and writing its replacement (break-before-make,
	 * Arm ARM D8), it must wait until no walker or TLB holds a
	 * translation of [va, va + size) any more. NULL: nobody walks the
	 * table yet, entries are replaced at once.
	 */
	void (*invalidate)(void *ctx, uint64_t va, uint64_t size);
	void *ctx;
	/*
	 * The live entry pgtable_edit.c is replacing through an invalid one
	 * (pte NULL: none), its replacement, and the table page to free once
	 * it is written (0: none): what pgtable_edit_finish() completes when
	 * the edit was cut short between the two writes.
	 */
	struct {
		uint64_t *pte;
		uint64_t desc, va, size, free;
	} pending;
};

/*
 * Maps [va, va + size) to [pa, pa + size) with attrs (PTE_AF etc. are
 * added). Uses 1 GiB and 2 MiB blocks where va, pa and size allow unless
 * PGTABLE_NO_BLOCKS, and where no table is there already (one left by
 * pgtable_unmap gets smaller entries; pgtable_collapse merges them).
 * With PGTABLE_KEEP_MAPPED, what is mapped already (whatever it maps to)
 * is skipped and only the holes are filled. Returns 0, -EINVAL
 * (unaligned, outside the table's range, a PA range past 48 bits),
 * -EEXIST (part of the range is already mapped) or -ENOMEM.
 */
int pgtable_map(struct pgtable *pt, uint64_t va, uint64_t pa, uint64_t size,
		uint64_t attrs, unsigned int flags);

/*
 * Translates va through the table. Returns 0 and the output address and
 * the attribute bits of the final descriptor, or -ENOENT.
 */
int pgtable_lookup(const struct pgtable *pt, uint64_t va, uint64_t *pa,
		   uint64_t *attrs, unsigned int *level);

/* Stage 2 attributes for a Jailhouse memory region's flags. */
uint64_t stage2_attrs(uint64_t jailhouse_mem_flags);

#endif
