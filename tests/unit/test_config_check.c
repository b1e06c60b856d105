// SPDX-License-Identifier: GPL-2.0
/*
 * Each check of "warden config check" (tools/config_check.c): the shipped
 * QEMU pair is clean, and one mistake at a time yields its finding.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "config_check.h"
#include "config_fixture.h"

static struct fx root, a, b;
static struct config_report rep;

static int setup(void **state)
{
	fx_qemu_root(&root);
	fx_qemu_inmate(&a, "a", 0x8, 0x7fa00000);
	fx_qemu_inmate(&b, "b", 0x4, 0x7f900000);
	config_report_free(&rep);
	return 0;
}

static int teardown(void **state)
{
	config_report_free(&rep);
	return 0;
}

/* Builds root and n cells (a, then b) and checks them. */
static void run(unsigned int n)
{
	const struct warden_config *cells[2] = { &a.cfg, &b.cfg };

	assert_int_equal(fx_build(&root), WARDEN_CONFIG_OK);
	assert_int_equal(fx_build(&a), WARDEN_CONFIG_OK);
	assert_int_equal(fx_build(&b), WARDEN_CONFIG_OK);
	config_report_free(&rep);
	config_check(&root.cfg, cells, n, &rep);
}

/* The finding of one check, which must be the only one of that check. */
static const struct config_finding *only(const char *check)
{
	unsigned int i;

	if (config_report_count(&rep, check) != 1) {
		config_report_print(&rep, stderr);
		fail_msg("expected one \"%s\" finding, got %u", check,
			 config_report_count(&rep, check));
	}
	for (i = 0; i < rep.count; i++)
		if (!strcmp(rep.findings[i].check, check))
			return &rep.findings[i];
	return NULL;
}

static void expect_clean(void)
{
	if (rep.count) {
		config_report_print(&rep, stderr);
		fail_msg("expected no findings, got %u", rep.count);
	}
}

static void shipped_pair_is_clean(void **state)
{
	run(2);
	expect_clean();
}

static void hypervisor_overlap(void **state)
{
	const struct config_finding *f;

	root.mem[3].size = 0x10000000; /* cell RAM up to 0x7fffffff */
	run(1);
	f = only("hv-overlap");
	assert_int_equal(f->severity, FINDING_ERROR);
	assert_string_equal(f->cell, "qemu-virt");
	assert_int_equal(f->region, 3);
	assert_true(f->has_range && f->start == 0x70000000);
	assert_non_null(strstr(f->message, "0x7fc00000-0x7fffffff (4 MiB)"));
}

static void hypervisor_alignment(void **state)
{
	root.sys.hypervisor_memory.phys_start = 0x7fd00000;
	root.sys.hypervisor_memory.size = 0x300000;
	root.mem[3].size = 0x0fd00000;
	run(0);
	assert_int_equal(only("hv-align")->severity, FINDING_ERROR);
}

static void gic_distributor_passed_through(void **state)
{
	fx_add_mem(&root, 0x08000000, 0x08000000, 0x1000, FX_IO);
	run(0);
	assert_non_null(
		strstr(only("gic-passthrough")->message, "distributor"));
}

/* Jailhouse checks the first frame only; the last CPU's counts too. */
static void gic_redistributor_of_last_cpu(void **state)
{
	const struct config_finding *f;

	fx_add_mem(&root, 0x08100000, 0x08100000, 0x20000, FX_IO);
	run(0);
	f = only("gic-passthrough");
	assert_non_null(strstr(f->message, "redistributor of CPU 3"));
	assert_non_null(strstr(f->fix, "0x80a0000-0x811ffff"));
}

static void gicv2_interfaces(void **state)
{
	root.sys.platform_info.arm.gic_version = 2;
	root.sys.platform_info.arm.gicd_base = 0x08000000;
	root.sys.platform_info.arm.gicc_base = 0x08010000;
	root.sys.platform_info.arm.gich_base = 0x08030000;
	root.sys.platform_info.arm.gicv_base = 0x08040000;
	fx_add_mem(&root, 0x08040000, 0x08040000, 0x1000, FX_IO);
	run(0);
	assert_non_null(strstr(only("gic-passthrough")->message,
			       "virtual CPU interface"));
}

static void gic_setup(void **state)
{
	root.sys.platform_info.arm.gic_version = 4;
	run(0);
	assert_int_equal(only("gic")->severity, FINDING_ERROR);
	setup(state);
	root.sys.platform_info.arm.maintenance_irq = 40;
	run(0);
	assert_non_null(strstr(only("gic")->message, "not a PPI"));
}

