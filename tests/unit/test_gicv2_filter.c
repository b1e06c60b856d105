// SPDX-License-Identifier: GPL-2.0
/*
 * The GICv2 distributor policy (core/gicv2_filter.c): SPI routing kept
 * within the cell's CPU interfaces, SGIs only to the sender's cell, the
 * root's GICD_CTLR, and bank 0 (the per-CPU SGI/PPI registers) where the
 * hypervisor's stop SGI (15) and maintenance interrupt (25) stay its own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <warden/gicv2_filter.h>

#define RESERVED (1U << 15 | 1U << 25)

static void itargets(void **state)
{
	bool refused;

	/* within the cell (interfaces 0 and 1): as written */
	assert_int_equal(gicv2_itargets_filter(0x1, 0x2, 0x3, &refused), 0x2);
	assert_false(refused);
	assert_int_equal(gicv2_itargets_filter(0x1, 0x3, 0x3, &refused), 0x3);
	assert_false(refused);
	/* partly outside: narrowed to the cell, reported */
	assert_int_equal(gicv2_itargets_filter(0x1, 0xf, 0x3, &refused), 0x3);
	assert_true(refused);
	/* only outside: stays as it was */
	assert_int_equal(gicv2_itargets_filter(0x4, 0x1, 0x4, &refused), 0x4);
	assert_true(refused);
	assert_int_equal(gicv2_itargets_filter(0x4, 0xf0, 0x4, &refused), 0x4);
	assert_true(refused);
	/* no target at all is the owner's business */
	assert_int_equal(gicv2_itargets_filter(0x4, 0x0, 0x4, &refused), 0x0);
	assert_false(refused);
}

static void sgir(void **state)
{
	/* list: only the cell's interfaces (cell 0x3, sender 0x1) */
	assert_int_equal(gicv2_sgir_targets(0x00020005, 0x1, 0x3), 0x2);
	assert_int_equal(gicv2_sgir_targets(0x000f0005, 0x1, 0x3), 0x3);
	assert_int_equal(gicv2_sgir_targets(0x00010005, 0x4, 0x4), 0x0);
	assert_int_equal(gicv2_sgir_targets(0x00ff000f, 0x4, 0x4), 0x4);
	/* all but self: the cell's others, not the system's */
	assert_int_equal(gicv2_sgir_targets(0x01000001, 0x1, 0x3), 0x2);
	assert_int_equal(gicv2_sgir_targets(0x01000001, 0x4, 0x4), 0x0);
	/* self */
	assert_int_equal(gicv2_sgir_targets(0x02000001, 0x4, 0x4), 0x4);
	assert_int_equal(gicv2_sgir_targets(0x02ff0001, 0x4, 0x4), 0x4);
	/* reserved filter: nobody */
	assert_int_equal(gicv2_sgir_targets(0x03ff0001, 0x1, 0xff), 0x0);
}

static void ctlr(void **state)
{
	/* the groups can be turned on, never off */
	assert_int_equal(gicv2_ctlr_filter(0x1, 0x0), 0x1);
	assert_int_equal(gicv2_ctlr_filter(0x3, 0x0), 0x3);
	assert_int_equal(gicv2_ctlr_filter(0x1, 0x3), 0x3);
	assert_int_equal(gicv2_ctlr_filter(0x0, 0x1), 0x1);
	/* nothing else (reserved on GICv2, no ARE) */
	assert_int_equal(gicv2_ctlr_filter(0x1, 0xffffff10), 0x1);
}

static void bank0_range(void **state)
{
	assert_true(gicv2_bank0(0x100));
	assert_true(gicv2_bank0(0x41c));
	assert_true(gicv2_bank0(0x81f));
	assert_true(gicv2_bank0(0xc04));
	assert_true(gicv2_bank0(0xf10));
	assert_true(gicv2_bank0(0xf2c));
	/* the SPIs' registers and SGIR are not bank 0 */
	assert_false(gicv2_bank0(0x104));
	assert_false(gicv2_bank0(0x420));
	assert_false(gicv2_bank0(0x820));
	assert_false(gicv2_bank0(0xc08));
	assert_false(gicv2_bank0(0xf00));
	assert_false(gicv2_bank0(0x000));
}

