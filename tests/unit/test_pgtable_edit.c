// SPDX-License-Identifier: GPL-2.0
/*
 * Editing live tables (hypervisor/core/pgtable_edit.c): a cell's 64 KiB
 * leaves a root region mapped with blocks, which splits them; the rest
 * stays mapped; mapping back and collapsing restores the blocks and frees
 * every table the split took, so that cycles do not leak pool pages.
 * Replacing a live block by a table, or a table by a block, goes through
 * an invalid entry and the invalidate hook (break-before-make).
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
#include <warden/pgtable_edit.h>

#define MAX_PAGES 64

static uint8_t *mem;
static uint8_t in_use[MAX_PAGES];
static unsigned int used, limit;
static struct pgtable pt;

static int alloc(void *ctx, uint64_t *pa)
{
	unsigned int i;

	if (used >= limit)
		return -ENOMEM;
	for (i = 0; in_use[i]; i++)
		;
	in_use[i] = 1;
	used++;
	*pa = (uint64_t)i * PGTABLE_PAGE_SIZE;
	memset(mem + *pa, 0, PGTABLE_PAGE_SIZE);
	return 0;
}

static void release(void *ctx, uint64_t pa)
{
	assert_true(in_use[pa / PGTABLE_PAGE_SIZE]);
	in_use[pa / PGTABLE_PAGE_SIZE] = 0;
	used--;
}

static void *ptr(void *ctx, uint64_t pa)
{
	return mem + pa;
}

/* What the invalidate hook saw, call by call. */
#define MAX_CALLS 8
static struct call {
	uint64_t va, size;
	int lookup; /* pgtable_lookup() of va during the call */
	unsigned int used; /* table pages in use during the call */
} calls[MAX_CALLS];
static unsigned int num_calls;

static void invalidate(void *ctx, uint64_t va, uint64_t size)
{
	uint64_t pa, attrs;
	unsigned int level;

	assert_true(num_calls < MAX_CALLS);
	calls[num_calls].va = va;
	calls[num_calls].size = size;
	calls[num_calls].lookup = pgtable_lookup(&pt, va, &pa, &attrs, &level);
	calls[num_calls].used = used;
	num_calls++;
}

static int setup(void **state)
{
	mem = aligned_alloc(PGTABLE_PAGE_SIZE, MAX_PAGES * PGTABLE_PAGE_SIZE);
	memset(in_use, 0, sizeof(in_use));
	used = 0;
	limit = MAX_PAGES;
	pt.start_level = 0;
	pt.root_entries = 32; /* 44-bit IPA */
	pt.alloc_page = alloc;
	pt.phys_to_ptr = ptr;
	pt.invalidate = NULL;
	num_calls = 0;
	return alloc(NULL, &pt.root);
}

static int teardown(void **state)
{
	free(mem);
	return 0;
}

static int level_of(uint64_t va)
{
	uint64_t pa, attrs;
	unsigned int level;

	if (pgtable_lookup(&pt, va, &pa, &attrs, &level))
		return -1;
	assert_true(pa == va);
	return level;
}

static void test_unmap_splits_and_collapse_restores(void **state)
{
	uint64_t rwx = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				    JAILHOUSE_MEM_EXECUTE);
	unsigned int start;

	/* the QEMU root's cell RAM region: 2 MiB blocks */
	assert_int_equal(pgtable_map(&pt, 0x70000000, 0x70000000, 0x0fc00000,
				     rwx, 0),
			 0);
	start = used;
	assert_int_equal(level_of(0x7fa00000), 2);

	assert_int_equal(pgtable_unmap(&pt, 0x7fa00000, 0x10000), 0);
	assert_int_equal(level_of(0x7fa00000), -1);
	assert_int_equal(level_of(0x7fa0f000), -1);
	assert_int_equal(level_of(0x7fa10000), 3);
	assert_int_equal(level_of(0x7f9ff000), 2);
	assert_int_equal(level_of(0x70000000), 2);
	assert_int_equal(used, start + 1);

	/* back, page by page, then merged into the block again */
	assert_int_equal(pgtable_map(&pt, 0x7fa00000, 0x7fa00000, 0x10000, rwx,
				     PGTABLE_NO_BLOCKS),
			 0);
	assert_int_equal(level_of(0x7fa00000), 3);
	pgtable_collapse(&pt, 0x7fa00000, 0x10000, release);
	assert_int_equal(level_of(0x7fa00000), 2);
	assert_int_equal(used, start);
}

