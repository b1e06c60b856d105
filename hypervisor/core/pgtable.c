// SPDX-License-Identifier: GPL-2.0
#include <jailhouse/cell-config.h>
#include <warden/errno.h>
#include <warden/pgtable.h>

static unsigned int level_shift(unsigned int level)
{
	return 39 - 9 * level;
}

static uint64_t *table_of(const struct pgtable *pt, uint64_t desc)
{
	return pt->phys_to_ptr(pt->ctx, desc & PTE_ADDR_MASK);
}

static unsigned int index_at(const struct pgtable *pt, uint64_t va,
			     unsigned int level)
{
	uint64_t idx = va >> level_shift(level);

	/* The first level may have more or fewer than 512 entries. */
	return level == pt->start_level ? idx : idx & (PGTABLE_ENTRIES - 1);
}

static int map_one(struct pgtable *pt, uint64_t va, uint64_t pa, uint64_t size,
		   uint64_t attrs, unsigned int flags, uint64_t *step)
{
	uint64_t *table = pt->phys_to_ptr(pt->ctx, pt->root);
	unsigned int level;

	for (level = pt->start_level; level <= 3; level++) {
		uint64_t block = 1ULL << level_shift(level);
		uint64_t *pte = &table[index_at(pt, va, level)];
		/*
		 * A table here (maybe emptied by pgtable_unmap) is filled
		 * rather than replaced: its entries may be live.
		 */
		int is_table = (*pte & (PTE_VALID | PTE_TABLE)) ==
			       (PTE_VALID | PTE_TABLE);
		int blocks_ok = level >= 1 && !(flags & PGTABLE_NO_BLOCKS) &&
				!is_table;

		if (level == 3 || (blocks_ok && !(va & (block - 1)) &&
				   !(pa & (block - 1)) && size >= block)) {
			if (*pte & PTE_VALID && flags & PGTABLE_KEEP_MAPPED) {
				*step = block;
				return 0;
			}
			if (*pte & PTE_VALID)
				return -EEXIST;
			*pte = pa | attrs | PTE_AF | PTE_VALID |
			       (level == 3 ? PTE_TABLE : 0);
			*step = block;
			return 0;
		}
		if (!(*pte & PTE_VALID)) {
			uint64_t page;
			int err = pt->alloc_page(pt->ctx, &page);

			if (err)
				return err;
			*pte = page | PTE_TABLE | PTE_VALID;
		} else if (!(*pte & PTE_TABLE)) {
			if (!(flags & PGTABLE_KEEP_MAPPED))
				return -EEXIST; /* inside a block mapped before */
			*step = block - (va & (block - 1));
			return 0;
		}
		table = table_of(pt, *pte);
	}
	return -EINVAL;
}

int pgtable_map(struct pgtable *pt, uint64_t va, uint64_t pa, uint64_t size,
		uint64_t attrs, unsigned int flags)
{
	uint64_t limit = (uint64_t)pt->root_entries
			 << level_shift(pt->start_level);

	if ((va | pa | size) & (PGTABLE_PAGE_SIZE - 1))
		return -EINVAL;
	if (va >= limit || size > limit - va)
		return -EINVAL;
	/* Address bits above 47 would land in the descriptor's attributes. */
	if (pa > PTE_ADDR_MASK || size > PTE_ADDR_MASK + PGTABLE_PAGE_SIZE - pa)
		return -EINVAL;
	while (size) {
		uint64_t step;
		int err = map_one(pt, va, pa, size, attrs, flags, &step);

		if (err)
			return err;
		if (step > size) /* the rest lies in a block kept as it is */
			step = size;
		va += step;
		pa += step;
		size -= step;
	}
	return 0;
}

int pgtable_lookup(const struct pgtable *pt, uint64_t va, uint64_t *pa,
		   uint64_t *attrs, unsigned int *level)
{
	uint64_t *table = pt->phys_to_ptr(pt->ctx, pt->root);
	unsigned int l;

	/* e.g. an IPA from a fault syndrome, beyond what the table covers */
	if (va >> level_shift(pt->start_level) >= pt->root_entries)
		return -ENOENT;
	for (l = pt->start_level; l <= 3; l++) {
		uint64_t pte = table[index_at(pt, va, l)];
		uint64_t block = 1ULL << level_shift(l);

		if (!(pte & PTE_VALID))
			return -ENOENT;
		if (l == 3 || !(pte & PTE_TABLE)) {
			*pa = (pte & PTE_ADDR_MASK & ~(block - 1)) |
			      (va & (block - 1));
			*attrs = pte & ~PTE_ADDR_MASK;
			*level = l;
			return 0;
		}
		table = table_of(pt, pte);
	}
	return -ENOENT;
}

uint64_t stage2_attrs(uint64_t flags)
{
	uint64_t attrs = 0;

	if (flags & JAILHOUSE_MEM_READ)
		attrs |= S2_AP_READ;
	if (flags & JAILHOUSE_MEM_WRITE)
		attrs |= S2_AP_WRITE;
	/*
	 * Jailhouse ignores EXECUTE on Arm; Warden enforces it. Devices are
	 * never executable: a fetch, even a speculative one, from Device
	 * memory that is not execute-never may read registers whose reads
	 * have side effects.
	 */
	if (!(flags & JAILHOUSE_MEM_EXECUTE) || flags & JAILHOUSE_MEM_IO)
		attrs |= S2_XN;
	if (flags & JAILHOUSE_MEM_IO)
		attrs |= S2_MEMATTR_DEVICE;
	else
		attrs |= S2_MEMATTR_NORMAL | PTE_SH_INNER;
	return attrs;
}
