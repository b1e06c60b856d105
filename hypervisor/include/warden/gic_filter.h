/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which bits of a GIC distributor register a cell may touch: the
 * per-interrupt fields of the interrupts it owns. Portable, host-tested.
 */
#ifndef WARDEN_GIC_FILTER_H
#define WARDEN_GIC_FILTER_H

#include <stdint.h>

/*
 * A register access of size bytes at byte offset off into a register
 * block with a field of bits bits per interrupt, starting at INTID 0 at
 * offset 0. Returns the mask of the fields of interrupts for which
 * owned(ctx, intid) is true, and the first INTID covered in *first.
 */
uint64_t gic_field_mask(unsigned int off, unsigned int size, unsigned int bits,
			int (*owned)(void *ctx, uint64_t intid), void *ctx,
			uint64_t *first);

/*
 * The GICD_CTLR value to write when the root cell writes value and the
 * register holds cur (gic_filter.c says which bits the root may change).
 */
uint32_t gic_ctlr_filter(uint32_t cur, uint32_t value);
/*
 * The same, and with keep_grp0 (a direct-delivery cell exists, whose CPUs
 * take the hypervisor's stop SGI as Group 0) EnableGrp0 of a GIC with one
 * security state stays set.
 */
uint32_t gic_ctlr_filter_grp0(uint32_t cur, uint32_t value, int keep_grp0);

#endif
