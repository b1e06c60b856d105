// SPDX-License-Identifier: GPL-2.0
/*
 * The entry into a cell's EL1 for an injected synchronous external abort
 * (see sea.h): which vector, which exception class, which PSTATE.
 */
#include <warden/esr.h>
#include <warden/sea.h>

#define ESR_IL_BIT (1ULL << 25)
#define ESR_WNR (1ULL << 6)
#define ESR_S1PTW (1ULL << 7)

#define SPSR_AARCH32 (1ULL << 4)
#define SPSR_EL_MASK 0xcULL
#define SPSR_SP_ELX 1ULL
#define SPSR_EL1H 0x5ULL
#define SPSR_DAIF (0xfULL << 6)
#define SPSR_PAN (1ULL << 22)

/* Offsets from VBAR_EL1 of the synchronous vectors */
#define VEC_CUR_SP0 0x000
#define VEC_CUR_SPX 0x200
#define VEC_LOWER_A64 0x400
#define VEC_LOWER_A32 0x600

int sea_entry(uint64_t spsr, uint64_t esr_el2, bool set_pan,
	      struct sea_entry *out)
{
	bool a32 = spsr & SPSR_AARCH32, el0 = !(spsr & SPSR_EL_MASK);
	bool lower = a32 || el0;
	bool data = ESR_EC(esr_el2) == ESR_EC_DABT_LOW;
	unsigned int ec;

	/* AArch32 modes: EL0 is usr (M[3:0] 0); any other is an EL1 mode */
	if (a32 && (spsr & 0xf))
		return -1;
	if (a32)
		out->vector = VEC_LOWER_A32;
	else if (el0)
		out->vector = VEC_LOWER_A64;
	else
		out->vector = spsr & SPSR_SP_ELX ? VEC_CUR_SPX : VEC_CUR_SP0;
	if (data)
		ec = lower ? ESR_EC_DABT_LOW : ESR_EC_DABT_CUR;
	else
		ec = lower ? ESR_EC_IABT_LOW : ESR_EC_IABT_CUR;
	out->esr = (uint64_t)ec << 26 | ESR_IL_BIT | SEA_FSC_EXTERNAL;
	/* WnR is meaningless for a table walk's read */
	if (data && !(esr_el2 & ESR_S1PTW))
		out->esr |= esr_el2 & ESR_WNR;
	out->pstate = SPSR_EL1H | SPSR_DAIF | (set_pan ? SPSR_PAN : 0);
	return 0;
}
