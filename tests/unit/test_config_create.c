// SPDX-License-Identifier: GPL-2.0
/*
 * "warden config create": the device-tree walk (cells, ranges, aliases),
 * the DTB reader's refusals, and the model built from small trees made
 * here with a minimal DTB writer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#include "config_create.h"

/* A minimal DTB writer: structure block, strings block, header. */
static uint8_t st[8192], strs[2048];
static size_t st_len, strs_len;

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void tok(uint32_t v)
{
	put32(st + st_len, v);
	st_len += 4;
}

static void node(const char *name)
{
	tok(1);
	strcpy((char *)st + st_len, name);
	st_len += (strlen(name) + 4) & ~3u;
}

static void end(void)
{
	tok(2);
}

static uint32_t str_off(const char *s)
{
	size_t off = 0;

	while (off < strs_len) {
		if (!strcmp((char *)strs + off, s))
			return off;
		off += strlen((char *)strs + off) + 1;
	}
	strcpy((char *)strs + strs_len, s);
	strs_len += strlen(s) + 1;
	return off;
}

static void prop(const char *name, const void *val, uint32_t len)
{
	tok(3);
	tok(len);
	tok(str_off(name));
	memcpy(st + st_len, val, len);
	memset(st + st_len + len, 0, 3);
	st_len += (len + 3) & ~3u;
}

static void prop_str(const char *name, const char *s)
{
	prop(name, s, strlen(s) + 1);
}

/* prop_cells("reg", 4, a, b, c, d) */
static void prop_cells(const char *name, int n, ...)
{
	uint8_t buf[256];
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++)
		put32(buf + 4 * i, va_arg(ap, uint32_t));
	va_end(ap);
	prop(name, buf, 4 * n);
}

static void begin(void)
{
	st_len = strs_len = 0;
	node("");
}

/* Finishes the tree into a DTB in buf; returns its size. */
static size_t finish(uint8_t *buf)
{
	size_t total;

	end();
	tok(9);
	total = 40 + 16 + st_len + strs_len;
	memset(buf, 0, 56);
	put32(buf, 0xd00dfeed);
	put32(buf + 4, total);
	put32(buf + 8, 56);
	put32(buf + 12, 56 + st_len);
	put32(buf + 16, 40);
	put32(buf + 20, 17);
	put32(buf + 24, 16);
	put32(buf + 32, strs_len);
	put32(buf + 36, st_len);
	memcpy(buf + 56, st, st_len);
	memcpy(buf + 56 + st_len, strs, strs_len);
	return total;
}

static uint8_t dtb[16384];

