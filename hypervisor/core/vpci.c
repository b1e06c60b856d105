// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual host bridge's ECAM window and the config space of an
 * ivshmem v2 endpoint, laid out as Jailhouse's (and the ivshmem v2
 * specification) has it:
 *
 *   0x00 vendor 0x110a, device 0x4106    0x2c subsystem: the same
 *   0x04 command (MEM, MASTER, INTx      0x34 capability pointer 0x40
 *        disable), status: capabilities  0x3c interrupt line (scratch),
 *   0x08 class 0xff, sub-class and            pin ((bdf >> 3) & 3) + 1
 *        interface = protocol, rev. 0    0x40 vendor capability (0x20):
 *   0x10 BAR0: the register page              +3 one-shot, +4 state table
 *   0x14 BAR1: MSI-X table and PBA            size, +8 R/W size, +0x10
 *        (MSI-X mode only)                    output size, +0x18 address
 *                                        0x60 MSI-X capability (MSI-X
 *                                             mode: num_msix_vectors > 0;
 *                                             then interrupt pin 0)
 *
 * Writes the specification lets an OS make but the device does not
 * implement (status, cache line, latency, BIST, BARs 1-5, ROM) are
 * ignored quietly; all other writes are refused for the caller to report.
 */
#include <warden/rules.h>
#include <warden/vpci-window.h>
#include <warden/vpci.h>

#define PCI_STATUS_CAP_LIST 0x0010
#define PCI_CAP_ID_VENDOR 0x09
#define PCI_CAP_ID_MSIX 0x11
#define PCI_CLASS_OTHER 0xff

__u64 vpci_ecam_size(__u8 end_bus)
{
	return ((__u64)end_bus + 1) << 20;
}

enum vpci_decode vpci_ecam_decode(__u64 base, __u8 end_bus, __u64 addr,
				  unsigned int size, struct vpci_addr *out)
{
	__u64 off;

	if (!base || addr < base || addr - base >= vpci_ecam_size(end_bus))
		return VPCI_OUTSIDE;
	off = addr - base;
	out->bdf = (__u16)(off >> 12);
	out->reg = (__u16)(off & 0xfff);
	if ((size != 1 && size != 2 && size != 4) || off & (size - 1))
		return VPCI_BAD_ACCESS;
	return VPCI_OK;
}

static __u32 cfg_dword(const struct ivshmem_ep *ep, unsigned int reg)
{
	const __u32 ids = (__u32)IVSHMEM_DEVICE << 16 | IVSHMEM_VENDOR;

	switch (reg) {
	case 0x00:
	case 0x2c:
		return ids;
	case 0x04:
		return (__u32)PCI_STATUS_CAP_LIST << 16 | ep->command;
	case 0x08:
		return (__u32)PCI_CLASS_OTHER << 24 |
		       (__u32)ep->dev->shmem_protocol << 8;
	case 0x10:
		return ep->bar0; /* memory, 32-bit, not prefetchable */
	case 0x14:
		return ep->msix_vectors ? ep->bar1 : 0;
	case 0x34:
		return VPCI_CAP_VENDOR;
	case 0x3c:
		/* MSI-X mode: no INTx pin */
		if (ep->msix_vectors)
			return ep->irq_line;
		return (((ep->bdf >> 3) & 3) + 1U) << 8 | ep->irq_line;
	case VPCI_CAP_VENDOR:
		return (__u32)ep->priv_ctl << 24 | VPCI_CAP_VENDOR_LEN << 16 |
		       (ep->msix_vectors ? VPCI_CAP_MSIX << 8 : 0) |
		       PCI_CAP_ID_VENDOR;
	case VPCI_CAP_VENDOR + 0x04:
		return ep->state_size;
	case VPCI_CAP_VENDOR + 0x08:
		return (__u32)ep->rw_size;
	case VPCI_CAP_VENDOR + 0x0c:
		return (__u32)(ep->rw_size >> 32);
	case VPCI_CAP_VENDOR + 0x10:
		return (__u32)ep->out_size;
	case VPCI_CAP_VENDOR + 0x14:
		return (__u32)(ep->out_size >> 32);
	case VPCI_CAP_VENDOR + 0x18:
		return (__u32)ep->shmem_addr;
	case VPCI_CAP_VENDOR + 0x1c:
		return (__u32)(ep->shmem_addr >> 32);
	case VPCI_CAP_MSIX: /* control: enable, mask all, table size - 1 */
		if (!ep->msix_vectors)
			return 0;
		return (__u32)(ep->msix_ctrl | (ep->msix_vectors - 1U)) << 16 |
		       PCI_CAP_ID_MSIX;
	case VPCI_CAP_MSIX + 0x4: /* table: BAR1 (BIR 1), offset 0 */
		return ep->msix_vectors ? 1 : 0;
	case VPCI_CAP_MSIX + 0x8: /* PBA: BAR1, offset 0x800 */
		return ep->msix_vectors ? IVSHMEM_MSIX_PBA | 1 : 0;
	default: /* not implemented: 0, as the specification says */
		return 0;
	}
}

