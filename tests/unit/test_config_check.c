// SPDX-License-Identifier: GPL-2.0
/*
 * "warden config check" (tools/config_check*.c): its errors are the rule
 * engine's findings and nothing else, its advice never an error; the
 * shipped QEMU pair is clean, and one mistake at a time yields its
 * finding.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include <warden/rules.h>

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
	assert_non_null(strstr(f->message, "overlaps the hypervisor memory "
					   "(0x7fc00000-0x7fffffff)"));
}

static void hypervisor_alignment(void **state)
{
	root.sys.hypervisor_memory.phys_start = 0x7fd00000;
	root.sys.hypervisor_memory.size = 0x300000;
	root.mem[3].size = 0x0fd00000;
	run(0);
	assert_int_equal(only("hv-memory")->severity, FINDING_ERROR);
}

static void gic_distributor_passed_through(void **state)
{
	fx_add_mem(&root, 0x08000000, 0x08000000, 0x1000, FX_IO);
	run(0);
	assert_non_null(strstr(only("gic-overlap")->message, "distributor"));
}

/* Jailhouse checks the first frame only; the last CPU's counts too. */
static void gic_redistributor_of_last_cpu(void **state)
{
	fx_add_mem(&root, 0x08100000, 0x08100000, 0x20000, FX_IO);
	run(0);
	assert_non_null(strstr(only("gic-overlap")->message,
			       "redistributors (0x80a0000-0x811ffff)"));
}

static void gicv2_interfaces(void **state)
{
	root.sys.platform_info.arm.gic_version = 2;
	root.sys.platform_info.arm.gicd_base = 0x08000000;
	root.sys.platform_info.arm.gicc_base = 0x08010000;
	root.sys.platform_info.arm.gich_base = 0x08030000;
	root.sys.platform_info.arm.gicv_base = 0x08040000;
	root.sys.platform_info.arm.gicr_base = 0;
	fx_add_mem(&root, 0x08040000, 0x08040000, 0x1000, FX_IO);
	run(0);
	assert_non_null(
		strstr(only("gic-overlap")->message, "virtual CPU interface"));
	/* GICv2 with all four frames is accepted */
	assert_int_equal(config_report_count(&rep, "gic-version"), 0);
	assert_int_equal(config_report_count(&rep, "gic-base"), 0);
}

/* The Pi 4 DT's bus address of the GIC, copied as it is: an error. */
static void gicv2_dt_bus_address(void **state)
{
	const struct config_finding *f;

	root.sys.platform_info.arm.gic_version = 2;
	root.sys.platform_info.arm.gicd_base = 0x40041000;
	root.sys.platform_info.arm.gicc_base = 0xff842000;
	root.sys.platform_info.arm.gich_base = 0xff844000;
	root.sys.platform_info.arm.gicv_base = 0xff846000;
	root.sys.platform_info.arm.gicr_base = 0;
	run(0);
	f = only("gic-bus-address");
	assert_int_equal(f->severity, FINDING_ERROR);
	assert_non_null(strstr(f->message, "gicd_base 0x40041000"));
	assert_non_null(strstr(f->message, "at 0xff800000 (/soc ranges)"));
	assert_non_null(strstr(f->message, "finds no GIC at 0x40041000"));
	assert_non_null(strstr(f->message, "set gicd_base to 0xff841000"));
	/* The CPU's address is quiet. */
	setup(state);
	root.sys.platform_info.arm.gic_version = 2;
	root.sys.platform_info.arm.gicd_base = 0xff841000;
	root.sys.platform_info.arm.gicc_base = 0xff842000;
	root.sys.platform_info.arm.gicr_base = 0;
	run(0);
	assert_int_equal(config_report_count(&rep, "gic-bus-address"), 0);
}

static void gic_setup(void **state)
{
	root.sys.platform_info.arm.gic_version = 4;
	run(0);
	assert_int_equal(only("gic-version")->severity, FINDING_ERROR);
	setup(state);
	root.sys.platform_info.arm.maintenance_irq = 40;
	run(0);
	assert_non_null(strstr(only("maintenance-irq")->message, "not a PPI"));
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
	assert_int_equal(only("ecam-overlap")->severity, FINDING_ADVICE);
	assert_int_equal(only("iommu-overlap")->region, 1);
	assert_int_equal(only("iommu-overlap")->severity, FINDING_ERROR);
}

static void overlaps_inside_a_cell(void **state)
{
	fx_add_mem(&root, 0x6ff00000, 0x6ff00000, 0x200000, FX_RWX);
	run(0);
	/* With regions 2 and 3, once each: identity-mapped, IPA = PA. */
	assert_int_equal(config_report_count(&rep, "overlap"), 2);

	setup(state);
	fx_add_mem(&a, 0x7f800000, 0x8000, 0x1000, FX_RW); /* IPA clash */
	run(1);
	assert_non_null(strstr(only("overlap")->message,
			       "overlap at guest address 0x8000"));
}

static void comm_region_collides(void **state)
{
	const struct config_finding *f;

	a.mem[2].virt_start = 0x8000; /* inside the RAM at IPA 0 */
	run(1);
	f = only("overlap");
	assert_int_equal(f->region, 2);
	assert_non_null(strstr(f->message, "regions 1 and 2 of cell \"a\" "
					   "overlap at guest address 0x8000"));
}

static void comm_region_missing(void **state)
{
	a.n_mem = 2;
	run(1);
	expect_clean(); /* PASSIVE_COMMREG: fine */
	a.desc.flags = 0;
	run(1);
	assert_int_equal(only("comm-region")->severity, FINDING_ADVICE);
}

