// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual PCI host bridge and ivshmem v2 endpoints (core/vpci.c,
 * core/ivshmem.c): ECAM decoding, Jailhouse's config-space layout, which
 * writes are applied, ignored or refused, BAR placement, the register
 * block's decisions and links between peers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <warden/vpci.h>

#include "config_fixture.h"

/* A cell as qemu-virt-ivshmem-demo.c: the demo link's five regions. */
static void demo_cell(struct fx *f, __u8 id, __u16 bdf)
{
	unsigned int i;

	fx_qemu_inmate(f, "ivshmem-demo", 0x8, 0x7fa00000);
	f->desc.vpci_irq_base = 144 - 32;
	fx_add_mem(f, 0x7faf0000, 0x7faf0000, 0x1000,
		   JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED);
	fx_add_mem(f, 0x7faf1000, 0x7faf1000, 0x9000,
		   FX_RW | JAILHOUSE_MEM_ROOTSHARED);
	for (i = 0; i < 3; i++)
		fx_add_mem(f, 0x7fafa000 + i * 0x2000, 0x7fafa000 + i * 0x2000,
			   0x2000,
			   JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED |
				   (i == id ? JAILHOUSE_MEM_WRITE : 0));
	f->pci[0] = (struct jailhouse_pci_device){
		.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
		.domain = 1,
		.bdf = bdf,
		.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
		.shmem_regions_start = 3,
		.shmem_dev_id = id,
		.shmem_peers = 3,
		.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
	};
	f->n_pci = 1;
	assert_int_equal(fx_build(f), WARDEN_CONFIG_OK);
}

static void ecam_decode(void **state)
{
	struct vpci_addr a;

	(void)state;
	assert_int_equal(vpci_ecam_size(0), 0x100000);
	assert_int_equal(vpci_ecam_size(255), 0x10000000);
	/* 00:01.0 reg 0x3c; bus 0 only: bus 1 is outside */
	assert_int_equal(vpci_ecam_decode(0x08e00000, 0, 0x08e0803c, 4, &a),
			 VPCI_OK);
	assert_int_equal(a.bdf, 0x0008);
	assert_int_equal(a.reg, 0x3c);
	assert_int_equal(vpci_ecam_decode(0x08e00000, 0, 0x08f00000, 4, &a),
			 VPCI_OUTSIDE);
	assert_int_equal(vpci_ecam_decode(0x08e00000, 0, 0x08dffffc, 4, &a),
			 VPCI_OUTSIDE);
	/* bus 2 dev 31 fn 7, reg 0xffe, in a 4-bus window */
	assert_int_equal(vpci_ecam_decode(0x30000000, 3, 0x302ffffe, 2, &a),
			 VPCI_OK);
	assert_int_equal(a.bdf, 0x02ff);
	assert_int_equal(a.reg, 0xffe);
	/* 8 bytes, misaligned, 3 bytes: refused */
	assert_int_equal(vpci_ecam_decode(0x08e00000, 0, 0x08e00000, 8, &a),
			 VPCI_BAD_ACCESS);
	assert_int_equal(vpci_ecam_decode(0x08e00000, 0, 0x08e00002, 4, &a),
			 VPCI_BAD_ACCESS);
	assert_int_equal(vpci_ecam_decode(0x08e00000, 0, 0x08e00001, 2, &a),
			 VPCI_BAD_ACCESS);
	assert_int_equal(vpci_ecam_decode(0x08e00000, 0, 0x08e00000, 3, &a),
			 VPCI_BAD_ACCESS);
	/* no window configured */
	assert_int_equal(vpci_ecam_decode(0, 0, 0x10, 4, &a), VPCI_OUTSIDE);
	/* the last byte of the address space does not wrap */
	assert_int_equal(vpci_ecam_decode(~0ULL - 0xfffff, 0, ~0ULL, 1, &a),
			 VPCI_OK);
	assert_int_equal(a.reg, 0xfff);
}

