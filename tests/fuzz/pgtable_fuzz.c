// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for stage-2 table building and editing (core/pgtable.c,
 * core/pgtable_edit.c): a random sequence of map (also with
 * PGTABLE_KEEP_MAPPED, which fills only the holes), unmap, collapse and
 * lookup on a small table (4 GiB of IPA space) whose pages live in a host
 * buffer. A model of what should be mapped (IPA ranges, their PA and
 * attributes) is kept beside it, and after every step:
 *   - addresses around every range and the step's edges translate as the
 *     model says: mapped IPAs to the right PA with the right attributes,
 *     unmapped ones not at all; collapse changes no translation;
 *   - a split or merge of a live entry went through an invalid entry and
 *     the invalidate hook (break-before-make), for the whole block;
 *   - an unmap or collapse that the input cuts short inside the hook (as
 *     an exception at EL2 would: longjmp out of it) left the edit noted
 *     in pt.pending, and pgtable_edit_finish() completes it: the unmap
 *     has removed what lies before the block it was splitting and
 *     nothing else, the collapse changed no translation, the tables
 *     walk as the model says and hold no page they do not reach (the
 *     merged table is freed), and the finish invalidated the block once
 *     more; a second finish, or one with nothing pending, does nothing;
 * and at the end of the sequence the harness walks the tables itself,
 * without pgtable_lookup: every leaf agrees with the model, together they
 * cover exactly the model's bytes, blocks are aligned and only at levels
 * 1 and 2, each table page is in use and reached once, every page in use
 * is reached; pgtable_destroy gives every page back. Freed pages are
 * poisoned with valid-looking descriptors, so a walk through a freed
 * table shows.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <string.h>

#include <jailhouse/cell-config.h>
#include <warden/errno.h>
#include <warden/pgtable_edit.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SZ_4K 0x1000ULL
#define SZ_2M 0x200000ULL
#define SZ_64M 0x4000000ULL
#define SZ_1G 0x40000000ULL
#define SPACE (4 * SZ_1G) /* where the steps' IPAs lie */
#define PA_MAX (1ULL << 48) /* what a descriptor's address field holds */
#define TYPE_MASK 3ULL
#define ATTRS(d) ((d) & ~PTE_ADDR_MASK & ~TYPE_MASK)

/* Table pages: "physical" addresses POOL_PA + i * 4 KiB. */
#define POOL_PAGES 2112 /* a root, a level 1 table, 4 + 2048 below */
#define POOL_PA 0x7f0000000000ULL
static uint64_t *pool;
static uint8_t in_use[POOL_PAGES], reached[POOL_PAGES];
static unsigned int pages_used;

static uint64_t *page_ptr(uint64_t pa)
{
	uint64_t i = (pa - POOL_PA) / SZ_4K;

	fuzz_check(pa >= POOL_PA && !(pa & (SZ_4K - 1)) && i < POOL_PAGES,
		   "table address 0x%llx is no pool page",
		   (unsigned long long)pa);
	fuzz_check(in_use[i], "table page 0x%llx used after free",
		   (unsigned long long)pa);
	return pool + i * 512;
}

static void *phys_to_ptr(void *ctx, uint64_t pa)
{
	return page_ptr(pa);
}

static int alloc_page(void *ctx, uint64_t *pa)
{
	unsigned int i;

	for (i = 0; i < POOL_PAGES && in_use[i]; i++)
		;
	if (i == POOL_PAGES)
		return -ENOMEM;
	in_use[i] = 1;
	pages_used++;
	memset(pool + i * 512, 0, SZ_4K);
	*pa = POOL_PA + i * SZ_4K;
	return 0;
}

static void free_page(void *ctx, uint64_t pa)
{
	uint64_t *p = page_ptr(pa);

	/* valid blocks to nowhere: walking a freed table finds them */
	memset(p, 0xa5, SZ_4K);
	in_use[(pa - POOL_PA) / SZ_4K] = 0;
	pages_used--;
}

/* The model: sorted, disjoint IPA ranges. */
#define MAX_RANGES 512
static struct range {
	uint64_t va, end, pa, attrs;
} ranges[MAX_RANGES];
static unsigned int num_ranges;

