// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>

#include <warden/errno.h>
#include <warden/pgtable_edit.h>

#define DESC_TYPE_MASK 3ULL
#define ATTR_MASK (~PTE_ADDR_MASK & ~DESC_TYPE_MASK)

static unsigned int shift_of(unsigned int level)
{
	return 39 - 9 * level;
}

static uint64_t *table_ptr(const struct pgtable *pt, uint64_t desc)
{
	return pt->phys_to_ptr(pt->ctx, desc & PTE_ADDR_MASK);
}

static unsigned int entries_at(const struct pgtable *pt, unsigned int level)
{
	return level == pt->start_level ? pt->root_entries : PGTABLE_ENTRIES;
}

static unsigned int index_of(const struct pgtable *pt, uint64_t va,
			     unsigned int level)
{
	uint64_t idx = va >> shift_of(level);

	return level == pt->start_level ? idx : idx & (PGTABLE_ENTRIES - 1);
}

static int is_table(uint64_t desc, unsigned int level)
{
	return level < 3 && (desc & DESC_TYPE_MASK) == DESC_TYPE_MASK;
}

/*
 * Replaces the live entry *pte, which translates [va, va + size), by desc.
 * Changing a block into a table or back changes the block size, which
 * the architecture allows only through an invalid entry (break-before-
 * make, Arm ARM D8): otherwise a TLB may hold both the old and the new
 * translation and report a TLB conflict abort, or use either. With an
 * invalidate hook, the entry is made invalid, every walker and TLB is made
 * to forget it, and only then is desc written; a CPU that walks in
 * between takes a translation fault, which the owner of the table must
 * retry (stage2.c). The edit is noted in pt->pending first, with the old
 * table page to free (free_pa, or 0), so that one cut short in between
 * (an exception in the hook) can be completed (pgtable_edit_finish()).
 */
static void replace_live(struct pgtable *pt, uint64_t *pte, uint64_t va,
			 uint64_t size, uint64_t desc, uint64_t free_pa)
{
	if (pt->invalidate) {
		pt->pending.desc = desc;
		pt->pending.va = va;
		pt->pending.size = size;
		pt->pending.free = free_pa;
		pt->pending.pte = pte;
		*pte = 0;
		pt->invalidate(pt->ctx, va, size);
	}
	*pte = desc;
	pt->pending.pte = NULL;
}

int pgtable_edit_finish(struct pgtable *pt, pgtable_free_fn free_page)
{
	uint64_t *pte = pt->pending.pte;

	if (!pte)
		return 0;
	/* the hook may not have got as far as the TLBs: once more */
	pt->invalidate(pt->ctx, pt->pending.va, pt->pending.size);
	*pte = pt->pending.desc;
	pt->pending.pte = NULL;
	if (pt->pending.free)
		free_page(pt->ctx, pt->pending.free);
	return 1;
}

/* A block at level (1 or 2), mapping va, becomes a table of the same. */
static int split(struct pgtable *pt, uint64_t *pte, unsigned int level,
		 uint64_t va)
{
	uint64_t block = 1ULL << shift_of(level);
	uint64_t step = 1ULL << shift_of(level + 1);
	uint64_t base = *pte & PTE_ADDR_MASK & ~(block - 1);
	uint64_t attrs = *pte & ATTR_MASK, page, *t;
	unsigned int i;
	int err = pt->alloc_page(pt->ctx, &page);

	if (err)
		return err;
	t = pt->phys_to_ptr(pt->ctx, page);
	for (i = 0; i < PGTABLE_ENTRIES; i++)
		t[i] = (base + i * step) | attrs | PTE_VALID |
		       (level + 1 == 3 ? PTE_TABLE : 0);
	/* the new table is complete before any walker can reach it */
	replace_live(pt, pte, va & ~(block - 1), block,
		     page | PTE_TABLE | PTE_VALID, 0);
	return 0;
}

