// SPDX-License-Identifier: GPL-2.0
/*
 * Aborts the hypervisor cannot emulate but that are the cell's own
 * business: a stage-1 table walk that reads an emulated device (the cell's
 * page tables point into the GIC), an instruction fetch from one, or an
 * external abort reported on one. They are given back to the cell as a
 * synchronous external abort taken to its EL1, as the architecture would
 * have delivered it had the device answered with an error (core/sea.c),
 * so that the cell's own handler reports or recovers instead of the CPU
 * hanging.
 */
#include <arch/abort_inject.h>
#include <arch/cell.h>
#include <arch/hv.h>
#include <arch/mmio.h>
#include <arch/mmio_insn.h>
#include <warden/esr.h>
#include <warden/sea.h>

#define ESR_S1PTW (1ULL << 7)
#define ESR_FSC_MASK 0x3fULL
#define SCTLR_SPAN (1ULL << 23)

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

int abort_inject_emulated(unsigned int cpu)
{
	static unsigned int reported;
	uint64_t esr = sysreg_read(esr_el2), spsr = sysreg_read(spsr_el2);
	/* for a walk, the table entry's IPA: its page is all that matters */
	uint64_t ipa = (sysreg_read(hpfar_el2) >> 4) << 12 |
		       (sysreg_read(far_el2) & 0xfff);
	bool is_data = ESR_EC(esr) == ESR_EC_DABT_LOW;
	struct sea_entry e;
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
	if (sea_entry(spsr, esr,
		      has_pan() && !(sysreg_read(sctlr_el1) & SCTLR_SPAN), &e))
		return 0;
	sysreg_write(esr_el1, e.esr);
	sysreg_write(far_el1, sysreg_read(far_el2));
	sysreg_write(elr_el1, sysreg_read(elr_el2));
	sysreg_write(spsr_el1, spsr);
	sysreg_write(spsr_el2, e.pstate);
	sysreg_write(elr_el2, sysreg_read(vbar_el1) + e.vector);
	/* a cell that retries forever must not flood the console */
	if (reported < 16) {
		reported++;
		printk("Cell \"%s\": CPU %u: %s at IPA 0x%llx in %s: "
		       "synchronous external abort injected (ESR_EL1 0x%llx)\n",
		       cell_name_of(cpu), cpu, what, (unsigned long long)ipa,
		       mmio_emulated_name(ipa), (unsigned long long)e.esr);
	}
	return 1;
}