/* A Raspberry Pi 4-like tree: /soc with 1 address cell, mapped at 0xfe. */
static size_t pi4_like(int with_gic, int overlap)
{
	begin();
	prop_cells("#address-cells", 1, 2);
	prop_cells("#size-cells", 1, 1);
	node("aliases");
	prop_str("serial1", "/soc/serial@7e215040");
	end();
	node("chosen");
	prop_str("stdout-path", "serial1:115200n8");
	end();
	node("cpus");
	prop_cells("#address-cells", 1, 1);
	prop_cells("#size-cells", 1, 0);
	node("cpu@0");
	prop_str("device_type", "cpu");
	prop_cells("reg", 1, 0);
	end();
	node("cpu@1");
	prop_str("device_type", "cpu");
	prop_cells("reg", 1, 1);
	end();
	end();
	node("memory@0");
	prop_str("device_type", "memory");
	/* 2 address cells, 1 size cell */
	prop_cells("reg", 6, 0, 0, 0x3b400000, 0, 0x40000000, 0xbc000000);
	end();
	if (overlap) {
		node("memory@3b000000");
		prop_str("device_type", "memory");
		prop_cells("reg", 3, 0, 0x3b000000, 0x1000000);
		end();
	}
	node("soc");
	prop_cells("#address-cells", 1, 1);
	prop_cells("#size-cells", 1, 1);
	prop_cells("ranges", 8, 0x7e000000, 0, 0xfe000000, 0x01800000,
		   0x40000000, 0, 0xff800000, 0x00800000);
	if (with_gic) {
		node("interrupt-controller@40041000");
		prop("interrupt-controller", "", 0);
		prop_str("compatible", "arm,gic-400");
		prop_cells("#interrupt-cells", 1, 3);
		prop_cells("phandle", 1, 1);
		prop_cells("reg", 8, 0x40041000, 0x1000, 0x40042000, 0x2000,
			   0x40044000, 0x2000, 0x40046000, 0x2000);
		prop_cells("interrupts", 3, 1, 9, 0xf04);
		end();
	}
	node("serial@7e215040");
	prop_str("compatible", "brcm,bcm2835-aux-uart");
	prop_cells("reg", 2, 0x7e215040, 0x40);
	prop_cells("interrupt-parent", 1, 1);
	prop_cells("interrupts", 3, 0, 93, 4);
	end();
	node("i2c@7e804000");
	prop_cells("#address-cells", 1, 1);
	prop_cells("#size-cells", 1, 0);
	prop_cells("reg", 2, 0x7e804000, 0x1000);
	node("eeprom@50");
	prop_cells("reg", 1, 0x50);
	end();
	end();
	node("bus@7e300000");
	prop_cells("#address-cells", 1, 1);
	prop_cells("#size-cells", 1, 1);
	prop("ranges", "", 0); /* identity */
	node("mmc@7e300000");
	prop_cells("reg", 2, 0x7e300000, 0x100);
	prop_cells("interrupts-extended", 4, 1, 0, 126, 4);
	end();
	end();
	node("disabled@7e400000");
	prop_str("status", "disabled");
	prop_cells("reg", 2, 0x7e400000, 0x100);
	prop_cells("interrupt-parent", 1, 1);
	prop_cells("interrupts", 3, 0, 100, 4);
	end();
	end();
	return finish(dtb);
}

/*
 * The Pi 4-like tree with its GIC, parsed: the fixture of the cases that
 * read it as it is (cmocka setup and teardown).
 */
static struct dt_tree pi4;

static int pi4_parsed(void **state)
{
	char err[256];

	if (dt_parse(&pi4, dtb, pi4_like(1, 0), err, sizeof(err))) {
		print_error("the Pi 4-like tree: %s\n", err);
		return -1;
	}
	return 0;
}

static int pi4_free(void **state)
{
	dt_free(&pi4);
	return 0;
}

static void translates_through_ranges(void **state)
{
	char err[256];
	uint64_t a, s;
	struct dt_node *n;

	/* one address cell under /soc, two above: 0x7e.. -> 0xfe.. */
	n = dt_find_path(&pi4, "/soc/serial@7e215040");
	assert_non_null(n);
	assert_int_equal(dt_reg(n, 0, &a, &s, err, sizeof(err)), 0);
	assert_true(a == 0xfe215040 && s == 0x40);
	assert_int_equal(dt_reg(n, 1, &a, &s, err, sizeof(err)), 1);
	/* the second range: the GIC-400 at 0x40041000 is 0xff841000 */
	n = dt_find_path(&pi4, "/soc/interrupt-controller");
	assert_non_null(n);
	assert_int_equal(dt_reg(n, 1, &a, &s, err, sizeof(err)), 0);
	assert_true(a == 0xff842000 && s == 0x2000);
	/* an empty "ranges" is the identity, then /soc's */
	n = dt_find_path(&pi4, "/soc/bus@7e300000/mmc@7e300000");
	assert_non_null(n);
	assert_int_equal(dt_reg(n, 0, &a, &s, err, sizeof(err)), 0);
	assert_true(a == 0xfe300000);
	/* an I2C device is not in the CPU's address space */
	n = dt_find_path(&pi4, "/soc/i2c@7e804000/eeprom@50");
	assert_non_null(n);
	assert_int_equal(dt_reg(n, 0, &a, &s, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/soc/i2c@7e804000 has no \"ranges\""));
}

