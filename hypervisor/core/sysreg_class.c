// SPDX-License-Identifier: GPL-2.0
/* Trapped system-register accesses: which kind, and UNDEF entry (see .h). */
#include <warden/sysreg_class.h>

#define ESR_IL_BIT (1ULL << 25)
#define SPSR_AARCH32 (1ULL << 4)
#define SPSR_EL_MASK 0xcULL
#define SPSR_SP_ELX 1ULL
#define SPSR_EL1H 0x5ULL
#define SPSR_DAIF (0xfULL << 6)
#define SPSR_PAN (1ULL << 22)

#define VEC_CUR_SP0 0x000
#define VEC_CUR_SPX 0x200
#define VEC_LOWER_A64 0x400
#define VEC_LOWER_A32 0x600

void sysreg_decode(uint32_t iss, struct sysreg_access *a)
{
	a->op0 = (iss >> 20) & 3;
	a->op2 = (iss >> 17) & 7;
	a->op1 = (iss >> 14) & 7;
	a->crn = (iss >> 10) & 0xf;
	a->rt = (iss >> 5) & 0x1f;
	a->crm = (iss >> 1) & 0xf;
	a->is_read = iss & 1;
}

enum sysreg_class sysreg_classify(const struct sysreg_access *a)
{
	if (a->op0 == 2)
		return SYSREG_DEBUG;
	if (a->op0 != 3)
		return SYSREG_OTHER;
	if (a->crn == 11 || a->crn == 15)
		return SYSREG_IMPDEF;
	if (a->op1 == 0 && a->crn == 1 && a->crm == 0 && a->op2 == 1)
		return SYSREG_ACTLR;
	if (a->op1 == 0 && a->crn == 5 && a->crm >= 3 && a->crm <= 5)
		return SYSREG_RAS;
	if (a->op1 == 0 && a->crn == 10 && a->crm == 4)
		return SYSREG_LOR;
	return SYSREG_OTHER;
}

int undef_entry(uint64_t spsr, bool set_pan, struct undef_entry *out)
{
	bool a32 = spsr & SPSR_AARCH32, el0 = !(spsr & SPSR_EL_MASK);

	/* AArch32 modes: EL0 is usr (M[3:0] 0); any other is an EL1 mode */
	if (a32 && (spsr & 0xf))
		return -1;
	if (a32)
		out->vector = VEC_LOWER_A32;
	else if (el0)
		out->vector = VEC_LOWER_A64;
	else
		out->vector = spsr & SPSR_SP_ELX ? VEC_CUR_SPX : VEC_CUR_SP0;
	out->esr = ESR_IL_BIT; /* EC 0: unknown reason, as UNDEFINED is */
	out->pstate = SPSR_EL1H | SPSR_DAIF | (set_pan ? SPSR_PAN : 0);
	return 0;
}