static void ecam_and_iommu(void **state)
{
	root.sys.platform_info.pci_mmconfig_base = 0x09100000;
	root.sys.platform_info.pci_mmconfig_end_bus = 0;
	root.sys.platform_info.iommu_units[0].type = JAILHOUSE_IOMMU_SMMUV3;
	root.sys.platform_info.iommu_units[0].base = 0x09050000;
	root.sys.platform_info.iommu_units[0].size = 0x20000;
	run(0);
	assert_int_equal(only("ecam-overlap")->region, 1);
	assert_int_equal(only("iommu-overlap")->region, 1);
}

static void overlaps_inside_a_cell(void **state)
{
	fx_add_mem(&root, 0x6ff00000, 0x6ff00000, 0x200000, FX_RWX);
	run(0);
	/* Physically with regions 2 and 3, and so also virtually. */
	assert_int_equal(config_report_count(&rep, "overlap"), 4);

	setup(state);
	fx_add_mem(&a, 0x7f800000, 0x8000, 0x1000, FX_RW); /* IPA clash */
	run(1);
	assert_non_null(strstr(only("overlap")->message, "address space"));
}

static void comm_region_collides(void **state)
{
	const struct config_finding *f;

	a.mem[2].virt_start = 0x8000; /* inside the RAM at IPA 0 */
	run(1);
	f = only("comm-region");
	assert_int_equal(f->region, 2);
	assert_non_null(strstr(f->message, "collides with region 1"));
}

static void comm_region_missing(void **state)
{
	a.n_mem = 2;
	run(1);
	expect_clean(); /* PASSIVE_COMMREG: fine */
	a.desc.flags = 0;
	run(1);
	assert_int_equal(only("comm-region")->severity, FINDING_WARNING);
}

static void cpus(void **state)
{
	b.cpus = 0x8; /* CPU 3, as cell a */
	run(2);
	assert_non_null(strstr(only("cpus")->message, "also in cell \"a\""));

	setup(state);
	b.cpus = 0x20; /* CPU 5: not the root's */
	run(2);
	assert_non_null(strstr(only("cpus")->message, "CPU 5 is not"));

	setup(state);
	a.cpus = 0x3;
	b.cpus = 0xc;
	run(2);
	assert_non_null(strstr(only("cpus")->message, "every CPU"));

	setup(state);
	b.cpus = 0;
	run(2);
	assert_non_null(strstr(only("cpus")->message, "no CPU"));
}

static void irqchip_pin_base_and_range(void **state)
{
	fx_add_irqchip(&a, 33, 1, 0, 0, 0);
	run(1);
	assert_non_null(strstr(only("irqchip")->message, "pin_base 33"));
	assert_non_null(strstr(only("irqchip")->fix, "pin_base 32"));

	setup(state);
	fx_add_irqchip(&a, 992, ~0u, ~0u, 0, 0); /* INTIDs 992-1055 */
	run(1);
	assert_non_null(strstr(only("irqchip")->message, "up to 1055"));

	setup(state);
	fx_add_irqchip(&a, 0, 1 << 27, 0, 0, 0); /* the virtual timer */
	run(1);
	assert_int_equal(only("irqchip")->severity, FINDING_WARNING);

	setup(state);
	fx_add_irqchip(&a, 32, 2, 0, 0, 0);
	a.irq[0].address = 0x2c001000;
	run(1);
	assert_non_null(strstr(only("irqchip")->message, "ignored"));
}

static void spi_given_to_two_cells(void **state)
{
	fx_add_irqchip(&a, 32, 0x2 | 0x30, 0, 0, 0); /* 33, 36, 37 */
	fx_add_irqchip(&b, 32, 0x2 | 0x70, 0, 0, 0); /* 33, 36-38 */
	run(2);
	assert_non_null(
		strstr(only("irq-conflict")->message, "INTID 33, 36-37"));
}

