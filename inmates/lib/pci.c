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