static const struct range *model_find(uint64_t va)
{
	unsigned int lo = 0, hi = num_ranges;

	/* sorted and disjoint: the last range starting at or below va */
	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		if (ranges[mid].va <= va)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo && va < ranges[lo - 1].end ? &ranges[lo - 1] : NULL;
}

/* The lowest mapped address in [va, end), or end. */
static uint64_t model_first_mapped(uint64_t va, uint64_t end)
{
	uint64_t first = end;
	unsigned int i;

	for (i = 0; i < num_ranges; i++)
		if (ranges[i].va < end && ranges[i].end > va)
			first = ranges[i].va > va ?
					(ranges[i].va < first ? ranges[i].va :
								first) :
					va;
	return first;
}

static void model_remove(uint64_t va, uint64_t end)
{
	struct range out[MAX_RANGES];
	unsigned int i, n = 0;

	for (i = 0; i < num_ranges; i++) {
		struct range r = ranges[i];

		if (r.end <= va || r.va >= end) {
			out[n++] = r;
			continue;
		}
		if (r.va < va) {
			out[n] = r;
			out[n++].end = va;
		}
		if (r.end > end) {
			fuzz_check(n < MAX_RANGES, "model full");
			out[n] = r;
			out[n].pa = r.pa + (end - r.va);
			out[n++].va = end;
		}
	}
	memcpy(ranges, out, n * sizeof(out[0]));
	num_ranges = n;
}

static void model_add(uint64_t va, uint64_t end, uint64_t pa, uint64_t attrs)
{
	unsigned int i = 0;

	fuzz_check(num_ranges < MAX_RANGES, "model full");
	while (i < num_ranges && ranges[i].va < va)
		i++;
	memmove(&ranges[i + 1], &ranges[i],
		(num_ranges - i) * sizeof(ranges[0]));
	ranges[i] = (struct range){ va, end, pa, attrs };
	num_ranges++;
}

/*
 * The holes of the model in [va, end), what a PGTABLE_KEEP_MAPPED map
 * fills, into holes[] (MAX_RANGES + 1 of them at most): their number.
 */
static unsigned int model_holes(uint64_t va, uint64_t end, struct range *holes)
{
	unsigned int i, n = 0;
	uint64_t at = va;

	for (i = 0; i < num_ranges && at < end; i++) {
		if (ranges[i].end <= at)
			continue;
		if (ranges[i].va >= end)
			break;
		if (ranges[i].va > at)
			holes[n++] =
				(struct range){ .va = at, .end = ranges[i].va };
		at = ranges[i].end;
	}
	if (at < end)
		holes[n++] = (struct range){ .va = at, .end = end };
	return n;
}

static struct pgtable pt;
static unsigned int invalidations;
/*
 * An edit to cut short: the invalidation (1, 2, ...) of the step at which
 * the hook jumps out as an exception at EL2 would leave it (0: none), and
 * the block that invalidation was for.
 */
static unsigned int cut_at;
static uint64_t cut_va;
static jmp_buf cut_env;

static void invalidate(void *ctx, uint64_t va, uint64_t size)
{
	uint64_t pa, attrs;
	unsigned int level;

	fuzz_check(size == SZ_2M || size == SZ_1G, "invalidate of 0x%llx bytes",
		   (unsigned long long)size);
	fuzz_check(!(va & (size - 1)), "invalidate of an unaligned block");
	/* break-before-make: the entry is invalid while TLBs forget it */
	fuzz_check(pgtable_lookup(&pt, va, &pa, &attrs, &level) == -ENOENT &&
			   pgtable_lookup(&pt, va + size - SZ_4K, &pa, &attrs,
					  &level) == -ENOENT,
		   "0x%llx still translates during its invalidation",
		   (unsigned long long)va);
	invalidations++;
	if (cut_at && invalidations == cut_at) {
		cut_at = 0;
		cut_va = va;
		longjmp(cut_env, 1);
	}
}

