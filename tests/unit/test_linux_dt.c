// SPDX-License-Identifier: GPL-2.0
/*
 * The device tree "warden cell linux" writes (tools/linux_dt.c): the
 * virtual PCI host bridge of a cell with PCI devices, as the hypervisor
 * serves it (ECAM, bus range, domain, the BAR window behind the ECAM
 * window where the hypervisor takes BARs, INTx pins to the cell's SPIs,
 * no MSI), none without PCI devices or without the system config, and
 * clear refusals where the hypervisor would refuse every BAR.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "config_create_dt.h"
#include "fdt_write.h"
#include "linux_dt.h"

#include "config_fixture.h"

static struct fx sys_fx, cell_fx;
static struct linux_layout layout;
static struct dt_tree root_dt;

/* QEMU virt as the root sees it: 4 CPUs, a GICv3. */
static void root_tree(void)
{
	static const uint32_t gic_reg[8] = { 0, 0x08000000, 0, 0x10000,
					     0, 0x080a0000, 0, 0xf60000 };
	struct fdt_w w;
	char err[200], name[16];
	void *blob;
	size_t size;
	unsigned int i;

	fdt_w_init(&w);
	fdt_w_begin(&w, "");
	fdt_w_prop_u32(&w, "#address-cells", 2);
	fdt_w_prop_u32(&w, "#size-cells", 2);
	fdt_w_prop_u32(&w, "interrupt-parent", 0x8002);
	fdt_w_begin(&w, "cpus");
	fdt_w_prop_u32(&w, "#address-cells", 1);
	fdt_w_prop_u32(&w, "#size-cells", 0);
	for (i = 0; i < 4; i++) {
		snprintf(name, sizeof(name), "cpu@%u", i);
		fdt_w_begin(&w, name);
		fdt_w_prop_str(&w, "device_type", "cpu");
		fdt_w_prop_str(&w, "compatible", "arm,cortex-a57");
		fdt_w_prop_u32(&w, "reg", i);
		fdt_w_end(&w);
	}
	fdt_w_end(&w);
	fdt_w_begin(&w, "intc@8000000");
	fdt_w_prop_str(&w, "compatible", "arm,gic-v3");
	fdt_w_prop(&w, "interrupt-controller", NULL, 0);
	fdt_w_prop_u32(&w, "#interrupt-cells", 3);
	fdt_w_prop_cells(&w, "reg", gic_reg, 8);
	fdt_w_prop_u32(&w, "phandle", 0x8002);
	fdt_w_end(&w);
	fdt_w_end(&w);
	assert_int_equal(fdt_w_finish(&w, &blob, &size), 0);
	fdt_w_free(&w);
	assert_int_equal(dt_parse(&root_dt, blob, size, err, sizeof(err)), 0);
	free(blob);
}

/* configs/arm64/qemu-virt.c's bridge: ECAM 0x08e00000, bus 0, domain 1 */
static void system_config(void)
{
	fx_qemu_root(&sys_fx);
	sys_fx.sys.platform_info.pci_mmconfig_base = 0x08e00000;
	sys_fx.sys.platform_info.pci_mmconfig_end_bus = 0;
	sys_fx.sys.platform_info.pci_is_virtual = 1;
	sys_fx.sys.platform_info.pci_domain = 1;
	assert_int_equal(fx_build(&sys_fx), WARDEN_CONFIG_OK);
}

/* configs/arm64/qemu-virt-linux-demo.c: peer 2 of the demo link */
static void linux_cell(unsigned int n_pci, __u32 bar_mask)
{
	struct fx *f = &cell_fx;

	memset(f, 0, sizeof(*f));
	memcpy(f->desc.signature, JAILHOUSE_CELL_DESC_SIGNATURE, 5);
	f->desc.architecture = JAILHOUSE_ARM64;
	f->desc.revision = JAILHOUSE_CONFIG_REVISION;
	strcpy(f->desc.name, "linux-demo");
	f->desc.vpci_irq_base = 140 - 32;
	f->desc.cpu_reset_address = 0x70000000;
	f->cpus = 0xc;
	fx_add_mem(f, 0x70000000, 0x70000000, 0x08000000,
		   FX_RWX | JAILHOUSE_MEM_LOADABLE);
	fx_add_mem(f, 0, 0x80000000, 0x1000, FX_RW | JAILHOUSE_MEM_COMM_REGION);
	fx_add_mem(f, 0x7faf0000, 0x7faf0000, 0x1000,
		   JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED);
	f->n_pci = n_pci;
	while (n_pci--)
		f->pci[n_pci] = (struct jailhouse_pci_device){
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = n_pci << 3,
			.bar_mask = { bar_mask },
			.shmem_regions_start = 2,
			.shmem_dev_id = 2,
			.shmem_peers = 3,
		};
	assert_int_equal(fx_build(f), WARDEN_CONFIG_OK);
	memset(&layout, 0, sizeof(layout));
	layout.region = layout.loader_region = 0;
	layout.ram_start = 0x70000000;
	layout.ram_size = 0x08000000;
}

