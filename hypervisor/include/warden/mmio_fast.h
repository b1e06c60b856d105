/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which trapped loads the distributor's fast read path (sync_fast.c,
 * gicd_read_fast()) may answer from the syndrome alone: no instruction
 * decode, no mmio_access, no register table. Portable, host-tested
 * (test_mmio_fast).
 */
#ifndef WARDEN_MMIO_FAST_H
#define WARDEN_MMIO_FAST_H

#include <stdint.h>

/*
 * The bits of ESR_EL2 that must hold exactly MMIO_FAST_READ_WANT: a data
 * abort from EL1 (EC 0x24), 32-bit instruction, valid syndrome (ISV),
 * 4 bytes (SAS 2), no sign extension (SSE), not VNCR, no LS64 (LST), FAR
 * valid (FnV 0), no cache maintenance (CM), not on a stage-1 table walk
 * (S1PTW), a read (WnR 0), a stage-2 translation fault (DFSC 0x04-0x07:
 * the distributor is not mapped; an external or alignment fault, a
 * permission or access flag fault is not a trapped register access) and
 * no ISS2 (bits 32-55: LS64 register, tag or guarded-control accesses).
 * SRT, SF (w or x register: a 32-bit load zero-extends either way), AR
 * and EA are free.
 */
#define MMIO_FAST_READ_MASK                                               \
	(0xffffffULL << 32 | 0x3fULL << 26 | 1ULL << 25 | 1ULL << 24 |    \
	 3ULL << 22 | 1ULL << 21 | 1ULL << 13 | 3ULL << 11 | 1ULL << 10 | \
	 1ULL << 8 | 1ULL << 7 | 1ULL << 6 | 0x3cULL)
#define MMIO_FAST_READ_WANT \
	(0x24ULL << 26 | 1ULL << 25 | 1ULL << 24 | 2ULL << 22 | 0x04ULL)

/*
 * The register an aligned 32-bit load of the syndrome esr fills (0-18,
 * or 31 for wzr: the value is dropped), or -1 when the fast path must
 * leave the access to the full one (mmio_fast(), mmio_handle_dabt()):
 * another kind of abort, or x19-x29, which the fast path's frame lacks.
 */
static inline int mmio_fast_read_reg(uint64_t esr)
{
	unsigned int rt = (esr >> 16) & 0x1f;

	if ((esr & MMIO_FAST_READ_MASK) != MMIO_FAST_READ_WANT ||
	    (rt > 18 && rt != 31))
		return -1;
	return (int)rt;
}

#endif