static void config_header(void **state)
{
	struct ivshmem_ep ep;
	struct fx f;

	(void)state;
	demo_cell(&f, 1, 0x0008);
	f.pci[0].shmem_protocol = 0x4001;
	assert_int_equal(fx_build(&f), WARDEN_CONFIG_OK);
	assert_int_equal(ivshmem_ep_init(&ep, &f.cfg, 0), 0);
	assert_int_equal(vpci_cfg_read(&ep, 0x00, 4), 0x4106110a);
	assert_int_equal(vpci_cfg_read(&ep, 0x02, 2), 0x4106);
	assert_int_equal(vpci_cfg_read(&ep, 0x00, 1), 0x0a);
	assert_int_equal(vpci_cfg_read(&ep, 0x04, 4), 0x00100000);
	/* class 0xff, sub-class 0x40, interface 0x01, revision 0 */
	assert_int_equal(vpci_cfg_read(&ep, 0x08, 4), 0xff400100);
	assert_int_equal(vpci_cfg_read(&ep, 0x0e, 1), 0);
	assert_int_equal(vpci_cfg_read(&ep, 0x10, 4), 0);
	assert_int_equal(vpci_cfg_read(&ep, 0x2c, 4), 0x4106110a);
	assert_int_equal(vpci_cfg_read(&ep, 0x34, 1), 0x40);
	/* device 1: pin B */
	assert_int_equal(vpci_cfg_read(&ep, 0x3d, 1), 2);
	/* vendor capability: ID 9, no next, length 0x20 */
	assert_int_equal(vpci_cfg_read(&ep, 0x40, 4), 0x00200009);
	assert_int_equal(vpci_cfg_read(&ep, 0x44, 4), 0x1000);
	assert_int_equal(vpci_cfg_read(&ep, 0x48, 4), 0x9000);
	assert_int_equal(vpci_cfg_read(&ep, 0x4c, 4), 0);
	assert_int_equal(vpci_cfg_read(&ep, 0x50, 4), 0x2000);
	assert_int_equal(vpci_cfg_read(&ep, 0x58, 4), 0x7faf0000);
	assert_int_equal(vpci_cfg_read(&ep, 0x5c, 4), 0);
	/* nothing after the capability, no extended space */
	assert_int_equal(vpci_cfg_read(&ep, 0x60, 4), 0);
	assert_int_equal(vpci_cfg_read(&ep, 0x100, 4), 0);
	assert_int_equal(vpci_cfg_read(&ep, 0xffc, 4), 0);
	/* the registers */
	assert_int_equal(ivshmem_bar0_size(&ep), 0x1000);
	assert_int_equal(ivshmem_intx_intid(&ep), 145);
}

static const struct vpci_range gic[] = {
	{ 0x08000000, 0x10000, "the GIC distributor" },
	{ 0x08e00000, 0x100000, "the ECAM window" },
};

