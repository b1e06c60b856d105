// SPDX-License-Identifier: GPL-2.0
/* The inmate library's formatter (inmates/lib/format.c) on the host. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "format.h"

#define CHECK(expect, ...)                                           \
	do {                                                         \
		char buf[128];                                       \
		int n = fmt_snprintf(buf, sizeof(buf), __VA_ARGS__); \
		assert_string_equal(buf, expect);                    \
		assert_int_equal(n, strlen(expect));                 \
	} while (0)

/* No format attribute: lets the tests pass what the compiler would flag. */
static int raw_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

#define CHECK_RAW(expect, ...)                                       \
	do {                                                         \
		char buf[128];                                       \
		int n = raw_snprintf(buf, sizeof(buf), __VA_ARGS__); \
		assert_string_equal(buf, expect);                    \
		assert_int_equal(n, strlen(expect));                 \
	} while (0)

static void formats_integers(void **state)
{
	CHECK("0 -1 42 2147483647 -2147483648", "%d %d %i %d %d", 0, -1, 42,
	      INT32_MAX, INT32_MIN);
	CHECK("4294967295 0", "%u %u", UINT32_MAX, 0U);
	CHECK("-9223372036854775808 18446744073709551615", "%ld %lu",
	      (long)INT64_MIN, (unsigned long)UINT64_MAX);
	CHECK("-5 7", "%lld %llu", -5LL, 7ULL);
	CHECK("beef BEEF ffffffffffffffff", "%x %X %lx", 0xbeefU, 0xbeefU,
	      (unsigned long)-1);
	CHECK("17", "%zu", (size_t)17);
}

static void formats_widths_like_gic_demo(void **state)
{
	CHECK("Timer fired, jitter:     48 ns, min:   -120 ns, max: 1234567 ns",
	      "Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns", 48L,
	      -120L, 1234567L);
	CHECK("[   -7][-7   ][-0007][0x00ff]", "[%5d][%-5d][%05d][0x%04x]", -7,
	      -7, -7, 0xffU);
	CHECK("0000000040001000", "%016lx", 0x40001000UL);
	CHECK("[  ab][ab  ][   c][c   ]", "[%4s][%-4s][%4c][%-4c]", "ab", "ab",
	      'c', 'c');
}

static void formats_strings_chars_pointers(void **state)
{
	CHECK("hello, world!", "%s, %s%c", "hello", "world", '!');
	CHECK("[abc][ab][  ab][abcdef]", "[%.3s][%.*s][%4.2s][%.10s]", "abcdef",
	      2, "abcdef", "abcdef", "abcdef");
	CHECK_RAW("(null)", "%s", (char *)NULL);
	CHECK("0x1000 0x0", "%p %p", (void *)0x1000, (void *)0);
	CHECK("100%", "100%%");
	CHECK_RAW("%q", "%q");
	CHECK_RAW("end%", "end%");
}

static void agrees_with_libc(void **state)
{
	static const long values[] = { 0,	  1,	     -1,
				       9,	  -10,	     65535,
				       -99999999, INT32_MAX, (long)INT64_MAX };
	char ours[64], theirs[64];

	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		fmt_snprintf(ours, sizeof(ours), "%6ld|%-8ld|%012lx|%lu",
			     values[i], values[i], (unsigned long)values[i],
			     (unsigned long)values[i]);
		snprintf(theirs, sizeof(theirs), "%6ld|%-8ld|%012lx|%lu",
			 values[i], values[i], (unsigned long)values[i],
			 (unsigned long)values[i]);
		assert_string_equal(ours, theirs);
	}
}

/* A buffer without NUL is read no further than the precision. */
static void precision_bounds_the_read(void **state)
{
	char *raw = malloc(4);
	char buf[16];

	memcpy(raw, "wxyz", 4);
	assert_int_equal(fmt_snprintf(buf, sizeof(buf), "<%.*s>", 4, raw), 6);
	assert_string_equal(buf, "<wxyz>");
	free(raw);
}

static void truncates_safely(void **state)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	assert_int_equal(fmt_snprintf(buf, 5, "%s", "abcdefgh"), 8);
	assert_string_equal(buf, "abcd");
	assert_int_equal(buf[5], 'x');
	assert_int_equal(fmt_snprintf(buf, 1, "%d", 12345), 5);
	assert_string_equal(buf, "");
	/* size 0 writes nothing at all, not even the NUL. */
	buf[0] = 'q';
	assert_int_equal(fmt_snprintf(buf, 0, "abc"), 3);
	assert_int_equal(buf[0], 'q');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats_integers),
		cmocka_unit_test(formats_widths_like_gic_demo),
		cmocka_unit_test(formats_strings_chars_pointers),
		cmocka_unit_test(agrees_with_libc),
		cmocka_unit_test(precision_bounds_the_read),
		cmocka_unit_test(truncates_safely),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
