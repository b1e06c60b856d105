// SPDX-License-Identifier: GPL-2.0
/*
 * A new cell against the running system (hypervisor/core/cell_check.c)
 * and where images go (cell_load.c): each refusal says what and why.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <warden/cell_check.h>
#include <warden/cell_load.h>
#include <warden/errno.h>

#include "config_fixture.h"

static struct fx root, cell, other;
static char msg[256];

static int check(__u64 root_cpus, const struct warden_config *const *others,
		 unsigned int n)
{
	struct cell_check_env env = {
		.root = &root.cfg,
		.root_cpus = root_cpus,
		.cells = others,
		.num_cells = n,
		.max_cpus = 8,
	};

	assert_int_equal(fx_build(&root), WARDEN_CONFIG_OK);
	assert_int_equal(fx_build(&cell), WARDEN_CONFIG_OK);
	return cell_check(&env, &cell.cfg, msg, sizeof(msg));
}

static void expect_msg(const char *part)
{
	if (!strstr(msg, part))
		fail_msg("\"%s\" not in \"%s\"", part, msg);
}

static void test_demo_fits(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "inmate-demo", 0x8, 0x7fa00000);
	assert_int_equal(check(0xf, NULL, 0), 0);
	assert_string_equal(msg, "");
}

static void test_cpu_not_in_root(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "inmate-demo", 0x10, 0x7fa00000);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("CPU 4 of cell \"inmate-demo\" is not in the root cell");
}

static void test_cpu_beyond_hypervisor(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "big", 0x100, 0x7fa00000);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("lists CPU 8; this hypervisor supports CPUs 0-7");
}

static void test_no_cpu(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "idle", 0, 0x7fa00000);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("has no CPUs");
}

static void test_root_keeps_a_cpu(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "greedy", 0xf, 0x7fa00000);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("would take every CPU of the root cell");
}

static void test_region_over_hypervisor(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "evil", 0x8, 0x7fc00000);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("region 1 of cell \"evil\" (0x7fc00000-0x7fc0ffff) "
		   "overlaps the hypervisor memory (0x7fc00000-0x7fffffff)");
}

static void test_region_outside_root(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "stray", 0x8, 0x80000000);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("is not inside one memory region of the root cell");
}

static void test_unaligned_region(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "odd", 0x8, 0x7fa00800);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("is not page aligned");
}

static void test_self_overlap(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "twice", 0x8, 0x7fa00000);
	fx_add_mem(&cell, 0x7fa08000, 0x100000, 0x1000, FX_RW);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("regions 1 and 3 of cell \"twice\" share physical memory");
}

static void test_ipa_overlap(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "clash", 0x8, 0x7fa00000);
	fx_add_mem(&cell, 0x7fb00000, 0x8000, 0x1000, FX_RW);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("regions 1 and 3 of cell \"clash\" overlap at guest "
		   "address 0x8000");
}

static void test_other_cell(void **state)
{
	const struct warden_config *others[1];

	fx_qemu_root(&root);
	fx_qemu_inmate(&other, "first", 0x4, 0x7fa00000);
	assert_int_equal(fx_build(&other), WARDEN_CONFIG_OK);
	others[0] = &other.cfg;

	/* the same name */
	fx_qemu_inmate(&cell, "first", 0x8, 0x7fb00000);
	assert_int_equal(check(0xb, others, 1), -EEXIST);
	expect_msg("a cell named \"first\" exists already");

	/* its CPU */
	fx_qemu_inmate(&cell, "second", 0x4, 0x7fb00000);
	assert_int_equal(check(0xb, others, 1), -EBUSY);
	expect_msg("CPU 2 of cell \"second\" belongs to cell \"first\"");

	/* its memory */
	fx_qemu_inmate(&cell, "second", 0x8, 0x7fa08000);
	assert_int_equal(check(0xb, others, 1), -EBUSY);
	expect_msg("overlaps region 1 of cell \"first\"");

	/* both share the root's UART (ROOTSHARED): fine */
	fx_qemu_inmate(&cell, "second", 0x8, 0x7fb00000);
	assert_int_equal(check(0xb, others, 1), 0);
}

