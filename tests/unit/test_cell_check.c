// SPDX-License-Identifier: GPL-2.0
/*
 * The rule engine (hypervisor/core/rules*.c): a system config at enable,
 * a new cell against the running system, and where images go
 * (cell_load.c). Each refusal says what and why.
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
#include <warden/rules.h>
#include <warden/cell_load.h>
#include <warden/errno.h>

#include "config_fixture.h"

static struct fx root, cell, other;
static char msg[RULES_TEXT_MAX];
static const char *rule; /* of the first finding */
static unsigned int findings;

/* Keeps the first finding, as the hypervisor's console shows it first. */
static void keep_first(struct rules_sink *sink, const struct rules_finding *f)
{
	if (findings++)
		return;
	strcpy(msg, f->text);
	rule = f->rule;
}

static struct rules_sink sink = { .report = keep_first };

static void reset(void)
{
	msg[0] = 0;
	rule = "";
	findings = 0;
}

static int check(__u64 root_cpus, const struct warden_config *const *others,
		 unsigned int n)
{
	struct rules_env env = {
		.root = &root.cfg,
		.root_cpus = root_cpus,
		.cells = others,
		.num_cells = n,
		.max_cpus = 8,
	};

	assert_int_equal(fx_build(&root), WARDEN_CONFIG_OK);
	assert_int_equal(fx_build(&cell), WARDEN_CONFIG_OK);
	reset();
	return rules_cell(&env, &cell.cfg, &sink);
}

