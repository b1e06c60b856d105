// SPDX-License-Identifier: GPL-2.0
/*
 * The root's firmware workaround calls: forwarded to EL3 where there is
 * one (so Linux keeps its Spectre mitigations), NOT_SUPPORTED without.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/smccc_policy.h>

static const uint32_t workarounds[] = {
	SMCCC_ARCH_WORKAROUND_1,
	SMCCC_ARCH_WORKAROUND_2,
	SMCCC_ARCH_WORKAROUND_3,
};

static void with_el3(void **state)
{
	unsigned int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		assert_int_equal(smccc_arch_policy(0x80000001, workarounds[i],
						   true),
				 SMCCC_ARCH_FORWARD);
		assert_int_equal(smccc_arch_policy(workarounds[i], 0, true),
				 SMCCC_ARCH_FORWARD);
		/* x1 of WORKAROUND_2 is the SSBD state: passed on as is */
		assert_int_equal(smccc_arch_policy(workarounds[i], 1, true),
				 SMCCC_ARCH_FORWARD);
	}
	/* queries for anything else are not the firmware's to answer */
	assert_int_equal(smccc_arch_policy(0x80000001, 0x80000002, true),
			 SMCCC_ARCH_NOT_SUPPORTED);
	assert_int_equal(smccc_arch_policy(0x80000001, 0xc2000001, true),
			 SMCCC_ARCH_NOT_SUPPORTED);
	assert_int_equal(smccc_arch_policy(0x80000001, 0x80000001, true),
			 SMCCC_ARCH_NOT_SUPPORTED);
}

static void without_el3(void **state)
{
	unsigned int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		assert_int_equal(smccc_arch_policy(0x80000001, workarounds[i],
						   false),
				 SMCCC_ARCH_NOT_SUPPORTED);
		assert_int_equal(smccc_arch_policy(workarounds[i], 0, false),
				 SMCCC_ARCH_NOT_SUPPORTED);
	}
}

static void other_calls(void **state)
{
	(void)state;
	assert_int_equal(smccc_arch_policy(0x80000000, 0, true),
			 SMCCC_ARCH_NOT_MINE);
	assert_int_equal(smccc_arch_policy(0x84000008, 0, true),
			 SMCCC_ARCH_NOT_MINE);
	assert_int_equal(smccc_arch_policy(0x82000010, 0, true),
			 SMCCC_ARCH_NOT_MINE);
	/* the 64-bit calling convention's ids are not the workarounds */
	assert_int_equal(smccc_arch_policy(0xc0008000, 0, true),
			 SMCCC_ARCH_NOT_MINE);
}

/* SMC32 calls read the low halves of their argument registers only */
static void argument_width(void **state)
{
	(void)state;
	assert_int_equal(smccc_arg(0x84000003, 0xdead0000ff000003ULL),
			 0xff000003ULL);
	assert_int_equal(smccc_arg(0x84000004, 0xffffffffULL), 0xffffffffULL);
	assert_int_equal(smccc_arg(0xc4000003, 0xdead0000ff000003ULL),
			 0xdead0000ff000003ULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(with_el3),
		cmocka_unit_test(without_el3),
		cmocka_unit_test(other_calls),
		cmocka_unit_test(argument_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
