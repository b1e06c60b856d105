/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual PCI host bridge and its ivshmem v2 devices on arm64
 * (vpci.c): the ECAM window and the devices' register pages are trapped
 * (never mapped in stage 2) for the root and every cell; the models are
 * core/vpci.c and core/ivshmem.c. docs/ivshmem.md.
 */
#ifndef WARDEN_ARCH_VPCI_H
#define WARDEN_ARCH_VPCI_H

#include <arch/hv.h>
#include <arch/mmio.h>

struct cell;

/* At enable, once the system config is checked: the root's devices. */
int vpci_init(void);
/* A trapped access of cpu: 1 if it hit the ECAM window or a BAR. */
int vpci_mmio(struct mmio_access *a, unsigned int cpu);
/* Whether ipa is in the ECAM window (for abort and ISV=0 handling). */
int vpci_is_ecam(uint64_t ipa);
/* Whether ipa is in the window or a decoding BAR0 of cpu's cell. */
int vpci_is_emulated(unsigned int cpu, uint64_t ipa);
/* A created cell's devices join their links (cell_lock held). */
void vpci_cell_add(struct cell *c);
/* The cell stops (shutdown, load) or starts: devices reset, states 0. */
void vpci_cell_reset(struct cell *c);
/* The cell goes: state entries 0, the peers interrupted, links left. */
void vpci_cell_remove(struct cell *c);
/* A CPU of a cell failed: its state entries 0, the peers interrupted. */
void vpci_cpu_failed(unsigned int cpu);

/* The ivshmem model's state (vpci.c) */
extern spinlock_t vpci_lock;

#endif