static void config_writes(void **state)
{
	struct ivshmem_ep ep;
	struct vpci_range conflict;
	struct fx f;
	struct vpci_bar_env env = { &f.cfg, gic, 2 };

	(void)state;
	demo_cell(&f, 1, 0x0000);
	assert_int_equal(ivshmem_ep_init(&ep, &f.cfg, 0), 0);

	/* BAR sizing with decoding off: the mask reads back */
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, ~0U, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x10, 4), 0xfffff000);
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, 0x10000123, &env,
					&conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x10, 4), 0x10000000);
	/* command: MEM, MASTER, INTx disable; the rest and status ignored */
	assert_int_equal(vpci_cfg_write(&ep, 0x04, 4, 0xffff0fff, &env,
					&conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x04, 4), 0x00100406);
	/* the OS's quiet writes: latency, BAR1 and ROM sizing, line */
	assert_int_equal(vpci_cfg_write(&ep, 0x0d, 1, 64, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_write(&ep, 0x14, 4, ~0U, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x14, 4), 0);
	assert_int_equal(vpci_cfg_write(&ep, 0x30, 4, 0xfffff800, &env,
					&conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x30, 4), 0);
	assert_int_equal(vpci_cfg_write(&ep, 0x3c, 1, 42, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x3c, 2), 0x012a);
	/* one-shot mode: bit 0 of the privileged control byte */
	assert_int_equal(vpci_cfg_write(&ep, 0x43, 1, 0xff, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x40, 4), 0x01200009);
	assert_int_equal(ep.refused, 0);

	/* outside the emulated registers: refused, nothing changes */
	assert_int_equal(vpci_cfg_write(&ep, 0x00, 4, 0, &env, &conflict),
			 VPCI_W_REFUSED);
	assert_int_equal(vpci_cfg_write(&ep, 0x08, 4, 0, &env, &conflict),
			 VPCI_W_REFUSED);
	assert_int_equal(vpci_cfg_write(&ep, 0x3c, 4, 0xffffffff, &env,
					&conflict),
			 VPCI_W_REFUSED);
	assert_int_equal(vpci_cfg_write(&ep, 0x58, 4, 0x40000000, &env,
					&conflict),
			 VPCI_W_REFUSED);
	assert_int_equal(vpci_cfg_write(&ep, 0x44, 4, 0x100000, &env,
					&conflict),
			 VPCI_W_REFUSED);
	assert_int_equal(vpci_cfg_write(&ep, 0x200, 4, 1, &env, &conflict),
			 VPCI_W_REFUSED);
	assert_int_equal(ep.refused, 6);
	assert_int_equal(vpci_cfg_read(&ep, 0x3c, 1), 42);
	assert_int_equal(vpci_cfg_read(&ep, 0x58, 4), 0x7faf0000);
	assert_int_equal(vpci_cfg_read(&ep, 0x44, 4), 0x1000);
}

static void bar_placement(void **state)
{
	struct ivshmem_ep ep;
	struct vpci_range conflict;
	struct fx f;
	struct vpci_bar_env env = { &f.cfg, gic, 2 };
	__u32 off;

	(void)state;
	demo_cell(&f, 1, 0x0000);
	assert_int_equal(ivshmem_ep_init(&ep, &f.cfg, 0), 0);
	/* BAR0 at 0 is the cell's RAM: decoding is not turned on */
	assert_int_equal(vpci_cfg_write(&ep, 0x04, 2, PCI_CMD_MEM, &env,
					&conflict),
			 VPCI_W_BAR_CONFLICT);
	assert_int_equal(conflict.start, 0);
	assert_int_equal(vpci_cfg_read(&ep, 0x04, 2), 0);
	assert_false(ivshmem_bar0_hit(&ep, 0x0, &off));
	/* Jailhouse's demo place: free */
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, 0xff000000, &env,
					&conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_write(&ep, 0x04, 2,
					PCI_CMD_MEM | PCI_CMD_MASTER, &env,
					&conflict),
			 VPCI_W_OK);
	assert_true(ivshmem_bar0_hit(&ep, 0xff000010, &off));
	assert_int_equal(off, 0x10);
	assert_false(ivshmem_bar0_hit(&ep, 0xff001000, &off));
	/* moved over the shared memory, the comm region, the ECAM: kept */
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, 0x7faf1000, &env,
					&conflict),
			 VPCI_W_BAR_CONFLICT);
	assert_int_equal(conflict.start, 0x7faf1000);
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, 0x80000000, &env,
					&conflict),
			 VPCI_W_BAR_CONFLICT);
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, 0x08e01000, &env,
					&conflict),
			 VPCI_W_BAR_CONFLICT);
	assert_string_equal(conflict.what, "the ECAM window");
	assert_int_equal(vpci_cfg_read(&ep, 0x10, 4), 0xff000000);
	/* a byte write moving it: checked the same */
	assert_int_equal(vpci_cfg_write(&ep, 0x13, 1, 0x08, &env, &conflict),
			 VPCI_W_BAR_CONFLICT);
	assert_int_equal(vpci_cfg_write(&ep, 0x13, 1, 0xfe, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x10, 4), 0xfe000000);
	/* decoding off: any value is stored (sizing), checked when on */
	assert_int_equal(vpci_cfg_write(&ep, 0x04, 2, 0, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, 0x40000000, &env,
					&conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, 0x08000000, &env,
					&conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_write(&ep, 0x04, 2, PCI_CMD_MEM, &env,
					&conflict),
			 VPCI_W_BAR_CONFLICT);
	assert_string_equal(conflict.what, "the GIC distributor");
	/* 64 KiB masks: a 64 KiB page */
	f.pci[0].bar_mask[0] = 0xffff0000;
	assert_int_equal(fx_build(&f), WARDEN_CONFIG_OK);
	assert_int_equal(ivshmem_ep_init(&ep, &f.cfg, 0), 0);
	assert_int_equal(ivshmem_bar0_size(&ep), 0x10000);
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, 0xff00f000, &env,
					&conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x10, 4), 0xff000000);
}

