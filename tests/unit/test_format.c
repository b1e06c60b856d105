// SPDX-License-Identifier: GPL-2.0
/* The hypervisor's printf: conversions, widths, truncation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/format.h>

/* Without the format attribute: some cases are deliberately malformed. */
static int fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	int n;

	va_start(ap, f);
	n = format_vstring(buf, size, f, ap);
	va_end(ap);
	return n;
}

static void converts_like_printf(void **state)
{
	char buf[128];

	format_string(buf, sizeof(buf), "%d %i %u %x %X %c %s %%", -42, 7,
		      3000000000u, 0xbeef, 0xbeef, 'w', "ok");
	assert_string_equal(buf, "-42 7 3000000000 beef BEEF w ok %");
	format_string(buf, sizeof(buf), "%llx %lu %ld %zu", 0x7fc00000123ULL,
		      18446744073709551615UL, (long)-9223372036854775807L - 1,
		      (size_t)12);
	assert_string_equal(buf, "7fc00000123 18446744073709551615 "
				 "-9223372036854775808 12");
	format_string(buf, sizeof(buf), "[%08llx] [%5d] [%-5d] [%05d] [%-4s]",
		      0x1234ULL, 42, 42, -42, "ab");
	assert_string_equal(buf, "[00001234] [   42] [42   ] [-0042] [ab  ]");
	fmt(buf, sizeof(buf), "%s %p", (char *)NULL, (void *)0x10);
	assert_string_equal(buf, "(null) 0x10");
}

static void truncates_and_reports_full_length(void **state)
{
	char buf[8];

	assert_int_equal(format_string(buf, sizeof(buf), "CPU %u entered", 3),
			 13);
	assert_string_equal(buf, "CPU 3 e");
	assert_int_equal(format_string(buf, 0, "abc"), 3);
	assert_int_equal(format_string(buf, 1, "abc"), 3);
	assert_string_equal(buf, "");
}

static void shows_unknown_conversions(void **state)
{
	char buf[32];

	fmt(buf, sizeof(buf), "%q%", 1);
	assert_string_equal(buf, "%q");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(converts_like_printf),
		cmocka_unit_test(truncates_and_reports_full_length),
		cmocka_unit_test(shows_unknown_conversions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
