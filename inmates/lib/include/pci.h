/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI config space of the cell's virtual host bridge, through the ECAM
 * window the comm region names (pci_mmconfig_base; bus 0). Without a
 * window every read returns all ones and writes go nowhere.
 */
#ifndef INMATE_PCI_H
#define INMATE_PCI_H

#include <stdint.h>

#define PCI_CFG_VENDOR_ID 0x00
#define PCI_CFG_COMMAND 0x04
#define PCI_CFG_BAR 0x10
#define PCI_CFG_CAP_PTR 0x34
#define PCI_CFG_INT_PIN 0x3d
#define PCI_CMD_MEM 0x0002
#define PCI_CMD_MASTER 0x0004
#define PCI_CAP_VENDOR 0x09
#define PCI_CAP_MSIX 0x11
#define PCI_MSIX_ENABLE 0x8000
#define PCI_MSIX_MASKALL 0x4000
#define PCI_MSIX_ENTRY_MASKED 0x1

#define PCI_BDF(bus, dev, fn) ((bus) << 8 | (dev) << 3 | (fn))

/* The ECAM window's base, 0 if there is none. */
uintptr_t pci_ecam_base(void);
/* size 1, 2 or 4 bytes at reg (naturally aligned) of function bdf */
uint32_t pci_read_config(uint16_t bdf, unsigned int reg, unsigned int size);
void pci_write_config(uint16_t bdf, unsigned int reg, uint32_t value,
		      unsigned int size);
/* The first function on bus 0 from bdf start on with these IDs, or -1. */
int pci_find_device(uint16_t vendor, uint16_t device, uint16_t start);
/* The offset of capability id in bdf's list, or -1. */
int pci_find_cap(uint16_t bdf, uint8_t id);

/*
 * MSI-X of a function whose BARs are programmed and decoding: where its
 * vector table and pending bits (PBA) are. On arm64 without an ITS
 * (Warden, Jailhouse) a vector's data is the INTID of the SPI it raises;
 * its address is not used (write 0).
 */
struct pci_msix {
	uint16_t bdf;
	int cap; /* offset of the MSI-X capability */
	unsigned int vectors; /* table size */
	uintptr_t table, pba;
};

/* Finds bdf's MSI-X capability and its table: 0, or -1 without one. */
int pci_msix_init(struct pci_msix *m, uint16_t bdf);
/* Vector n sends data to addr (its mask bit unchanged). */
void pci_msix_set_vector(const struct pci_msix *m, unsigned int n,
			 uint64_t addr, uint32_t data);
/* Vector n masked (a signal sets its pending bit) or not. */
void pci_msix_mask_vector(const struct pci_msix *m, unsigned int n, int masked);
/* MSI-X on or off for the function (function mask cleared). */
void pci_msix_enable(const struct pci_msix *m, int on);
/* The pending bits of vectors 0-31. */
uint32_t pci_msix_pending(const struct pci_msix *m);

#endif