static void vpci_interrupt_not_granted(void **state)
{
	struct jailhouse_pci_device *d = &a.pci[a.n_pci++];

	a.desc.vpci_irq_base = 112; /* INTA = INTID 144 */
	d->type = JAILHOUSE_PCI_TYPE_IVSHMEM;
	d->bdf = 1 << 3; /* 00:01.0: pin B, INTID 145 */
	d->shmem_regions_start = 3;
	d->shmem_peers = 2;
	d->shmem_dev_id = 1;
	fx_add_mem(&a, 0x7faf0000, 0x7faf0000, 0x1000,
		   JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED);
	fx_add_mem(&a, 0, 0, 0, 0);
	fx_add_mem(&a, 0x7faf1000, 0x7faf1000, 0x1000,
		   JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED);
	fx_add_mem(&a, 0x7faf2000, 0x7faf2000, 0x1000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	fx_add_irqchip(&a, 32, 0, 0, 0, 1 << 16); /* 144, not 145 */
	run(1);
	assert_non_null(strstr(only("vpci-irq")->message, "INTID 145"));
	assert_non_null(strstr(only("vpci-irq")->fix, "bit 17"));
	assert_int_equal(config_report_count(&rep, "empty-region"), 0);

	a.irq[0].pin_bitmap[3] = 3 << 16;
	run(1);
	expect_clean();

	a.pci[0].shmem_peers = 3; /* needs regions 3..7 */
	run(1);
	assert_int_equal(only("ivshmem")->severity, FINDING_ERROR);
}

static void region_outside_root(void **state)
{
	const struct config_finding *f;

	a.mem[1].phys_start = 0x80000000; /* beyond RAM: not the root's */
	run(1);
	f = only("loadable-outside-root");
	assert_int_equal(f->severity, FINDING_ERROR);
	assert_int_equal(f->region, 1);

	a.mem[1].flags &= ~JAILHOUSE_MEM_LOADABLE;
	a.desc.cpu_reset_address = 0x80000000; /* keep reset check quiet */
	fx_add_mem(&a, 0x80000000, 0x80000000, 0x1000,
		   FX_RWX | JAILHOUSE_MEM_LOADABLE);
	a.mem[1].virt_start = 0x100000;
	run(1);
	assert_int_equal(only("not-in-root")->severity, FINDING_WARNING);
}

/* A region may span two adjacent root regions. */
static void region_across_root_regions(void **state)
{
	a.mem[1].phys_start = 0x6fff0000;
	a.mem[1].size = 0x20000;
	run(1);
	assert_int_equal(config_report_count(&rep, "loadable-outside-root"), 0);
}

static void private_memory_overlap(void **state)
{
	b.mem[1].phys_start = 0x7fa08000;
	run(2);
	assert_non_null(strstr(only("private-overlap")->message,
			       "region 1 of cell \"a\""));
	/* Both ROOTSHARED: shared on purpose (the UART already is). */
	a.mem[1].flags |= JAILHOUSE_MEM_ROOTSHARED;
	b.mem[1].flags |= JAILHOUSE_MEM_ROOTSHARED;
	run(2);
	expect_clean();
}

static void unaligned_regions(void **state)
{
	a.mem[1].size = 0x10800;
	run(1);
	assert_non_null(strstr(only("unaligned")->message, "not page-aligned"));

	setup(state);
	a.mem[0].size = 0x40; /* sub-page I/O: intended */
	a.desc.console.size = 0x40;
	run(1);
	expect_clean();

	a.mem[1].phys_start = 0x7fa00800;
	run(1);
	assert_non_null(strstr(only("unaligned")->message, "phys_start"));
}

static void reset_address(void **state)
{
	a.desc.cpu_reset_address = 0x200000;
	run(1);
	assert_non_null(strstr(only("reset-address")->message, "in no region"));

	a.desc.cpu_reset_address = 0x100;
	a.mem[1].flags &= ~JAILHOUSE_MEM_EXECUTE;
	run(1);
	assert_non_null(strstr(only("reset-address")->message, "EXECUTE"));
}

static void root_ram_needs_execute(void **state)
{
	root.mem[2].flags &= ~JAILHOUSE_MEM_EXECUTE;
	run(0);
	assert_int_equal(only("root-ram-exec")->region, 2);
}

static void console_not_covered(void **state)
{
	a.mem[0].phys_start = a.mem[0].virt_start = 0x09010000;
	run(1);
	assert_int_equal(only("console")->severity, FINDING_ERROR);

	a.desc.flags |= JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE;
	run(1);
	expect_clean();
}

static void dma_without_root_dma(void **state)
{
	const struct config_finding *f;

	root.mem[3].flags = FX_RWX | JAILHOUSE_MEM_LOADABLE;
	a.mem[1].flags |= JAILHOUSE_MEM_DMA;
	run(1);
	f = only("dma-mismatch");
	assert_int_equal(f->severity, FINDING_WARNING);
	assert_int_equal(f->region, 1);
	assert_non_null(strstr(f->message, "root region 3"));
	assert_non_null(strstr(f->fix, "add JAILHOUSE_MEM_DMA to root "
				       "region 3"));

	root.mem[3].flags |= JAILHOUSE_MEM_DMA;
	run(1);
	expect_clean();
}

static void ti_pvu_limits(void **state)
{
	struct jailhouse_iommu *pvu = &root.sys.platform_info.iommu_units[0];

	pvu->type = JAILHOUSE_IOMMU_PVU;
	pvu->base = 0x30f80000;
	pvu->size = 0x1000;
	pvu->tipvu.tlb_base = 0x36000000;
	pvu->tipvu.tlb_size = 0x2000; /* two TLBs of 8 entries */
	root.mem[1].size = 0x1000; /* keep the unit out of the root */
	a.mem[1].flags |= JAILHOUSE_MEM_DMA;
	a.streams[0] = 3;
	a.n_streams = 1;
	run(1);
	expect_clean(); /* 64 KiB at 0x7fa00000: one entry */

	a.streams[1] = 9;
	a.n_streams = 2;
	run(1);
	assert_non_null(strstr(only("pvu")->message, "stream id 9"));

	setup(state);
	pvu->type = JAILHOUSE_IOMMU_PVU;
	pvu->base = 0x30f80000;
	pvu->size = 0x1000;
	pvu->tipvu.tlb_size = 0x2000;
	root.mem[1].size = 0x1000;
	a.mem[1].flags |= JAILHOUSE_MEM_DMA;
	/* 4K-aligned but not 2M: 3x4K, 3x16K, 31x64K, 2x2M = 39 entries. */
	a.mem[1].phys_start = 0x70001000;
	a.mem[1].virt_start = 0x1000;
	a.mem[1].size = 0x5ff000;
	a.n_streams = 1;
	run(1);
	assert_non_null(strstr(only("pvu")->message, "39 PVU entries"));

	/* 2^62 bytes in 4 KiB pages: counted up to a limit, not forever. */
	a.mem[1].phys_start = 0x1000;
	a.mem[1].virt_start = 0x2000;
	a.mem[1].size = 1ULL << 62;
	run(1);
	assert_non_null(strstr(only("pvu")->message, "100001 PVU entries"));
}

static void size_mismatch_and_empty_region(void **state)
{
	const struct warden_config *cells[1] = { &a.cfg };

	fx_add_mem(&a, 0, 0, 0, 0);
	run(1);
	assert_int_equal(only("empty-region")->region, 3);

	/* A count one short of the array: 32 bytes left over. */
	assert_int_equal(fx_build(&a), WARDEN_CONFIG_OK);
	((struct jailhouse_cell_desc *)a.buf)->num_memory_regions = 3;
	assert_int_equal(warden_config_parse(a.buf, a.len, WARDEN_CONFIG_ANY,
					     &a.cfg),
			 WARDEN_CONFIG_OK);
	config_report_free(&rep);
	config_check(&root.cfg, cells, 1, &rep);
	assert_non_null(
		strstr(only("size-mismatch")->message, "last 32 bytes"));
}

static void duplicate_names(void **state)
{
	strcpy(b.desc.name, "a");
	run(2);
	assert_int_equal(only("name")->severity, FINDING_ERROR);
}

static void prints_findings(void **state)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	root.mem[3].size = 0x10000000;
	run(0);
	out = open_memstream(&text, &len);
	config_report_print(&rep, out);
	fclose(out);
	assert_non_null(strstr(text, "error: cell \"qemu-virt\", region 3, "
				     "0x70000000-0x7fffffff (256 MiB):\n  "));
	assert_non_null(strstr(text, "[hv-overlap]\n  fix: "));
	assert_non_null(strstr(text, "1 error, 0 warnings\n"));
	free(text);

	out = open_memstream(&text, &len);
	config_report_json(&rep, out);
	fclose(out);
	assert_non_null(strstr(text, "{\"errors\": 1, \"warnings\": 0, "));
	assert_non_null(strstr(text, "\"check\": \"hv-overlap\""));
	assert_non_null(strstr(text, "\"region\": 3"));
	assert_non_null(strstr(text, "\"size\": 268435456"));
	assert_non_null(strstr(text, "\"size_human\": \"256 MiB\""));
	free(text);
}