static void reads_cells_and_resolves_stdout(void **state)
{
	char err[256], path[128];
	uint64_t a, s;
	struct dt_node *n;

	n = dt_find_path(&pi4, "/memory");
	assert_non_null(n);
	assert_int_equal(dt_addr_cells(n), 2);
	assert_int_equal(dt_size_cells(n), 1);
	assert_int_equal(dt_reg(n, 1, &a, &s, err, sizeof(err)), 0);
	assert_true(a == 0x40000000 && s == 0xbc000000);
	/* an alias with options, as /chosen/stdout-path has it */
	n = dt_resolve(&pi4, "serial1:115200n8");
	assert_non_null(n);
	assert_string_equal(dt_path(n, path, sizeof(path)),
			    "/soc/serial@7e215040");
	assert_null(dt_resolve(&pi4, "serial7"));
	assert_ptr_equal(dt_resolve(&pi4, "/soc/serial@7e215040"), n);
}

static void refuses_truncated_and_foreign(void **state)
{
	struct dt_tree t;
	static const char dts[64] = "/dts-v1/;\n/ {\n};\n";
	char err[256];
	size_t len = pi4_like(1, 0);

	assert_int_equal(dt_parse(&t, dtb, len - 100, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "truncated DTB"));
	assert_int_equal(dt_parse(&t, dts, sizeof(dts), err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not a DTB"));
	/* a header that claims a structure block past its end */
	put32(dtb + 36, 0x100000);
	assert_int_equal(dt_parse(&t, dtb, len, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "corrupt DTB header"));
}

static struct cc_config cfg;

static void builds_pi4_like_config(void **state)
{
	struct cc_options o = { .name = "pi",
				.mem_hv = 4 << 20,
				.mem_inmates = 16 << 20 };
	char err[256];
	unsigned int i;

	assert_int_equal(
		config_create_build(&cfg, &pi4, NULL, &o, err, sizeof(err)), 0);
	assert_int_equal(cfg.gic.version, 2);
	assert_true(cfg.gic.gicd == 0xff841000 && cfg.gic.gicc == 0xff842000 &&
		    cfg.gic.gich == 0xff844000 && cfg.gic.gicv == 0xff846000);
	assert_int_equal(cfg.gic.maintenance_irq, 25);
	assert_int_equal(cfg.ncpus, 2);
	/* the mini UART: 8250 with 32-bit register spacing */
	assert_true(cfg.console.address == 0xfe215040);
	assert_int_equal(cfg.console.type, 2);
	/*
	 * SPIs of "interrupts" and "interrupts-extended", not disabled
	 * ones, are the DT's; without GIC facts the root gets every SPI up
	 * to the highest (126) rounded up to the GIC's 32 lines: 128.
	 */
	assert_non_null(strstr(cfg.spi_origin[0], "/soc/serial@7e215040"));
	assert_null(strstr(cfg.spi_origin[0], "disabled@"));
	assert_int_equal(cfg.gic.spis, 128);
	assert_int_equal(cfg.spi[0], 1);
	assert_int_equal(cfg.spi[127], 1);
	assert_int_equal(cfg.spi[128], 0);
	assert_non_null(strstr(cfg.gic.spis_origin, "fewest the GIC can have"));
	/* hypervisor at the top of RAM, cells below it, mem= possible */
	assert_true(cfg.hv_start == 0xfbc00000 && cfg.hv_size == 4 << 20);
	assert_true(cfg.inmates_start == 0xfac00000);
	assert_int_equal(cfg.needs_reservation, 1);
	assert_true(cfg.mem_limit == 0x3b400000ULL + 0xbac00000ULL);
	/* no region covers the GIC, the disabled node or the I2C child */
	for (i = 0; i < cfg.nregions; i++) {
		const struct cc_region *r = &cfg.regions[i];

		assert_false(r->start < 0xff842000 + 0x2000 &&
			     r->start + r->size > 0xff841000);
		assert_false(r->start <= 0xfe400000 &&
			     r->start + r->size > 0xfe400000);
	}
}

static void refuses_without_gic_or_with_overlap(void **state)
{
	struct cc_options o = { .name = "pi" };
	struct dt_tree t;
	char err[256];

	assert_int_equal(dt_parse(&t, dtb, pi4_like(0, 0), err, sizeof(err)),
			 0);
	assert_int_equal(
		config_create_build(&cfg, &t, NULL, &o, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "no GIC in the device tree"));
	dt_free(&t);

	assert_int_equal(dt_parse(&t, dtb, pi4_like(1, 1), err, sizeof(err)),
			 0);
	assert_int_equal(
		config_create_build(&cfg, &t, NULL, &o, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/memory@0 reg[0]"));
	assert_non_null(strstr(err, "overlaps /memory@3b000000 reg[0]"));
	dt_free(&t);
}

static void iomem_must_match_dt(void **state)
{
	struct cc_options o = { .name = "pi" };
	static struct iomem io;
	char err[256];

	assert_int_equal(iomem_parse(&io,
				     "fe215040-fe21507f : serial\n"
				     "00000000-3b3fffff : System RAM\n"
				     "  00210000-0100ffff : Kernel code\n"
				     "200000000-23fffffff : System RAM\n",
				     err, sizeof(err)),
			 0);
	assert_int_equal(io.n, 4);
	assert_int_equal(io.lines[2].depth, 1);
	assert_int_equal(
		config_create_build(&cfg, &pi4, &io, &o, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "iomem line 4 (200000000-23fffffff"));
	/* as read by a user: all zeros */
	assert_int_equal(iomem_parse(&io, "00000000-00000000 : System RAM\n",
				     err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "without root rights"));
	assert_int_equal(iomem_parse(&io, "garbage\n", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "iomem line 1"));
}

/*
 * The number of SPIs read on the target (collect's "gic" member) or given
 * with --spis is what the root gets; facts of another GIC, or fewer SPIs
 * than the DT uses, are refused by name.
 */
static void spis_from_gic_facts(void **state)
{
	struct cc_options o = { .name = "pi" };
	char err[512];

	o.gic_facts = "# comment\ngic /soc/gic v2\ngicd 0xff841000\n"
		      "source /dev/mem\nspis 192\ngicd_iidr 0x0200143b\n"
		      "gicc_iidr 0x0202143b\ngich_vtr 0x90000003\n";
	assert_int_equal(
		config_create_build(&cfg, &pi4, NULL, &o, err, sizeof(err)), 0);
	assert_int_equal(cfg.gic.spis, 192);
	assert_int_equal(cfg.spi[191], 1);
	assert_int_equal(cfg.spi[192], 0);
	assert_true(cfg.gic.gich_vtr == 0x90000003);
	assert_non_null(strstr(cfg.gic.spis_origin, "GICD_TYPER"));
	assert_non_null(strstr(cfg.gic.spis_origin, "/dev/mem"));

	/* --spis wins */
	o.spis = 256;
	assert_int_equal(
		config_create_build(&cfg, &pi4, NULL, &o, err, sizeof(err)), 0);
	assert_int_equal(cfg.gic.spis, 256);
	o.spis = 0;

	/* not readable: chosen, and the reason kept for the comment */
	o.gic_facts = "gicd 0xff841000\nspis unknown\nwhy /dev/mem: EPERM\n";
	assert_int_equal(
		config_create_build(&cfg, &pi4, NULL, &o, err, sizeof(err)), 0);
	assert_int_equal(cfg.gic.spis, 128);
	assert_non_null(strstr(cfg.gic.spis_origin, "/dev/mem: EPERM"));

	/* fewer SPIs than the DT uses (SPI 126, interrupts-extended) */
	o.gic_facts = "gicd 0xff841000\nspis 64\n";
	assert_int_equal(config_create_build(&cfg, &pi4, NULL, &o, err,
					     sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "uses SPI 126, but the GIC has 64 SPIs"));

	/* facts of another system's GIC */
	o.gic_facts = "gicd 0x8000000\nspis 224\n";
	assert_int_equal(config_create_build(&cfg, &pi4, NULL, &o, err,
					     sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "gic line 1 (gicd 0x8000000)"));
}

/* A GICv3 tree with IOMMUs and their masters, and SCMI over SMC. */
static size_t iommu_tree(void)
{
	begin();
	prop_cells("#address-cells", 1, 1);
	prop_cells("#size-cells", 1, 1);
	node("cpus");
	prop_cells("#address-cells", 1, 1);
	prop_cells("#size-cells", 1, 0);
	node("cpu@0");
	prop_str("device_type", "cpu");
	prop_cells("reg", 1, 0);
	end();
	end();
	node("memory@40000000");
	prop_str("device_type", "memory");
	prop_cells("reg", 2, 0x40000000, 0x40000000);
	end();
	node("intc@8000000");
	prop("interrupt-controller", "", 0);
	prop_str("compatible", "arm,gic-v3");
	prop_cells("#interrupt-cells", 1, 3);
	prop_cells("phandle", 1, 1);
	prop_cells("reg", 4, 0x8000000, 0x10000, 0x80a0000, 0xf60000);
	end();
	node("iommu@fd800000");
	prop_str("compatible", "arm,mmu-500");
	prop_cells("#iommu-cells", 1, 2);
	prop_cells("phandle", 1, 5);
	prop_cells("reg", 2, 0xfd800000, 0x40000);
	end();
	node("smmuv3@9050000");
	prop_str("compatible", "arm,smmu-v3");
	prop_cells("#iommu-cells", 1, 1);
	prop_cells("phandle", 1, 6);
	prop_cells("reg", 2, 0x9050000, 0x20000);
	end();
	node("smmuv3@9100000");
	prop_str("compatible", "arm,smmu-v3");
	prop_str("status", "disabled");
	prop_cells("#iommu-cells", 1, 1);
	prop_cells("phandle", 1, 7);
	prop_cells("reg", 2, 0x9100000, 0x20000);
	end();
	node("iommu@fdb50800");
	prop_str("compatible", "rockchip,rk3588-iommu");
	prop_cells("#iommu-cells", 1, 0);
	prop_cells("phandle", 1, 8);
	prop_cells("reg", 2, 0xfdb50800, 0x40);
	end();
	node("dma@9000000");
	prop_cells("reg", 2, 0x9000000, 0x1000);
	prop_cells("iommus", 3, 5, 0x10, 0x7f00);
	end();
	node("usb@9010000");
	prop_cells("reg", 2, 0x9010000, 0x1000);
	/* the SMMUv3's 0x20, the Rockchip one's (no cells), the disabled */
	prop_cells("iommus", 5, 6, 0x20, 8, 7, 0x30);
	end();
	node("mc@9020000");
	prop_cells("reg", 2, 0x9020000, 0x1000);
	prop_cells("iommu-map", 4, 0x40, 6, 0x400, 2);
	end();
	node("pcie@10000000");
	prop_str("device_type", "pci");
	prop_cells("#address-cells", 1, 3);
	prop_cells("#size-cells", 1, 2);
	prop_cells("reg", 2, 0x10000000, 0x1000000);
	prop_cells("iommu-map", 4, 0, 6, 0x1000, 0x10000);
	end();
	node("firmware");
	node("scmi");
	prop_str("compatible", "arm,scmi-smc");
	prop_cells("arm,smc-id", 1, 0x82000010);
	end();
	end();
	return finish(dtb);
}

/*
 * SMMUv3 and MMU-500 nodes become IOMMU units, kept out of the root's
 * map; "iommus" and "iommu-map" give the root's stream ids, a large map
 * through the target's PCI functions; other IOMMUs, disabled units and
 * masters of neither give none. SCMI over a SiP SMC is forwarded.
 */
static void iommus_and_stream_ids(void **state)
{
	struct cc_options o = { .name = "r",
				.pci_devices = "0000:00:00.0\n0000:01:00.0\n"
					       "0001:00:00.0\n" };
	struct dt_tree t;
	char err[512];
	size_t len;
	unsigned int i;
	struct jailhouse_system *sys;

	assert_int_equal(dt_parse(&t, dtb, iommu_tree(), err, sizeof(err)), 0);
	assert_int_equal(
		config_create_build(&cfg, &t, NULL, &o, err, sizeof(err)), 0);
	assert_int_equal(cfg.niommus, 2);
	assert_int_equal(cfg.iommu[0].type, JAILHOUSE_IOMMU_ARM_MMU500);
	assert_true(cfg.iommu[0].base == 0xfd800000);
	assert_int_equal(cfg.iommu[1].type, JAILHOUSE_IOMMU_SMMUV3);
	assert_true(cfg.iommu[1].base == 0x9050000 &&
		    cfg.iommu[1].size == 0x20000);
	/* sorted: the USB's 0x20, the small map's 0x400 and 0x401, PCI
	 * 00:00.0 and 01:00.0 of domain 0 (0x1000 + RID), the MMU-500's id
	 * 0x10 with mask 0x7f00 */
	assert_int_equal(cfg.nsids, 6);
	assert_int_equal(cfg.sid[0].id, 0x20);
	assert_int_equal(cfg.sid[1].id, 0x400);
	assert_int_equal(cfg.sid[2].id, 0x401);
	assert_int_equal(cfg.sid[3].id, 0x1000);
	assert_int_equal(cfg.sid[4].id, 0x1100);
	assert_int_equal(cfg.sid[5].id, 0x7f000010);
	assert_int_equal(cfg.sid[5].mmu500, 1);
	assert_non_null(strstr(cfg.sid[4].origin, "PCI 0000:01:00.0"));
	for (i = 0; i < cfg.nregions; i++)
		assert_false(cfg.regions[i].start < 0x9070000 &&
			     cfg.regions[i].start + cfg.regions[i].size >
				     0x9050000);
	assert_int_equal(cfg.forward_smc, 1);
	assert_non_null(strstr(cfg.smc_origin, "0x82000010 (SiP"));
	for (i = 0; i < cfg.nnotes; i++)
		if (strstr(cfg.notes[i], "/iommu@fdb50800: a kind"))
			break;
	assert_true(i < cfg.nnotes);

	/* the binary: units, the stream-id array, the SMC flag */
	sys = config_create_binary(&cfg, &len);
	assert_non_null(sys);
	assert_int_equal(sys->root_cell.num_stream_ids, 6);
	assert_int_equal(sys->platform_info.iommu_units[1].type,
			 JAILHOUSE_IOMMU_SMMUV3);
	assert_true(sys->flags & WARDEN_SYS_FORWARD_SIP_OEM_SMC);
	assert_int_equal(jailhouse_system_config_size(sys), len);
	free(sys);

	/* without the PCI list, the large map gives none and says so */
	o.pci_devices = NULL;
	assert_int_equal(
		config_create_build(&cfg, &t, NULL, &o, err, sizeof(err)), 0);
	assert_int_equal(cfg.nsids, 4);
	dt_free(&t);
}

/* Corrupted trees are refused or read, never crash (ASan build). */
static void survives_corrupted_dtbs(void **state)
{
	struct cc_options o = { .name = "pi", .mem_inmates = 16 << 20 };
	static uint8_t copy[sizeof(dtb)];
	size_t len = pi4_like(1, 0), pos;
	unsigned int seed = 1, k;
	struct dt_tree t;
	char err[256];

	for (k = 0; k < 3000; k++) {
		memcpy(copy, dtb, len);
		seed = seed * 1103515245 + 12345;
		pos = (seed >> 8) % len;
		copy[pos] ^= 1u << ((seed >> 4) & 7);
		if (k & 1)
			copy[(pos + 7) % len] = 0xff;
		if (dt_parse(&t, copy, len - (k % 5 == 0 ? k % 64 : 0), err,
			     sizeof(err)))
			continue;
		config_create_build(&cfg, &t, NULL, &o, err, sizeof(err));
		dt_free(&t);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(translates_through_ranges,
						pi4_parsed, pi4_free),
		cmocka_unit_test_setup_teardown(reads_cells_and_resolves_stdout,
						pi4_parsed, pi4_free),
		cmocka_unit_test(refuses_truncated_and_foreign),
		cmocka_unit_test_setup_teardown(builds_pi4_like_config,
						pi4_parsed, pi4_free),
		cmocka_unit_test(refuses_without_gic_or_with_overlap),
		cmocka_unit_test_setup_teardown(iomem_must_match_dt, pi4_parsed,
						pi4_free),
		cmocka_unit_test_setup_teardown(spis_from_gic_facts, pi4_parsed,
						pi4_free),
		cmocka_unit_test(iommus_and_stream_ids),
		cmocka_unit_test(survives_corrupted_dtbs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
