/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The size of a cell's BAR window on the virtual PCI host bridge, one
 * definition for the hypervisor's core (vpci_bar_window_size(), which
 * "warden cell linux" uses for a Linux cell's device tree) and the root's
 * module (driver/vpci.c, the window behind the ECAM window): two pages
 * per ivshmem device, as Jailhouse's device trees have it, or more when
 * the BARs ask for it (every BAR counted at the largest BAR's size, so
 * that any placement order fits); 0 without ivshmem devices.
 */
#ifndef WARDEN_VPCI_WINDOW_H
#define WARDEN_VPCI_WINDOW_H

#include <jailhouse/cell-config.h>

#define WARDEN_VPCI_WINDOW_PER_DEVICE 0x2000ULL

static inline __u64
warden_vpci_window_size(const struct jailhouse_pci_device *devs, unsigned int n)
{
	unsigned int i, b, bars = 0, ivshmem = 0;
	__u64 max = 0, size, per_dev;

	for (i = 0; i < n; i++) {
		if (devs[i].type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		ivshmem++;
		for (b = 0; b < 6; b++) {
			__u32 mask = devs[i].bar_mask[b] & ~0xfU;

			if (!mask)
				continue;
			bars++;
			size = (__u64)(__u32)~mask + 1;
			if (size > max)
				max = size;
		}
	}
	per_dev = (__u64)ivshmem * WARDEN_VPCI_WINDOW_PER_DEVICE;
	return per_dev > bars * max ? per_dev : bars * max;
}

#endif
