// SPDX-License-Identifier: GPL-2.0
/*
 * What HCR_EL2.AMO and FMO bring to EL2: SErrors from the root and the
 * cells, physical FIQs (Group 0), and guests' Group-0 and alternate
 * Group-1 SGI writes. Decisions in core/serror.c and core/sgi_policy.c.
 */
#include <arch/async.h>
#include <arch/cell.h>
#include <arch/direct_irq.h>
#include <arch/fault_place.h>
#include <arch/hv.h>
#include <arch/park.h>
#include <warden/format.h>
#include <warden/serror.h>
#include <warden/sgi_policy.h>

/* At most this many report lines of each kind: a storm must not flood. */
#define REPORT_MAX 8

static bool cpu_has_ras(void)
{
	/* ID_AA64PFR0_EL1.RAS: ESB, DISR_EL1 and VSESR_EL2 exist */
	return (sysreg_read(id_aa64pfr0_el1) >> 28 & 0xf) != 0;
}

static void serror_take(struct frame *f, unsigned int cpu, uint64_t esr,
			const char *how)
{
	static unsigned int reported;
	struct serror_verdict v = serror_attribute(
		esr, true, cell_of(cpu) == NULL, cpu_has_ras());
	char desc[80], what[140];
	uint64_t stopped;

	serror_describe(esr, desc, sizeof(desc));
	if (v.action == SERROR_TO_ROOT) {
		/*
		 * Pending for the root as a virtual SError: taken when its
		 * Linux unmasks PSTATE.A, with the same syndrome where RAS
		 * carries one; as if the hypervisor were not there.
		 */
		if (v.set_vsesr)
			sysreg_write(s3_4_c5_c2_3, v.vsesr); /* VSESR_EL2 */
		sysreg_write(hcr_el2, sysreg_read(hcr_el2) | HCR_VSE);
		isb();
		if (reported++ < REPORT_MAX)
			printk("SError on CPU %u while the root cell ran (%s%s, "
			       "esr 0x%08llx): handed to the root as a "
			       "virtual SError\n",
			       cpu, desc, how, (unsigned long long)esr);
		return;
	}
	/*
	 * A cell's: reported as its fault (the report reads ESR_EL2, which
	 * a deferred SError did not write), then the whole cell stops: an
	 * SError may have hit memory or devices all its CPUs share. Never
	 * the root's.
	 */
	sysreg_write(esr_el2, esr);
	format_string(what, sizeof(what), "SError (%s%s)", desc, how);
	fault_report(f, cpu, what);
	stopped = cell_fail(cpu);
	printk("Parking CPU %u and stopping CPUs 0x%llx: cell \"%s\" failed "
	       "(SError)\n",
	       cpu, (unsigned long long)stopped, cell_name_of(cpu));
	cpu_park_loop(cpu);
}

void serror_handle(struct frame *f, unsigned int cpu)
{
	serror_take(f, cpu, sysreg_read(esr_el2), "");
}

/*
 * With RAS, an SError still pending when the CPU trapped is the trapped
 * context's, not whoever runs on the CPU next: ESB (PSTATE.A is masked
 * at EL2) takes it off the pending state into DISR_EL1, whose syndrome
 * has the layout of ESR's bits 24:0. Without RAS it stays pending and is
 * taken at the next return to EL1, from the context returned to.
 */
void serror_defer_check(struct frame *f, unsigned int cpu)
{
	uint64_t disr;

	if (!cpu_has_ras())
		return;
	asm volatile("hint #16" : : : "memory"); /* ESB */
	disr = sysreg_read(s3_0_c12_c1_1); /* DISR_EL1 */
	if (!serror_disr_pending(disr))
		return;
	sysreg_write(s3_0_c12_c1_1, 0);
	isb();
	serror_take(f, cpu, serror_esr_from_disr(disr), ", pending at a trap");
}

/*
 * Group 0 is given to no guest (sgi_policy.h). A Group-0 interrupt that
 * still reaches EL2 (one security state, and someone enabled Group 0) is
 * acknowledged and its priority dropped, but not deactivated: it stays
 * active, so that it never fires again, instead of storming.
 */
void fiq_handle(unsigned int cpu)
{
	static uint8_t reported[1024 / 8];
	uint64_t intid;

	/*
	 * A GICv2 (no ICC system registers, ID_AA64PFR0_EL1.GIC 0) signals
	 * Group 0 as FIQ only with GICC_CTLR.FIQEn, which Linux leaves
	 * clear: nothing to acknowledge here, and ICC_IAR0_EL1 would be
	 * undefined (also with the system register interface present but
	 * disabled at EL2, ICC_SRE_EL2.SRE 0, a GICv3 CPU with a GICv2).
	 */
	if (!(sysreg_read(id_aa64pfr0_el1) >> 24 & 0xf) ||
	    !(sysreg_read(s3_4_c12_c9_5) & 1)) {
		static int warned;

		if (!warned++)
			printk("Warning: FIQ on CPU %u without a GICv3 CPU "
			       "interface: ignored\n",
			       cpu);
		return;
	}
	intid = sysreg_read(s3_0_c12_c8_0); /* ICC_IAR0_EL1 */

	if (intid >= 1020)
		return; /* spurious */
	if (direct_irq_fiq(cpu, intid))
		return; /* the stop SGI of a direct CPU: cell_handle_events() */
	sysreg_write(s3_0_c12_c8_1, intid); /* ICC_EOIR0_EL1: EOImode 1 */
	isb();
	if (reported[intid / 8] & (1U << (intid % 8)))
		return;
	reported[intid / 8] |= 1U << (intid % 8);
	printk("Warning: Group-0 interrupt %llu reached EL2 on CPU %u (cell "
	       "\"%s\"): Group 0 is given to no cell; left active\n",
	       (unsigned long long)intid, cpu, cell_name_of(cpu));
}

void sgi_refuse(unsigned int cpu, unsigned int reg, uint64_t value)
{
	static uint64_t reported[3];
	uint64_t mpidr[HV_MAX_CPUS], present = 0, targets, outside;
	unsigned int i, r = reg - SGI_REG_SGI1R;

	if (r >= 3 || cpu >= HV_MAX_CPUS)
		return;
	per_cpu(cpu)->stats[STAT_VSGI]++;
	if (reported[r] & (1ULL << cpu))
		return;
	reported[r] |= 1ULL << cpu;
	for (i = 0; i < HV_MAX_CPUS; i++) {
		mpidr[i] = per_cpu(i)->mpidr;
		if (cpu_state(i) != CPU_ABSENT)
			present |= 1ULL << i;
	}
	targets = sgi_targets(value, cpu, present, mpidr, HV_MAX_CPUS);
	outside = targets & ~cell_cpus_of(cpu);
	printk("Warning: CPU %u (cell \"%s\"): %s write 0x%llx (SGI %u to "
	       "CPUs 0x%llx, 0x%llx outside the cell) refused: %s\n",
	       cpu, cell_name_of(cpu), sgi_reg_name(reg),
	       (unsigned long long)value, sgi_intid(value),
	       (unsigned long long)targets, (unsigned long long)outside,
	       reg == SGI_REG_SGI0R ? "Group 0 is given to no cell" :
				      "it asks for Secure Group 1 SGIs");
}
