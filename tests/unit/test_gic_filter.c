// SPDX-License-Identifier: GPL-2.0
/*
 * The distributor filter: only the fields of interrupts a cell owns are
 * passed on, for 1-, 2- and 8-bit fields and any access width.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/gic_filter.h>

/* Owns INTIDs 32..63 and 100. */
static int owned(void *ctx, uint64_t intid)
{
	return (intid >= 32 && intid < 64) || intid == 100;
}

static void one_bit_fields(void **state)
{
	uint64_t first;

	/* ISENABLER1: INTIDs 32-63, all owned */
	assert_true(gic_field_mask(4, 4, 1, owned, NULL, &first) == 0xffffffff);
	assert_int_equal(first, 32);
	/* ISENABLER0 and 2: none; ISENABLER3: only INTID 100 (bit 4) */
	assert_true(gic_field_mask(0, 4, 1, owned, NULL, &first) == 0);
	assert_true(gic_field_mask(8, 4, 1, owned, NULL, &first) == 0);
	assert_true(gic_field_mask(12, 4, 1, owned, NULL, &first) == 0x10);
	assert_int_equal(first, 96);
}

static void byte_fields(void **state)
{
	uint64_t first;

	/* IPRIORITYR word for INTIDs 60-63: all owned */
	assert_true(gic_field_mask(60, 4, 8, owned, NULL, &first) ==
		    0xffffffff);
	/* word for INTIDs 64-67: none */
	assert_true(gic_field_mask(64, 4, 8, owned, NULL, &first) == 0);
	/* word for 100-103: only the lowest byte */
	assert_true(gic_field_mask(100, 4, 8, owned, NULL, &first) == 0xff);
	/* byte access to INTID 101: not owned; to 100: owned */
	assert_true(gic_field_mask(101, 1, 8, owned, NULL, &first) == 0);
	assert_true(gic_field_mask(100, 1, 8, owned, NULL, &first) == 0xff);
	assert_int_equal(first, 100);
}

static void two_bit_fields(void **state)
{
	uint64_t first;

	/* ICFGR2: INTIDs 32-47 */
	assert_true(gic_field_mask(8, 4, 2, owned, NULL, &first) == 0xffffffff);
	assert_int_equal(first, 32);
	/* ICFGR6: INTIDs 96-111, only 100: bits 8-9 */
	assert_true(gic_field_mask(24, 4, 2, owned, NULL, &first) == 0x300);
}

/* GICD_CTLR: the root may not clear Group 1 or affinity routing. */
static void ctlr(void **state)
{
	(void)state;
	/* one security state (QEMU): DS | ARE | EnableGrp1 | EnableGrp0 */
	assert_int_equal(gic_ctlr_filter(0x53, 0x0), 0x52);
	assert_int_equal(gic_ctlr_filter(0x52, 0x53), 0x53);
	assert_int_equal(gic_ctlr_filter(0x53, 0x53), 0x53);
	/* RWP is read-only; DS and E1NWF stay what they are */
	assert_int_equal(gic_ctlr_filter(0x80000053, 0x53), 0x53);
	assert_int_equal(gic_ctlr_filter(0xd3, 0x13), 0xd3);
	/* Non-secure view of two security states: ARE_NS, Grp1A, Grp1 */
	assert_int_equal(gic_ctlr_filter(0x13, 0x0), 0x13);
	assert_int_equal(gic_ctlr_filter(0x13, 0x40), 0x13);
	/* bits that were clear may be set */
	assert_int_equal(gic_ctlr_filter(0x10, 0x13), 0x13);
}

/* With a direct-delivery cell, Group 0 (its stop SGI) stays enabled. */
static void ctlr_grp0(void **state)
{
	(void)state;
	assert_int_equal(gic_ctlr_filter_grp0(0x53, 0x0, 0), 0x52);
	assert_int_equal(gic_ctlr_filter_grp0(0x53, 0x0, 1), 0x53);
	assert_int_equal(gic_ctlr_filter_grp0(0x53, 0x52, 1), 0x53);
	/* two security states: bit 0 is Group 1 there, not forced on */
	assert_int_equal(gic_ctlr_filter_grp0(0x13, 0x0, 1), 0x13);
	assert_int_equal(gic_ctlr_filter_grp0(0x12, 0x12, 1), 0x12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_bit_fields),
		cmocka_unit_test(ctlr_grp0),
		cmocka_unit_test(byte_fields),
		cmocka_unit_test(two_bit_fields),
		cmocka_unit_test(ctlr),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