static void cpus(void **state)
{
	b.cpus = 0x8; /* CPU 3, as cell a */
	run(2);
	assert_non_null(strstr(only("cpus")->message,
			       "CPU 3 of cell \"b\" belongs to cell \"a\""));

	setup(state);
	b.cpus = 0x20; /* CPU 5: not the root's */
	run(2);
	assert_non_null(strstr(only("cpus")->message,
			       "CPU 5 of cell \"b\" is not in the root"));

	setup(state);
	a.cpus = 0x3;
	b.cpus = 0xc;
	run(2);
	assert_non_null(strstr(only("cpus")->message, "every CPU"));

	setup(state);
	b.cpus = 0;
	run(2);
	assert_non_null(strstr(only("cpus")->message, "has no CPUs"));
}

static void direct_irq_flag(void **state)
{
	a.desc.flags |= WARDEN_CELL_DIRECT_IRQ;
	run(2);
	assert_int_equal(config_report_count(&rep, "direct-irq"), 0);

	setup(state);
	a.desc.flags |= WARDEN_CELL_DIRECT_IRQ;
	root.sys.platform_info.arm.gic_version = 2;
	run(1);
	assert_non_null(strstr(only("direct-irq")->message,
			       "cell \"a\" sets WARDEN_CELL_DIRECT_IRQ, but "
			       "the GIC is version 2"));

	setup(state);
	root.sys.root_cell.flags |= WARDEN_CELL_DIRECT_IRQ;
	run(0);
	assert_non_null(
		strstr(only("direct-irq")->message, "only a non-root cell"));
}

static void irqchip_pin_base_and_range(void **state)
{
	fx_add_irqchip(&a, 33, 1, 0, 0, 0);
	run(1);
	assert_non_null(strstr(only("irqchip")->message, "pin_base 33"));
	assert_non_null(strstr(only("irqchip")->message, "use pin_base 32"));

	setup(state);
	fx_add_irqchip(&a, 992, ~0u, ~0u, 0, 0); /* INTIDs 992-1055 */
	run(1);
	assert_non_null(strstr(only("irqchip")->message, "up to 1055"));

	setup(state);
	fx_add_irqchip(&a, 0, 1 << 27, 0, 0, 0); /* the virtual timer */
	run(1);
	assert_non_null(strstr(only("irq")->message, "lists interrupt 27"));

	/* the root's are ignored: advice */
	setup(state);
	root.irq[0].pin_base = 0;
	run(0);
	assert_int_equal(only("irqchip")->severity, FINDING_ADVICE);

	setup(state);
	fx_add_irqchip(&a, 32, 2, 0, 0, 0);
	a.irq[0].address = 0x2c001000;
	run(1);
	assert_non_null(strstr(only("irqchip")->message, "is at 0x2c001000"));

	/* an all-zero entry, the tail of an array: ignored by both */
	a.irq[0].address = 0x08000000;
	fx_add_irqchip(&a, 0, 0, 0, 0, 0);
	a.irq[1].address = 0;
	run(1);
	assert_int_equal(rep.errors, 0);
	assert_non_null(strstr(only("irqchip")->message, "ignored"));
}

static void spi_given_to_two_cells(void **state)
{
	fx_add_irqchip(&a, 32, 0x2 | 0x30, 0, 0, 0); /* 33, 36, 37 */
	fx_add_irqchip(&b, 32, 0x2 | 0x70, 0, 0, 0); /* 33, 36-38 */
	run(2);
	assert_non_null(strstr(only("irq")->message,
			       "interrupt 33 of cell \"b\" belongs to cell "
			       "\"a\""));
}

/* Output section i of the demo link, writable for dev_id id. */
static void demo_link(struct fx *f, __u8 id, __u64 extra)
{
	struct jailhouse_pci_device *d = &f->pci[f->n_pci++];
	unsigned int i, first = f->n_mem;

	*d = (struct jailhouse_pci_device){
		.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
		.domain = 1,
		.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
		.shmem_regions_start = first,
		.shmem_dev_id = id,
		.shmem_peers = 3,
	};
	fx_add_mem(f, 0x7faf0000, 0x7faf0000, 0x1000,
		   JAILHOUSE_MEM_READ | extra);
	fx_add_mem(f, 0x7faf1000, 0x7faf1000, 0x9000, FX_RW | extra);
	for (i = 0; i < 3; i++)
		fx_add_mem(f, 0x7fafa000 + i * 0x2000, 0x7fafa000 + i * 0x2000,
			   0x2000,
			   JAILHOUSE_MEM_READ | extra |
				   (i == id ? JAILHOUSE_MEM_WRITE : 0));
}

/*
 * qemu-virt.c's and qemu-virt-ivshmem-demo.c's link: the root is peer 0
 * (INTx INTID 128), cell a peer 1 (INTID 144).
 */
static void ivshmem_setup(void)
{
	root.sys.platform_info.pci_mmconfig_base = 0x08e00000;
	root.sys.platform_info.pci_is_virtual = 1;
	root.sys.platform_info.pci_domain = 1;
	root.sys.root_cell.vpci_irq_base = 96;
	root.mem[3].size = 0x0faf0000;
	demo_link(&root, 0, 0);
	a.desc.vpci_irq_base = 112;
	demo_link(&a, 1, JAILHOUSE_MEM_ROOTSHARED);
	fx_add_irqchip(&a, 32, 0, 0, 0, 1 << 16);
}