static void test_unmap_whole_blocks_and_holes(void **state)
{
	uint64_t rw = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE);
	unsigned int start = used;

	assert_int_equal(
		pgtable_map(&pt, 0x40000000, 0x40000000, 0x40000000, rw, 0), 0);
	assert_int_equal(level_of(0x40000000), 1);
	/* a 2 MiB piece of a 1 GiB block: one table, no pages */
	assert_int_equal(pgtable_unmap(&pt, 0x40200000, 0x200000), 0);
	assert_int_equal(level_of(0x40200000), -1);
	assert_int_equal(level_of(0x40000000), 2);
	assert_int_equal(level_of(0x40400000), 2);
	/* unmapping what is not mapped is fine */
	assert_int_equal(pgtable_unmap(&pt, 0x40200000, 0x200000), 0);
	assert_int_equal(pgtable_unmap(&pt, 0x100000000, 0x1000), 0);
	assert_int_equal(pgtable_map(&pt, 0x40200000, 0x40200000, 0x200000, rw,
				     PGTABLE_NO_BLOCKS),
			 0);
	pgtable_collapse(&pt, 0x40200000, 0x200000, release);
	assert_int_equal(level_of(0x40200000), 1);
	/* different attributes do not merge */
	assert_int_equal(pgtable_unmap(&pt, 0x40000000, 0x1000), 0);
	assert_int_equal(pgtable_map(&pt, 0x40000000, 0x40000000, 0x1000,
				     stage2_attrs(JAILHOUSE_MEM_READ),
				     PGTABLE_NO_BLOCKS),
			 0);
	pgtable_collapse(&pt, 0x40000000, 0x1000, release);
	assert_int_equal(level_of(0x40000000), 3);
	assert_int_equal(level_of(0x40001000), 3);
	(void)start;
}

static void test_split_out_of_pages(void **state)
{
	uint64_t rw = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE);

	assert_int_equal(
		pgtable_map(&pt, 0x80000000, 0x80000000, 0x40000000, rw, 0), 0);
	limit = used;
	assert_int_equal(pgtable_unmap(&pt, 0x80000000, 0x1000), -ENOMEM);
	assert_int_equal(level_of(0x80000000), 1);
	limit = MAX_PAGES;
}

static void test_destroy_frees_all(void **state)
{
	uint64_t rw = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE);

	assert_int_equal(pgtable_map(&pt, 0x0, 0x7fa00000, 0x10000, rw, 0), 0);
	assert_int_equal(
		pgtable_map(&pt, 0x09000000, 0x09000000, 0x1000, rw, 0), 0);
	assert_true(used > 1);
	pgtable_destroy(&pt, release);
	assert_int_equal(used, 0);
}

/*
 * A 2 MiB block becomes a table: the entry is invalid while the hook runs
 * (no walker may see the block and the table at once), and the hook
 * covers the whole block.
 */
static void test_split_breaks_before_make(void **state)
{
	uint64_t rwx = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				    JAILHOUSE_MEM_EXECUTE);

	assert_int_equal(pgtable_map(&pt, 0x70000000, 0x70000000, 0x0fc00000,
				     rwx, 0),
			 0);
	pt.invalidate = invalidate;
	assert_int_equal(pgtable_unmap(&pt, 0x7fa00000, 0x10000), 0);
	assert_int_equal(num_calls, 1);
	assert_int_equal(calls[0].va, 0x7fa00000);
	assert_int_equal(calls[0].size, 0x200000);
	assert_int_equal(calls[0].lookup, -ENOENT);
	/* afterwards: the table, with the rest of the block mapped */
	assert_int_equal(level_of(0x7fa10000), 3);
	assert_int_equal(level_of(0x7fa00000), -1);

	/* a whole block removed needs no replacement: no hook */
	assert_int_equal(pgtable_unmap(&pt, 0x70000000, 0x200000), 0);
	assert_int_equal(num_calls, 1);
}

/* A 1 GiB block split for a page: the hook covers the 1 GiB. */
static void test_split_1g_breaks_before_make(void **state)
{
	uint64_t rw = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE);

	assert_int_equal(
		pgtable_map(&pt, 0x40000000, 0x40000000, 0x40000000, rw, 0), 0);
	pt.invalidate = invalidate;
	assert_int_equal(pgtable_unmap(&pt, 0x40201000, 0x1000), 0);
	/* 1 GiB to 2 MiB blocks, then the 2 MiB block to pages */
	assert_int_equal(num_calls, 2);
	assert_int_equal(calls[0].va, 0x40000000);
	assert_int_equal(calls[0].size, 0x40000000);
	assert_int_equal(calls[0].lookup, -ENOENT);
	assert_int_equal(calls[1].va, 0x40200000);
	assert_int_equal(calls[1].size, 0x200000);
	assert_int_equal(calls[1].lookup, -ENOENT);
	assert_int_equal(level_of(0x40000000), 2);
	assert_int_equal(level_of(0x40200000), 3);
}