static int check_system(void)
{
	struct rules_env env = { .root = &root.cfg, .max_cpus = 8 };

	assert_int_equal(fx_build(&root), WARDEN_CONFIG_OK);
	reset();
	return rules_system(&env, &sink);
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

static void test_shipped_system_passes(void **state)
{
	fx_qemu_root(&root);
	assert_int_equal(check_system(), 0);
	assert_int_equal(findings, 0);
}

/*
 * The redistributors of CPUs 1-3 (0x080c0000-0x0811ffff), not their
 * base: the hypervisor used to refuse only a region holding gicr_base.
 */
static void test_root_over_later_redistributors(void **state)
{
	fx_qemu_root(&root);
	fx_add_mem(&root, 0x080c0000, 0x080c0000, 0x60000, FX_IO);
	assert_int_equal(check_system(), -EINVAL);
	assert_string_equal(rule, "gic-overlap");
	expect_msg("region 5 of root cell \"qemu-virt\" (0x80c0000-0x811ffff) "
		   "maps the GIC redistributors (0x80a0000-0x811ffff)");
}

/* The ITS of QEMU virt (its=on) sits between GICD and GICR. */
static void test_root_over_its(void **state)
{
	fx_qemu_root(&root);
	fx_add_mem(&root, 0x08080000, 0x08080000, 0x20000, FX_IO);
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("maps the GIC frames between distributor and "
		   "redistributors (ITS) (0x8010000-0x809ffff)");
}

/* A cell's region is held to the same frames. */
static void test_cell_over_gic(void **state)
{
	fx_qemu_root(&root);
	root.mem[1].phys_start = root.mem[1].virt_start = 0x08000000;
	root.mem[1].size = 0x37000000; /* the root must have it to lend */
	fx_qemu_inmate(&cell, "gic", 0x8, 0x7fa00000);
	fx_add_mem(&cell, 0x08000000, 0x08000000, 0x10000, FX_IO);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("region 3 of cell \"gic\" (0x8000000-0x800ffff) maps the "
		   "GIC distributor");
}

/* Legacy GICv2-style interfaces of a GICv3 (J721E style), when given. */
static void test_root_over_gicv(void **state)
{
	fx_qemu_root(&root);
	root.sys.platform_info.arm.gicv_base = 0x6f020000;
	fx_add_mem(&root, 0x6f000000, 0x6f000000, 0x100000, FX_IO);
	assert_int_equal(check_system(), -EINVAL);
	expect_msg(
		"maps the GIC virtual CPU interface (0x6f020000-0x6f021fff)");
}

/* A second IPA for root memory outlives the cell taking the memory. */
static void test_root_alias(void **state)
{
	fx_qemu_root(&root);
	root.mem[3].size = 0x0f000000;
	fx_add_mem(&root, 0x7fa00000, 0x90000000, 0x100000, FX_RWX);
	assert_int_equal(check_system(), -EINVAL);
	assert_string_equal(rule, "identity");
	expect_msg("region 5 of root cell \"qemu-virt\" maps 0x7fa00000 at "
		   "guest address 0x90000000: root regions must be "
		   "identity-mapped");
}

/* What EL2 can map of hypervisor memory (rules_el2.c). */
static void test_hv_memory_place(void **state)
{
	fx_qemu_root(&root);
	root.sys.hypervisor_memory.size = 0x40000000;
	assert_int_equal(check_system(), -EINVAL);
	assert_string_equal(rule, "hv-memory");
	expect_msg("hypervisor memory 0x7fc00000, size 0x40000000 of system "
		   "config \"qemu-virt\" is larger than the 1022 MiB the "
		   "hypervisor maps: make it at most 0x3fe00000");

	fx_qemu_root(&root);
	root.sys.hypervisor_memory.size = RULES_HV_MAX_SIZE;
	check_system();
	assert_string_equal(msg, "");

	fx_qemu_root(&root);
	root.sys.hypervisor_memory.phys_start = 0xff7fffe00000ULL;
	assert_int_equal(check_system(), -EINVAL);
	assert_string_equal(rule, "hv-memory");
	expect_msg("hypervisor memory 0xff7fffe00000, size 0x400000 of "
		   "system config \"qemu-virt\" reaches above 0xff8000000000: "
		   "the top 512 GiB of addresses are the hypervisor's own");

	fx_qemu_root(&root);
	root.sys.hypervisor_memory.phys_start = 0xff7fffc00000ULL;
	check_system(); /* ends exactly there */
	assert_string_equal(msg, "");
}

/* Every GIC frame EL2 maps lies in the distributor's 1 GiB. */
static void test_gic_place(void **state)
{
	fx_qemu_root(&root);
	root.sys.platform_info.arm.gicr_base = 0x48000000;
	assert_int_equal(check_system(), -EINVAL);
	assert_string_equal(rule, "gic-place");
	expect_msg("gicr_base 0x48000000 of system config \"qemu-virt\" is "
		   "not a 64 KiB aligned frame in the distributor's 1 GiB "
		   "(0x0-0x3fffffff)");

	fx_qemu_root(&root);
	root.sys.platform_info.arm.gicd_base = 0x08001000;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("gicd_base 0x8001000 of system config \"qemu-virt\" is "
		   "not a 64 KiB aligned frame");

	/* redistributors of 64 CPUs, whatever the machine has */
	fx_qemu_root(&root);
	root.mem[1].size = 0x8000000 - 0x1000;
	root.sys.hypervisor_memory.phys_start = 0x08800000;
	root.sys.hypervisor_memory.size = 0x200000;
	assert_int_equal(check_system(), -EINVAL);
	assert_string_equal(rule, "gic-place");
	expect_msg("gicr_base 0x80a0000-0x889ffff of system config "
		   "\"qemu-virt\" overlaps hypervisor memory "
		   "0x8800000-0x89fffff");

	/* the root's own CPUs' frames must all be in it */
	fx_qemu_root(&root);
	root.mem[1].size = 0x3fe00000 - 0x09001000;
	root.sys.platform_info.arm.gicr_base = 0x3ffa0000;
	assert_int_equal(check_system(), -EINVAL);
	assert_string_equal(rule, "gic-place");
	expect_msg("the redistributors of CPUs 0-3 of system config "
		   "\"qemu-virt\" from gicr_base 0x3ffa0000 reach past "
		   "0x3fffffff, the end of the distributor's 1 GiB");

	/* as far as the 1 GiB goes: EL2 maps no further */
	fx_qemu_root(&root);
	root.mem[3].phys_start = root.mem[3].virt_start = 0x80000000;
	root.sys.platform_info.arm.gicd_base = 0x3fe00000;
	root.sys.platform_info.arm.gicr_base = 0x3ff00000;
	root.sys.hypervisor_memory.phys_start = 0x40000000;
	root.mem[1].size = 0x3fe00000 - 0x09001000;
	root.mem[2].phys_start = root.mem[2].virt_start = 0x40400000;
	root.mem[2].size = 0x2fc00000;
	root.irq[0].address = 0x3fe00000;
	check_system();
	assert_string_equal(msg, "");

	fx_qemu_root(&root);
	root.sys.platform_info.arm.gic_version = 2;
	root.sys.platform_info.arm.gicr_base = 0;
	root.sys.platform_info.arm.gicc_base = 0x08010000;
	root.sys.platform_info.arm.gich_base = 0x08030000;
	root.sys.platform_info.arm.gicv_base = 0x48040000;
	assert_int_equal(check_system(), -EINVAL);
	assert_string_equal(rule, "gic-place");
	expect_msg("gicv_base 0x48040000 of system config \"qemu-virt\" is "
		   "not a 4 KiB aligned frame in the distributor's 1 GiB");
	root.sys.platform_info.arm.gicv_base = 0x08040800;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("gicv_base 0x8040800 of system config");
	root.sys.platform_info.arm.gicv_base = 0x08040000;
	assert_int_equal(check_system(), 0);
}

static void test_root_regions_overlap(void **state)
{
	fx_qemu_root(&root);
	fx_add_mem(&root, 0x6ff00000, 0x6ff00000, 0x200000, FX_RWX);
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("regions 2 and 5 of cell \"qemu-virt\" overlap at guest "
		   "address 0x6ff00000");
}

static void test_system_header(void **state)
{
	fx_qemu_root(&root);
	root.sys.platform_info.arm.gic_version = 4;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("has GIC version 4: this hypervisor supports GICv2 and "
		   "GICv3 (and v4); set gic_version to 2 or 3");

	/* GICv2: all four frames, or the sentence naming them */
	fx_qemu_root(&root);
	root.sys.platform_info.arm.gic_version = 2;
	root.sys.platform_info.arm.gicr_base = 0;
	root.sys.platform_info.arm.gicc_base = 0x08010000;
	root.sys.platform_info.arm.gich_base = 0x08030000;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("system config \"qemu-virt\" lacks a GICv2 frame "
		   "(gicd_base 0x8000000, gicc_base 0x8010000, gich_base "
		   "0x8030000, gicv_base 0x0)");
	root.sys.platform_info.arm.gicv_base = 0x08040000;
	assert_int_equal(check_system(), 0);

	fx_qemu_root(&root);
	root.sys.platform_info.arm.maintenance_irq = 40;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("maintenance_irq 40 of system config \"qemu-virt\" is not "
		   "a PPI");

	fx_qemu_root(&root);
	root.cpus = 0x1ff;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("root cell \"qemu-virt\" lists CPU 8; this hypervisor "
		   "supports CPUs 0-7");

	fx_qemu_root(&root);
	root.sys.hypervisor_memory.phys_start = 0x7fd00000;
	root.sys.hypervisor_memory.size = 0x300000;
	root.mem[3].size = 0x0fd00000;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("is not a non-empty 2 MiB aligned block");

	fx_qemu_root(&root);
	root.sys.debug_console.address = 0x7fc01000;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("debug console 0x7fc01000 of system config \"qemu-virt\" "
		   "lies in hypervisor memory");

	fx_qemu_root(&root);
	root.mem[3].size = 0x10000000;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg(
		"region 3 of root cell \"qemu-virt\" (0x70000000-0x7fffffff) "
		"overlaps the hypervisor memory (0x7fc00000-0x7fffffff)");
}

/* The system file's bytes beyond its counts: the hypervisor refuses. */
static void test_system_size(void **state)
{
	struct rules_env env = { .root = &root.cfg, .max_cpus = 8 };

	fx_qemu_root(&root);
	assert_int_equal(fx_build(&root), WARDEN_CONFIG_OK);
	root.cfg.file_size += 32;
	reset();
	assert_int_equal(rules_system(&env, &sink), -EINVAL);
	expect_msg("is 720 bytes but its header and counts describe 688");
}

static void test_iommu_registers(void **state)
{
	struct jailhouse_iommu *io = &root.sys.platform_info.iommu_units[0];

	fx_qemu_root(&root);
	io->type = JAILHOUSE_IOMMU_SMMUV3;
	io->base = 0x09050000;
	io->size = 0x20000;
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("region 1 of root cell \"qemu-virt\" (0x9001000-0x3fffffff) "
		   "maps the registers of IOMMU unit 0 (0x9050000-0x906ffff)");
}

/*
 * ROOTSHARED on one side only: the new cell's shared region over a live
 * cell's private RAM, and the reverse. Only both flags share memory.
 */
static void test_rootshared_one_side(void **state)
{
	const struct warden_config *others[1];

	fx_qemu_root(&root);
	fx_qemu_inmate(&other, "first", 0x4, 0x7fa00000);
	assert_int_equal(fx_build(&other), WARDEN_CONFIG_OK);
	others[0] = &other.cfg;

	fx_qemu_inmate(&cell, "second", 0x8, 0x7fb00000);
	fx_add_mem(&cell, 0x7fa00000, 0x100000, 0x10000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	assert_int_equal(check(0xb, others, 1), -EBUSY);
	assert_string_equal(rule, "cell-overlap");
	expect_msg(
		"region 3 of cell \"second\" (0x7fa00000-0x7fa0ffff) "
		"overlaps region 1 of cell \"first\" (0x7fa00000-0x7fa0ffff), "
		"and not both are ROOTSHARED");

	/* the live cell shares it, the new one would take it */
	fx_add_mem(&other, 0x7f800000, 0x100000, 0x1000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	assert_int_equal(fx_build(&other), WARDEN_CONFIG_OK);
	fx_qemu_inmate(&cell, "second", 0x8, 0x7f800000);
	assert_int_equal(check(0xb, others, 1), -EBUSY);
	expect_msg("overlaps region 3 of cell \"first\"");

	/* both share it: fine */
	fx_qemu_inmate(&cell, "second", 0x8, 0x7fb00000);
	fx_add_mem(&cell, 0x7f800000, 0x100000, 0x1000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	assert_int_equal(check(0xb, others, 1), 0);
}

/* Private RAM of a cell on the root's shared memory (its ivshmem link). */
static void test_root_shared_memory(void **state)
{
	fx_qemu_root(&root);
	root.mem[3].size = 0x0f000000;
	fx_add_mem(&root, 0x7f000000, 0x7f000000, 0x100000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	fx_qemu_inmate(&cell, "taker", 0x8, 0x7f000000);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	assert_string_equal(rule, "root-shared");
	expect_msg("region 1 of cell \"taker\" (0x7f000000-0x7f00ffff) would "
		   "take shared memory of the root cell (root region 5");

	cell.mem[1].flags |= JAILHOUSE_MEM_ROOTSHARED;
	assert_int_equal(check(0xf, NULL, 0), 0);
}

/*
 * The root region a cell region comes from sets its kind and its write
 * right: device registers taken as RAM would be scrubbed through a
 * cacheable window at destroy, RAM taken as I/O never scrubbed, and a
 * read-only root region must not become writable in a cell.
 */
static void test_region_rights(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "dev-as-ram", 0x8, 0x7fa00000);
	cell.mem[0].flags &= ~JAILHOUSE_MEM_IO;
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	assert_string_equal(rule, "root-flags");
	expect_msg("region 0 of cell \"dev-as-ram\" (0x9000000-0x9000fff) is "
		   "RAM, root region 0 (0x9000000-0x9000fff) it comes from "
		   "I/O");

	fx_qemu_inmate(&cell, "ram-as-dev", 0x8, 0x7fa00000);
	cell.mem[1].flags |= JAILHOUSE_MEM_IO;
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	assert_string_equal(rule, "root-flags");

	fx_add_mem(&root, 0x80000000, 0x80000000, 0x100000,
		   JAILHOUSE_MEM_READ | JAILHOUSE_MEM_EXECUTE);
	fx_qemu_inmate(&cell, "writer", 0x8, 0x80000000);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	assert_string_equal(rule, "root-flags");
	expect_msg("is writable, root region 5 (0x80000000-0x800fffff) it "
		   "comes from is not");
	cell.mem[1].flags &= ~JAILHOUSE_MEM_WRITE;
	assert_int_equal(check(0xf, NULL, 0), 0);
}

/* The hypervisor gives memory back region by region: one root region. */
static void test_region_across_root_regions(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "wide", 0x8, 0x6fff0000);
	cell.mem[1].size = 0x20000;
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("region 1 of cell \"wide\" (0x6fff0000-0x7000ffff) is not "
		   "inside one memory region of the root cell");
}

/* Sub-page I/O regions: nothing traps them for a cell. */
static void test_subpage_region(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "uart", 0x8, 0x7fa00000);
	cell.mem[0].size = 0x40;
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	assert_string_equal(rule, "unaligned");
	expect_msg("region 0 of cell \"uart\" (0x9000000, size 0x40) is not "
		   "page aligned");
}

/* An irqchip entry that grants nothing is ignored wherever it points. */
static void test_empty_irqchip_ignored(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "tail", 0x8, 0x7fa00000);
	fx_add_irqchip(&cell, 32, 1u << 8, 0, 0, 0);
	fx_add_irqchip(&cell, 0, 0, 0, 0, 0);
	cell.irq[1].address = 0;
	assert_int_equal(check(0xf, NULL, 0), 0);

	/* one that grants lines must name the distributor */
	cell.irq[1].pin_bitmap[0] = 1;
	cell.irq[1].pin_base = 64;
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("irqchip 1 of cell \"tail\" is at 0x0, but the GIC "
		   "distributor is at 0x8000000");
}

static void test_irqchip_shape(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "odd", 0x8, 0x7fa00000);
	fx_add_irqchip(&cell, 33, 1, 0, 0, 0);
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	expect_msg("irqchip 0 of cell \"odd\" has pin_base 33, not a multiple "
		   "of 32: use pin_base 32");

	fx_qemu_root(&root);
	root.irq[0].pin_base = 992; /* INTIDs 992-1119 */
	assert_int_equal(check_system(), -EINVAL);
	expect_msg("grants INTIDs up to 1119, beyond the GIC's last line 1019");
}

