// SPDX-License-Identifier: GPL-2.0
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "numparse.h"

static void parses_bases_and_suffixes(void **state)
{
	uint64_t v;

	assert_int_equal(parse_u64("0", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_u64("4096", &v), 0);
	assert_int_equal(v, 4096);
	assert_int_equal(parse_u64("0x7fc00000", &v), 0);
	assert_int_equal(v, 0x7fc00000);
	assert_int_equal(parse_u64("0X1000", &v), 0);
	assert_int_equal(v, 0x1000);
	assert_int_equal(parse_u64("0755", &v), 0);
	assert_int_equal(v, 0755);
	assert_int_equal(parse_u64("64K", &v), 0);
	assert_int_equal(v, 64 << 10);
	assert_int_equal(parse_u64("6MiB", &v), 0);
	assert_int_equal(v, 6 << 20);
	assert_int_equal(parse_u64("1g", &v), 0);
	assert_int_equal(v, 1ULL << 30);
	assert_int_equal(parse_u64("0xffffffffffffffff", &v), 0);
	assert_true(v == UINT64_MAX);
}

static void refuses_junk_and_overflow(void **state)
{
	uint64_t v = 42;

	assert_int_equal(parse_u64("", &v), -1);
	assert_int_equal(parse_u64(NULL, &v), -1);
	assert_int_equal(parse_u64("0x", &v), -1);
	assert_int_equal(parse_u64("-1", &v), -1);
	assert_int_equal(parse_u64("12abc", &v), -1);
	assert_int_equal(parse_u64("08", &v), -1);
	assert_int_equal(parse_u64("1KB", &v), -1);
	assert_int_equal(parse_u64("0x10000000000000000", &v), -1);
	assert_int_equal(parse_u64("18446744073709551616", &v), -1);
	assert_int_equal(parse_u64("17179869184G", &v), -1);
	/* A failed parse leaves the output alone. */
	assert_int_equal(v, 42);
}

static void formats_sizes(void **state)
{
	char buf[32];

	assert_string_equal(format_size(0, buf, sizeof(buf)), "0 bytes");
	assert_string_equal(format_size(1, buf, sizeof(buf)), "1 byte");
	assert_string_equal(format_size(1023, buf, sizeof(buf)), "1023 bytes");
	assert_string_equal(format_size(4096, buf, sizeof(buf)), "4 KiB");
	assert_string_equal(format_size(0x10000, buf, sizeof(buf)), "64 KiB");
	assert_string_equal(format_size(0x180000, buf, sizeof(buf)), "1.5 MiB");
	assert_string_equal(format_size(768ULL << 20, buf, sizeof(buf)),
			    "768 MiB");
	assert_string_equal(format_size(1ULL << 30, buf, sizeof(buf)), "1 GiB");
	assert_string_equal(format_size(UINT64_MAX, buf, sizeof(buf)),
			    "15.9 EiB");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_bases_and_suffixes),
		cmocka_unit_test(refuses_junk_and_overflow),
		cmocka_unit_test(formats_sizes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
