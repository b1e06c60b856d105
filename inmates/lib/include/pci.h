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

#endif
