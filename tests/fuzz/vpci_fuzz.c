// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the virtual PCI host bridge (core/vpci.c) and the
 * ivshmem register block (core/ivshmem.c): an ECAM window anywhere, then
 * a sequence of config-space and register accesses by a hostile driver.
 * Beyond "no crash", it asserts:
 *   - a decoded access lies in the window, its bdf/reg recompose the
 *     address, and only aligned 1/2/4-byte accesses are accepted;
 *   - the identity (IDs, class, capability and its sizes and address)
 *     never changes, whatever is written;
 *   - BAR0 holds only bits of its mask, and while memory decoding is on
 *     it never covers a memory region of the cell or a reserved range;
 *   - command holds only MEM, MASTER and INTx disable; interrupt control
 *     bit 0 only; a doorbell is only ever asked for an existing peer id
 *     and vector 0.
 */
#include <string.h>

#include <warden/vpci.h>

#include "../unit/config_fixture.h"
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                       \
	do {                                                              \
		if (!(cond)) {                                            \
			fprintf(stderr, "invariant broken: %s\n", #cond); \
			abort();                                          \
		}                                                         \
	} while (0)

static void decode(struct fuzz_input *in)
{
	__u64 base = fuzz_u64(in), addr = fuzz_u64(in);
	__u8 end_bus = fuzz_u8(in);
	unsigned int sz = fuzz_u8(in) & 0xf;
	struct vpci_addr a;
	enum vpci_decode d;

	if (fuzz_u8(in) & 1) /* near the window, mostly */
		addr = base + (addr & 0x1ffffff);
	d = vpci_ecam_decode(base, end_bus, addr, sz, &a);
	if (d == VPCI_OUTSIDE)
		return;
	CHECK(base && addr >= base && addr - base < vpci_ecam_size(end_bus));
	CHECK(base + ((__u64)a.bdf << 12) + a.reg == addr);
	CHECK(a.reg < 0x1000);
	if (d == VPCI_OK)
		CHECK((sz == 1 || sz == 2 || sz == 4) && !(a.reg & (sz - 1)));
}

static const struct vpci_range reserved[] = {
	{ 0x08000000, 0x10000, "gicd" },
	{ 0x08e00000, 0x100000, "ecam" },
};

static __u32 identity[0x20];

static void snapshot(const struct ivshmem_ep *ep)
{
	unsigned int i;

	identity[0] = vpci_cfg_read(ep, 0x00, 4);
	identity[1] = vpci_cfg_read(ep, 0x08, 4);
	identity[2] = vpci_cfg_read(ep, 0x2c, 4);
	identity[3] = vpci_cfg_read(ep, 0x34, 4);
	identity[4] = vpci_cfg_read(ep, 0x3c, 4) & 0xffffff00;
	identity[5] = vpci_cfg_read(ep, 0x40, 4) & 0x00ffffff;
	for (i = 0; i < 6; i++)
		identity[6 + i] = vpci_cfg_read(ep, 0x44 + 4 * i, 4);
	/* MSI-X: all but enable and function mask */
	identity[12] = vpci_cfg_read(ep, 0x60, 4) & 0x3fffffff;
	identity[13] = vpci_cfg_read(ep, 0x64, 4);
	identity[14] = vpci_cfg_read(ep, 0x68, 4);
}

/* MSI-X state a driver cannot break, whatever it writes. */
static void msix_invariants(struct ivshmem_ep *ep,
			    const struct vpci_bar_env *env)
{
	struct vpci_range conflict;
	unsigned int i;

	CHECK(!(ep->bar1 & ~ep->dev->bar_mask[1]));
	CHECK(!(ep->msix_ctrl & ~(IVSHMEM_MSIX_ENABLE | IVSHMEM_MSIX_MASKALL)));
	/* pending bits only for vectors the device has */
	CHECK(!(ep->pba >> ep->msix_vectors));
	for (i = 0; i < IVSHMEM_MSIX_MAX; i++)
		CHECK(!(ep->msix[i].ctrl & ~IVSHMEM_MSIX_ENTRY_MASKED));
	if (ep->msix_vectors && ep->command & PCI_CMD_MEM)
		CHECK(!vpci_bar_check(env, ep->bar1, ivshmem_bar1_size(ep),
				      &conflict));
}

/* A signal sends only an unmasked vector's data, else it pends. */
static void msix_signal(struct ivshmem_ep *ep, unsigned int vector)
{
	__u32 data = 0;
	int v;

	switch (ivshmem_msix_signal(ep, vector, &data)) {
	case IVSHMEM_MSIX_SEND:
		CHECK(vector < ep->msix_vectors);
		CHECK(!(ep->msix_ctrl & IVSHMEM_MSIX_MASKALL));
		CHECK(!(ep->msix[vector].ctrl & IVSHMEM_MSIX_ENTRY_MASKED));
		CHECK(data == ep->msix[vector].data);
		break;
	case IVSHMEM_MSIX_PENDING:
		CHECK(ep->pba & 1U << vector);
		break;
	case IVSHMEM_MSIX_NONE:
		break;
	}
	while ((v = ivshmem_msix_next_pending(ep, &data)) >= 0) {
		CHECK((unsigned int)v < ep->msix_vectors);
		CHECK(!(ep->pba & 1U << v));
		CHECK(data == ep->msix[v].data);
	}
}

static void device(struct fuzz_input *in)
{
	static struct fx f;
	struct vpci_bar_env env = { &f.cfg, reserved, 2 };
	struct ivshmem_result r;
	struct vpci_range conflict;
	struct ivshmem_ep ep;
	unsigned int i, n;

	fx_qemu_inmate(&f, "fuzz", 0x8, 0x7fa00000);
	for (i = 0; i < 5; i++)
		fx_add_mem(&f, 0x7faf0000 + i * 0x2000, fuzz_u32(in) & ~0xfffU,
			   0x2000, FX_RW);
	f.pci[0] = (struct jailhouse_pci_device){
		.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
		.bdf = fuzz_u16(in),
		.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
		.shmem_regions_start = 3,
		.shmem_dev_id = fuzz_u8(in) % 3,
		.shmem_peers = 3,
		.shmem_protocol = fuzz_u16(in),
	};
	i = fuzz_u8(in);
	if (i & 1)
		f.pci[0].bar_mask[0] = 0xffff0000;
	/* MSI-X mode: 1-16 vectors, BAR1 of 4 or 64 KiB */
	if (i & 2) {
		f.pci[0].num_msix_vectors = 1 + (i >> 4);
		f.pci[0].bar_mask[1] = i & 4 ? 0xffff0000 : 0xfffff000;
	}
	f.n_pci = 1;
	CHECK(fx_build(&f) == WARDEN_CONFIG_OK);
	CHECK(ivshmem_ep_init(&ep, &f.cfg, 0) == 0);
	snapshot(&ep);
	n = fuzz_u8(in);
	for (i = 0; i < n && in->n; i++) {
		unsigned int kind = fuzz_u8(in) & 3, sb = fuzz_u8(in),
			     sz = 1U << (sb & 3);
		/* BAR1 (the MSI-X table) instead of BAR0 */
		int tbl = ep.msix_vectors && sb & 4;
		unsigned int reg = fuzz_u16(in) & 0xfff;
		__u32 v = fuzz_u32(in), got;

		if (kind == 0 && (sz == 1 || sz == 2 || sz == 4) &&
		    !(reg & (sz - 1))) {
			vpci_cfg_write(&ep, reg, sz, v, &env, &conflict);
		} else if (kind == 1) {
			got = vpci_cfg_read(&ep, reg & ~3U, sz > 4 ? 4 : sz);
			(void)got;
		} else if (kind == 2 && tbl) {
			r = ivshmem_msix_write(&ep, reg, sz, v);
			CHECK(r.action == IVSHMEM_DONE ||
			      r.action == IVSHMEM_REFUSED);
		} else if (kind == 2) {
			r = ivshmem_reg_write(&ep, reg, sz, v);
			/* the vector is the target's to check */
			if (r.action == IVSHMEM_DOORBELL)
				CHECK(r.target < ep.peers &&
				      r.vector <= 0xffff);
			if (r.action == IVSHMEM_STATE)
				CHECK(r.state == ep.state);
		} else if (tbl) {
			ivshmem_msix_read(&ep, reg, sz, &got);
			msix_signal(&ep, v & 0x1f);
		} else {
			ivshmem_reg_read(&ep, reg, sz, &got);
			ivshmem_take_interrupt(&ep);
		}
		msix_invariants(&ep, &env);
		CHECK(!(ep.bar0 & ~f.pci[0].bar_mask[0]));
		CHECK(!(ep.command &
			~(PCI_CMD_MEM | PCI_CMD_MASTER | PCI_CMD_INTX_OFF)));
		CHECK(!(ep.int_ctrl & ~IVSHMEM_INT_ENABLE));
		CHECK(!(ep.priv_ctl & ~1));
		if (ep.command & PCI_CMD_MEM)
			CHECK(!vpci_bar_check(&env, ep.bar0,
					      ivshmem_bar0_size(&ep),
					      &conflict));
	}
	CHECK(identity[0] == vpci_cfg_read(&ep, 0x00, 4));
	CHECK(identity[1] == vpci_cfg_read(&ep, 0x08, 4));
	CHECK(identity[2] == vpci_cfg_read(&ep, 0x2c, 4));
	CHECK(identity[3] == vpci_cfg_read(&ep, 0x34, 4));
	CHECK(identity[4] == (vpci_cfg_read(&ep, 0x3c, 4) & 0xffffff00));
	CHECK(identity[5] == (vpci_cfg_read(&ep, 0x40, 4) & 0x00ffffff));
	for (i = 0; i < 6; i++)
		CHECK(identity[6 + i] == vpci_cfg_read(&ep, 0x44 + 4 * i, 4));
	CHECK(identity[12] == (vpci_cfg_read(&ep, 0x60, 4) & 0x3fffffff));
	CHECK(identity[13] == vpci_cfg_read(&ep, 0x64, 4));
	CHECK(identity[14] == vpci_cfg_read(&ep, 0x68, 4));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };

	decode(&in);
	device(&in);
	return 0;
}