/* pgtable_lookup() of va agrees with the model. */
static void probe(uint64_t va)
{
	const struct range *r;
	uint64_t pa, attrs;
	unsigned int level;
	int err;

	va &= ~(SZ_4K - 1);
	r = model_find(va);
	err = pgtable_lookup(&pt, va + 0x123, &pa, &attrs, &level);
	if (!r) {
		fuzz_check(err == -ENOENT, "0x%llx translates, should not",
			   (unsigned long long)va);
		return;
	}
	fuzz_check(!err, "0x%llx does not translate (%d), should to 0x%llx",
		   (unsigned long long)va, err,
		   (unsigned long long)(r->pa + (va - r->va)));
	fuzz_check(pa == r->pa + (va - r->va) + 0x123,
		   "0x%llx translates to 0x%llx, should to 0x%llx",
		   (unsigned long long)va, (unsigned long long)pa,
		   (unsigned long long)(r->pa + (va - r->va)));
	fuzz_check(ATTRS(attrs) == ATTRS(r->attrs | PTE_AF) &&
			   attrs & PTE_VALID,
		   "0x%llx: attributes 0x%llx, should be 0x%llx",
		   (unsigned long long)va, (unsigned long long)attrs,
		   (unsigned long long)(r->attrs | PTE_AF));
	fuzz_check(level >= 1 && level <= 3, "level %u", level);
}

static void probe_around(uint64_t va, uint64_t end)
{
	uint64_t mid = va + ((end - va) / 2 & ~(SZ_4K - 1));

	if (va >= SZ_4K)
		probe(va - SZ_4K);
	probe(va);
	probe(mid);
	if (end > va) {
		probe(end - SZ_4K);
		probe(end);
	}
}

static void probe_all(void)
{
	unsigned int i;

	for (i = 0; i < num_ranges; i++)
		probe_around(ranges[i].va, ranges[i].end);
}

/* The independent walk: returns the bytes the leaves map. */
static uint64_t walk(uint64_t *table, unsigned int level, uint64_t table_va)
{
	unsigned int i, n = level == pt.start_level ? pt.root_entries : 512;
	uint64_t block = 1ULL << (39 - 9 * level), mapped = 0;

	for (i = 0; i < n; i++) {
		uint64_t d = table[i], va = table_va + i * block, pa, at;
		const struct range *r;

		if (!(d & PTE_VALID))
			continue;
		if (level < 3 && (d & TYPE_MASK) == TYPE_MASK) {
			uint64_t idx = ((d & PTE_ADDR_MASK) - POOL_PA) / SZ_4K;

			page_ptr(d & PTE_ADDR_MASK);
			fuzz_check(!reached[idx], "table page reached twice");
			reached[idx] = 1;
			mapped += walk(page_ptr(d & PTE_ADDR_MASK), level + 1,
				       va);
			continue;
		}
		fuzz_check(level >= 1, "a block at level 0");
		fuzz_check(level < 3 || (d & TYPE_MASK) == TYPE_MASK,
			   "a level 3 entry of type 1 (reserved)");
		pa = d & PTE_ADDR_MASK;
		fuzz_check(!(pa & (block - 1)), "unaligned block 0x%llx",
			   (unsigned long long)pa);
		/* the leaf may span ranges the model keeps apart */
		for (at = va; at < va + block; at = r->end) {
			r = model_find(at);
			fuzz_check(
				r,
				"leaf 0x%llx+0x%llx maps 0x%llx, the model does not",
				(unsigned long long)va,
				(unsigned long long)block,
				(unsigned long long)at);
			fuzz_check(
				pa + (at - va) == r->pa + (at - r->va) &&
					ATTRS(d) == ATTRS(r->attrs | PTE_AF),
				"leaf 0x%llx: 0x%llx, model at 0x%llx: PA 0x%llx attrs 0x%llx",
				(unsigned long long)va, (unsigned long long)d,
				(unsigned long long)at,
				(unsigned long long)(r->pa + (at - r->va)),
				(unsigned long long)r->attrs);
		}
		mapped += block;
	}
	return mapped;
}