static int setup(void **state)
{
	(void)state;
	root_tree();
	system_config();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dt_free(&root_dt);
	return 0;
}

/* Generates the cell's DTB into *t; returns linux_dt_generate()'s result. */
static int generate(const struct jailhouse_system *sys, struct dt_tree *t,
		    char *err, size_t len)
{
	struct linux_dt_args a = { &cell_fx.cfg, "linux-demo.cell", &layout,
				   "console=hvc0", sys };
	char perr[200];
	void *blob;
	size_t size;
	int ret;

	err[0] = 0;
	ret = linux_dt_generate(&a, &root_dt, "root.dtb", &blob, &size, err,
				len);
	if (ret)
		return ret;
	assert_int_equal(dt_parse(t, blob, size, perr, sizeof(perr)), 0);
	free(blob);
	return 0;
}

static void assert_cells(const struct dt_node *n, const char *name,
			 const uint32_t *want, unsigned int count)
{
	const struct dt_prop *p = dt_prop(n, name);
	unsigned int i;

	assert_non_null(p);
	assert_int_equal(p->len, 4 * count);
	for (i = 0; i < count; i++)
		assert_int_equal(dt_cell(p, i), want[i]);
}

static void bridge_node(void **state)
{
	static const uint32_t reg[4] = { 0, 0x08e00000, 0, 0x100000 };
	static const uint32_t bus[2] = { 0, 0 };
	/* 32-bit memory at 0x08f00000 = 0x08f00000, two pages */
	static const uint32_t ranges[7] = { 0x02000000, 0, 0x08f00000, 0,
					    0x08f00000, 0, 0x2000 };
	/* pin P: GIC (phandle 1) SPI 108 + P - 1, edge rising */
	static const uint32_t map[32] = {
		0, 0, 0, 1, 1, 0, 108, 1, 0, 0, 0, 2, 1, 0, 109, 1,
		0, 0, 0, 3, 1, 0, 110, 1, 0, 0, 0, 4, 1, 0, 111, 1,
	};
	static const uint32_t mask[4] = { 0, 0, 0, 7 };
	struct dt_tree t;
	struct dt_node *pci, *gic;
	char err[400];

	(void)state;
	linux_cell(1, 0xfffff000);
	assert_int_equal(generate(sys_fx.cfg.system, &t, err, sizeof(err)), 0);
	pci = dt_find_path(&t, "/pci@8e00000");
	assert_non_null(pci);
	assert_true(dt_has_string(pci, "compatible", "pci-host-ecam-generic"));
	assert_true(dt_has_string(pci, "device_type", "pci"));
	assert_cells(pci, "reg", reg, 4);
	assert_cells(pci, "bus-range", bus, 2);
	assert_int_equal(dt_u32(pci, "linux,pci-domain", 99), 1);
	assert_int_equal(dt_u32(pci, "#address-cells", 0), 3);
	assert_int_equal(dt_u32(pci, "#size-cells", 0), 2);
	assert_int_equal(dt_u32(pci, "#interrupt-cells", 0), 1);
	assert_cells(pci, "ranges", ranges, 7);
	assert_cells(pci, "interrupt-map", map, 32);
	assert_cells(pci, "interrupt-map-mask", mask, 4);
	/* no MSI controller behind the bridge */
	assert_null(dt_prop(pci, "msi-parent"));
	assert_null(dt_prop(pci, "msi-map"));
	/* the interrupt-map's parent is the cell's GIC */
	gic = dt_find_phandle(&t, 1);
	assert_non_null(gic);
	assert_non_null(dt_prop(gic, "interrupt-controller"));
	assert_int_equal(dt_u32(gic, "#address-cells", 99), 0);
	dt_free(&t);
}

