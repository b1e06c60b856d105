// SPDX-License-Identifier: GPL-2.0
/* Region flags in words, shared by fault reports and config show. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <jailhouse/cell-config.h>
#include <warden/mem_flags.h>

static void check(uint64_t flags, const char *want)
{
	char buf[160];

	assert_int_equal(mem_flags_format(flags, buf, sizeof(buf)),
			 strlen(want));
	assert_string_equal(buf, want);
}

static void test_names(void **state)
{
	(void)state;
	check(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE, "READ|WRITE");
	check(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32,
	      "READ|IO|IO_32");
	check(JAILHOUSE_MEM_COMM_REGION | JAILHOUSE_MEM_ROOTSHARED |
		      JAILHOUSE_MEM_LOADABLE,
	      "COMM_REGION|LOADABLE|ROOTSHARED");
	check(0, "");
}

static void test_unknown_bits(void **state)
{
	(void)state;
	/* bits without a name come last, as one number */
	check(JAILHOUSE_MEM_READ | (1ULL << 40) | (1ULL << 41),
	      "READ|0x30000000000");
	check(1ULL << 63, "0x8000000000000000");
}

static void test_truncated(void **state)
{
	char buf[6];

	(void)state;
	/* the full length comes back; the text is cut and terminated */
	assert_int_equal(mem_flags_format(JAILHOUSE_MEM_READ |
						  JAILHOUSE_MEM_EXECUTE,
					  buf, sizeof(buf)),
			 12);
	assert_string_equal(buf, "READ|");
	assert_int_equal(mem_flags_format(JAILHOUSE_MEM_READ, NULL, 0), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_unknown_bits),
		cmocka_unit_test(test_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