int pgtable_unmap(struct pgtable *pt, uint64_t va, uint64_t size)
{
	uint64_t limit = (uint64_t)pt->root_entries
			 << shift_of(pt->start_level);

	if ((va | size) & (PGTABLE_PAGE_SIZE - 1) || va >= limit ||
	    size > limit - va)
		return -EINVAL;
	while (size) {
		uint64_t *table = pt->phys_to_ptr(pt->ctx, pt->root);
		unsigned int level;
		uint64_t step = PGTABLE_PAGE_SIZE;

		for (level = pt->start_level; level <= 3; level++) {
			uint64_t block = 1ULL << shift_of(level);
			uint64_t *pte = &table[index_of(pt, va, level)];
			int err;

			if (!(*pte & PTE_VALID)) {
				/* nothing mapped here: skip to its end */
				step = block - (va & (block - 1));
				break;
			}
			if (is_table(*pte, level)) {
				table = table_ptr(pt, *pte);
				continue;
			}
			if (!(va & (block - 1)) && size >= block) {
				*pte = 0;
				step = block;
				break;
			}
			err = split(pt, pte, level, va);
			if (err)
				return err;
			table = table_ptr(pt, *pte);
		}
		if (step > size)
			step = size;
		va += step;
		size -= step;
	}
	return 0;
}

/* Whether table t (at level) maps one aligned run with equal attributes. */
static int uniform(const uint64_t *t, unsigned int level)
{
	uint64_t step = 1ULL << shift_of(level);
	uint64_t type = level == 3 ? DESC_TYPE_MASK : PTE_VALID;
	uint64_t base = t[0] & PTE_ADDR_MASK;
	unsigned int i;

	if (base & ((step << 9) - 1))
		return 0;
	for (i = 0; i < PGTABLE_ENTRIES; i++)
		if ((t[i] & DESC_TYPE_MASK) != type ||
		    (t[i] & PTE_ADDR_MASK) != base + i * step ||
		    (t[i] & ATTR_MASK) != (t[0] & ATTR_MASK))
			return 0;
	return 1;
}

static void collapse(struct pgtable *pt, uint64_t *table, unsigned int level,
		     uint64_t table_va, uint64_t va, uint64_t end,
		     pgtable_free_fn free_page)
{
	uint64_t block = 1ULL << shift_of(level);
	unsigned int i, n = entries_at(pt, level);

	for (i = 0; i < n; i++) {
		uint64_t e_va = table_va + i * block;
		uint64_t *child, desc, old;

		if (e_va + block <= va || e_va >= end)
			continue;
		if (!is_table(table[i], level))
			continue;
		child = table_ptr(pt, table[i]);
		collapse(pt, child, level + 1, e_va, va, end, free_page);
		/* blocks exist at levels 1 and 2 only */
		if (level < 1 || !uniform(child, level + 1))
			continue;
		desc = (child[0] & PTE_ADDR_MASK) | (child[0] & ATTR_MASK) |
		       PTE_VALID;
		old = table[i];
		replace_live(pt, &table[i], e_va, block, desc,
			     old & PTE_ADDR_MASK);
		/* only now can no walker be reading the table any more */
		free_page(pt->ctx, old & PTE_ADDR_MASK);
	}
}

void pgtable_collapse(struct pgtable *pt, uint64_t va, uint64_t size,
		      pgtable_free_fn free_page)
{
	collapse(pt, pt->phys_to_ptr(pt->ctx, pt->root), pt->start_level, 0, va,
		 va + size, free_page);
}

static void destroy(struct pgtable *pt, uint64_t *table, unsigned int level,
		    pgtable_free_fn free_page)
{
	unsigned int i, n = entries_at(pt, level);

	for (i = 0; i < n; i++) {
		if (!is_table(table[i], level) || !(table[i] & PTE_VALID))
			continue;
		destroy(pt, table_ptr(pt, table[i]), level + 1, free_page);
		free_page(pt->ctx, table[i] & PTE_ADDR_MASK);
		table[i] = 0;
	}
}

void pgtable_destroy(struct pgtable *pt, pgtable_free_fn free_page)
{
	destroy(pt, pt->phys_to_ptr(pt->ctx, pt->root), pt->start_level,
		free_page);
	free_page(pt->ctx, pt->root);
	pt->root = 0;
}