static void window_for_64k_bars(void **state)
{
	/* two devices with 64 KiB BARs (_INTX_64K): room for both */
	static const uint32_t ranges[7] = { 0x02000000, 0, 0x08f00000, 0,
					    0x08f00000, 0, 0x20000 };
	struct dt_tree t;
	char err[400];

	(void)state;
	linux_cell(2, 0xffff0000);
	assert_int_equal(generate(sys_fx.cfg.system, &t, err, sizeof(err)), 0);
	assert_cells(dt_find_path(&t, "/pci@8e00000"), "ranges", ranges, 7);
	dt_free(&t);
}

static void no_bridge_without_devices_or_system(void **state)
{
	struct dt_tree t;
	char err[400];

	(void)state;
	linux_cell(0, 0);
	assert_int_equal(generate(sys_fx.cfg.system, &t, err, sizeof(err)), 0);
	assert_null(dt_find_path(&t, "/pci@8e00000"));
	dt_free(&t);
	/* "cell linux -w" without a system config: a DTB without it */
	linux_cell(1, 0xfffff000);
	assert_int_equal(generate(NULL, &t, err, sizeof(err)), 0);
	assert_null(dt_find_path(&t, "/pci@8e00000"));
	dt_free(&t);
}

static void refused_without_virtual_bridge(void **state)
{
	struct dt_tree t;
	char err[400];

	(void)state;
	linux_cell(1, 0xfffff000);
	sys_fx.sys.platform_info.pci_is_virtual = 0;
	assert_int_equal(fx_build(&sys_fx), WARDEN_CONFIG_OK);
	assert_int_equal(generate(sys_fx.cfg.system, &t, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cell \"linux-demo\" has 1 PCI device(s), "
				    "but the system config has no virtual PCI "
				    "host bridge"));
	system_config();
}

static void refused_window_over_memory(void **state)
{
	struct dt_tree t;
	char err[400];

	(void)state;
	linux_cell(1, 0xfffff000);
	/* a cell region right behind the ECAM window */
	cell_fx.mem[cell_fx.n_mem++] =
		(struct jailhouse_memory){ 0x08f01000, 0x08f01000, 0x1000,
					   FX_IO };
	assert_int_equal(fx_build(&cell_fx), WARDEN_CONFIG_OK);
	assert_int_equal(generate(sys_fx.cfg.system, &t, err, sizeof(err)), -1);
	assert_non_null(strstr(err,
			       "the BAR window 0x8f00000+0x2000 of cell "
			       "\"linux-demo\"'s virtual PCI host bridge"));
	assert_non_null(strstr(err, "would cover a memory region of the cell "
				    "0x8f01000+0x1000"));
	/* the redistributors of the root's CPUs, as the hypervisor has them */
	linux_cell(1, 0xfffff000);
	sys_fx.sys.platform_info.pci_mmconfig_base = 0x07f00000;
	sys_fx.sys.platform_info.arm.gicr_base = 0x08000000;
	sys_fx.sys.platform_info.arm.gicd_base = 0x07000000;
	assert_int_equal(fx_build(&sys_fx), WARDEN_CONFIG_OK);
	assert_int_equal(generate(sys_fx.cfg.system, &t, err, sizeof(err)), -1);
	assert_non_null(
		strstr(err, "the GIC redistributors 0x8000000+0x80000"));
	/* above 4 GiB a 32-bit BAR cannot go */
	system_config();
	sys_fx.sys.platform_info.pci_mmconfig_base = 0xfff00000;
	assert_int_equal(fx_build(&sys_fx), WARDEN_CONFIG_OK);
	assert_int_equal(generate(sys_fx.cfg.system, &t, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "the 4 GiB limit of 32-bit BARs"));
	system_config();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bridge_node),
		cmocka_unit_test(window_for_64k_bars),
		cmocka_unit_test(no_bridge_without_devices_or_system),
		cmocka_unit_test(refused_without_virtual_bridge),
		cmocka_unit_test(refused_window_over_memory),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