/*
 * A table merged back into a block: invalid while the hook runs, and the
 * table page is freed only after the hook (a walker may still read it
 * until then).
 */
static void test_collapse_breaks_before_make(void **state)
{
	uint64_t rwx = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				    JAILHOUSE_MEM_EXECUTE);
	unsigned int before;

	assert_int_equal(pgtable_map(&pt, 0x70000000, 0x70000000, 0x0fc00000,
				     rwx, 0),
			 0);
	assert_int_equal(pgtable_unmap(&pt, 0x7fa00000, 0x10000), 0);
	assert_int_equal(pgtable_map(&pt, 0x7fa00000, 0x7fa00000, 0x10000, rwx,
				     PGTABLE_NO_BLOCKS),
			 0);
	before = used;
	pt.invalidate = invalidate;
	pgtable_collapse(&pt, 0x7fa00000, 0x10000, release);
	assert_int_equal(num_calls, 1);
	assert_int_equal(calls[0].va, 0x7fa00000);
	assert_int_equal(calls[0].size, 0x200000);
	assert_int_equal(calls[0].lookup, -ENOENT);
	assert_int_equal(calls[0].used, before);
	assert_int_equal(used, before - 1);
	assert_int_equal(level_of(0x7fa00000), 2);
}

/*
 * A range whose pages were all unmapped is free: mapping it back whole
 * must not fail with -EEXIST on the emptied table the unmap left (found
 * by tests/fuzz/pgtable_fuzz.c); it fills that table, and collapse makes
 * the block.
 */
static void test_map_over_emptied_table(void **state)
{
	uint64_t rw = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE);
	unsigned int start = used;

	assert_int_equal(
		pgtable_map(&pt, 0x40000000, 0x40000000, 0x1000, rw, 0), 0);
	assert_int_equal(pgtable_unmap(&pt, 0x40000000, 0x1000), 0);
	assert_int_equal(level_of(0x40000000), -1);
	assert_int_equal(
		pgtable_map(&pt, 0x40000000, 0x40000000, 0x200000, rw, 0), 0);
	assert_int_equal(level_of(0x40000000), 3);
	assert_int_equal(level_of(0x401ff000), 3);
	assert_int_equal(level_of(0x40200000), -1);
	pgtable_collapse(&pt, 0x40000000, 0x200000, release);
	assert_int_equal(level_of(0x40000000), 2);
	/* level 1 and level 2 tables stay; the level 3 one is freed */
	assert_int_equal(used, start + 2);
}

/*
 * An exception at EL2 inside the hook (hypervisor/test's test point in
 * stage2.c) leaves the edit between its invalid entry and the new one:
 * modelled by a hook that jumps out. pgtable_edit_finish() completes it.
 */
static jmp_buf cut;
static int cut_hook_calls;

static void invalidate_cut(void *ctx, uint64_t va, uint64_t size)
{
	if (cut_hook_calls++ == 0)
		longjmp(cut, 1);
}

static void test_split_cut_short_is_finished(void **state)
{
	uint64_t rw = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE);
	unsigned int start;

	assert_int_equal(
		pgtable_map(&pt, 0x40000000, 0x40000000, 0x40000000, rw, 0), 0);
	start = used;
	assert_int_equal(pgtable_edit_finish(&pt, release), 0);
	pt.invalidate = invalidate_cut;
	cut_hook_calls = 0;
	if (!setjmp(cut)) {
		pgtable_unmap(&pt, 0x40201000, 0x1000);
		fail_msg("the hook did not cut the edit short");
	}
	/* cut short: the 1 GiB block is gone, nothing maps it */
	assert_int_equal(level_of(0x40000000), -1);
	assert_int_equal(pgtable_edit_finish(&pt, release), 1);
	assert_int_equal(cut_hook_calls, 2); /* the hook ran again */
	/* the split is complete: the same memory, in 2 MiB blocks */
	assert_int_equal(level_of(0x40000000), 2);
	assert_int_equal(level_of(0x40201000), 2);
	assert_int_equal(level_of(0x7fe00000), 2);
	assert_int_equal(used, start + 1);
	assert_int_equal(pgtable_edit_finish(&pt, release), 0);
	/* the unmap done again, whole, and given back: the block as before */
	assert_int_equal(pgtable_unmap(&pt, 0x40201000, 0x1000), 0);
	assert_int_equal(level_of(0x40201000), -1);
	assert_int_equal(pgtable_map(&pt, 0x40000000, 0x40000000, 0x40000000,
				     rw,
				     PGTABLE_NO_BLOCKS | PGTABLE_KEEP_MAPPED),
			 0);
	pgtable_collapse(&pt, 0x40000000, 0x40000000, release);
	assert_int_equal(level_of(0x40201000), 1);
	assert_int_equal(used, start);
}

