// SPDX-License-Identifier: GPL-2.0
/*
 * System-register traps that keep guests off state they must not share
 * or must not set (the classes: core/sysreg_class.c):
 * - a cell's debug registers (MDCR_EL2.TDA, TDOSA, TDRA; el1_state.c):
 *   read as zero, writes ignored, silently. To a cell the CPU has no
 *   breakpoints it can use; nothing of the root's debugging reaches it.
 * - IMPLEMENTATION DEFINED registers (HCR_EL2.TIDCP) and ACTLR_EL1
 *   (HCR_EL2.TAC): they change how the core behaves for every later owner
 *   (prefetchers, errata workarounds, power), which is the firmware's
 *   business. The access is UNDEFINED for the guest, as on a core without
 *   the register, and reported (a few times per CPU run: a guest that
 *   retries must not flood the console).
 * - the RAS error records (HCR_EL2.TERR) and the LORegion registers
 *   (HCR_EL2.TLOR): read as zero, writes ignored, silently, for the root
 *   and the cells alike. ERRIDR_EL1 0 says there are no records, LORID_EL1
 *   0 no LORegions: a guest sees a core without them, and cannot switch
 *   off error detection in a record other owners share (a cluster's L3),
 *   clear their errors or read their addresses, nor leave a LORegion set
 *   up for the next owner. The errors are the firmware's business.
 */
#include <arch/cell.h>
#include <arch/el1_state.h>
#include <arch/fault_place.h>
#include <arch/sysreg_trap.h>
#include <warden/esr.h>
#include <warden/sysreg_class.h>

#define SCTLR_SPAN (1ULL << 23)
#define REPORTS_PER_RUN 4

static bool has_pan(void)
{
	return ((sysreg_read(id_aa64mmfr1_el1) >> 20) & 0xf) != 0;
}

/* Enters the guest's EL1 UNDEFINED handler; 0, or -1 (AArch32 EL1). */
static int undef_inject(void)
{
	uint64_t spsr = sysreg_read(spsr_el2);
	struct undef_entry e;

	if (undef_entry(spsr,
			has_pan() && !(sysreg_read(sctlr_el1) & SCTLR_SPAN),
			&e))
		return -1;
	sysreg_write(esr_el1, e.esr);
	sysreg_write(elr_el1, sysreg_read(elr_el2));
	sysreg_write(spsr_el1, spsr);
	sysreg_write(spsr_el2, e.pstate);
	sysreg_write(elr_el2, sysreg_read(vbar_el1) + e.vector);
	return 0;
}

int sysreg_trap(struct frame *f, unsigned int cpu, uint64_t esr)
{
	struct sysreg_access a;
	enum sysreg_class k;

	sysreg_decode(ESR_ISS(esr), &a);
	k = sysreg_classify(&a);
	switch (k) {
	case SYSREG_DEBUG:
	case SYSREG_RAS:
	case SYSREG_LOR:
		if (a.is_read && a.rt != 31)
			f->x[a.rt] = 0;
		sysreg_write(elr_el2, sysreg_read(elr_el2) + 4);
		return 1;
	case SYSREG_IMPDEF:
	case SYSREG_ACTLR:
		if (per_cpu(cpu)->sysreg_reported < REPORTS_PER_RUN) {
			per_cpu(cpu)->sysreg_reported++;
			printk("Cell \"%s\": CPU %u: %s of %s S%u_%u_C%u_C%u_%u "
			       "at 0x%llx: UNDEFINED injected\n",
			       cell_name_of(cpu), cpu,
			       a.is_read ? "read" : "write",
			       k == SYSREG_ACTLR ? "ACTLR_EL1" :
						   "IMPLEMENTATION DEFINED "
						   "register",
			       a.op0, a.op1, a.crn, a.crm, a.op2,
			       (unsigned long long)sysreg_read(elr_el2));
		}
		if (undef_inject())
			park_failed(f, cpu,
				    "IMPLEMENTATION DEFINED register "
				    "access from AArch32 EL1");
		return 1;
	default:
		return 0;
	}
}
