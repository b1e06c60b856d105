// SPDX-License-Identifier: GPL-2.0
/*
 * List register encodings (core/gic_lr.c): GICv3's 64-bit ICH_LR<n>_EL2
 * and GICv2's 32-bit GICH_LR<n> from the one decoded form the shared
 * injection code uses, and back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/gic_lr.h>

static void v3(void **state)
{
	struct gic_lr lr = { .intid = 34,
			     .prio = 0xa8,
			     .state = GIC_LR_PENDING,
			     .hw = true,
			     .group1 = true },
		      back;

	/* pending, HW, group 1, priority 0xa8, pINTID 34, vINTID 34 */
	assert_true(gicv3_lr_encode(&lr) == 0x70a8002200000022ULL);
	gicv3_lr_decode(gicv3_lr_encode(&lr), &back);
	assert_int_equal(back.intid, 34);
	assert_int_equal(back.prio, 0xa8);
	assert_int_equal(back.state, GIC_LR_PENDING);
	assert_true(back.hw && back.group1);
	/* an SGI is never hardware-linked */
	lr = (struct gic_lr){
		.intid = 3, .prio = 0x80, .state = 3, .hw = true, .group1 = true
	};
	assert_true(gicv3_lr_encode(&lr) == 0xd080000000000003ULL);
}

static void v2(void **state)
{
	struct gic_lr lr = { .intid = 34,
			     .prio = 0xa8,
			     .state = GIC_LR_PENDING,
			     .hw = true },
		      back;

	/* HW, group 0, pending, priority 0xa8 >> 3 = 0x15, physical 34 */
	assert_int_equal(gicv2_lr_encode(&lr),
			 1U << 31 | 1U << 28 | 0x15U << 23 | 34U << 10 | 34);
	gicv2_lr_decode(gicv2_lr_encode(&lr), &back);
	assert_int_equal(back.intid, 34);
	/* 5 priority bits: the low 3 are gone */
	assert_int_equal(back.prio, 0xa8);
	lr.prio = 0xaf;
	gicv2_lr_decode(gicv2_lr_encode(&lr), &back);
	assert_int_equal(back.prio, 0xa8);
	assert_true(back.hw);
	assert_int_equal(back.source, 0);

	/* an SGI carries its sender in 12:10, and no HW bit */
	lr = (struct gic_lr){ .intid = 5,
			      .source = 3,
			      .prio = 0x80,
			      .state = GIC_LR_PENDING,
			      .hw = true };
	assert_int_equal(gicv2_lr_encode(&lr),
			 1U << 28 | 0x10U << 23 | 3U << 10 | 5);
	gicv2_lr_decode(gicv2_lr_encode(&lr), &back);
	assert_int_equal(back.intid, 5);
	assert_int_equal(back.source, 3);
	assert_false(back.hw);
	/* active and pending, group 1 */
	lr = (struct gic_lr){ .intid = 27,
			      .prio = 0xf8,
			      .state = 3,
			      .hw = true,
			      .group1 = true };
	gicv2_lr_decode(gicv2_lr_encode(&lr), &back);
	assert_int_equal(back.state, 3);
	assert_true(back.group1);
	assert_int_equal(back.prio, 0xf8);
	/* the queue's form of an acknowledged SGI */
	assert_int_equal(GIC_IAR_INTID(0xc05), 5);
	assert_int_equal(GIC_IAR_SOURCE(0xc05), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(v3),
		cmocka_unit_test(v2),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
