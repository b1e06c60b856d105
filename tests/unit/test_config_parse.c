// SPDX-License-Identifier: GPL-2.0
/*
 * The config parser (hypervisor/core/config.c) and its messages
 * (tools/config_file.c), fed good files and hostile ones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "config_file.h"
#include "config_fixture.h"

static struct fx fx;

static void parses_system_config(void **state)
{
	fx_qemu_root(&fx);
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_OK);
	assert_int_equal(fx.cfg.kind, WARDEN_CONFIG_SYSTEM);
	assert_ptr_equal(fx.cfg.system, fx.buf);
	assert_ptr_equal(fx.cfg.cell, fx.buf + 356);
	assert_ptr_equal(fx.cfg.cpu_set, fx.buf + 488);
	assert_ptr_equal(fx.cfg.mem_regions, fx.buf + 496);
	assert_ptr_equal(fx.cfg.irqchips, fx.buf + 496 + 5 * 32);
	assert_int_equal(fx.cfg.size, 488 + 8 + 5 * 32 + 32);
	assert_int_equal(fx.cfg.size, fx.cfg.file_size);
	assert_true(fx.cfg.mem_regions[4].phys_start == 0x4010000000);
}

static void parses_cell_config(void **state)
{
	fx_qemu_inmate(&fx, "inmate-demo", 0x8, 0x7fa00000);
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_OK);
	assert_int_equal(fx.cfg.kind, WARDEN_CONFIG_CELL);
	assert_null(fx.cfg.system);
	assert_int_equal(fx.cfg.size, 132 + 8 + 3 * 32);
	assert_true(warden_config_has_cpu(&fx.cfg, 3));
	assert_false(warden_config_has_cpu(&fx.cfg, 2));
	assert_false(warden_config_has_cpu(&fx.cfg, 64)); /* beyond set */
	assert_int_equal(warden_config_cpu_count(&fx.cfg), 1);
	assert_int_equal(warden_config_cpu_limit(&fx.cfg), 4);
}

/* Every prefix of a valid file is refused, none is read beyond its end. */
static void refuses_every_truncation(void **state)
{
	struct warden_config cfg;
	size_t len;

	fx_qemu_root(&fx);
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_OK);
	for (len = 0; len < fx.len; len++) {
		/* A heap copy of exactly len bytes lets ASan catch overreads. */
		void *copy = malloc(len ? len : 1);
		enum warden_config_status st;

		memcpy(copy, fx.buf, len);
		st = warden_config_parse(copy, len, WARDEN_CONFIG_ANY, &cfg);
		assert_true(st == WARDEN_CONFIG_TOO_SMALL ||
			    st == WARDEN_CONFIG_TRUNCATED);
		free(copy);
	}
}

static void refuses_counts_that_overflow(void **state)
{
	struct warden_config cfg;
	struct jailhouse_cell_desc *c;

	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_OK);
	c = (struct jailhouse_cell_desc *)fx.buf;
	/* 2^32 - 1 regions of 32 bytes: wraps a 32-bit size to 0x...e0. */
	c->num_memory_regions = 0xffffffff;
	assert_int_equal(warden_config_parse(fx.buf, fx.len, WARDEN_CONFIG_ANY,
					     &cfg),
			 WARDEN_CONFIG_TRUNCATED);
	assert_true(cfg.expected > 0xffffffffULL * 32);
	/* 0x08000000 regions * 32 = 2^32: zero in 32-bit arithmetic. */
	c->num_memory_regions = 0x08000000;
	assert_int_equal(warden_config_parse(fx.buf, fx.len, WARDEN_CONFIG_ANY,
					     &cfg),
			 WARDEN_CONFIG_TRUNCATED);
	c->num_memory_regions = 3;
	c->cpu_set_size = 4097;
	assert_int_equal(warden_config_parse(fx.buf, fx.len, WARDEN_CONFIG_ANY,
					     &cfg),
			 WARDEN_CONFIG_CPU_SET_SIZE);
	c->cpu_set_size = 8;
	c->num_stream_ids = 0xffffffff;
	c->num_pci_devices = 0xffffffff;
	assert_int_equal(warden_config_parse(fx.buf, fx.len, WARDEN_CONFIG_ANY,
					     &cfg),
			 WARDEN_CONFIG_TRUNCATED);
}

static void refuses_regions_that_wrap(void **state)
{
	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	fx_add_mem(&fx, 0xfffffffffffff000, 0x1000, 0x2000, FX_RW);
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_REGION_WRAPS);
	assert_int_equal(fx.cfg.got, 3);

	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	fx_add_mem(&fx, 0x1000, 0xffffffffffff0000, 0x20000, FX_RW);
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_REGION_WRAPS);

	/* Ending exactly at 2^64 does not wrap. */
	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	fx_add_mem(&fx, 0xfffffffffffff000, 0xfffffffffffff000, 0x1000, FX_IO);
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_OK);

	fx_qemu_root(&fx);
	fx.sys.hypervisor_memory.phys_start = 0xffffffffffe00000;
	fx.sys.hypervisor_memory.size = 0x400000;
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_REGION_WRAPS);
}

static void refuses_wrong_revision_arch_signature(void **state)
{
	char msg[400];

	fx_qemu_root(&fx);
	fx.sys.revision = 12;
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_BAD_REVISION);
	warden_config_status_describe(WARDEN_CONFIG_BAD_REVISION, &fx.cfg, msg,
				      sizeof(msg));
	assert_string_equal(msg, "revision 12, expected 14: rebuild the "
				 "config with this version's headers");

	fx_qemu_root(&fx);
	fx.sys.architecture = JAILHOUSE_X86;
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_BAD_ARCH);
	warden_config_status_describe(WARDEN_CONFIG_BAD_ARCH, &fx.cfg, msg,
				      sizeof(msg));
	assert_non_null(strstr(msg, "architecture 0 (x86), expected 2"));

	fx_qemu_root(&fx);
	memcpy(fx.sys.signature, "ELF\x7f!", 5);
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_BAD_SIGNATURE);
	warden_config_status_describe(WARDEN_CONFIG_BAD_SIGNATURE, &fx.cfg, msg,
				      sizeof(msg));
	assert_non_null(strstr(msg, "signature \"ELF?!\""));
}