static void bank0_enable(void **state)
{
	struct gicr_verdict v;
	char line[200];
	const char *roles[32] = { 0 };

	roles[15] = "the hypervisor's stop SGI";
	roles[25] = "the GIC maintenance interrupt";
	/* ICENABLER0 all ones by a cell: all but 15 and 25 */
	gicv2_bank0_filter(0x180, 4, true, GICR_WHO_CELL, RESERVED, &v);
	assert_int_equal(v.action, GICR_PASS);
	assert_true(v.w1x);
	assert_true(v.mask == (0xffffffffULL & ~RESERVED));
	assert_false(v.quiet);
	assert_true(gicr_refused(&v, 0xffffffff, 0) == RESERVED);
	gicr_describe(line, sizeof(line), &v, 0xffffffff, RESERVED, 2, roles);
	assert_string_equal(line,
			    "GICD_ICENABLER0 of CPU 2: write to IRQ 15 (the "
			    "hypervisor's stop SGI) and IRQ 25 (the GIC "
			    "maintenance interrupt) ignored: reserved for the "
			    "hypervisor");
	/* that is a CPU's bring-up reset, refused in part without a line */
	assert_true(gicr_bulk_write(&v, 0xffffffff));
	assert_false(gicr_bulk_write(&v, RESERVED));
	/* the root's refusals are quiet (Linux writes whole registers) */
	gicv2_bank0_filter(0x180, 4, true, GICR_WHO_ROOT, RESERVED, &v);
	assert_true(v.quiet);
	assert_true(v.mask == (0xffffffffULL & ~RESERVED));
	/* reads pass */
	gicv2_bank0_filter(0x100, 4, false, GICR_WHO_CELL, RESERVED, &v);
	assert_int_equal(v.action, GICR_PASS);
	/* a byte access to a one-bit register is not emulated */
	gicv2_bank0_filter(0x100, 1, true, GICR_WHO_CELL, RESERVED, &v);
	assert_int_equal(v.action, GICR_REFUSE);
}

static void bank0_fields(void **state)
{
	struct gicr_verdict v;

	/* IPRIORITYR3 (INTIDs 12-15): byte 3 is the stop SGI's */
	gicv2_bank0_filter(0x40c, 4, true, GICR_WHO_CELL, RESERVED, &v);
	assert_true(v.mask == 0x00ffffff);
	assert_int_equal(v.first, 12);
	assert_false(v.w1x);
	assert_true(gicr_merge(&v, 0xf0f0f0f0, 0xa0000000) == 0xa0f0f0f0);
	/* a byte write of the maintenance interrupt's priority */
	gicv2_bank0_filter(0x419, 1, true, GICR_WHO_CELL, RESERVED, &v);
	assert_true(v.mask == 0);
	gicv2_bank0_filter(0x41a, 1, true, GICR_WHO_CELL, RESERVED, &v);
	assert_true(v.mask == 0xff);
	/* ICFGR1 (PPIs 16-31, 2 bits each): INTID 25's field kept */
	gicv2_bank0_filter(0xc04, 4, true, GICR_WHO_CELL, RESERVED, &v);
	assert_int_equal(v.first, 16);
	assert_true(v.mask == (0xffffffffULL & ~(3ULL << 18)));
	/* IGROUPR0: 15 and 25 stay in their group */
	gicv2_bank0_filter(0x080, 4, true, GICR_WHO_CELL, RESERVED, &v);
	assert_true(v.mask == (0xffffffffULL & ~RESERVED));
	/* ITARGETSR0-7 are read-only: nothing written, nothing reported */
	gicv2_bank0_filter(0x800, 4, true, GICR_WHO_ROOT, RESERVED, &v);
	assert_int_equal(v.action, GICR_PASS);
	assert_true(v.mask == 0);
	assert_true(gicr_refused(&v, 0xffffffff, 0x01010101) == 0);
	/* CPENDSGIR3 (SGIs 12-15, a byte each): SGI 15's byte kept */
	gicv2_bank0_filter(0xf1c, 4, true, GICR_WHO_CELL, RESERVED, &v);
	assert_true(v.w1x);
	assert_int_equal(v.first, 12);
	assert_true(v.mask == 0x00ffffff);
	/* SPENDSGIR byte of SGI 15 */
	gicv2_bank0_filter(0xf2f, 1, true, GICR_WHO_CELL, RESERVED, &v);
	assert_true(v.mask == 0);
	gicv2_bank0_filter(0xf2e, 1, true, GICR_WHO_CELL, RESERVED, &v);
	assert_true(v.mask == 0xff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(itargets),	cmocka_unit_test(sgir),
		cmocka_unit_test(ctlr),		cmocka_unit_test(bank0_range),
		cmocka_unit_test(bank0_enable), cmocka_unit_test(bank0_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
