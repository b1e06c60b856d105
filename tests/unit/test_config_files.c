// SPDX-License-Identifier: GPL-2.0
/*
 * The config sources in configs/arm64/ and two written in Jailhouse's
 * style: each compiles here unchanged, has the size the format says, is
 * byte for byte what the aarch64 build put into build/configs/, and passes
 * "config check" with exactly the findings it is meant to have.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "config_check.h"
#include "config_file.h"

/* Each source defines "config"; give every one its own name. */
#define config qemu_virt
#include "../../configs/arm64/qemu-virt.c"
#undef config
#define config qemu_virt_inmate_demo
#include "../../configs/arm64/qemu-virt-inmate-demo.c"
#undef config
#define config qemu_virt_gicv2
#include "../../configs/arm64/qemu-virt-gicv2.c"
#undef config
#define config rpi4_1g
#include "../../configs/arm64/rpi4-1g.c"
#undef config
#define config rpi4_4g
#include "../../configs/arm64/rpi4-4g.c"
#undef config
#define config rpi4_inmate_demo
#include "../../configs/arm64/rpi4-inmate-demo.c"
#undef config
#define config ti_j721e
#include "../../configs/arm64/ti-j721e.c"
#undef config
#define config ti_j721e_linux_demo
#include "../../configs/arm64/ti-j721e-linux-demo.c"
#undef config
#define config rk3588
#include "../../configs/arm64/rk3588.c"
#undef config
#define config rk3588_inmate_demo
#include "../../configs/arm64/rk3588-inmate-demo.c"
#undef config
#define config qemu_virt_ivshmem_demo
#include "../../configs/arm64/qemu-virt-ivshmem-demo.c"
#undef config
/* its MSI-X variant sets what the demo left at its defaults */
#undef IVSHMEM_CELL_NAME
#undef IVSHMEM_MSIX_VECTORS
#undef IVSHMEM_BAR_MASK
#undef IVSHMEM_SPIS
#define config qemu_virt_ivshmem_msix
#include "../../configs/arm64/qemu-virt-ivshmem-msix.c"
#undef config
#define config jh_qemu_arm64
#include "config_sources/jailhouse-qemu-arm64.c"
#undef config
#define config jh_inmate_demo
#include "config_sources/jailhouse-qemu-arm64-inmate-demo.c"
#undef config

struct source {
	const char *name; /* build/configs/NAME.cell */
	const void *data;
	size_t size;
};

#define SOURCE(name, var)               \
	{                               \
		name, &var, sizeof(var) \
	}

static const struct source sources[] = {
	SOURCE("qemu-virt", qemu_virt),
	SOURCE("qemu-virt-inmate-demo", qemu_virt_inmate_demo),
	SOURCE("rpi4-1g", rpi4_1g),
	SOURCE("rpi4-4g", rpi4_4g),
	SOURCE("rpi4-inmate-demo", rpi4_inmate_demo),
	SOURCE("ti-j721e", ti_j721e),
	SOURCE("ti-j721e-linux-demo", ti_j721e_linux_demo),
	SOURCE("rk3588", rk3588),
	SOURCE("rk3588-inmate-demo", rk3588_inmate_demo),
	SOURCE("qemu-virt-gicv2", qemu_virt_gicv2),
	SOURCE("qemu-virt-ivshmem-demo", qemu_virt_ivshmem_demo),
	SOURCE("qemu-virt-ivshmem-msix", qemu_virt_ivshmem_msix),
};

static const char *build_dir;

static struct warden_config parse(const void *data, size_t size)
{
	struct warden_config cfg;

	assert_int_equal(warden_config_parse(data, size, WARDEN_CONFIG_ANY,
					     &cfg),
			 WARDEN_CONFIG_OK);
	return cfg;
}