static void test_collapse_cut_short_is_finished(void **state)
{
	uint64_t rw = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE);
	unsigned int before;

	assert_int_equal(
		pgtable_map(&pt, 0x70000000, 0x70000000, 0x200000, rw, 0), 0);
	assert_int_equal(pgtable_unmap(&pt, 0x70000000, 0x1000), 0);
	assert_int_equal(pgtable_map(&pt, 0x70000000, 0x70000000, 0x1000, rw,
				     PGTABLE_NO_BLOCKS),
			 0);
	before = used;
	pt.invalidate = invalidate_cut;
	cut_hook_calls = 0;
	if (!setjmp(cut)) {
		pgtable_collapse(&pt, 0x70000000, 0x1000, release);
		fail_msg("the hook did not cut the edit short");
	}
	assert_int_equal(level_of(0x70000000), -1);
	assert_int_equal(used, before); /* the table is not freed yet */
	assert_int_equal(pgtable_edit_finish(&pt, release), 1);
	assert_int_equal(level_of(0x70000000), 2);
	assert_int_equal(level_of(0x701ff000), 2);
	assert_int_equal(used, before - 1);
}

/*
 * A region given back in part (a call cut short): mapping it again with
 * PGTABLE_KEEP_MAPPED fills the holes, leaves what is there, and a block
 * that reaches beyond the range ends the walk without an underflow.
 */
static void test_map_keep_mapped_fills_holes(void **state)
{
	uint64_t rw = stage2_attrs(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE);
	uint64_t ro = stage2_attrs(JAILHOUSE_MEM_READ), pa, attrs;
	unsigned int level;

	assert_int_equal(
		pgtable_map(&pt, 0x40000000, 0x40000000, 0x400000, rw, 0), 0);
	assert_int_equal(pgtable_unmap(&pt, 0x40001000, 0x2000), 0);
	assert_int_equal(pgtable_unmap(&pt, 0x40300000, 0x1000), 0);
	assert_int_equal(pgtable_map(&pt, 0x40000000, 0x40000000, 0x400000, ro,
				     PGTABLE_NO_BLOCKS),
			 -EEXIST);
	assert_int_equal(pgtable_map(&pt, 0x40000000, 0x40000000, 0x400000, ro,
				     PGTABLE_NO_BLOCKS | PGTABLE_KEEP_MAPPED),
			 0);
	assert_int_equal(pgtable_lookup(&pt, 0x40001000, &pa, &attrs, &level),
			 0);
	assert_true(!(attrs & S2_AP_WRITE)); /* the hole, filled */
	assert_int_equal(pgtable_lookup(&pt, 0x40000000, &pa, &attrs, &level),
			 0);
	assert_true(attrs & S2_AP_WRITE); /* kept */
	assert_int_equal(level_of(0x40300000), 3);
	/* inside a 1 GiB block: nothing to do, no wrap of the size */
	assert_int_equal(
		pgtable_map(&pt, 0x80000000, 0x80000000, 0x40000000, rw, 0), 0);
	assert_int_equal(pgtable_map(&pt, 0x80001000, 0x80001000, 0x1000, ro,
				     PGTABLE_KEEP_MAPPED),
			 0);
	assert_int_equal(level_of(0x80001000), 1);
	assert_int_equal(level_of(0xc0000000), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_unmap_splits_and_collapse_restores, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_unmap_whole_blocks_and_holes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_split_out_of_pages, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_destroy_frees_all, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_split_breaks_before_make,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_split_1g_breaks_before_make, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_collapse_breaks_before_make, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_over_emptied_table,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_split_cut_short_is_finished, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_collapse_cut_short_is_finished, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_map_keep_mapped_fills_holes, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