/* Revisions 12 and 13 began "JHSYST"/"JHCELL", revision at offset 6. */
static void recognises_old_revisions(void **state)
{
	static const unsigned char old_sys[16] = "JHSYST\x0c\x00";
	static const unsigned char old_cell[16] = "JHCELL\x0d\x00";
	struct warden_config cfg;
	char msg[400];

	assert_int_equal(warden_config_parse(old_sys, sizeof(old_sys),
					     WARDEN_CONFIG_ANY, &cfg),
			 WARDEN_CONFIG_BAD_REVISION);
	assert_int_equal(cfg.got, 12);
	warden_config_status_describe(WARDEN_CONFIG_BAD_REVISION, &cfg, msg,
				      sizeof(msg));
	assert_non_null(strstr(msg, "revision 12, expected 14"));
	assert_int_equal(warden_config_parse(old_cell, sizeof(old_cell),
					     WARDEN_CONFIG_ANY, &cfg),
			 WARDEN_CONFIG_BAD_REVISION);
	assert_int_equal(cfg.got, 13);
	assert_int_equal(cfg.kind, WARDEN_CONFIG_CELL);
}

static void refuses_wrong_kind_and_bad_name(void **state)
{
	char msg[400];

	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	fx_build(&fx);
	assert_int_equal(warden_config_parse(fx.buf, fx.len,
					     WARDEN_CONFIG_SYSTEM, &fx.cfg),
			 WARDEN_CONFIG_WRONG_KIND);
	warden_config_status_describe(WARDEN_CONFIG_WRONG_KIND, &fx.cfg, msg,
				      sizeof(msg));
	assert_non_null(strstr(msg, "this is a cell config"));

	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	memset(fx.desc.name, 'a', sizeof(fx.desc.name));
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_BAD_NAME);
}

/* Extra bytes are accepted by the parser; config check reports them. */
static void accepts_trailing_bytes(void **state)
{
	struct warden_config cfg;

	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	fx_build(&fx);
	memset(fx.buf + fx.len, 0, 32);
	assert_int_equal(warden_config_parse(fx.buf, fx.len + 32,
					     WARDEN_CONFIG_ANY, &cfg),
			 WARDEN_CONFIG_OK);
	assert_int_equal(cfg.size + 32, cfg.file_size);
}

static void reads_unaligned_stream_ids(void **state)
{
	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	fx.streams[0] = 0x12345678;
	fx.streams[1] = 7;
	fx.n_streams = 2;
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_OK);
	assert_int_equal(warden_config_stream_id(&fx.cfg, 0), 0x12345678);
	assert_int_equal(warden_config_stream_id(&fx.cfg, 1), 7);
}

static void finds_granted_interrupts(void **state)
{
	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	fx_add_irqchip(&fx, 32, 1 << 1, 0, 0, 1u << 31);
	fx_add_irqchip(&fx, 0xffffffe0, 1, 0, 0, 0); /* near 2^32 */
	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_OK);
	assert_true(warden_config_has_irq(&fx.cfg, 0x08000000, 33));
	assert_true(warden_config_has_irq(&fx.cfg, 0x08000000, 159));
	assert_false(warden_config_has_irq(&fx.cfg, 0x08000000, 32));
	assert_false(warden_config_has_irq(&fx.cfg, 0x08000000, 160));
	assert_false(warden_config_has_irq(&fx.cfg, 0x09000000, 33));
	assert_true(warden_config_has_irq(&fx.cfg, 0x08000000, 0xffffffe0));
	assert_false(warden_config_has_irq(&fx.cfg, 0x08000000, 1ULL << 32));
}

static void compares_ranges_without_wrapping(void **state)
{
	const uint64_t top = 0xfffffffffffff000;

	assert_true(warden_range_overlaps(0x1000, 0x1000, 0x1fff, 1));
	assert_false(warden_range_overlaps(0x1000, 0x1000, 0x2000, 1));
	assert_false(warden_range_overlaps(0x1000, 0, 0x1000, 0x1000));
	assert_true(warden_range_overlaps(top, 0x1000, 0, ~0ULL));
	assert_false(warden_range_overlaps(top, 0x1000, 0, top));
	assert_true(warden_range_contains(0, ~0ULL, top, 0x1000) == 0);
	assert_true(warden_range_contains(top, 0x1000, top + 0xfff, 1));
	assert_false(warden_range_contains(top, 0x800, top, 0x1000));
	assert_true(warden_range_contains(0x1000, 0x1000, 0x1800, 0x800));
	assert_false(warden_range_contains(0x1000, 0x1000, 0x1800, 0x801));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_system_config),
		cmocka_unit_test(parses_cell_config),
		cmocka_unit_test(refuses_every_truncation),
		cmocka_unit_test(refuses_counts_that_overflow),
		cmocka_unit_test(refuses_regions_that_wrap),
		cmocka_unit_test(refuses_wrong_revision_arch_signature),
		cmocka_unit_test(recognises_old_revisions),
		cmocka_unit_test(refuses_wrong_kind_and_bad_name),
		cmocka_unit_test(accepts_trailing_bytes),
		cmocka_unit_test(reads_unaligned_stream_ids),
		cmocka_unit_test(finds_granted_interrupts),
		cmocka_unit_test(compares_ranges_without_wrapping),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