static void registers(void **state)
{
	struct ivshmem_result r;
	struct ivshmem_ep ep;
	struct fx f;
	__u32 v;

	(void)state;
	demo_cell(&f, 1, 0x0000);
	assert_int_equal(ivshmem_ep_init(&ep, &f.cfg, 0), 0);
	r = ivshmem_reg_read(&ep, IVSHMEM_REG_ID, 4, &v);
	assert_int_equal(r.action, IVSHMEM_DONE);
	assert_int_equal(v, 1);
	ivshmem_reg_read(&ep, IVSHMEM_REG_MAX_PEERS, 4, &v);
	assert_int_equal(v, 3);
	ivshmem_reg_read(&ep, 0x800, 4, &v);
	assert_int_equal(v, 0);
	/* not 32-bit: refused */
	r = ivshmem_reg_read(&ep, IVSHMEM_REG_ID, 2, &v);
	assert_int_equal(r.action, IVSHMEM_REFUSED);
	r = ivshmem_reg_write(&ep, IVSHMEM_REG_STATE + 1, 1, 1);
	assert_int_equal(r.action, IVSHMEM_REFUSED);

	r = ivshmem_reg_write(&ep, IVSHMEM_REG_INT_CTRL, 4, 0xffffffff);
	assert_int_equal(r.action, IVSHMEM_DONE);
	ivshmem_reg_read(&ep, IVSHMEM_REG_INT_CTRL, 4, &v);
	assert_int_equal(v, 1);
	/* state: changes are announced, repeats are not */
	r = ivshmem_reg_write(&ep, IVSHMEM_REG_STATE, 4, 2);
	assert_int_equal(r.action, IVSHMEM_STATE);
	assert_int_equal(r.state, 2);
	r = ivshmem_reg_write(&ep, IVSHMEM_REG_STATE, 4, 2);
	assert_int_equal(r.action, IVSHMEM_DONE);
	ivshmem_reg_read(&ep, IVSHMEM_REG_STATE, 4, &v);
	assert_int_equal(v, 2);
	/* doorbells: peer 0 vector 0; no peer 3, no vector 1 */
	r = ivshmem_reg_write(&ep, IVSHMEM_REG_DOORBELL, 4, 0 << 16);
	assert_int_equal(r.action, IVSHMEM_DOORBELL);
	assert_int_equal(r.target, 0);
	r = ivshmem_reg_write(&ep, IVSHMEM_REG_DOORBELL, 4, 2 << 16);
	assert_int_equal(r.action, IVSHMEM_DOORBELL);
	assert_int_equal(r.target, 2);
	r = ivshmem_reg_write(&ep, IVSHMEM_REG_DOORBELL, 4, 3 << 16);
	assert_int_equal(r.action, IVSHMEM_REFUSED);
	assert_int_equal(r.target, 3);
	r = ivshmem_reg_write(&ep, IVSHMEM_REG_DOORBELL, 4, 0xffff0000);
	assert_int_equal(r.action, IVSHMEM_REFUSED);
	/* the vector is the target's to check (ivshmem_vectors()) */
	r = ivshmem_reg_write(&ep, IVSHMEM_REG_DOORBELL, 4, 1 << 16 | 3);
	assert_int_equal(r.action, IVSHMEM_DOORBELL);
	assert_int_equal(r.vector, 3);
	assert_int_equal(ivshmem_vectors(&ep), 1);
	/* read-only and unbacked offsets */
	r = ivshmem_reg_write(&ep, IVSHMEM_REG_ID, 4, 7);
	assert_int_equal(r.action, IVSHMEM_REFUSED);
	r = ivshmem_reg_write(&ep, 0x20, 4, 7);
	assert_int_equal(r.action, IVSHMEM_REFUSED);
	ivshmem_reg_read(&ep, IVSHMEM_REG_ID, 4, &v);
	assert_int_equal(v, 1);
	assert_int_equal(ep.refused, 6);

	/* interrupts: enabled, INTx on; one-shot disarms */
	assert_true(ivshmem_take_interrupt(&ep));
	assert_true(ivshmem_take_interrupt(&ep));
	ep.command = PCI_CMD_INTX_OFF;
	assert_false(ivshmem_take_interrupt(&ep));
	ep.command = 0;
	ep.priv_ctl = 1;
	assert_true(ivshmem_take_interrupt(&ep));
	assert_false(ivshmem_take_interrupt(&ep));
	ep.int_ctrl = 0;
	assert_false(ivshmem_take_interrupt(&ep));

	/* a reset forgets what the driver did */
	ep.state = 5;
	ep.bar0 = 0xff000000;
	ep.command = PCI_CMD_MEM;
	ivshmem_ep_reset(&ep);
	assert_int_equal(ep.state, 0);
	assert_int_equal(ep.command, 0);
	assert_int_equal(ep.bar0, 0);
}

