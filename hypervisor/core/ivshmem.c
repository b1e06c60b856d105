// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem v2 endpoints: set up from a cell's config, the register block's
 * decisions, interrupt arming and the links between peers. Nothing here
 * touches memory or the GIC: the arch side (arch/arm64/vpci.c) carries
 * out what the results ask for.
 */
#include <warden/ivshmem.h>

int ivshmem_ep_init(struct ivshmem_ep *ep, const struct warden_config *cfg,
		    unsigned int d)
{
	const struct jailhouse_pci_device *dev;
	const struct jailhouse_memory *m;
	__u64 first;

	if (d >= cfg->cell->num_pci_devices)
		return -1;
	dev = &cfg->pci_devices[d];
	first = dev->shmem_regions_start;
	if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM || dev->shmem_peers < 1 ||
	    dev->shmem_peers > IVSHMEM_MAX_PEERS ||
	    dev->shmem_dev_id >= dev->shmem_peers ||
	    first + 2 + dev->shmem_peers > cfg->cell->num_memory_regions)
		return -1;
	m = &cfg->mem_regions[first];
	*ep = (struct ivshmem_ep){
		.dev = dev,
		.bdf = dev->bdf,
		.id = dev->shmem_dev_id,
		.peers = dev->shmem_peers,
		.vpci_irq_base = cfg->cell->vpci_irq_base,
		.shmem_addr = m->virt_start,
		/* 32 bits, as the register: the rule engine refuses more */
		.state_size = (__u32)m->size,
		.rw_size = cfg->mem_regions[first + 1].size,
		.out_size = cfg->mem_regions[first + 2].size,
		.state_pa = m->phys_start,
		/* the rule engine refuses more than IVSHMEM_MSIX_MAX */
		.msix_vectors = dev->num_msix_vectors > IVSHMEM_MSIX_MAX ?
					IVSHMEM_MSIX_MAX :
					dev->num_msix_vectors,
	};
	ivshmem_ep_reset(ep);
	return 0;
}

void ivshmem_ep_reset(struct ivshmem_ep *ep)
{
	unsigned int i;

	ep->bar0 = 0;
	ep->command = 0;
	ep->irq_line = 0;
	ep->priv_ctl = 0;
	ep->int_ctrl = 0;
	ep->state = 0;
	ep->bar1 = 0;
	ep->msix_ctrl = 0;
	ep->pba = 0;
	ep->msix_warned = 0;
	/* MSI-X: every vector masked after reset (PCI) */
	for (i = 0; i < IVSHMEM_MSIX_MAX; i++)
		ep->msix[i] = (struct ivshmem_msix_entry){
			.ctrl = IVSHMEM_MSIX_ENTRY_MASKED
		};
}

__u64 ivshmem_bar0_size(const struct ivshmem_ep *ep)
{
	__u32 mask = ep->dev->bar_mask[0] & ~0xfU;

	/* the rule engine accepts 4 KiB and 64 KiB only */
	return mask ? (__u64)(~mask) + 1 : 0x1000;
}

int ivshmem_bar0_hit(const struct ivshmem_ep *ep, __u64 ipa, __u32 *off)
{
	if (!(ep->command & PCI_CMD_MEM) || ipa < ep->bar0 ||
	    ipa - ep->bar0 >= ivshmem_bar0_size(ep))
		return 0;
	*off = (__u32)(ipa - ep->bar0);
	return 1;
}

__u32 ivshmem_intx_intid(const struct ivshmem_ep *ep)
{
	return 32 + ep->vpci_irq_base + ((ep->bdf >> 3) & 3);
}

static struct ivshmem_result refused(const char *why)
{
	return (struct ivshmem_result){ .action = IVSHMEM_REFUSED, .why = why };
}