static void ivshmem_link_is_clean(void **state)
{
	ivshmem_setup();
	run(1);
	expect_clean();
}

static void ivshmem_rules(void **state)
{
	const struct config_finding *f;

	/* the INTx not granted */
	ivshmem_setup();
	a.pci[0].bdf = 1 << 3; /* 00:01.0: pin B, INTID 145 */
	run(1);
	f = only("ivshmem-intx");
	assert_int_equal(f->severity, FINDING_ERROR);
	assert_non_null(strstr(f->message, "INTID 145"));
	assert_non_null(strstr(f->message, "bit 17"));
	/* peer 1 taken by the root: the link's ids are unique */
	setup(state);
	ivshmem_setup();
	a.pci[0].shmem_dev_id = 0;
	a.mem[5].flags |= JAILHOUSE_MEM_WRITE;
	a.mem[6].flags &= ~JAILHOUSE_MEM_WRITE;
	run(1);
	assert_non_null(strstr(only("ivshmem-link")->message,
			       "has id 0, which cell \"qemu-virt\" uses"));
	/* two cells as peer 1; a third cell with another peer count */
	setup(state);
	ivshmem_setup();
	b.desc.vpci_irq_base = 112;
	demo_link(&b, 1, JAILHOUSE_MEM_ROOTSHARED);
	fx_add_irqchip(&b, 32, 0, 0, 0, 1 << 17); /* 145: a has 144 */
	b.desc.vpci_irq_base = 113;
	run(2);
	f = only("ivshmem-link");
	assert_string_equal(f->cell, "b");
	assert_non_null(strstr(f->message, "which cell \"a\" uses"));
	b.pci[0].shmem_dev_id = 2;
	b.mem[6].flags &= ~JAILHOUSE_MEM_WRITE;
	b.mem[7].flags |= JAILHOUSE_MEM_WRITE;
	run(2);
	expect_clean();
	b.pci[0].shmem_peers = 4; /* with a fourth output section */
	fx_add_mem(&b, 0x7fb00000, 0x7fb00000, 0x2000,
		   JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED);
	run(2);
	assert_int_equal(config_report_count(&rep, "ivshmem-link"), 2);
	/* a writable state table, a writable foreign output section */
	setup(state);
	ivshmem_setup();
	a.mem[3].flags |= JAILHOUSE_MEM_WRITE;
	run(1);
	assert_int_equal(only("ivshmem-regions")->region, 3);
	setup(state);
	ivshmem_setup();
	a.mem[7].flags |= JAILHOUSE_MEM_WRITE;
	run(1);
	assert_int_equal(only("ivshmem-regions")->region, 7);
	/* regions beyond the cell's, too few peers */
	setup(state);
	ivshmem_setup();
	a.pci[0].shmem_regions_start = 5;
	run(1);
	assert_non_null(
		strstr(only("ivshmem-regions")->message, "needs regions 5..9"));
	setup(state);
	ivshmem_setup();
	a.pci[0].shmem_peers = 1;
	a.pci[0].shmem_dev_id = 0;
	run(1);
	assert_int_equal(only("ivshmem-peers")->severity, FINDING_ERROR);
	/* two devices at one bdf */
	setup(state);
	ivshmem_setup();
	a.pci[1] = a.pci[0];
	a.n_pci = 2;
	run(1);
	assert_non_null(strstr(only("pci-bdf")->message,
			       "(PCI device 1) of cell \"a\" has the bdf of "
			       "PCI device 0"));
	/* the cell takes the root's INTx */
	setup(state);
	ivshmem_setup();
	a.irq[0].pin_bitmap[3] |= 1;
	run(1);
	assert_non_null(strstr(only("ivshmem-intx")->message,
			       "takes INTID 128, the INTx of the root"));
}

/*
 * Cell b as a third peer of the demo link (id 2, INTx 145 at 00:00.0),
 * with its device at bdf and its regions from b.mem[3] on.
 */
static void demo_peer_b(__u16 bdf)
{
	b.desc.vpci_irq_base = 113;
	demo_link(&b, 2, JAILHOUSE_MEM_ROOTSHARED);
	b.pci[0].bdf = bdf;
	fx_add_irqchip(&b, 32, 0, 0, 0, 1 << (17 + ((bdf >> 3) & 3)));
}

/* The finding of check about cell "cell" and region (-1: none), if one. */
static const struct config_finding *finding(const char *check, const char *cell,
					    long region)
{
	unsigned int i;

	for (i = 0; i < rep.count; i++)
		if (!strcmp(rep.findings[i].check, check) &&
		    !strcmp(rep.findings[i].cell, cell) &&
		    rep.findings[i].region == region)
			return &rep.findings[i];
	config_report_print(&rep, stderr);
	fail_msg("no \"%s\" finding of cell \"%s\", region %ld", check, cell,
		 region);
	return NULL;
}

/* Whether some finding of check says part. */
static int some_says(const char *check, const char *part)
{
	unsigned int i;

	for (i = 0; i < rep.count; i++)
		if (!strcmp(rep.findings[i].check, check) &&
		    strstr(rep.findings[i].message, part))
			return 1;
	return 0;
}

static void expect_text(const struct config_finding *f, const char *part)
{
	if (!strstr(f->message, part))
		fail_msg("\"%s\" not in \"%s\"", part, f->message);
}