__u32 vpci_cfg_read(const struct ivshmem_ep *ep, unsigned int reg,
		    unsigned int size)
{
	__u32 v = cfg_dword(ep, reg & ~3U) >> (reg & 3) * 8;

	return size >= 4 ? v : v & ((1U << size * 8) - 1);
}

/*
 * Bytes of the header an OS may write although the device implements
 * nothing there: writes to them are ignored without a report.
 */
static int quietly_ignored(unsigned int reg)
{
	return (reg >= 0x04 && reg < 0x08) || /* command, status */
	       (reg >= 0x0c && reg < 0x10) || /* cache line ... BIST */
	       (reg >= 0x14 && reg < 0x28) || /* BARs 1-5 (sizing) */
	       (reg >= 0x30 && reg < 0x34) || /* expansion ROM (sizing) */
	       reg == 0x3c; /* interrupt line */
}

int vpci_bar_check(const struct vpci_bar_env *env, __u64 addr, __u64 size,
		   struct vpci_range *conflict)
{
	const struct warden_config *c = env->cfg;
	unsigned int i;

	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &c->mem_regions[i];

		if (warden_range_overlaps(addr, size, m->virt_start, m->size)) {
			conflict->start = m->virt_start;
			conflict->size = m->size;
			conflict->what = "a memory region of the cell";
			return -1;
		}
	}
	for (i = 0; i < env->num_extra; i++) {
		if (warden_range_overlaps(addr, size, env->extra[i].start,
					  env->extra[i].size)) {
			*conflict = env->extra[i];
			return -1;
		}
	}
	return 0;
}

static enum vpci_write write_command(struct ivshmem_ep *ep, __u16 cmd,
				     const struct vpci_bar_env *env,
				     struct vpci_range *conflict)
{
	cmd &= PCI_CMD_MEM | PCI_CMD_MASTER | PCI_CMD_INTX_OFF;
	if (cmd & PCI_CMD_MEM && !(ep->command & PCI_CMD_MEM) &&
	    (vpci_bar_check(env, ep->bar0, ivshmem_bar0_size(ep), conflict) ||
	     (ep->msix_vectors &&
	      vpci_bar_check(env, ep->bar1, ivshmem_bar1_size(ep), conflict)))) {
		ep->command = cmd & ~PCI_CMD_MEM;
		return VPCI_W_BAR_CONFLICT;
	}
	ep->command = cmd;
	return VPCI_W_OK;
}

/* BAR n (0: registers, 1: MSI-X) moved to bar, of size bytes */
static enum vpci_write write_bar(struct ivshmem_ep *ep, unsigned int n,
				 __u32 bar, __u64 size,
				 const struct vpci_bar_env *env,
				 struct vpci_range *conflict)
{
	bar &= ep->dev->bar_mask[n] & ~0xfU;
	/* decoding: the new place must be free too */
	if (ep->command & PCI_CMD_MEM &&
	    vpci_bar_check(env, bar, size, conflict))
		return VPCI_W_BAR_CONFLICT;
	*(n ? &ep->bar1 : &ep->bar0) = bar;
	return VPCI_W_OK;
}