struct ivshmem_result ivshmem_reg_read(struct ivshmem_ep *ep, __u32 off,
				       unsigned int size, __u32 *value)
{
	*value = 0;
	if (size != 4 || off & 3) {
		ep->refused++;
		return refused("registers take aligned 32-bit accesses only");
	}
	switch (off) {
	case IVSHMEM_REG_ID:
		*value = ep->id;
		break;
	case IVSHMEM_REG_MAX_PEERS:
		*value = ep->peers;
		break;
	case IVSHMEM_REG_INT_CTRL:
		*value = ep->int_ctrl;
		break;
	case IVSHMEM_REG_STATE:
		*value = ep->state;
		break;
	default: /* the doorbell and unbacked offsets read 0 */
		break;
	}
	return (struct ivshmem_result){ .action = IVSHMEM_DONE };
}

struct ivshmem_result ivshmem_reg_write(struct ivshmem_ep *ep, __u32 off,
					unsigned int size, __u32 value)
{
	struct ivshmem_result r = { .action = IVSHMEM_DONE };

	if (size != 4 || off & 3) {
		ep->refused++;
		return refused("registers take aligned 32-bit accesses only");
	}
	switch (off) {
	case IVSHMEM_REG_INT_CTRL:
		ep->int_ctrl = value & IVSHMEM_INT_ENABLE;
		return r;
	case IVSHMEM_REG_DOORBELL:
		r.vector = value & 0xffff;
		r.target = value >> 16;
		if (r.target >= ep->peers) {
			ep->refused++;
			r.action = IVSHMEM_REFUSED;
			r.why = "doorbell to a peer id beyond max peers";
			return r;
		}
		/* the vector is the target's: the caller checks it */
		r.action = IVSHMEM_DOORBELL;
		return r;
	case IVSHMEM_REG_STATE:
		if (value == ep->state)
			return r;
		ep->state = value;
		r.action = IVSHMEM_STATE;
		r.state = value;
		return r;
	case IVSHMEM_REG_ID:
	case IVSHMEM_REG_MAX_PEERS:
		ep->refused++;
		return refused("write to a read-only register");
	default:
		ep->refused++;
		return refused("write to an offset without a register");
	}
}

unsigned int ivshmem_vectors(const struct ivshmem_ep *ep)
{
	return ep->msix_vectors ? ep->msix_vectors : 1;
}

int ivshmem_take_interrupt(struct ivshmem_ep *ep)
{
	if (!(ep->int_ctrl & IVSHMEM_INT_ENABLE) ||
	    ep->command & PCI_CMD_INTX_OFF)
		return 0;
	if (ep->priv_ctl & 1)
		ep->int_ctrl &= ~IVSHMEM_INT_ENABLE;
	return 1;
}

static int link_empty(const struct ivshmem_link *l)
{
	unsigned int i;

	for (i = 0; i < IVSHMEM_MAX_PEERS; i++)
		if (l->eps[i])
			return 0;
	return 1;
}

struct ivshmem_link *ivshmem_link_join(struct ivshmem_link *links,
				       unsigned int n, struct ivshmem_ep *ep,
				       int *busy)
{
	struct ivshmem_link *free = NULL, *l = NULL;
	unsigned int i;

	*busy = 0;
	for (i = 0; i < n && !l; i++) {
		if (link_empty(&links[i])) {
			if (!free)
				free = &links[i];
		} else if (links[i].bdf == ep->bdf &&
			   links[i].state_pa == ep->state_pa) {
			l = &links[i];
		}
	}
	if (!l) {
		if (!free)
			return NULL;
		l = free;
		l->bdf = ep->bdf;
		l->state_pa = ep->state_pa;
	}
	if (l->eps[ep->id]) {
		*busy = 1;
		return NULL;
	}
	l->eps[ep->id] = ep;
	return l;
}

void ivshmem_link_leave(struct ivshmem_link *link, struct ivshmem_ep *ep)
{
	if (ep->id < IVSHMEM_MAX_PEERS && link->eps[ep->id] == ep)
		link->eps[ep->id] = NULL;
}
