// SPDX-License-Identifier: GPL-2.0
/*
 * Aborts the hypervisor cannot emulate but that are the cell's own
 * business: a stage-1 table walk that reads an emulated device (the cell's
 * page tables point into the GIC), an instruction fetch from one, or an
 * external abort reported on one. They are given back to the cell as a
 * synchronous external abort taken to its EL1, as the architecture would
 * have delivered it had the device answered with an error, so that the
 * cell's own handler reports or recovers instead of the CPU hanging.
 */
#include <arch/cell.h>
#include <arch/hv.h>
#include <warden/esr.h>

#define ESR_IL_BIT (1ULL << 25)
#define ESR_WNR (1ULL << 6)
#define ESR_S1PTW (1ULL << 7)
#define ESR_FSC_MASK 0x3fULL
/* Synchronous external abort, not on a table walk: what KVM injects too */
#define FSC_EXTERNAL 0x10

#define SPSR_AARCH32 (1ULL << 4)
#define SPSR_EL_MASK 0xcULL
#define SPSR_SP_ELX 1ULL
#define SPSR_EL1H 0x5ULL
#define SPSR_DAIF (0xfULL << 6)
#define SPSR_PAN (1ULL << 22)
#define SCTLR_SPAN (1ULL << 23)

/* Vector offsets from VBAR_EL1 for a synchronous exception */
#define VEC_CUR_SP0 0x000
#define VEC_CUR_SPX 0x200
#define VEC_LOWER_A64 0x400
#define VEC_LOWER_A32 0x600

static bool fsc_is_external(uint64_t fsc)
{
	/* 0x10 external; 0x13-0x17 external on a table walk, levels -1..3 */
	return fsc == 0x10 || (fsc >= 0x13 && fsc <= 0x17);
}

/* FEAT_PAN: PSTATE.PAN exists and exception entry may set it. */
static bool has_pan(void)
{
	return ((sysreg_read(id_aa64mmfr1_el1) >> 20) & 0xf) != 0;
}

static void inject(uint64_t esr_el2, bool is_data)
{
	uint64_t spsr = sysreg_read(spsr_el2), pstate, esr, vec;
	bool lower = (spsr & SPSR_EL_MASK) == 0 || (spsr & SPSR_AARCH32);
	unsigned int ec;

	if (spsr & SPSR_AARCH32)
		vec = VEC_LOWER_A32;
	else if (lower)
		vec = VEC_LOWER_A64;
	else
		vec = spsr & SPSR_SP_ELX ? VEC_CUR_SPX : VEC_CUR_SP0;
	if (is_data)
		ec = lower ? ESR_EC_DABT_LOW : ESR_EC_DABT_CUR;
	else
		ec = lower ? ESR_EC_IABT_LOW : ESR_EC_IABT_CUR;
	esr = (uint64_t)ec << 26 | ESR_IL_BIT | FSC_EXTERNAL;
	/* WnR is meaningless for a table walk's read */
	if (is_data && !(esr_el2 & ESR_S1PTW))
		esr |= esr_el2 & ESR_WNR;

	sysreg_write(esr_el1, esr);
	sysreg_write(far_el1, sysreg_read(far_el2));
	sysreg_write(elr_el1, sysreg_read(elr_el2));
	sysreg_write(spsr_el1, spsr);
	/* Exception entry: EL1h, all of DAIF masked, PAN per SCTLR_EL1.SPAN */
	pstate = SPSR_EL1H | SPSR_DAIF;
	if (has_pan() && !(sysreg_read(sctlr_el1) & SCTLR_SPAN))
		pstate |= SPSR_PAN;
	sysreg_write(spsr_el2, pstate);
	sysreg_write(elr_el2, sysreg_read(vbar_el1) + vec);
}

int abort_inject_emulated(unsigned int cpu)
{
	static unsigned int reported;
	uint64_t esr = sysreg_read(esr_el2), spsr = sysreg_read(spsr_el2);
	/* for a walk, the table entry's IPA: its page is all that matters */
	uint64_t ipa = (sysreg_read(hpfar_el2) >> 4) << 12 |
		       (sysreg_read(far_el2) & 0xfff);
	bool is_data = ESR_EC(esr) == ESR_EC_DABT_LOW;
	const char *what;

	if (!mmio_is_emulated(ipa))
		return 0;
	if (esr & ESR_S1PTW)
		what = "stage-1 table walk";
	else if (!is_data)
		what = "instruction fetch";
	else if (fsc_is_external(esr & ESR_FSC_MASK))
		what = "external abort";
	else
		return 0;
	/* An AArch32 EL1 has other vectors and syndromes: not handled. */
	if ((spsr & SPSR_AARCH32) && (spsr & SPSR_EL_MASK))
		return 0;
	inject(esr, is_data);
	/* a cell that retries forever must not flood the console */
	if (reported < 16) {
		reported++;
		printk("Cell \"%s\": CPU %u: %s at IPA 0x%llx in %s: "
		       "synchronous external abort injected (ESR_EL1 0x%llx)\n",
		       cell_name_of(cpu), cpu, what, (unsigned long long)ipa,
		       mmio_emulated_name(ipa),
		       (unsigned long long)sysreg_read(esr_el1));
	}
	return 1;
}