/* The counts describe the whole struct: no count/size mismatch. */
static void sizes_follow_the_formula(void **state)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sources); i++) {
		struct warden_config cfg =
			parse(sources[i].data, sources[i].size);

		assert_int_equal(cfg.size, sources[i].size);
	}
	assert_int_equal(sizeof(qemu_virt), 488 + 8 + 15 * 32 + 32 + 2 * 56);
	assert_int_equal(sizeof(qemu_virt_inmate_demo), 132 + 8 + 3 * 32);
}

static void first_bytes(void **state)
{
	static const unsigned char sys[8] = {
		'J', 'H', 'S', 'Y', 'S', 2, 14, 0
	};
	static const unsigned char cell[8] = {
		'J', 'H', 'C', 'L', 'L', 2, 14, 0
	};

	assert_memory_equal(&qemu_virt, sys, 8);
	assert_memory_equal(&qemu_virt_inmate_demo, cell, 8);
	assert_memory_equal(&jh_inmate_demo, cell, 8);
}

/*
 * QEMU virt's GICv2 config is qemu-virt.c with the GICv2 frames of QEMU's
 * hw/arm/virt.c and its own name: the same memory and interrupts, so that
 * the qemu-virt cells fit both.
 */
static void gicv2_is_qemu_virt_but_the_gic(void **state)
{
	const struct jailhouse_system *v2 = &qemu_virt_gicv2.header,
				      *v3 = &qemu_virt.header;

	assert_int_equal(sizeof(qemu_virt_gicv2), sizeof(qemu_virt));
	assert_int_equal(v2->platform_info.arm.gic_version, 2);
	assert_true(v2->platform_info.arm.gicd_base == 0x08000000);
	assert_true(v2->platform_info.arm.gicc_base == 0x08010000);
	assert_true(v2->platform_info.arm.gich_base == 0x08030000);
	assert_true(v2->platform_info.arm.gicv_base == 0x08040000);
	assert_true(v2->platform_info.arm.gicr_base == 0);
	assert_int_equal(v2->platform_info.arm.maintenance_irq, 25);
	assert_string_equal(v2->root_cell.name, "qemu-virt-gicv2");
	assert_memory_equal(&v2->hypervisor_memory, &v3->hypervisor_memory,
			    sizeof(v2->hypervisor_memory));
	assert_memory_equal(&v2->debug_console, &v3->debug_console,
			    sizeof(v2->debug_console));
	assert_memory_equal(qemu_virt_gicv2.cpus, qemu_virt.cpus,
			    sizeof(qemu_virt.cpus));
	assert_memory_equal(qemu_virt_gicv2.mem_regions, qemu_virt.mem_regions,
			    sizeof(qemu_virt.mem_regions));
	assert_memory_equal(qemu_virt_gicv2.irqchips, qemu_virt.irqchips,
			    sizeof(qemu_virt.irqchips));
}

/* The sizes Jailhouse's build gives its qemu-arm64 configs. */
static void jailhouse_style_sources(void **state)
{
	const unsigned char *p = (const unsigned char *)&jh_qemu_arm64;
	struct warden_config root, cell;
	const struct warden_config *cells[1] = { &cell };
	struct config_report rep = { 0 };

	assert_int_equal(sizeof(jh_qemu_arm64), 1024);
	assert_int_equal(sizeof(jh_inmate_demo), 484);
	root = parse(&jh_qemu_arm64, sizeof(jh_qemu_arm64));
	cell = parse(&jh_inmate_demo, sizeof(jh_inmate_demo));
	/* The empty R/W section of the ivshmem-net link, region 6. */
	assert_true(root.mem_regions[6].size == 0);
	assert_true(root.mem_regions[7].phys_start == 0x7fb01000);
	assert_true(root.mem_regions[7].flags ==
		    (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		     JAILHOUSE_MEM_ROOTSHARED));
	assert_true(root.mem_regions[8].flags ==
		    (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED));
	assert_int_equal(root.pci_devices[1].bar_mask[0], 0xfffff000);
	/* Offsets of a few fields, read from the raw bytes. */
	assert_int_equal(p[313], 3); /* gic_version */
	assert_int_equal(p[85], 1); /* pci_is_virtual */
	assert_int_equal(p[356 + 80], 96); /* root vpci_irq_base */

	/*
	 * Accepted as they are, their ivshmem links (the demo link with
	 * the inmate demo, the network link of the root) included.
	 */
	config_check(&root, cells, 1, &rep);
	if (rep.count)
		config_report_print(&rep, stderr);
	assert_int_equal(rep.count, 0);
	config_report_free(&rep);
}

