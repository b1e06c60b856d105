// SPDX-License-Identifier: GPL-2.0
/*
 * MSI-X of an ivshmem v2 endpoint, as Jailhouse offers it on ARM: a
 * device whose config has num_msix_vectors (1-16) gets the MSI-X
 * capability at 0x60 (core/vpci.c) and BAR1 with the vector table at 0
 * and the pending bits (PBA) at 0x800. There is no ITS: a vector's data
 * is the SPI INTID it raises, which must be an SPI of the endpoint's
 * cell; the arch side checks that on every send. Pure: nothing here
 * touches the GIC.
 */
#include <warden/ivshmem.h>

#define ENTRY_SIZE 16

__u64 ivshmem_bar1_size(const struct ivshmem_ep *ep)
{
	__u32 mask = ep->dev->bar_mask[1] & ~0xfU;

	if (!ep->msix_vectors)
		return 0;
	/* the rule engine accepts 4 KiB and 64 KiB only */
	return mask ? (__u64)(~mask) + 1 : 0x1000;
}

int ivshmem_bar1_hit(const struct ivshmem_ep *ep, __u64 ipa, __u32 *off)
{
	if (!ep->msix_vectors || !(ep->command & PCI_CMD_MEM) ||
	    ipa < ep->bar1 || ipa - ep->bar1 >= ivshmem_bar1_size(ep))
		return 0;
	*off = (__u32)(ipa - ep->bar1);
	return 1;
}

static struct ivshmem_result msix_refused(struct ivshmem_ep *ep,
					  const char *why)
{
	ep->refused++;
	return (struct ivshmem_result){ .action = IVSHMEM_REFUSED, .why = why };
}

struct ivshmem_result ivshmem_msix_read(struct ivshmem_ep *ep, __u32 off,
					unsigned int size, __u32 *value)
{
	*value = 0;
	if (size != 4 || off & 3)
		return msix_refused(ep, "the MSI-X table and PBA take aligned "
					"32-bit accesses only");
	if (off < ep->msix_vectors * ENTRY_SIZE) {
		const struct ivshmem_msix_entry *e =
			&ep->msix[off / ENTRY_SIZE];

		switch (off % ENTRY_SIZE) {
		case 0x0:
			*value = e->addr_lo;
			break;
		case 0x4:
			*value = e->addr_hi;
			break;
		case 0x8:
			*value = e->data;
			break;
		default:
			*value = e->ctrl;
			break;
		}
	} else if (off == IVSHMEM_MSIX_PBA) {
		*value = ep->pba;
	}
	/* the PBA's upper half and unbacked offsets read 0 */
	return (struct ivshmem_result){ .action = IVSHMEM_DONE };
}

struct ivshmem_result ivshmem_msix_write(struct ivshmem_ep *ep, __u32 off,
					 unsigned int size, __u32 value)
{
	struct ivshmem_msix_entry *e;

	if (size != 4 || off & 3)
		return msix_refused(ep, "the MSI-X table and PBA take aligned "
					"32-bit accesses only");
	if (off >= IVSHMEM_MSIX_PBA && off < IVSHMEM_MSIX_PBA + 8)
		return msix_refused(ep, "the MSI-X PBA is read-only");
	if (off >= ep->msix_vectors * ENTRY_SIZE)
		return msix_refused(ep, "no MSI-X table entry there");
	e = &ep->msix[off / ENTRY_SIZE];
	switch (off % ENTRY_SIZE) {
	case 0x0:
		e->addr_lo = value & ~3U; /* dword aligned (PCI) */
		break;
	case 0x4:
		e->addr_hi = value;
		break;
	case 0x8:
		e->data = value;
		/* new data: a bad one is reported afresh */
		ep->msix_warned &= ~(1U << off / ENTRY_SIZE);
		break;
	default:
		e->ctrl = value & IVSHMEM_MSIX_ENTRY_MASKED;
		break;
	}
	return (struct ivshmem_result){ .action = IVSHMEM_DONE };
}

static int vector_masked(const struct ivshmem_ep *ep, unsigned int vector)
{
	return ep->msix_ctrl & IVSHMEM_MSIX_MASKALL ||
	       ep->msix[vector].ctrl & IVSHMEM_MSIX_ENTRY_MASKED;
}

enum ivshmem_msix_signal ivshmem_msix_signal(struct ivshmem_ep *ep,
					     unsigned int vector, __u32 *data)
{
	if (vector >= ep->msix_vectors || vector >= IVSHMEM_MSIX_MAX ||
	    !(ep->int_ctrl & IVSHMEM_INT_ENABLE) ||
	    !(ep->msix_ctrl & IVSHMEM_MSIX_ENABLE))
		return IVSHMEM_MSIX_NONE;
	if (ep->priv_ctl & 1)
		ep->int_ctrl &= ~IVSHMEM_INT_ENABLE;
	if (vector_masked(ep, vector)) {
		ep->pba |= 1U << vector;
		return IVSHMEM_MSIX_PENDING;
	}
	*data = ep->msix[vector].data;
	return IVSHMEM_MSIX_SEND;
}

int ivshmem_msix_next_pending(struct ivshmem_ep *ep, __u32 *data)
{
	unsigned int v;

	if (!(ep->msix_ctrl & IVSHMEM_MSIX_ENABLE))
		return -1;
	for (v = 0; v < ep->msix_vectors && v < IVSHMEM_MSIX_MAX; v++) {
		if (!(ep->pba & 1U << v) || vector_masked(ep, v))
			continue;
		ep->pba &= ~(1U << v);
		*data = ep->msix[v].data;
		return (int)v;
	}
	return -1;
}

const char *ivshmem_msix_spi_why(__u32 data, __u32 lines, int owned)
{
	if (data < 32)
		return "data below 32 is no SPI (SGIs and PPIs are per CPU)";
	if (data >= lines || data > 1019)
		return "no such SPI: beyond the GIC's interrupt lines";
	if (!owned)
		return "the SPI is not the cell's";
	return (const char *)0;
}