/* Bytes of config space a write may reach (besides the quiet ones). */
static int writable(const struct ivshmem_ep *ep, unsigned int reg)
{
	if ((reg >= 0x10 && reg < 0x14) || reg == VPCI_CAP_VENDOR + 3)
		return 1;
	/* MSI-X mode: BAR1, the capability's control word */
	return ep->msix_vectors &&
	       ((reg >= 0x14 && reg < 0x18) || reg == VPCI_CAP_MSIX + 2 ||
		reg == VPCI_CAP_MSIX + 3);
}

enum vpci_write vpci_cfg_write(struct ivshmem_ep *ep, unsigned int reg,
			       unsigned int size, __u32 value,
			       const struct vpci_bar_env *env,
			       struct vpci_range *conflict)
{
	unsigned int dw = reg & ~3U, shift = (reg & 3) * 8, i;
	__u32 mask = size >= 4 ? ~0U : ((1U << size * 8) - 1) << shift;
	__u32 v = (cfg_dword(ep, dw) & ~mask) | ((value << shift) & mask);
	int bad = 0;

	for (i = 0; i < size; i++)
		if (!quietly_ignored(reg + i) && !writable(ep, reg + i))
			bad = 1;
	if (bad) {
		ep->refused++;
		return VPCI_W_REFUSED;
	}
	switch (dw) {
	case 0x04:
		if (mask & 0xffff)
			return write_command(ep, (__u16)v, env, conflict);
		return VPCI_W_OK;
	case 0x10:
		return write_bar(ep, 0, v, ivshmem_bar0_size(ep), env,
				 conflict);
	case 0x14:
		if (ep->msix_vectors)
			return write_bar(ep, 1, v, ivshmem_bar1_size(ep), env,
					 conflict);
		return VPCI_W_OK;
	case VPCI_CAP_MSIX:
		/* the caller sends what became unmasked */
		if (mask & 0xffff0000)
			ep->msix_ctrl =
				(__u16)(v >> 16) &
				(IVSHMEM_MSIX_ENABLE | IVSHMEM_MSIX_MASKALL);
		return VPCI_W_OK;
	case 0x3c:
		ep->irq_line = (__u8)v;
		return VPCI_W_OK;
	case VPCI_CAP_VENDOR:
		ep->priv_ctl = (v >> 24) & 1;
		return VPCI_W_OK;
	default:
		return VPCI_W_OK;
	}
}

unsigned int vpci_reserved(const struct jailhouse_system *s, __u64 gicr_size,
			   struct vpci_range *out)
{
	const struct jailhouse_memory *hv = &s->hypervisor_memory;
	/* a physical host bridge (pci_is_virtual 0) is not emulated */
	__u64 ecam = s->platform_info.pci_is_virtual == 1 ?
			     s->platform_info.pci_mmconfig_base :
			     0;
	int v2 = s->platform_info.arm.gic_version == 2;
	unsigned int n = 0;

	out[n++] = (struct vpci_range){
		ecam,
		ecam ? vpci_ecam_size(s->platform_info.pci_mmconfig_end_bus) :
		       0,
		"the virtual PCI host bridge's ECAM window"
	};
	out[n++] =
		(struct vpci_range){ s->platform_info.arm.gicd_base,
				     v2 ? RULES_GICD_V2_SIZE : RULES_GICD_SIZE,
				     "the GIC distributor" };
	out[n++] = (struct vpci_range){ hv->phys_start, hv->size,
					"hypervisor memory" };
	if (v2)
		out[n++] = (struct vpci_range){ s->platform_info.arm.gicc_base,
						RULES_GICC_SIZE,
						"the GIC CPU interface" };
	else
		out[n++] = (struct vpci_range){ s->platform_info.arm.gicr_base,
						gicr_size,
						"the GIC redistributors" };
	return n;
}

/* include/warden/vpci-window.h: shared with the root's module */
__u64 vpci_bar_window_size(const struct warden_config *cfg)
{
	return warden_vpci_window_size(cfg->pci_devices,
				       cfg->cell->num_pci_devices);
}
