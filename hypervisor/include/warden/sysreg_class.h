/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a trapped system-register access (ESR EC 0x18) is, for the traps
 * MDCR_EL2 (debug), HCR_EL2.TIDCP (IMPLEMENTATION DEFINED registers),
 * HCR_EL2.TAC (ACTLR_EL1), HCR_EL2.TERR (RAS error records) and
 * HCR_EL2.TLOR (LORegions) set, and the entry into EL1 for the UNDEFINED
 * exception some of them get. Pure logic, host-tested.
 */
#ifndef WARDEN_SYSREG_CLASS_H
#define WARDEN_SYSREG_CLASS_H

#include <stdbool.h>
#include <stdint.h>

enum sysreg_class {
	SYSREG_OTHER, /* none of these: the caller decides */
	SYSREG_DEBUG, /* op0 2: breakpoints, watchpoints, OS lock, DCC */
	SYSREG_IMPDEF, /* op0 3, CRn 11 or 15 */
	SYSREG_ACTLR, /* ACTLR_EL1 */
	SYSREG_RAS, /* ERRIDR_EL1, ERRSELR_EL1, ERX*_EL1: op0 3, CRn 5, CRm 3-5 */
	SYSREG_LOR, /* LORSA/LOREA/LORN/LORC/LORID_EL1: op0 3, CRn 10, CRm 4 */
};

struct sysreg_access {
	unsigned int op0, op1, crn, crm, op2, rt;
	bool is_read;
};

void sysreg_decode(uint32_t iss, struct sysreg_access *a);
enum sysreg_class sysreg_classify(const struct sysreg_access *a);

struct undef_entry {
	uint64_t esr; /* for ESR_EL1: EC 0, IL set */
	uint64_t vector; /* offset from VBAR_EL1 */
	uint64_t pstate; /* for SPSR_EL2 on the way into the handler */
};

/*
 * spsr: the interrupted PSTATE (SPSR_EL2); set_pan: FEAT_PAN present and
 * SCTLR_EL1.SPAN clear. Returns 0, or -1 for an AArch32 EL1.
 */
int undef_entry(uint64_t spsr, bool set_pan, struct undef_entry *out);

#endif
