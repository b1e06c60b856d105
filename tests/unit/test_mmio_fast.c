// SPDX-License-Identifier: GPL-2.0
/*
 * The distributor's fast read path takes only aligned 32-bit loads into
 * x0-x18/wzr with a valid syndrome on a stage-2 translation fault; every
 * other data abort goes to the full path.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/mmio_fast.h>

/* ldr w<rt>, [...] from EL1: translation fault level 3, ISV, SAS 2 */
static uint64_t ldr32(unsigned int rt)
{
	return 0x24ULL << 26 | 1ULL << 25 | 1ULL << 24 | 2ULL << 22 |
	       (uint64_t)rt << 16 | 0x07;
}

static void loads_taken(void **state)
{
	unsigned int rt, level;

	(void)state;
	for (rt = 0; rt <= 18; rt++)
		assert_int_equal(mmio_fast_read_reg(ldr32(rt)), rt);
	assert_int_equal(mmio_fast_read_reg(ldr32(31)), 31);
	for (level = 0; level < 4; level++)
		assert_int_equal(mmio_fast_read_reg((ldr32(1) & ~0x3fULL) |
						    (0x04 + level)),
				 1);
	/* ldr x1 with SAS 2 does not exist, but SF, AR and EA do not matter */
	assert_int_equal(mmio_fast_read_reg(ldr32(2) | 1ULL << 15), 2);
	assert_int_equal(mmio_fast_read_reg(ldr32(2) | 1ULL << 14), 2);
	assert_int_equal(mmio_fast_read_reg(ldr32(2) | 1ULL << 9), 2);
}

static void others_refused(void **state)
{
	unsigned int rt, sas;

	(void)state;
	/* x19-x29 are not in the fast path's frame */
	for (rt = 19; rt <= 30; rt++)
		assert_int_equal(mmio_fast_read_reg(ldr32(rt)), -1);
	/* other sizes */
	for (sas = 0; sas < 4; sas++)
		if (sas != 2)
			assert_int_equal(
				mmio_fast_read_reg((ldr32(0) & ~(3ULL << 22)) |
						   (uint64_t)sas << 22),
				-1);
	/* a write, sign extension, no syndrome, 16-bit instruction */
	assert_int_equal(mmio_fast_read_reg(ldr32(0) | 1ULL << 6), -1);
	assert_int_equal(mmio_fast_read_reg(ldr32(0) | 1ULL << 21), -1);
	assert_int_equal(mmio_fast_read_reg(ldr32(0) & ~(1ULL << 24)), -1);
	assert_int_equal(mmio_fast_read_reg(ldr32(0) & ~(1ULL << 25)), -1);
	/* S1PTW, cache maintenance, FAR not valid, VNCR, LS64 */
	assert_int_equal(mmio_fast_read_reg(ldr32(0) | 1ULL << 7), -1);
	assert_int_equal(mmio_fast_read_reg(ldr32(0) | 1ULL << 8), -1);
	assert_int_equal(mmio_fast_read_reg(ldr32(0) | 1ULL << 10), -1);
	assert_int_equal(mmio_fast_read_reg(ldr32(0) | 1ULL << 13), -1);
	assert_int_equal(mmio_fast_read_reg(ldr32(0) | 1ULL << 11), -1);
	/* ISS2 */
	assert_int_equal(mmio_fast_read_reg(ldr32(0) | 1ULL << 32), -1);
	assert_int_equal(mmio_fast_read_reg(ldr32(0) | 1ULL << 55), -1);
	/* external abort, on a walk; alignment, permission, access flag */
	assert_int_equal(mmio_fast_read_reg((ldr32(0) & ~0x3fULL) | 0x10), -1);
	assert_int_equal(mmio_fast_read_reg((ldr32(0) & ~0x3fULL) | 0x15), -1);
	assert_int_equal(mmio_fast_read_reg((ldr32(0) & ~0x3fULL) | 0x21), -1);
	assert_int_equal(mmio_fast_read_reg((ldr32(0) & ~0x3fULL) | 0x0f), -1);
	assert_int_equal(mmio_fast_read_reg((ldr32(0) & ~0x3fULL) | 0x0b), -1);
	/* another class: from EL2, an instruction abort, an HVC */
	assert_int_equal(mmio_fast_read_reg(ldr32(0) ^ (0x24ULL ^ 0x25) << 26),
			 -1);
	assert_int_equal(mmio_fast_read_reg(ldr32(0) ^ (0x24ULL ^ 0x20) << 26),
			 -1);
	assert_int_equal(mmio_fast_read_reg(0x16ULL << 26 | 1ULL << 25), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_taken),
		cmocka_unit_test(others_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
