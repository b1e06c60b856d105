/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GICv2 distributor's policy, where it differs from GICv3's: SPIs are
 * routed by CPU interface mask (GICD_ITARGETSR) instead of affinity, SGIs
 * are sent through the distributor (GICD_SGIR) instead of a system
 * register, and the SGIs' and PPIs' registers are banked per CPU in the
 * distributor itself (bank 0: INTIDs 0-31) instead of living in a
 * redistributor. Pure logic, host-tested; arch/arm64/gicd.c applies it.
 */
#ifndef WARDEN_GICV2_FILTER_H
#define WARDEN_GICV2_FILTER_H

#include <stdbool.h>
#include <stdint.h>

#include <warden/gicr_filter.h>

/*
 * The ITARGETSR byte of an SPI the writer owns, after it writes value
 * while the register holds cur: the targets within allowed (the
 * interfaces of the writer's cell's CPUs). A write that names only CPUs
 * outside the cell leaves cur; *refused says whether any target was
 * dropped. Writing 0 (no target) is the owner's choice and passes.
 */
uint8_t gicv2_itargets_filter(uint8_t cur, uint8_t value, uint8_t allowed,
			      bool *refused);

/*
 * The CPU interfaces a trapped GICD_SGIR write may reach: its target
 * list filter (bits 25:24: 0 the list in 23:16, 1 every CPU but the
 * sender, 2 the sender only, 3 reserved: nobody) applied to the sender's
 * cell (cell: the interfaces of its CPUs; self: the sender's). The
 * hypervisor sends the SGI (bits 3:0) with this list and filter 0.
 */
uint8_t gicv2_sgir_targets(uint32_t sgir, uint8_t self, uint8_t cell);

/*
 * GICD_CTLR as the root may change it: EnableGrp0 (bit 0; Enable in the
 * Non-secure view) and EnableGrp1 (bit 1) can be set but not cleared
 * while the hypervisor runs, since it and every cell take their
 * interrupts through them; GICv2 has no affinity routing to keep.
 */
uint32_t gicv2_ctlr_filter(uint32_t cur, uint32_t value);

/*
 * Whether off lies in the distributor's bank 0 (the SGIs' and PPIs'
 * per-CPU registers, including ITARGETSR0-7, CPENDSGIR and SPENDSGIR).
 */
bool gicv2_bank0(unsigned int off);

/*
 * An access of size bytes at distributor offset off in bank 0 by the
 * CPU's own cell (who: GICR_WHO_ROOT or GICR_WHO_CELL), in the form of
 * gicr_filter()'s verdict, so that gicr_refused(), gicr_merge() and
 * gicr_describe() apply: the fields of reserved INTIDs (bit n: INTID n)
 * cannot be changed, the rest can; ITARGETSR0-7 are read-only.
 */
void gicv2_bank0_filter(unsigned int off, unsigned int size, bool is_write,
			enum gicr_who who, uint32_t reserved,
			struct gicr_verdict *v);

#endif