/* What the aarch64 build wrote equals what the host compiler laid out. */
static void built_files_are_byte_identical(void **state)
{
	unsigned int i, found = 0;

	for (i = 0; i < ARRAY_SIZE(sources); i++) {
		char path[512];
		struct config_file f;

		snprintf(path, sizeof(path), "%s/configs/%s.cell", build_dir,
			 sources[i].name);
		if (config_file_load(&f, path, WARDEN_CONFIG_ANY)) {
			if (strstr(f.error, "cannot open"))
				continue; /* "make configs" not run */
			fail_msg("%s: %s", path, f.error);
		}
		found++;
		assert_int_equal(f.cfg.file_size, sources[i].size);
		assert_memory_equal(f.data, sources[i].data, sources[i].size);
		config_file_free(&f);
	}
	if (!found)
		skip();
}

/*
 * Each shipped pair: clean, except the intended J721E DMA advice; the
 * GICv2 systems (Raspberry Pi 4, QEMU virt's GICv2 config with the
 * qemu-virt inmate demo) too.
 */
static void shipped_pairs_check(void **state)
{
	static const struct {
		unsigned int sys, cell;
		const char *only_finding;
	} pairs[] = {
		/* clang-format off */
		{ 0, 1, NULL }, { 2, 4, NULL }, { 3, 4, NULL },
		{ 5, 6, "dma-mismatch" }, { 7, 8, NULL }, { 9, 1, NULL },
		{ 0, 10, NULL }, { 9, 10, NULL }, { 0, 11, NULL },
		{ 9, 11, NULL },
		/* clang-format on */
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pairs); i++) {
		const struct source *s = &sources[pairs[i].sys],
				    *c = &sources[pairs[i].cell];
		struct warden_config sys = parse(s->data, s->size),
				     cell = parse(c->data, c->size);
		const struct warden_config *cells[1] = { &cell };
		struct config_report rep = { 0 };

		config_check(&sys, cells, 1, &rep);
		if (rep.count != (pairs[i].only_finding ? 1 : 0)) {
			config_report_print(&rep, stderr);
			fail_msg("%s + %s: unexpected findings", s->name,
				 c->name);
		}
		if (pairs[i].only_finding) {
			/* the DMA advice names its region; gic-version none */
			int dma =
				!strcmp(pairs[i].only_finding, "dma-mismatch");

			assert_string_equal(rep.findings[0].check,
					    pairs[i].only_finding);
			assert_int_equal(rep.findings[0].severity,
					 dma ? FINDING_ADVICE : FINDING_ERROR);
			assert_int_equal(rep.findings[0].region, dma ? 1 : -1);
			if (dma)
				assert_true(rep.findings[0].start ==
					    0x8a0000000);
		}
		config_report_free(&rep);
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sizes_follow_the_formula),
		cmocka_unit_test(first_bytes),
		cmocka_unit_test(gicv2_is_qemu_virt_but_the_gic),
		cmocka_unit_test(jailhouse_style_sources),
		cmocka_unit_test(built_files_are_byte_identical),
		cmocka_unit_test(shipped_pairs_check),
	};
	static char dir[512];
	char *slash;

	/* This program is build/tests/unit/test_config_files. */
	snprintf(dir, sizeof(dir), "%s", argv[0]);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	else
		snprintf(dir, sizeof(dir), ".");
	strncat(dir, "/../..", sizeof(dir) - strlen(dir) - 1);
	build_dir = dir;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