static void init_refuses_broken(void **state)
{
	struct ivshmem_ep ep;
	struct fx f;

	(void)state;
	demo_cell(&f, 1, 0);
	assert_int_equal(ivshmem_ep_init(&ep, &f.cfg, 1), -1);
	f.pci[0].shmem_regions_start = 5; /* needs 5..9 of 8 */
	assert_int_equal(fx_build(&f), WARDEN_CONFIG_OK);
	assert_int_equal(ivshmem_ep_init(&ep, &f.cfg, 0), -1);
	f.pci[0].shmem_regions_start = 3;
	f.pci[0].shmem_dev_id = 3;
	assert_int_equal(fx_build(&f), WARDEN_CONFIG_OK);
	assert_int_equal(ivshmem_ep_init(&ep, &f.cfg, 0), -1);
	f.pci[0].shmem_dev_id = 1;
	f.pci[0].type = JAILHOUSE_PCI_TYPE_DEVICE;
	assert_int_equal(fx_build(&f), WARDEN_CONFIG_OK);
	assert_int_equal(ivshmem_ep_init(&ep, &f.cfg, 0), -1);
}

static void links(void **state)
{
	struct ivshmem_link l[2];
	struct ivshmem_ep a, b, c, d;
	struct fx fa, fb, fc;
	int busy;

	(void)state;
	memset(l, 0, sizeof(l));
	demo_cell(&fa, 0, 0);
	demo_cell(&fb, 1, 0);
	demo_cell(&fc, 1, 0x0008); /* another bdf: another link */
	assert_int_equal(ivshmem_ep_init(&a, &fa.cfg, 0), 0);
	assert_int_equal(ivshmem_ep_init(&b, &fb.cfg, 0), 0);
	assert_int_equal(ivshmem_ep_init(&c, &fc.cfg, 0), 0);
	assert_int_equal(ivshmem_ep_init(&d, &fb.cfg, 0), 0);
	assert_ptr_equal(ivshmem_link_join(l, 2, &a, &busy), &l[0]);
	assert_ptr_equal(ivshmem_link_join(l, 2, &b, &busy), &l[0]);
	assert_ptr_equal(l[0].eps[0], &a);
	assert_ptr_equal(l[0].eps[1], &b);
	/* id 1 is connected already */
	assert_null(ivshmem_link_join(l, 2, &d, &busy));
	assert_true(busy);
	assert_ptr_equal(ivshmem_link_join(l, 2, &c, &busy), &l[1]);
	/* no third link */
	c.bdf = 0x10;
	assert_null(ivshmem_link_join(l, 2, &c, &busy));
	assert_false(busy);
	ivshmem_link_leave(&l[0], &b);
	assert_null(l[0].eps[1]);
	assert_ptr_equal(ivshmem_link_join(l, 2, &d, &busy), &l[0]);
	/* leaving twice or as a stranger changes nothing */
	ivshmem_link_leave(&l[0], &b);
	assert_ptr_equal(l[0].eps[1], &d);
}