static void check_walk(void)
{
	uint64_t model = 0, mapped;
	unsigned int i, n = 0;

	memset(reached, 0, sizeof(reached));
	reached[(pt.root - POOL_PA) / SZ_4K] = 1;
	mapped = walk(page_ptr(pt.root), pt.start_level, 0);
	for (i = 0; i < num_ranges; i++)
		model += ranges[i].end - ranges[i].va;
	fuzz_check(mapped == model, "tables map 0x%llx bytes, model 0x%llx",
		   (unsigned long long)mapped, (unsigned long long)model);
	for (i = 0; i < POOL_PAGES; i++)
		n += reached[i];
	fuzz_check(n == pages_used, "%u table pages in use, %u reached",
		   pages_used, n);
}

/*
 * After an edit cut short in the hook: it is noted, and
 * pgtable_edit_finish() completes it. [va, end) is what the edit had
 * removed before it was cut (an unmap: up to the block it was splitting).
 */
static void finish_cut(uint64_t va, uint64_t end)
{
	uint64_t pa, attrs;
	unsigned int level, before = invalidations;

	fuzz_check(pt.pending.pte, "an edit cut short is not noted");
	fuzz_check(pt.pending.va == cut_va,
		   "pending edit at 0x%llx, cut at 0x%llx",
		   (unsigned long long)pt.pending.va,
		   (unsigned long long)cut_va);
	fuzz_check(pgtable_lookup(&pt, cut_va, &pa, &attrs, &level) == -ENOENT,
		   "0x%llx translates with its edit cut short",
		   (unsigned long long)cut_va);
	fuzz_check(pgtable_edit_finish(&pt, free_page) == 1,
		   "the edit cut short at 0x%llx was not finished",
		   (unsigned long long)cut_va);
	/* the hook may have been cut before the TLBs forgot the entry */
	fuzz_check(invalidations == before + 1,
		   "the finish of 0x%llx invalidated %u times, not once",
		   (unsigned long long)cut_va, invalidations - before);
	fuzz_check(!pt.pending.pte, "an edit still pending after its finish");
	fuzz_check(pgtable_edit_finish(&pt, free_page) == 0,
		   "a second finish did something");
	if (end > va)
		model_remove(va, end);
	check_walk();
}

/* An IPA range from the input: mostly aligned to what blocks need. */
static void take_range(struct fuzz_input *in, uint64_t *va, uint64_t *size)
{
	static const uint64_t grains[] = { SZ_4K, SZ_2M, SZ_1G, SZ_4K };
	uint8_t g = fuzz_u8(in);
	uint64_t align = grains[g & 3], unit = grains[(g >> 2) & 3];
	unsigned int count = 1 + fuzz_u8(in) % (unit == SZ_1G ? 2 : 8);

	*va = (fuzz_u32(in) * SZ_4K) % SPACE / align * align;
	*size = count * unit;
	if (g & 0x10) /* an odd page more or less */
		*size += SZ_4K;
	if (g & 0x20 && *size > SZ_4K)
		*size -= SZ_4K;
	if (g & 0x40) /* often: inside the space */
		*size = *size > SPACE - *va ? SPACE - *va : *size;
}

