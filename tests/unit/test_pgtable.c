// SPDX-License-Identifier: GPL-2.0
/*
 * The stage-2 table builder: block sizes chosen by alignment, access
 * rights (execute-never included) taken from the region flags, overlaps
 * refused, running out of pages reported.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/cell-config.h>
#include <warden/errno.h>
#include <warden/pgtable.h>

#define MAX_PAGES 64

struct pool {
	uint8_t *mem; /* "physical" address 0 is mem[0] */
	unsigned int used, limit;
};

static int pool_alloc(void *ctx, uint64_t *pa)
{
	struct pool *p = ctx;

	if (p->used >= p->limit)
		return -ENOMEM;
	*pa = (uint64_t)p->used++ * PGTABLE_PAGE_SIZE;
	memset(p->mem + *pa, 0, PGTABLE_PAGE_SIZE);
	return 0;
}

static void *pool_ptr(void *ctx, uint64_t pa)
{
	return ((struct pool *)ctx)->mem + pa;
}

static struct pool pool;
static struct pgtable pt;

static void table_init(unsigned int limit, unsigned int ipa_bits)
{
	free(pool.mem);
	pool.mem =
		aligned_alloc(PGTABLE_PAGE_SIZE, MAX_PAGES * PGTABLE_PAGE_SIZE);
	pool.used = 0;
	pool.limit = limit;
	pt.start_level = ipa_bits > 39 ? 0 : 1;
	pt.root_entries = 1U << (ipa_bits - (pt.start_level ? 30 : 39));
	pt.alloc_page = pool_alloc;
	pt.phys_to_ptr = pool_ptr;
	pt.ctx = &pool;
	assert_int_equal(pool_alloc(&pool, &pt.root), 0);
}

static void expect_map(uint64_t ipa, uint64_t pa, unsigned int level)
{
	uint64_t out, attrs;
	unsigned int l;

	assert_int_equal(pgtable_lookup(&pt, ipa, &out, &attrs, &l), 0);
	assert_true(out == pa);
	assert_int_equal(l, level);
}

static void uses_the_largest_blocks_alignment_allows(void **state)
{
	uint64_t attrs = stage2_attrs(JAILHOUSE_MEM_READ);

	table_init(MAX_PAGES, 44);
	/* 1 GiB aligned: one level-1 block */
	assert_int_equal(pgtable_map(&pt, 0x40000000, 0x40000000, 0x40000000,
				     attrs, 0),
			 0);
	expect_map(0x40000000, 0x40000000, 1);
	expect_map(0x7fffffff, 0x7fffffff, 1);
	/* 2 MiB aligned, 4 MiB: level-2 blocks */
	assert_int_equal(pgtable_map(&pt, 0x80000000, 0x80000000, 0x400000,
				     attrs, 0),
			 0);
	expect_map(0x80200000, 0x80200000, 2);
	/* 4 KiB aligned start: pages up to the next 2 MiB, then blocks */
	assert_int_equal(pgtable_map(&pt, 0x09001000, 0x09001000, 0x36fff000,
				     attrs, 0),
			 0);
	expect_map(0x09001000, 0x09001000, 3);
	expect_map(0x091ff000, 0x091ff000, 3);
	expect_map(0x09200000, 0x09200000, 2);
	expect_map(0x3fe00000, 0x3fe00000, 2);
	/* a different output address keeps the offset */
	assert_int_equal(
		pgtable_map(&pt, 0x100000000, 0x7000000, 0x1000, attrs, 0), 0);
	expect_map(0x100000123, 0x7000123, 3);
}

static void no_blocks_flag_forces_pages(void **state)
{
	table_init(MAX_PAGES, 44);
	assert_int_equal(pgtable_map(&pt, 0x40000000, 0x40000000, 0x200000, 0,
				     PGTABLE_NO_BLOCKS),
			 0);
	expect_map(0x40000000, 0x40000000, 3);
	expect_map(0x401ff000, 0x401ff000, 3);
}

