/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GIC list registers, both versions, as one decoded form: the shared
 * injection code (arch/arm64/irqchip.c) works on struct gic_lr, each
 * back-end encodes it into its own register layout. Portable, host-tested.
 *
 * GICv3 ICH_LR<n>_EL2 (64 bits): State 63:62, HW 61, Group 60,
 * Priority 55:48 (8 bits, of which ICH_VTR_EL2.PRIbits are implemented),
 * pINTID 44:32, vINTID 31:0.
 * GICv2 GICH_LR<n> (32 bits): HW 31, Grp1 30, State 29:28, Priority 27:23
 * (the top 5 bits of the 8-bit priority), PhysicalID 19:10 (with HW: the
 * physical INTID; without: bit 19 EOI and, for an SGI, the source CPU in
 * 12:10), VirtualID 9:0.
 */
#ifndef WARDEN_GIC_LR_H
#define WARDEN_GIC_LR_H

#include <stdbool.h>
#include <stdint.h>

#define GIC_LR_PENDING 1U
#define GIC_LR_ACTIVE 2U

struct gic_lr {
	uint32_t intid; /* virtual INTID (= the physical one with hw) */
	unsigned int source; /* GICv2 SGIs: the sending CPU interface */
	uint8_t prio; /* 8-bit priority; GICv2 keeps the top 5 bits */
	unsigned int state; /* GIC_LR_PENDING | GIC_LR_ACTIVE, 0: empty */
	bool hw; /* deactivation reaches the physical interrupt */
	bool group1;
};

uint64_t gicv3_lr_encode(const struct gic_lr *lr);
void gicv3_lr_decode(uint64_t v, struct gic_lr *lr);
uint32_t gicv2_lr_encode(const struct gic_lr *lr);
void gicv2_lr_decode(uint32_t v, struct gic_lr *lr);

/*
 * An acknowledged interrupt as the injection queue keeps it: the INTID in
 * bits 9:0 and, for a GICv2 SGI, the sending CPU interface in bits 12:10,
 * as GICC_IAR reports them (GICv3 INTIDs below 1020 fit the same).
 */
#define GIC_IAR_INTID(iar) ((iar)&0x3ff)
#define GIC_IAR_SOURCE(iar) (((iar) >> 10) & 7)

#endif
