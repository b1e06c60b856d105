// SPDX-License-Identifier: GPL-2.0
/* PCI config access through the virtual host bridge's ECAM window. */
#include <comm.h>
#include <mmio.h>
#include <pci.h>

uintptr_t pci_ecam_base(void)
{
	return comm_region ? (uintptr_t)comm_region->pci_mmconfig_base : 0;
}

static uintptr_t cfg_addr(uint16_t bdf, unsigned int reg)
{
	return pci_ecam_base() + ((uintptr_t)bdf << 12) + (reg & 0xfff);
}

uint32_t pci_read_config(uint16_t bdf, unsigned int reg, unsigned int size)
{
	uintptr_t a = cfg_addr(bdf, reg);

	if (!pci_ecam_base())
		return size == 4 ? 0xffffffff : (1U << size * 8) - 1;
	switch (size) {
	case 1:
		return mmio_read8(a);
	case 2:
		return *(volatile uint16_t *)a;
	default:
		return mmio_read32(a);
	}
}

void pci_write_config(uint16_t bdf, unsigned int reg, uint32_t value,
		      unsigned int size)
{
	uintptr_t a = cfg_addr(bdf, reg);

	if (!pci_ecam_base())
		return;
	switch (size) {
	case 1:
		mmio_write8(a, (uint8_t)value);
		break;
	case 2:
		*(volatile uint16_t *)a = (uint16_t)value;
		break;
	default:
		mmio_write32(a, value);
		break;
	}
}

int pci_find_device(uint16_t vendor, uint16_t device, uint16_t start)
{
	unsigned int bdf;

	for (bdf = start; bdf < 0x100; bdf++)
		if (pci_read_config(bdf, PCI_CFG_VENDOR_ID, 4) ==
		    ((uint32_t)device << 16 | vendor))
			return (int)bdf;
	return -1;
}

int pci_find_cap(uint16_t bdf, uint8_t id)
{
	unsigned int pos = pci_read_config(bdf, PCI_CFG_CAP_PTR, 1), n;

	/* at most 48 capabilities fit: a looping list ends too */
	for (n = 0; pos >= 0x40 && n < 48; n++) {
		if (pci_read_config(bdf, pos, 1) == id)
			return (int)pos;
		pos = pci_read_config(bdf, pos + 1, 1);
	}
	return -1;
}

/* A 32-bit memory BAR's address: the BAR named by BIR bits 2:0. */
static uintptr_t bar_of(uint16_t bdf, uint32_t bir_off)
{
	uint32_t bar = pci_read_config(bdf, PCI_CFG_BAR + 4 * (bir_off & 7), 4);

	return (uintptr_t)(bar & ~0xfU) + (bir_off & ~7U);
}

int pci_msix_init(struct pci_msix *m, uint16_t bdf)
{
	int cap = pci_find_cap(bdf, PCI_CAP_MSIX);

	if (cap < 0)
		return -1;
	m->bdf = bdf;
	m->cap = cap;
	m->vectors = (pci_read_config(bdf, cap + 2, 2) & 0x7ff) + 1;
	m->table = bar_of(bdf, pci_read_config(bdf, cap + 4, 4));
	m->pba = bar_of(bdf, pci_read_config(bdf, cap + 8, 4));
	return 0;
}

/* Table entries: address low, high, data, vector control; 32-bit each. */
void pci_msix_set_vector(const struct pci_msix *m, unsigned int n,
			 uint64_t addr, uint32_t data)
{
	uintptr_t e = m->table + 16 * n;

	mmio_write32(e, (uint32_t)addr);
	mmio_write32(e + 4, (uint32_t)(addr >> 32));
	mmio_write32(e + 8, data);
}

void pci_msix_mask_vector(const struct pci_msix *m, unsigned int n, int masked)
{
	mmio_write32(m->table + 16 * n + 12,
		     masked ? PCI_MSIX_ENTRY_MASKED : 0);
}

void pci_msix_enable(const struct pci_msix *m, int on)
{
	pci_write_config(m->bdf, m->cap + 2, on ? PCI_MSIX_ENABLE : 0, 2);
}

uint32_t pci_msix_pending(const struct pci_msix *m)
{
	return mmio_read32(m->pba);
}