/*
 * The hypervisor keys a link on (bdf, state table) and clears the state
 * table of a link it thinks new: a device over a live link's memory must
 * be on that link, with its layout, or it would clear the live peers'
 * states and write their output sections.
 */
static void ivshmem_link_memory_is_one_link(void **state)
{
	const struct config_finding *f;
	unsigned int i;

	/* b as peer 2, as the link has it: clean */
	ivshmem_setup();
	demo_peer_b(0);
	run(2);
	expect_clean();

	/* the same memory at another bdf: refused against root and a */
	b.n_mem = 3;
	b.n_pci = 0;
	b.n_irq = 0;
	demo_peer_b(1 << 3);
	run(2);
	assert_int_equal(config_report_count(&rep, "ivshmem-link"), 2);
	/*
	 * Not ivshmem-memory as well; root-flags: off the link, b's output
	 * section is writable over the root's read-only one.
	 */
	assert_int_equal(rep.errors, 3);
	assert_int_equal(finding("root-flags", "b", 7)->severity,
			 FINDING_ERROR);
	f = finding("ivshmem-link", "b", -1);
	expect_text(f, "ivshmem 0001:00:01.0 (PCI device 0) of cell \"b\" "
		       "overlaps the memory of ivshmem 0001:00:00.0 (PCI "
		       "device 0) of cell \"qemu-virt\" with bdf 00:01.0, "
		       "the link's 00:00.0: give it the link's bdf, state "
		       "table, peers and sections or move it");
	assert_true(some_says("ivshmem-link", "of cell \"a\" with "
					      "bdf 00:01.0"));

	/* the same bdf with its state table on the root's output section */
	setup(state);
	ivshmem_setup();
	demo_peer_b(0);
	b.pci[0].shmem_peers = 2;
	b.pci[0].shmem_dev_id = 1;
	b.n_mem = 7; /* state table, R/W section, two output sections */
	fx_add_mem(&b, 0x7fafa000, 0x7fafa000, 0x1000,
		   JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED);
	b.mem[3] = b.mem[7];
	b.mem[4] = (struct jailhouse_memory){ 0 };
	b.mem[5] = b.mem[3];
	b.mem[5].phys_start = b.mem[5].virt_start = 0x7fafb000;
	b.mem[6] = b.mem[5];
	b.mem[6].phys_start = b.mem[6].virt_start = 0x7fafc000;
	b.mem[6].flags |= JAILHOUSE_MEM_WRITE;
	b.n_mem = 7;
	run(2);
	expect_text(finding("ivshmem-link", "b", -1),
		    "with its state table at 0x7fafa000, the link's at "
		    "0x7faf0000");

	/* the link's key and peers, another layout */
	setup(state);
	ivshmem_setup();
	demo_peer_b(0);
	b.mem[4].size = 0x8000; /* the R/W section */
	for (i = 0; i < 3; i++)
		b.mem[5 + i].phys_start = b.mem[5 + i].virt_start -= 0x1000;
	run(2);
	assert_int_equal(config_report_count(&rep, "ivshmem-link"), 2);
	expect_text(finding("ivshmem-link", "b", -1),
		    "with section 1 at 0x7faf1000+0x8000, the link's "
		    "0x7faf1000+0x9000");
}

/*
 * A new cell's plain region, however ROOTSHARED, over a live link's
 * state table or a peer's output section: refused. Its own device's
 * sections on that link, and any region over the R/W section, are fine.
 */