static void step(struct fuzz_input *in)
{
	uint8_t op = fuzz_u8(in);
	uint64_t limit = (uint64_t)pt.root_entries << (39 - 9 * pt.start_level);
	uint64_t va, size, pa, attrs, first;
	unsigned int flags;
	int err, expect;

	take_range(in, &va, &size);
	if ((op & 0xc0) == 0xc0) /* now and then: past the table's end */
		va = limit - SZ_4K * (op & 3);
	invalidations = 0;
	/* now and then: an exception at EL2 in the hook of an edit */
	cut_at = pt.invalidate && (op & 0x0c) == 0x0c ? 1 + (op >> 4 & 3) : 0;
	switch (op % 4) {
	case 0: { /* map */
		uint8_t how = fuzz_u8(in);
		uint64_t delta = fuzz_u16(in);
		struct range holes[MAX_RANGES + 1];
		unsigned int i, n = 0;

		attrs = stage2_attrs(fuzz_u8(in));
		flags = (how & 1 ? PGTABLE_NO_BLOCKS : 0) |
			(how & 8 ? PGTABLE_KEEP_MAPPED : 0);
		switch ((how >> 1) & 3) {
		case 0:
			pa = va;
			break;
		case 1:
			pa = va + delta * SZ_2M;
			break;
		case 2:
			pa = va + delta * SZ_4K;
			break;
		default: /* anything page aligned, even past 48 bits */
			pa = fuzz_u64(in) & ~(SZ_4K - 1);
			break;
		}
		/* pages only: 64 MiB is as good as 4 GiB, and 64 times faster */
		if ((flags & PGTABLE_NO_BLOCKS || (pa ^ va) & (SZ_2M - 1)) &&
		    size > SZ_64M)
			size = SZ_64M;
		if (va >= limit || size > limit - va || pa + size < pa ||
		    pa + size > PA_MAX) {
			expect = -EINVAL;
		} else if (flags & PGTABLE_KEEP_MAPPED) {
			/* what is mapped stays, whatever it maps to */
			expect = 0;
			n = model_holes(va, va + size, holes);
			if (num_ranges + n > MAX_RANGES)
				return; /* more than the model holds */
		} else {
			first = model_first_mapped(va, va + size);
			expect = first == va ? -EEXIST : 0;
			/* partly mapped: map the free part before it */
			if (first > va)
				size = first - va;
		}
		err = pgtable_map(&pt, va, pa, size, attrs, flags);
		fuzz_check(err == expect,
			   "map 0x%llx+0x%llx to 0x%llx: %d, expected %d",
			   (unsigned long long)va, (unsigned long long)size,
			   (unsigned long long)pa, err, expect);
		if (!err && flags & PGTABLE_KEEP_MAPPED)
			for (i = 0; i < n; i++)
				model_add(holes[i].va, holes[i].end,
					  pa + (holes[i].va - va), attrs);
		else if (!err)
			model_add(va, va + size, pa, attrs);
		/* a new mapping replaces no live entry */
		fuzz_check(!invalidations, "map invalidated");
		break;
	}
	case 1: /* unmap */
		expect = va >= limit || size > limit - va ? -EINVAL : 0;
		if (setjmp(cut_env)) {
			/* cut while splitting the block at cut_va */
			finish_cut(va, cut_va > va ? cut_va : va);
			break;
		}
		err = pgtable_unmap(&pt, va, size);
		fuzz_check(err == expect,
			   "unmap 0x%llx+0x%llx: %d, expected %d",
			   (unsigned long long)va, (unsigned long long)size,
			   err, expect);
		if (!err)
			model_remove(va, va + size);
		break;
	case 2: /* collapse: no translation changes */
		if (va >= limit || size > limit - va)
			return;
		if (setjmp(cut_env)) {
			finish_cut(0, 0);
			break;
		}
		pgtable_collapse(&pt, va, size, free_page);
		break;
	default: /* probes; a finish with nothing pending does nothing */
		fuzz_check(!pgtable_edit_finish(&pt, free_page),
			   "a finish with nothing pending did something");
		probe(fuzz_u32(in) * SZ_4K % SPACE);
		break;
	}
	cut_at = 0;
	if (va < SPACE)
		probe_around(va, va + size < SPACE ? va + size : SPACE);
	probe_all();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };
	uint8_t ctl = fuzz_u8(&in);
	unsigned int n;

	if (!pool) {
		pool = aligned_alloc(SZ_4K, POOL_PAGES * SZ_4K);
		fuzz_check(pool, "no memory for the pool");
	}
	memset(in_use, 0, sizeof(in_use));
	pages_used = 0;
	num_ranges = 0;
	pt = (struct pgtable){
		.start_level = ctl & 1 ? 0 : 1,
		.root_entries = ctl & 1 ? 1 : 4,
		.alloc_page = alloc_page,
		.phys_to_ptr = phys_to_ptr,
		.invalidate = ctl & 2 ? invalidate : NULL,
	};
	fuzz_check(!alloc_page(NULL, &pt.root), "no root");
	for (n = 0; n < 32 && in.n; n++)
		step(&in);
	check_walk();
	pgtable_destroy(&pt, free_page);
	fuzz_check(!pages_used, "%u table pages leaked", pages_used);
	return 0;
}
