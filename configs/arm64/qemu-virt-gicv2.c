// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * System configuration for QEMU's "virt" machine with a GICv2 (the
 * interrupt controller of the Raspberry Pi 4, a GIC-400, here with the
 * virtualization extensions QEMU 7.2 emulates):
 *
 *   qemu-system-aarch64 -machine virt,gic-version=2,virtualization=on
 *       -cpu cortex-a57 -smp 4 -m 1G ... -append "... mem=768M"
 *
 * (scripts/guest-run --machine virt-gicv2). Everything but the GIC is
 * qemu-virt.c's (its root SPIs 0-127 hold the GICv2m MSIs, 48-111 here),
 * so every qemu-virt-inmate-* cell config fits this one unchanged: they
 * name the GIC only by the distributor's address, which is the same.
 *
 * GICv2 frames, from QEMU's hw/arm/virt.c (none mapped into the root):
 *   0x08000000  GICD, 4 KiB: the hypervisor emulates it
 *   0x08010000  GICC, 8 KiB: the hypervisor maps GICV here for each cell
 *               (8 KiB: GICC_DIR at +0x1000, for Linux's split EOI)
 *   0x08020000  GICv2m MSI frame (SPIs 48-111 = INTIDs 80-143): devices
 *               write it by DMA (no SMMU here, so stage 2 does not stand
 *               in between); a CPU of the root has no business there
 *   0x08030000  GICH, the hypervisor's list registers
 *   0x08040000  GICV, 8 KiB, the virtual CPU interface
 * The maintenance interrupt is PPI 9 (INTID 25), as on GICv3.
 */
#define QEMU_VIRT_NAME "qemu-virt-gicv2"
#define QEMU_VIRT_GIC                                                       \
	.gic_version = 2, .gicd_base = 0x08000000, .gicc_base = 0x08010000, \
	.gich_base = 0x08030000, .gicv_base = 0x08040000,                   \
	.maintenance_irq = 25,
#include "qemu-virt.c"