static void ivshmem_link_memory_not_plain(void **state)
{
	const struct config_finding *f;

	/* the root's state table, read-write */
	ivshmem_setup();
	fx_add_mem(&b, 0x7faf0000, 0x10000, 0x1000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	run(2);
	/* the root's and a's: one state table, two devices */
	assert_int_equal(config_report_count(&rep, "ivshmem-memory"), 2);
	/* and writable over the root's read-only state table: root-flags */
	assert_int_equal(rep.errors, 3);
	f = finding("ivshmem-memory", "b", 3);
	expect_text(f, "region 3 of cell \"b\" (0x7faf0000-0x7faf0fff) maps "
		       "the state table of ivshmem 0001:00:00.0 (PCI device "
		       "0) of cell \"qemu-virt\": only the cell's own device "
		       "on that link may map it, as that section; list such "
		       "a device or move the region");
	/* read-only, too: its device would be on the link or not at all */
	b.mem[3].flags &= ~JAILHOUSE_MEM_WRITE;
	run(2);
	assert_int_equal(config_report_count(&rep, "ivshmem-memory"), 2);

	/* a's output section (peer 1), over which a maps its own */
	setup(state);
	ivshmem_setup();
	fx_add_mem(&b, 0x7fafc000, 0x10000, 0x2000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	run(2);
	assert_int_equal(config_report_count(&rep, "ivshmem-memory"), 2);
	expect_text(finding("ivshmem-memory", "b", 3),
		    "maps the output section 1 of ivshmem 0001:00:00.0");
	assert_true(some_says("ivshmem-memory", "of cell \"a\""));

	/* a region over the whole link, R/W section included */
	setup(state);
	ivshmem_setup();
	fx_add_mem(&b, 0x7faf0000, 0x10000, 0x10000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	run(2);
	/* the state table and three output sections, the root's and a's */
	assert_int_equal(config_report_count(&rep, "ivshmem-memory"), 8);

	/* the R/W section is every peer's: plain and shared, fine */
	setup(state);
	ivshmem_setup();
	fx_add_mem(&b, 0x7faf1000, 0x10000, 0x9000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	run(2);
	expect_clean();

	/* b's own device on the link, a section at the wrong index */
	setup(state);
	ivshmem_setup();
	demo_peer_b(0);
	b.mem[7].flags |= JAILHOUSE_MEM_WRITE; /* own output, region 7 */
	b.mem[5].flags &= ~JAILHOUSE_MEM_WRITE;
	run(2);
	expect_clean();
	b.mem[3].flags |= JAILHOUSE_MEM_WRITE;
	run(2);
	/* device_regions() refuses the writable state table */
	assert_int_equal(only("ivshmem-regions")->region, 3);
}

/*
 * The device tells the state table's size in a 32-bit register (vendor
 * capability + 4): the largest page-sized table it can tell is accepted,
 * 4 GiB is refused (the hypervisor kept its low 32 bits: 0).
 */
static void ivshmem_state_table_size(void **state)
{
	__u64 st = 0x100000000ULL;
	unsigned int i;

	ivshmem_setup();
	root.mem[5].phys_start = root.mem[5].virt_start = st;
	root.mem[5].size = 0xfffff000;
	root.mem[6].size = 0; /* no R/W section */
	for (i = 0; i < 3; i++)
		root.mem[7 + i].phys_start = root.mem[7 + i].virt_start =
			st + 0xfffff000 + i * 0x2000;
	run(0);
	expect_clean();
	root.mem[5].size = 0x100000000ULL;
	for (i = 0; i < 3; i++)
		root.mem[7 + i].phys_start = root.mem[7 + i].virt_start =
			2 * st + i * 0x2000;
	run(0);
	assert_int_equal(only("ivshmem-regions")->region, 5);
	assert_non_null(strstr(only("ivshmem-regions")->message,
			       "is larger than the device's 32-bit state "
			       "table size register can say (at most "
			       "0xffffffff bytes"));
}

/*
 * MSI-X as Jailhouse has it: 1-16 vectors, BAR1 for the table (4 or 64
 * KiB), no MSI, no physical table; no INTx to grant then.
 */
static void ivshmem_msix_rules(void **state)
{
	const __u32 msix[6] = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX_64K;

	ivshmem_setup();
	memcpy(a.pci[0].bar_mask, msix, sizeof(msix));
	a.pci[0].num_msix_vectors = 16;
	/* SPIs 145-147 for the vectors: INTx 144 need not be granted */
	a.irq[0].pin_bitmap[3] = 0xe << 16;
	run(1);
	expect_clean();
	/* one vector too many */
	a.pci[0].num_msix_vectors = 17;
	run(1);
	assert_non_null(strstr(only("ivshmem-msix")->message,
			       "17 MSI-X vectors, more than the 16 ivshmem "
			       "offers: lower num_msix_vectors"));
	assert_int_equal(rep.count, 1);
	/* vectors without BAR1; BAR1 of another size */
	a.pci[0].num_msix_vectors = 4;
	a.pci[0].bar_mask[1] = 0;
	run(1);
	assert_non_null(strstr(only("ivshmem-bar")->message,
			       "4 MSI-X vectors and BAR1 mask 0x0"));
	a.pci[0].bar_mask[1] = 0xffffff00;
	run(1);
	assert_non_null(strstr(only("ivshmem-bar")->message,
			       "use JAILHOUSE_IVSHMEM_BAR_MASK_MSIX"));
	/* BAR1 without vectors: INTx mode, whose INTx must be granted */
	a.pci[0].bar_mask[1] = 0xfffff000;
	a.pci[0].num_msix_vectors = 0;
	a.irq[0].pin_bitmap[3] = 1 << 16;
	run(1);
	assert_non_null(strstr(only("ivshmem-bar")->message,
			       "BAR1 mask 0xfffff000 but no MSI-X vectors"));
	/* MSI, a physical table's place, a BAR2 */
	setup(state);
	ivshmem_setup();
	a.pci[0].num_msi_vectors = 1;
	run(1);
	assert_non_null(strstr(only("ivshmem-msix")->message,
			       "1 MSI vectors: ivshmem offers INTx or MSI-X"));
	setup(state);
	ivshmem_setup();
	memcpy(a.pci[0].bar_mask, msix, sizeof(msix));
	a.pci[0].num_msix_vectors = 2;
	a.pci[0].msix_address = 0x10000000;
	run(1);
	assert_non_null(strstr(only("ivshmem-msix")->message,
			       "msix_address 0x10000000"));
	a.pci[0].msix_address = 0;
	a.pci[0].bar_mask[2] = 0xfffff000;
	run(1);
	assert_non_null(strstr(only("ivshmem-bar")->message, "BAR2 mask"));
	/* a root device in MSI-X mode: its INTx line is free for a cell */
	setup(state);
	ivshmem_setup();
	memcpy(root.pci[0].bar_mask, msix, sizeof(msix));
	root.pci[0].num_msix_vectors = 2;
	a.irq[0].pin_bitmap[3] |= 1;
	run(1);
	expect_clean();
}

static void ivshmem_window_rules(void **state)
{
	/* the window over the root's MMIO region */
	ivshmem_setup();
	root.sys.platform_info.pci_mmconfig_base = 0x09100000;
	run(1);
	assert_int_equal(only("pci-mmconfig")->region, 1);
	assert_int_equal(config_report_count(&rep, "ecam-overlap"), 0);
	/* not page aligned; over the GIC redistributors */
	setup(state);
	ivshmem_setup();
	root.sys.platform_info.pci_mmconfig_base = 0x08e80000;
	run(1);
	assert_non_null(strstr(only("pci-mmconfig")->message,
			       "is not aligned to 1 MiB"));
	setup(state);
	ivshmem_setup();
	root.sys.platform_info.pci_mmconfig_base = 0x08000000;
	run(1);
	assert_int_equal(config_report_count(&rep, "pci-mmconfig"), 2);
	/* no host bridge at all: the devices cannot be served */
	setup(state);
	ivshmem_setup();
	root.sys.platform_info.pci_mmconfig_base = 0;
	run(1);
	assert_int_equal(config_report_count(&rep, "pci-mmconfig"), 2);
	/* a physical host bridge: its window is not checked */
	setup(state);
	root.sys.platform_info.pci_mmconfig_base = 0x09100000;
	run(1);
	assert_int_equal(config_report_count(&rep, "pci-mmconfig"), 0);
	assert_int_equal(only("ecam-overlap")->severity, FINDING_ADVICE);
	/* physical PCI devices: advice */
	setup(state);
	a.pci[0].type = JAILHOUSE_PCI_TYPE_DEVICE;
	a.n_pci = 1;
	run(1);
	assert_non_null(strstr(only("pci")->message, "1 physical PCI device"));
	assert_int_equal(rep.errors, 0);
}

/*
 * The hypervisor traps the ECAM window in pages and decodes the function
 * from the offset's bits 12 and up: a page aligned base is all it needs,
 * whatever the window's size ((end_bus + 1) MiB, not always a power of 2).
 */
static void ecam_window_alignment(void **state)
{
	/* 3 MiB at a 1 MiB boundary (0x08a00000-0x08cfffff) */
	ivshmem_setup();
	root.sys.platform_info.pci_mmconfig_base = 0x08a00000;
	root.sys.platform_info.pci_mmconfig_end_bus = 2;
	run(1);
	expect_clean();
	/* 1 MiB at a page boundary, not at a MiB one */
	root.sys.platform_info.pci_mmconfig_base = 0x08e01000;
	root.sys.platform_info.pci_mmconfig_end_bus = 0;
	run(1);
	assert_non_null(strstr(only("pci-mmconfig")->message,
			       "pci_mmconfig_base 0x8e01000 of system config "
			       "\"qemu-virt\" is not aligned to 1 MiB"));
	/* a window that wraps */
	root.sys.platform_info.pci_mmconfig_base = 0xfffffffffff00000ULL;
	root.sys.platform_info.pci_mmconfig_end_bus = 1;
	run(1);
	assert_non_null(strstr(only("pci-mmconfig")->message, "run past 2^64"));
}

static void region_outside_root(void **state)
{
	const struct config_finding *f;

	a.mem[1].phys_start = 0x80000000; /* beyond RAM: not the root's */
	run(1);
	f = only("not-in-root");
	assert_int_equal(f->severity, FINDING_ERROR);
	assert_int_equal(f->region, 1);
}

/*
 * A cell region is of its root region's kind (JAILHOUSE_MEM_IO) and
 * writable only where the root region is: the hypervisor maps, cleans
 * and scrubs by kind, and a cell gets no right the root lacks. EXECUTE
 * is advice only (real Jailhouse configs give it over root memory
 * without it).
 */
static void region_rights_from_root(void **state)
{
	const struct config_finding *f;

	/* I/O over root RAM: never scrubbed at destroy */
	a.mem[1].flags |= JAILHOUSE_MEM_IO;
	run(1);
	f = only("root-flags");
	assert_int_equal(f->severity, FINDING_ERROR);
	assert_int_equal(f->region, 1);
	assert_non_null(strstr(f->message,
			       "region 1 of cell \"a\" (0x7fa00000-0x7fa0ffff) "
			       "is I/O (JAILHOUSE_MEM_IO), root region 3 "
			       "(0x70000000-0x7fbfffff) it comes from RAM: "
			       "the hypervisor maps, cleans and scrubs memory "
			       "by its kind; clear JAILHOUSE_MEM_IO as the "
			       "root region does"));
	/* RAM over the root's device registers: scrubbed as RAM */
	setup(state);
	a.mem[0].flags &= ~JAILHOUSE_MEM_IO;
	a.desc.flags |= JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE;
	run(1);
	f = only("root-flags");
	assert_int_equal(f->region, 0);
	assert_non_null(strstr(f->message, "set JAILHOUSE_MEM_IO"));

	/* writable and executable over a read-only root region */
	setup(state);
	fx_add_mem(&root, 0x80000000, 0x80000000, 0x100000, JAILHOUSE_MEM_READ);
	a.mem[1].phys_start = 0x80000000;
	run(1);
	f = only("root-flags");
	assert_int_equal(f->region, 1);
	assert_non_null(strstr(f->message,
			       "region 1 of cell \"a\" (0x80000000-0x8000ffff) "
			       "is writable, root region 5 "
			       "(0x80000000-0x800fffff) it comes from is not: "
			       "a cell gets no right the root does not have; "
			       "clear JAILHOUSE_MEM_WRITE or let the root "
			       "write there"));
	f = only("exec-mismatch");
	assert_int_equal(f->severity, FINDING_ADVICE);
	assert_int_equal(f->region, 1);
	assert_non_null(strstr(f->fix, "add JAILHOUSE_MEM_EXECUTE to root "
				       "region 5"));
	/* read-only and executable: the advice alone, no error */
	a.mem[1].flags &= ~JAILHOUSE_MEM_WRITE;
	run(1);
	assert_int_equal(rep.errors, 0);
	assert_int_equal(only("exec-mismatch")->region, 1);
	/* the root region writable and executable: clean */
	root.mem[5].flags = FX_RWX;
	a.mem[1].flags |= JAILHOUSE_MEM_WRITE;
	run(1);
	expect_clean();
}

/* The hypervisor lends and gives back per root region: not across two. */
static void region_across_root_regions(void **state)
{
	a.mem[1].phys_start = 0x6fff0000;
	a.mem[1].size = 0x20000;
	run(1);
	assert_int_equal(only("not-in-root")->severity, FINDING_ERROR);
}

static void private_memory_overlap(void **state)
{
	b.mem[1].phys_start = 0x7fa08000;
	run(2);
	assert_non_null(strstr(only("cell-overlap")->message,
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
	assert_non_null(strstr(only("unaligned")->message, "not page aligned"));

	/* sub-page I/O: nothing in Warden traps it, refused as well */
	setup(state);
	a.mem[0].size = 0x40;
	a.desc.console.size = 0x40;
	run(1);
	assert_int_equal(only("unaligned")->region, 0);

	setup(state);
	a.mem[1].phys_start = 0x7fa00800;
	run(1);
	assert_int_equal(only("unaligned")->region, 1);
}

static void reset_address(void **state)
{
	a.desc.cpu_reset_address = 0x200000;
	run(1);
	assert_non_null(strstr(only("reset-address")->message, "in no region"));
	assert_int_equal(only("reset-address")->severity, FINDING_ADVICE);

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
	/* advice: TEE memory, flash windows need no EXECUTE; enable goes on */
	assert_int_equal(only("root-ram-exec")->severity, FINDING_ADVICE);
	assert_int_equal(rep.errors, 0);
}

static void console_not_covered(void **state)
{
	a.mem[0].phys_start = a.mem[0].virt_start = 0x09010000;
	run(1);
	assert_int_equal(only("console")->severity, FINDING_ADVICE);

	a.desc.flags |= JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE;
	run(1);
	expect_clean();
}

/* A debug console the hypervisor cannot drive prints to the ring only. */
static void debug_uart_not_driven(void **state)
{
	struct jailhouse_console *con = &root.sys.debug_console;
	const struct config_finding *f;

	con->type = JAILHOUSE_CON_TYPE_XUARTPS;
	run(0);
	f = only("debug-uart");
	assert_int_equal(f->severity, FINDING_ADVICE);
	assert_non_null(strstr(f->message, "type 4 at 0x9000000"));
	assert_non_null(strstr(f->message, "console ring only"));
	assert_non_null(strstr(f->fix, "JAILHOUSE_CON_TYPE_8250"));
	/* MMIO 8250, registers a byte or 4 bytes apart: driven */
	con->type = JAILHOUSE_CON_TYPE_8250;
	con->flags = JAILHOUSE_CON_ACCESS_MMIO;
	run(0);
	expect_clean();
	con->flags = JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4;
	con->address = 0x09000fe8; /* LSR at 0x09000ffc: the page's last */
	run(0);
	expect_clean();
	/* LSR at 0x09001000: past the one page mapped for it */
	con->address = 0x09000fec;
	run(0);
	assert_int_equal(only("debug-uart")->severity, FINDING_ADVICE);
	/* port I/O: no such thing on arm64 */
	con->address = 0x09000000;
	con->flags = JAILHOUSE_CON_ACCESS_PIO;
	run(0);
	assert_int_equal(only("debug-uart")->severity, FINDING_ADVICE);
	/* none configured: nothing to say */
	con->type = JAILHOUSE_CON_TYPE_NONE;
	run(0);
	expect_clean();
}

static void dma_without_root_dma(void **state)
{
	const struct config_finding *f;

	root.mem[3].flags = FX_RWX | JAILHOUSE_MEM_LOADABLE;
	a.mem[1].flags |= JAILHOUSE_MEM_DMA;
	/* without an IOMMU every device reaches all memory: nothing to say */
	run(1);
	expect_clean();

	root.sys.platform_info.iommu_units[0].type = JAILHOUSE_IOMMU_SMMUV3;
	root.sys.platform_info.iommu_units[0].base = 0x3f000000;
	root.sys.platform_info.iommu_units[0].size = 0x20000;
	root.mem[1].size = 0x35fff000; /* keep the SMMU out of the root */
	run(1);
	f = only("dma-mismatch");
	assert_int_equal(f->severity, FINDING_ADVICE);
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
	assert_int_equal(only("pvu")->severity, FINDING_ADVICE);

	/* with an SMMU as well, stream ids are not PVU virtual ids */
	root.sys.platform_info.iommu_units[1].type = JAILHOUSE_IOMMU_SMMUV3;
	root.sys.platform_info.iommu_units[1].base = 0x36600000;
	root.sys.platform_info.iommu_units[1].size = 0x100000;
	run(1);
	assert_int_equal(config_report_count(&rep, "pvu"), 0);

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
	assert_non_null(strstr(only("name")->message,
			       "a cell named \"a\" exists already"));
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
	assert_non_null(strstr(text, "[hv-overlap]\n1 error, 0 advice\n"));
	free(text);

	out = open_memstream(&text, &len);
	config_report_json(&rep, out);
	fclose(out);
	assert_non_null(strstr(text, "{\"errors\": 1, \"advice\": 0, "));
	assert_non_null(strstr(text, "\"severity\": \"error\""));
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

	config_report_add(&rep, FINDING_ADVICE, "x", "c\"d", -1, "a\\b\n\x01");
	out = open_memstream(&text, &len);
	config_report_json(&rep, out);
	fclose(out);
	assert_non_null(strstr(text, "\"cell\": \"c\\\"d\""));
	assert_non_null(strstr(text, "\"message\": \"a\\\\b\\n\\u0001\""));
	assert_non_null(strstr(text, "\"severity\": \"advice\""));
	free(text);
}

/* ---- the CLI's errors are the rule engine's, nothing more ---- */

static char direct[32][RULES_TEXT_MAX];
static unsigned int n_direct;

static void collect(struct rules_sink *sink, const struct rules_finding *f)
{
	if (n_direct < 32)
		strcpy(direct[n_direct], f->text);
	n_direct++;
}

/*
 * What the hypervisor prints: rules_system() at enable, then
 * rules_cell() at each create, with the cells created so far live.
 */
static void hypervisor_view(unsigned int n)
{
	const struct warden_config *cells[2] = { &a.cfg, &b.cfg };
	const struct warden_config *live[2];
	struct rules_sink sink = { .report = collect };
	struct rules_env env = {
		.root = &root.cfg,
		.root_cpus = rules_cpu_mask(&root.cfg),
		.cells = live,
		.max_cpus = RULES_MAX_CPUS,
	};
	unsigned int i;

	n_direct = 0;
	rules_system(&env, &sink);
	for (i = 0; i < n; i++) {
		if (rules_cell(&env, cells[i], &sink))
			continue;
		live[env.num_cells++] = cells[i];
		env.root_cpus &= ~rules_cpu_mask(cells[i]);
	}
}

static void mutate(unsigned int k)
{
	switch (k) {
	case 1:
		root.mem[3].size = 0x10000000;
		break;
	case 2:
		fx_add_mem(&root, 0x080c0000, 0x080c0000, 0x60000, FX_IO);
		break;
	case 3:
		root.mem[4].virt_start = 0x5010000000;
		break;
	case 4:
		a.mem[1].phys_start = 0x80000000;
		break;
	case 5:
		b.mem[1].phys_start = 0x7fa08000;
		break;
	case 6:
		b.cpus = 0x8;
		break;
	case 7:
		fx_add_irqchip(&a, 0, 1 << 27, 0, 0, 0);
		fx_add_irqchip(&a, 0, 0, 0, 0, 0);
		a.irq[1].address = 0;
		break;
	case 8:
		a.mem[0].size = 0x40;
		break;
	case 9:
		strcpy(b.desc.name, "a");
		break;
	case 10:
		root.mem[2].flags &= ~JAILHOUSE_MEM_EXECUTE;
		break;
	case 11:
		a.mem[1].phys_start = 0x6fff0000;
		a.mem[1].size = 0x20000;
		break;
	case 12:
		b.mem[1].phys_start = 0x7fa00000;
		b.mem[1].flags |= JAILHOUSE_MEM_ROOTSHARED;
		break;
	case 13:
		root.sys.platform_info.arm.gic_version = 2;
		break;
	case 14:
		a.desc.flags |= WARDEN_CELL_DIRECT_IRQ;
		root.sys.platform_info.arm.gic_version = 2;
		break;
	}
}

static void errors_are_the_rule_engine(void **state)
{
	unsigned int k, i, errors, cases_with_errors = 0;

	for (k = 0; k <= 14; k++) {
		setup(state);
		mutate(k);
		run(2);
		hypervisor_view(2);
		errors = 0;
		for (i = 0; i < rep.count; i++) {
			const struct config_finding *f = &rep.findings[i];

			if (f->severity != FINDING_ERROR)
				continue;
			/* same sentences, same order */
			assert_true(errors < n_direct);
			assert_string_equal(f->message, direct[errors]);
			errors++;
		}
		if (errors != n_direct || errors != rep.errors) {
			config_report_print(&rep, stderr);
			fail_msg("case %u: %u errors, the rules found %u", k,
				 errors, n_direct);
		}
		cases_with_errors += !!errors;
	}
	/* all but the clean case and the advice-only case 10 */
	assert_int_equal(cases_with_errors, 13);
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
		T(gicv2_dt_bus_address),
		T(gic_setup),
		T(ecam_and_iommu),
		T(overlaps_inside_a_cell),
		T(comm_region_collides),
		T(comm_region_missing),
		T(cpus),
		T(direct_irq_flag),
		T(irqchip_pin_base_and_range),
		T(spi_given_to_two_cells),
		T(ivshmem_link_is_clean),
		T(ivshmem_rules),
		T(ivshmem_link_memory_is_one_link),
		T(ivshmem_link_memory_not_plain),
		T(ivshmem_state_table_size),
		T(ivshmem_msix_rules),
		T(ivshmem_window_rules),
		T(ecam_window_alignment),
		T(region_outside_root),
		T(region_across_root_regions),
		T(region_rights_from_root),
		T(private_memory_overlap),
		T(unaligned_regions),
		T(reset_address),
		T(root_ram_needs_execute),
		T(console_not_covered),
		T(debug_uart_not_driven),
		T(dma_without_root_dma),
		T(ti_pvu_limits),
		T(size_mismatch_and_empty_region),
		T(duplicate_names),
		T(prints_findings),
		T(json_escapes),
		T(errors_are_the_rule_engine),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