/* The demo cell's device in MSI-X mode: 4 vectors, BAR1. */
static void msix_cell(struct fx *f, struct ivshmem_ep *ep)
{
	const __u32 masks[6] = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX;

	demo_cell(f, 1, 0x0000);
	memcpy(f->pci[0].bar_mask, masks, sizeof(masks));
	f->pci[0].num_msix_vectors = 4;
	assert_int_equal(fx_build(f), WARDEN_CONFIG_OK);
	assert_int_equal(ivshmem_ep_init(ep, &f->cfg, 0), 0);
}

static void msix_config_space(void **state)
{
	struct vpci_bar_env env = { NULL, gic, 2 };
	struct vpci_range conflict;
	struct ivshmem_ep ep, intx;
	struct fx f, g;

	(void)state;
	msix_cell(&f, &ep);
	env.cfg = &f.cfg;
	/* vendor capability -> MSI-X at 0x60: 4 vectors, table and PBA in
	 * BAR1 at 0 and 0x800; no interrupt pin */
	assert_int_equal(vpci_cfg_read(&ep, 0x40, 4), 0x00206009);
	assert_int_equal(vpci_cfg_read(&ep, 0x60, 4), 0x00030011);
	assert_int_equal(vpci_cfg_read(&ep, 0x64, 4), 1);
	assert_int_equal(vpci_cfg_read(&ep, 0x68, 4), 0x801);
	assert_int_equal(vpci_cfg_read(&ep, 0x3d, 1), 0);
	assert_int_equal(ivshmem_vectors(&ep), 4);
	assert_int_equal(ivshmem_bar1_size(&ep), 0x1000);
	/* BAR1 sizes and moves like BAR0 */
	assert_int_equal(vpci_cfg_write(&ep, 0x14, 4, ~0U, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x14, 4), 0xfffff000);
	/* enable and function mask writable, the table size not */
	assert_int_equal(vpci_cfg_write(&ep, 0x62, 2, 0xffff, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&ep, 0x62, 2), 0xc003);
	assert_int_equal(vpci_cfg_write(&ep, 0x63, 1, 0x80, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(ep.msix_ctrl, IVSHMEM_MSIX_ENABLE);
	/* capability ID, next, table and PBA offsets: refused */
	assert_int_equal(vpci_cfg_write(&ep, 0x60, 4, 0, &env, &conflict),
			 VPCI_W_REFUSED);
	assert_int_equal(vpci_cfg_write(&ep, 0x64, 4, 0x100, &env, &conflict),
			 VPCI_W_REFUSED);
	assert_int_equal(vpci_cfg_read(&ep, 0x64, 4), 1);
	assert_int_equal(ep.msix_ctrl, IVSHMEM_MSIX_ENABLE);
	/* decoding with BAR1 over the cell's RAM (IPA 0): refused */
	assert_int_equal(vpci_cfg_write(&ep, 0x10, 4, 0xff000000, &env,
					&conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_write(&ep, 0x14, 4, 0, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_write(&ep, 0x04, 2, PCI_CMD_MEM, &env,
					&conflict),
			 VPCI_W_BAR_CONFLICT);
	assert_int_equal(ep.command & PCI_CMD_MEM, 0);
	assert_int_equal(vpci_cfg_write(&ep, 0x14, 4, 0xff001000, &env,
					&conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_write(&ep, 0x04, 2, PCI_CMD_MEM, &env,
					&conflict),
			 VPCI_W_OK);
	/* and moved over RAM while decoding: refused, stays */
	assert_int_equal(vpci_cfg_write(&ep, 0x14, 4, 0x1000, &env, &conflict),
			 VPCI_W_BAR_CONFLICT);
	assert_int_equal(vpci_cfg_read(&ep, 0x14, 4), 0xff001000);
	{
		__u32 off;

		assert_true(ivshmem_bar1_hit(&ep, 0xff001800, &off));
		assert_int_equal(off, 0x800);
		assert_false(ivshmem_bar1_hit(&ep, 0xff002000, &off));
		assert_true(ivshmem_bar0_hit(&ep, 0xff000ffc, &off));
	}
	/* INTx mode: no capability at 0x60, BAR1 and its control ignored or
	 * refused as before */
	demo_cell(&g, 1, 0x0000);
	assert_int_equal(ivshmem_ep_init(&intx, &g.cfg, 0), 0);
	env.cfg = &g.cfg;
	assert_int_equal(vpci_cfg_read(&intx, 0x40, 4), 0x00200009);
	assert_int_equal(vpci_cfg_read(&intx, 0x60, 4), 0);
	assert_int_equal(vpci_cfg_read(&intx, 0x3d, 1), 1);
	assert_int_equal(vpci_cfg_write(&intx, 0x14, 4, ~0U, &env, &conflict),
			 VPCI_W_OK);
	assert_int_equal(vpci_cfg_read(&intx, 0x14, 4), 0);
	assert_int_equal(vpci_cfg_write(&intx, 0x62, 2, 0x8000, &env,
					&conflict),
			 VPCI_W_REFUSED);
	assert_int_equal(ivshmem_bar1_size(&intx), 0);
	assert_int_equal(intx.msix_vectors, 0);
}

static void msix_table(void **state)
{
	struct ivshmem_result r;
	struct ivshmem_ep ep;
	struct fx f;
	__u32 v, data;

	(void)state;
	msix_cell(&f, &ep);
	/* after reset every vector is masked */
	ivshmem_msix_read(&ep, 0x0c, 4, &v);
	assert_int_equal(v, 1);
	r = ivshmem_msix_write(&ep, 0x10, 4, 0x12345677);
	assert_int_equal(r.action, IVSHMEM_DONE);
	ivshmem_msix_write(&ep, 0x14, 4, 0x1);
	ivshmem_msix_write(&ep, 0x18, 4, 145);
	ivshmem_msix_write(&ep, 0x1c, 4, 0xfffffffe);
	ivshmem_msix_read(&ep, 0x10, 4, &v);
	assert_int_equal(v, 0x12345674);
	ivshmem_msix_read(&ep, 0x14, 4, &v);
	assert_int_equal(v, 1);
	ivshmem_msix_read(&ep, 0x18, 4, &v);
	assert_int_equal(v, 145);
	ivshmem_msix_read(&ep, 0x1c, 4, &v);
	assert_int_equal(v, 0);
	/* beyond the 4 entries, unaligned, not 32-bit, the PBA: refused */
	assert_int_equal(ivshmem_msix_write(&ep, 0x48, 4, 33).action,
			 IVSHMEM_REFUSED);
	assert_int_equal(ivshmem_msix_write(&ep, 0x1a, 2, 33).action,
			 IVSHMEM_REFUSED);
	assert_int_equal(ivshmem_msix_write(&ep, 0x19, 4, 33).action,
			 IVSHMEM_REFUSED);
	assert_int_equal(ivshmem_msix_write(&ep, 0x18, 8, 33).action,
			 IVSHMEM_REFUSED);
	assert_int_equal(ivshmem_msix_write(&ep, 0x800, 4, ~0U).action,
			 IVSHMEM_REFUSED);
	assert_int_equal(ivshmem_msix_write(&ep, 0xffc, 4, 1).action,
			 IVSHMEM_REFUSED);
	assert_int_equal(ivshmem_msix_read(&ep, 0x18, 2, &v).action,
			 IVSHMEM_REFUSED);
	assert_int_equal(v, 0);
	assert_int_equal(ep.refused, 7);
	ivshmem_msix_read(&ep, 0x18, 4, &v);
	assert_int_equal(v, 145);
	ivshmem_msix_read(&ep, 0x800, 4, &v);
	assert_int_equal(v, 0);
	ivshmem_msix_read(&ep, 0x48, 4, &v);
	assert_int_equal(v, 0);

	/* signals: nothing while interrupts or MSI-X are off */
	assert_int_equal(ivshmem_msix_signal(&ep, 1, &data), IVSHMEM_MSIX_NONE);
	ep.int_ctrl = IVSHMEM_INT_ENABLE;
	assert_int_equal(ivshmem_msix_signal(&ep, 1, &data), IVSHMEM_MSIX_NONE);
	ep.msix_ctrl = IVSHMEM_MSIX_ENABLE;
	/* vector 1 masked (reset state): pending, then sent on unmask */
	ivshmem_msix_write(&ep, 0x1c, 4, 1);
	assert_int_equal(ivshmem_msix_signal(&ep, 1, &data),
			 IVSHMEM_MSIX_PENDING);
	ivshmem_msix_read(&ep, 0x800, 4, &v);
	assert_int_equal(v, 0x2);
	assert_int_equal(ivshmem_msix_next_pending(&ep, &data), -1);
	ivshmem_msix_write(&ep, 0x1c, 4, 0);
	data = 0;
	assert_int_equal(ivshmem_msix_next_pending(&ep, &data), 1);
	assert_int_equal(data, 145);
	assert_int_equal(ep.pba, 0);
	assert_int_equal(ivshmem_msix_next_pending(&ep, &data), -1);
	/* unmasked: sent with its data */
	data = 0;
	assert_int_equal(ivshmem_msix_signal(&ep, 1, &data), IVSHMEM_MSIX_SEND);
	assert_int_equal(data, 145);
	/* the function mask holds every vector */
	ep.msix_ctrl |= IVSHMEM_MSIX_MASKALL;
	assert_int_equal(ivshmem_msix_signal(&ep, 1, &data),
			 IVSHMEM_MSIX_PENDING);
	assert_int_equal(ivshmem_msix_next_pending(&ep, &data), -1);
	ep.msix_ctrl = IVSHMEM_MSIX_ENABLE;
	assert_int_equal(ivshmem_msix_next_pending(&ep, &data), 1);
	/* no such vector */
	assert_int_equal(ivshmem_msix_signal(&ep, 4, &data), IVSHMEM_MSIX_NONE);
	assert_int_equal(ivshmem_msix_signal(&ep, 0xffff, &data),
			 IVSHMEM_MSIX_NONE);
	/* one-shot: the first signal disarms the device */
	ep.priv_ctl = 1;
	assert_int_equal(ivshmem_msix_signal(&ep, 1, &data), IVSHMEM_MSIX_SEND);
	assert_int_equal(ivshmem_msix_signal(&ep, 1, &data), IVSHMEM_MSIX_NONE);
	/* a reset masks everything and forgets the pending bits */
	ep.pba = 0xf;
	ivshmem_ep_reset(&ep);
	assert_int_equal(ep.pba, 0);
	assert_int_equal(ep.msix_ctrl, 0);
	ivshmem_msix_read(&ep, 0x1c, 4, &v);
	assert_int_equal(v, 1);
	ivshmem_msix_read(&ep, 0x18, 4, &v);
	assert_int_equal(v, 0);
}

static void msix_spi_check(void **state)
{
	(void)state;
	assert_null(ivshmem_msix_spi_why(144, 288, 1));
	assert_null(ivshmem_msix_spi_why(32, 288, 1));
	assert_non_null(strstr(ivshmem_msix_spi_why(31, 288, 1), "below 32"));
	assert_non_null(strstr(ivshmem_msix_spi_why(0, 288, 1), "below 32"));
	assert_non_null(strstr(ivshmem_msix_spi_why(288, 288, 1), "beyond"));
	assert_non_null(strstr(ivshmem_msix_spi_why(1020, 1024, 1), "beyond"));
	assert_non_null(strstr(ivshmem_msix_spi_why(~0U, 1024, 1), "beyond"));
	assert_non_null(strstr(ivshmem_msix_spi_why(33, 288, 0), "not the"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ecam_decode),
		cmocka_unit_test(config_header),
		cmocka_unit_test(config_writes),
		cmocka_unit_test(bar_placement),
		cmocka_unit_test(registers),
		cmocka_unit_test(init_refuses_broken),
		cmocka_unit_test(links),
		cmocka_unit_test(msix_config_space),
		cmocka_unit_test(msix_table),
		cmocka_unit_test(msix_spi_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
