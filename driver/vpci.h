/* SPDX-License-Identifier: GPL-2.0 */
/* The virtual PCI host bridge and the ivshmem drivers behind it. */
#ifndef WARDEN_DRIVER_VPCI_H
#define WARDEN_DRIVER_VPCI_H

#include <linux/types.h>

struct jailhouse_system;

/* After enable: nothing happens without a virtual pci_mmconfig_base. */
int warden_vpci_add(const struct jailhouse_system *sys, u64 config_size);
/* Before disable; a no-op without a bridge. */
void warden_vpci_remove(void);

int warden_ivshmem_init(void);
void warden_ivshmem_exit(void);
/* ivshmem-net: the PCI driver for ivshmem v2 devices of protocol VETH */
int warden_ivnet_init(void);
void warden_ivnet_exit(void);
/*
 * Before disable: refuses new opens of the ivshmem UIO devices and returns
 * how many are open (then nothing is refused); unquiesce allows them again.
 */
int warden_ivshmem_quiesce(void);
void warden_ivshmem_unquiesce(void);

#endif