static void rights_follow_region_flags(void **state)
{
	uint64_t out, attrs;
	unsigned int l;

	table_init(MAX_PAGES, 40);
	assert_int_equal(pgtable_map(&pt, 0x1000, 0x1000, 0x1000,
				     stage2_attrs(JAILHOUSE_MEM_READ |
						  JAILHOUSE_MEM_WRITE |
						  JAILHOUSE_MEM_EXECUTE),
				     0),
			 0);
	assert_int_equal(
		pgtable_map(&pt, 0x2000, 0x2000, 0x1000,
			    stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_IO),
			    0),
		0);

	assert_int_equal(pgtable_lookup(&pt, 0x1000, &out, &attrs, &l), 0);
	assert_true(attrs & S2_AP_READ);
	assert_true(attrs & S2_AP_WRITE);
	assert_false(attrs & S2_XN);
	assert_true((attrs & (0xfULL << 2)) == S2_MEMATTR_NORMAL);
	assert_true(attrs & PTE_AF);

	assert_int_equal(pgtable_lookup(&pt, 0x2000, &out, &attrs, &l), 0);
	assert_true(attrs & S2_AP_READ);
	assert_false(attrs & S2_AP_WRITE);
	/* Jailhouse would leave this executable; Warden does not. */
	assert_true(attrs & S2_XN);
	assert_true((attrs & (0xfULL << 2)) == S2_MEMATTR_DEVICE);
	/* a device is never executable, whatever its flags say */
	assert_true(stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_IO |
				 JAILHOUSE_MEM_EXECUTE) &
		    S2_XN);
	assert_false(stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_EXECUTE) &
		     S2_XN);

	assert_int_equal(pgtable_lookup(&pt, 0x3000, &out, &attrs, &l),
			 -ENOENT);
}

static void refuses_overlap_misalignment_and_range(void **state)
{
	table_init(MAX_PAGES, 36);
	assert_int_equal(
		pgtable_map(&pt, 0x40000000, 0x40000000, 0x200000, 0, 0), 0);
	/* inside the block mapped before */
	assert_int_equal(pgtable_map(&pt, 0x40001000, 0x1000, 0x1000, 0, 0),
			 -EEXIST);
	assert_int_equal(pgtable_map(&pt, 0x40200000, 0x1000, 0x800, 0, 0),
			 -EINVAL);
	/* 36-bit IPA space ends at 64 GiB */
	assert_int_equal(pgtable_map(&pt, 0xfffff000, 0, 0x1000, 0, 0), 0);
	assert_int_equal(pgtable_map(&pt, 1ULL << 36, 0, 0x1000, 0, 0),
			 -EINVAL);
	assert_int_equal(pgtable_map(&pt, (1ULL << 36) - 0x1000, 0, 0x2000, 0,
				     0),
			 -EINVAL);
	/*
	 * A PA past 48 bits would set attribute bits (here bit 54, XN, and
	 * 52, contiguous); one that wraps around is no range at all.
	 */
	assert_int_equal(pgtable_map(&pt, 0x80000000, 0x0050000000000000ULL,
				     0x1000, 0, 0),
			 -EINVAL);
	assert_int_equal(pgtable_map(&pt, 0x80000000, 0xfffffffff000ULL, 0x2000,
				     0, 0),
			 -EINVAL);
	assert_int_equal(pgtable_map(&pt, 0x80000000, ~0xfffULL, 0x2000, 0, 0),
			 -EINVAL);
	assert_int_equal(pgtable_map(&pt, 0x80000000, 0xfffffffff000ULL, 0x1000,
				     0, 0),
			 0);
}

/*
 * An IPA from a fault syndrome may lie beyond the table (48 bits of HPFAR
 * against a 36-bit table): nothing there, and no read past the first
 * level table (which would see the next pool page, here a level-2 table
 * with a valid block).
 */
static void lookup_beyond_the_table_finds_nothing(void **state)
{
	uint64_t out, attrs;
	unsigned int l;

	table_init(MAX_PAGES, 36);
	assert_int_equal(pgtable_map(&pt, 0, 0, 0x200000, 0, 0), 0);
	expect_map(0x1000, 0x1000, 2);
	assert_int_equal(pgtable_lookup(&pt, 1ULL << 36, &out, &attrs, &l),
			 -ENOENT);
	assert_int_equal(pgtable_lookup(&pt, 1ULL << 39, &out, &attrs, &l),
			 -ENOENT);
}

static void reports_exhausted_pool(void **state)
{
	table_init(2, 44);
	assert_int_equal(pgtable_map(&pt, 0x1000, 0x1000, 0x1000, 0, 0),
			 -ENOMEM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(uses_the_largest_blocks_alignment_allows),
		cmocka_unit_test(no_blocks_flag_forces_pages),
		cmocka_unit_test(rights_follow_region_flags),
		cmocka_unit_test(refuses_overlap_misalignment_and_range),
		cmocka_unit_test(reports_exhausted_pool),
		cmocka_unit_test(lookup_beyond_the_table_finds_nothing),
	};
	int ret = cmocka_run_group_tests(tests, NULL, NULL);

	free(pool.mem);
	return ret;
}
