// SPDX-License-Identifier: GPL-2.0
/*
 * Ranges from the root or a cell: an end that does not fit in 64 bits is
 * refused before anything is computed from it, and the pages a range
 * touches are exactly those of its first and last byte and between.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/range.h>

static void test_add_overflows(void **state)
{
	(void)state;
	assert_false(range_add_overflows(0, 0));
	assert_false(range_add_overflows(0x40000000, 0x1000));
	assert_false(range_add_overflows(~0ULL, 0));
	assert_false(range_add_overflows(~0ULL - 0xfff, 0xfff));
	/* ends exactly at 2^64: the end is not representable */
	assert_true(range_add_overflows(~0ULL - 0xfff, 0x1000));
	assert_true(range_add_overflows(0xffffffffffffffc0ULL, 0x40));
	assert_true(range_add_overflows(0xffffffffffffffc0ULL, 0x100));
	assert_true(range_add_overflows(1, ~0ULL));
}

static void test_pages(void **state)
{
	__u64 first, end;

	(void)state;
	assert_int_equal(range_pages(0x40000010, 0x10, &first, &end), 0);
	assert_int_equal(first, 0x40000000);
	assert_int_equal(end, 0x40001000);
	/* straddles a page boundary: both pages */
	assert_int_equal(range_pages(0x7fbffff0, 0x20, &first, &end), 0);
	assert_int_equal(first, 0x7fbff000);
	assert_int_equal(end, 0x7fc01000);
	assert_int_equal(range_pages(0x1000, 0x1000, &first, &end), 0);
	assert_int_equal(end, 0x2000);
	/* empty, wrapping, and in the last page (its end would wrap) */
	assert_int_equal(range_pages(0x1000, 0, &first, &end), -1);
	assert_int_equal(
		range_pages(0xffffffffffffffc0ULL, 0x100, &first, &end), -1);
	assert_int_equal(range_pages(0xfffffffffffff000ULL, 0x10, &first, &end),
			 -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_overflows),
		cmocka_unit_test(test_pages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