static void json_escapes(void **state)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	config_report_add(&rep, FINDING_WARNING, "x", "c\"d", -1, "a\\b\n\x01");
	out = open_memstream(&text, &len);
	config_report_json(&rep, out);
	fclose(out);
	assert_non_null(strstr(text, "\"cell\": \"c\\\"d\""));
	assert_non_null(strstr(text, "\"message\": \"a\\\\b\\n\\u0001\""));
	free(text);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(shipped_pair_is_clean),
		T(hypervisor_overlap),
		T(hypervisor_alignment),
		T(gic_distributor_passed_through),
		T(gic_redistributor_of_last_cpu),
		T(gicv2_interfaces),
		T(gic_setup),
		T(ecam_and_iommu),
		T(overlaps_inside_a_cell),
		T(comm_region_collides),
		T(comm_region_missing),
		T(cpus),
		T(irqchip_pin_base_and_range),
		T(spi_given_to_two_cells),
		T(vpci_interrupt_not_granted),
		T(region_outside_root),
		T(region_across_root_regions),
		T(private_memory_overlap),
		T(unaligned_regions),
		T(reset_address),
		T(root_ram_needs_execute),
		T(console_not_covered),
		T(dma_without_root_dma),
		T(ti_pvu_limits),
		T(size_mismatch_and_empty_region),
		T(duplicate_names),
		T(prints_findings),
		T(json_escapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
