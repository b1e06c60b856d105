/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A synchronous external abort as the architecture delivers it to EL1:
 * the syndrome, the vector and the PSTATE on entry, computed from the
 * abort the hypervisor took and the cell's interrupted PSTATE. Used to
 * give a cell back aborts on emulated devices (arch/arm64/abort_inject.c).
 * Pure logic, host-tested.
 */
#ifndef WARDEN_SEA_H
#define WARDEN_SEA_H

#include <stdbool.h>
#include <stdint.h>

/* FSC of a synchronous external abort not on a table walk */
#define SEA_FSC_EXTERNAL 0x10

struct sea_entry {
	uint64_t esr; /* for ESR_EL1 */
	uint64_t vector; /* offset from VBAR_EL1 */
	uint64_t pstate; /* for SPSR_EL2 on the way into the handler */
};

/*
 * spsr is the interrupted PSTATE (SPSR_EL2), esr_el2 the abort taken to
 * EL2 (EC 0x20 or 0x24); set_pan: FEAT_PAN present and SCTLR_EL1.SPAN
 * clear. Returns 0, or -1 when the cell's EL1 is AArch32 (other vectors
 * and syndromes: not handled).
 */
int sea_entry(uint64_t spsr, uint64_t esr_el2, bool set_pan,
	      struct sea_entry *out);

#endif