/* Every finding, not only the first: the CLI lists them all. */
static void test_all_findings(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&cell, "bad", 0x10, 0x7fc00000);
	cell.mem[0].size = 0x40;
	assert_int_equal(check(0xf, NULL, 0), -EINVAL);
	/* CPU 4, sub-page UART, RAM on the hypervisor and outside root */
	assert_int_equal(findings, 4);
	assert_int_equal(sink.errors, 4);
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
		cmocka_unit_test(test_shipped_system_passes),
		cmocka_unit_test(test_root_over_later_redistributors),
		cmocka_unit_test(test_root_over_its),
		cmocka_unit_test(test_cell_over_gic),
		cmocka_unit_test(test_root_over_gicv),
		cmocka_unit_test(test_root_alias),
		cmocka_unit_test(test_hv_memory_place),
		cmocka_unit_test(test_gic_place),
		cmocka_unit_test(test_root_regions_overlap),
		cmocka_unit_test(test_system_header),
		cmocka_unit_test(test_system_size),
		cmocka_unit_test(test_iommu_registers),
		cmocka_unit_test(test_rootshared_one_side),
		cmocka_unit_test(test_root_shared_memory),
		cmocka_unit_test(test_region_across_root_regions),
		cmocka_unit_test(test_region_rights),
		cmocka_unit_test(test_subpage_region),
		cmocka_unit_test(test_empty_irqchip_ignored),
		cmocka_unit_test(test_irqchip_shape),
		cmocka_unit_test(test_all_findings),
		cmocka_unit_test(test_load_place),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