static void test_root_name(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "qemu-virt", 0x8, 0x7fa00000);
	assert_int_equal(check(0xf, NULL, 0), -EEXIST);
	expect_msg("is the root cell's name");
}

static void test_irqs(void **state)
{
	const struct warden_config *others[1];

	fx_qemu_root(&root);
	root.irq[0].pin_bitmap[0] = ~(1u << 8); /* root lacks SPI 40 */
	fx_qemu_inmate(&cell, "irq", 0x8, 0x7fa00000);
	fx_add_irqchip(&cell, 32, 1u << 8, 0, 0, 0);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("interrupt 40 of cell \"irq\" is not the root cell's");

	fx_qemu_root(&root);
	fx_qemu_inmate(&other, "owner", 0x4, 0x7fb00000);
	fx_add_irqchip(&other, 32, 1u << 8, 0, 0, 0);
	assert_int_equal(fx_build(&other), WARDEN_CONFIG_OK);
	others[0] = &other.cfg;
	assert_int_equal(check(0xb, others, 1), -EBUSY);
	expect_msg("interrupt 40 of cell \"irq\" belongs to cell \"owner\"");

	fx_qemu_inmate(&cell, "ppi", 0x8, 0x7fa00000);
	fx_add_irqchip(&cell, 0, 1u << 27, 0, 0, 0);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("lists interrupt 27: SGIs and PPIs belong to each CPU");
}

static void test_load_place(void **state)
{
	struct cell_load_target t;

	fx_qemu_inmate(&cell, "inmate-demo", 0x8, 0x7fa00000);
	assert_int_equal(fx_build(&cell), WARDEN_CONFIG_OK);

	assert_int_equal(cell_load_place(&cell.cfg, 0x1000, 0x100, &t, msg,
					 sizeof(msg)),
			 0);
	assert_int_equal(t.region, 1);
	assert_int_equal(t.phys, 0x7fa01000);

	assert_int_equal(cell_load_place(&cell.cfg, 0, 70 * 1024, &t, msg,
					 sizeof(msg)),
			 -EINVAL);
	assert_string_equal(msg, "image of 70 KiB does not fit region 1 "
				 "(64 KiB) of cell \"inmate-demo\"");

	assert_int_equal(cell_load_place(&cell.cfg, 0xf000, 0x1001, &t, msg,
					 sizeof(msg)),
			 -EINVAL);
	expect_msg("image of 4097 bytes at 0xf000 does not fit region 1");

	/* exactly full is fine */
	assert_int_equal(cell_load_place(&cell.cfg, 0, 0x10000, &t, msg,
					 sizeof(msg)),
			 0);

	assert_int_equal(cell_load_place(&cell.cfg, 0x09000000, 4, &t, msg,
					 sizeof(msg)),
			 -EINVAL);
	expect_msg("region 0 of cell \"inmate-demo\", which is not LOADABLE");

	assert_int_equal(cell_load_place(&cell.cfg, 0x20000, 4, &t, msg,
					 sizeof(msg)),
			 -EINVAL);
	expect_msg("address 0x20000 is in no memory region");

	/* the comm region is the hypervisor's */
	assert_int_equal(cell_load_place(&cell.cfg, 0x80000000, 4, &t, msg,
					 sizeof(msg)),
			 -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_fits),
		cmocka_unit_test(test_cpu_not_in_root),
		cmocka_unit_test(test_cpu_beyond_hypervisor),
		cmocka_unit_test(test_no_cpu),
		cmocka_unit_test(test_root_keeps_a_cpu),
		cmocka_unit_test(test_region_over_hypervisor),
		cmocka_unit_test(test_region_outside_root),
		cmocka_unit_test(test_unaligned_region),
		cmocka_unit_test(test_self_overlap),
		cmocka_unit_test(test_ipa_overlap),
		cmocka_unit_test(test_other_cell),
		cmocka_unit_test(test_root_name),
		cmocka_unit_test(test_irqs),
		cmocka_unit_test(test_load_place),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
