/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The cell-descriptor flags Warden adds to Jailhouse's format (rev 14
 * unchanged): bits Jailhouse leaves free (3..29), defined in
 * <jailhouse/cell-config.h> next to Jailhouse's own so that a config
 * built for Warden needs one header, and explained here and in
 * docs/config-format.md.
 *
 * WARDEN_CELL_DIRECT_IRQ (bit 16, 0x00010000): the cell's CPUs take their
 * physical interrupts at EL1 without an exit (HCR_EL2.IMO clear); the
 * hypervisor keeps its stop SGI in Group 0 (FIQ, HCR_EL2.FMO), SGIs the
 * cell sends still trap and reach only its CPUs. GICv3 only, and only
 * where Non-secure software may use Group 0 (GICD_CTLR.DS 1). What the
 * cell can then delay and what the hypervisor does about it:
 * docs/hypervisor.md, "Direct interrupt delivery".
 */
#ifndef WARDEN_CELL_FLAGS_H
#define WARDEN_CELL_FLAGS_H

#include <jailhouse/cell-config.h>

#define CELL_FLAGS_DIRECT_IRQ(flags) (!!((flags)&WARDEN_CELL_DIRECT_IRQ))

#endif
