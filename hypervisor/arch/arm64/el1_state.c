// SPDX-License-Identifier: GPL-2.0
/*
 * The EL1/EL0 state of a CPU that changes owner (the root gives it to a
 * cell, a cell restarts it, it goes back to the root): everything a guest
 * can read is set to its reset value, zero where the architecture leaves
 * it UNKNOWN, so that no register carries data from one owner to the next
 * (key material, pointers, vector registers a crypto library left, counts
 * of what the last owner did). Called on every restart of a CPU from the
 * park loop, whoever its owner is: a restart is the only way a CPU changes
 * hands, and a CPU_ON within one owner starts from reset state too.
 *
 * The controls of EL2 over the debug and performance-monitor registers
 * (MDCR_EL2) are set here as well, per owner: see el1_state_reset().
 */
#include <arch/cell.h>
#include <arch/el1_state.h>

/* ID_AA64DFR0_EL1 fields */
#define DFR0_PMUVER(d) (((d) >> 8) & 0xf)
#define DFR0_BRPS(d) ((((d) >> 12) & 0xf) + 1)
#define DFR0_WRPS(d) ((((d) >> 20) & 0xf) + 1)
#define PMUVER_V3P1 4
#define PMUVER_V3P5 6
#define PMUVER_IMPDEF 0xf

/* MDCR_EL2 */
#define MDCR_HPMN_MASK 0x1fULL
#define MDCR_TDA (1ULL << 9)
#define MDCR_TDOSA (1ULL << 10)
#define MDCR_TDRA (1ULL << 11)
#define MDCR_E2PB_MASK (3ULL << 12)
#define MDCR_HPMD (1ULL << 17)
#define MDCR_HCCD (1ULL << 23)
#define MDCR_E2TB_MASK (3ULL << 24)

/* PMCR_EL0 */
#define PMCR_P (1ULL << 1)
#define PMCR_C (1ULL << 2)
#define PMCR_LC (1ULL << 6)
#define PMCR_N(v) (((v) >> 11) & 0x1f)

/* CPTR_EL2 (not VHE): SVE and SME trapped, also at EL2 */
#define CPTR_TZ (1ULL << 8)
#define CPTR_TSM (1ULL << 12)

static bool pmu_present(void)
{
	unsigned int v = DFR0_PMUVER(sysreg_read(id_aa64dfr0_el1));

	return v != 0 && v != PMUVER_IMPDEF;
}

bool el1_state_pauth_present(void)
{
	uint64_t isar1 = sysreg_read(id_aa64isar1_el1);
	/* ID_AA64ISAR2_EL1 by encoding; reserved ID registers read as 0. */
	uint64_t isar2 = sysreg_read(s3_0_c0_c6_2);

	/* APA, API, GPA, GPI; APA3, GPA3 */
	return isar1 & (0xffULL << 4 | 0xffULL << 24) || isar2 & (0xffULL << 8);
}

/*
 * MDCR_EL2 for a CPU of the root (cell false) or of a cell:
 * - the guest owns every event counter (HPMN = PMCR_EL0.N), the hypervisor
 *   keeps none, and nothing counts at EL2 (HPMD from PMUv3p1, HCCD for the
 *   cycle counter from PMUv3p5), so that a guest cannot measure the
 *   hypervisor or, through it, the other owners;
 * - a cell's accesses to the debug registers trap (TDA, TDOSA, TDRA) and
 *   read as zero (sysreg_trap.c): breakpoints, watchpoints and the OS lock
 *   are the root's (gdb, perf's breakpoints); with MDCR_EL2.TDE and
 *   HCR_EL2.TGE clear, none of them fires at EL2;
 * - the statistical-profiling and trace-buffer ownership (E2PB, E2TB)
 *   stays as Linux' stub set it.
 */
static uint64_t mdcr_value(unsigned int cpu, bool cell)
{
	uint64_t dfr0 = sysreg_read(id_aa64dfr0_el1);
	uint64_t v = per_cpu(cpu)->mdcr_saved &
		     (MDCR_E2PB_MASK | MDCR_E2TB_MASK);

	if (pmu_present()) {
		v |= PMCR_N(sysreg_read(pmcr_el0)) & MDCR_HPMN_MASK;
		if (DFR0_PMUVER(dfr0) >= PMUVER_V3P1)
			v |= MDCR_HPMD;
		if (DFR0_PMUVER(dfr0) >= PMUVER_V3P5)
			v |= MDCR_HCCD;
	}
	if (cell)
		v |= MDCR_TDA | MDCR_TDOSA | MDCR_TDRA;
	return v;
}

void el1_state_enter(unsigned int cpu)
{
	/* what Linux' EL2 stub had, for the way back (disable) */
	per_cpu(cpu)->mdcr_saved = sysreg_read(mdcr_el2);
	per_cpu(cpu)->mdcr_set = true;
	sysreg_write(mdcr_el2, mdcr_value(cpu, false));
}

void el1_state_leave(unsigned int cpu)
{
	/* a failed enable leaves before MDCR_EL2 was touched */
	if (cpu >= HV_MAX_CPUS || !per_cpu(cpu)->mdcr_set)
		return;
	per_cpu(cpu)->mdcr_set = false;
	sysreg_write(mdcr_el2, per_cpu(cpu)->mdcr_saved);
}

/* V0-V31 (and with them the low 128 bits of SVE's Z0-Z31), FPCR, FPSR. */
static void fp_reset(void)
{
	asm volatile("movi v0.2d, #0\n movi v1.2d, #0\n movi v2.2d, #0\n"
		     "movi v3.2d, #0\n movi v4.2d, #0\n movi v5.2d, #0\n"
		     "movi v6.2d, #0\n movi v7.2d, #0\n movi v8.2d, #0\n"
		     "movi v9.2d, #0\n movi v10.2d, #0\n movi v11.2d, #0\n"
		     "movi v12.2d, #0\n movi v13.2d, #0\n movi v14.2d, #0\n"
		     "movi v15.2d, #0\n movi v16.2d, #0\n movi v17.2d, #0\n"
		     "movi v18.2d, #0\n movi v19.2d, #0\n movi v20.2d, #0\n"
		     "movi v21.2d, #0\n movi v22.2d, #0\n movi v23.2d, #0\n"
		     "movi v24.2d, #0\n movi v25.2d, #0\n movi v26.2d, #0\n"
		     "movi v27.2d, #0\n movi v28.2d, #0\n movi v29.2d, #0\n"
		     "movi v30.2d, #0\n movi v31.2d, #0\n"
		     "msr fpcr, xzr\n msr fpsr, xzr\n"
		     :
		     :
		     : "memory");
}

/*
 * SVE: the Z registers' upper bits (an Advanced SIMD write to V zeroes
 * them), the predicates and FFR, the EL1 vector-length control. SME:
 * streaming mode and ZA off (turning either on again zeroes its state),
 * TPIDR2_EL0. Only where the stub lets EL2 reach them (CPTR_EL2).
 */
static void sve_sme_reset(void)
{
	uint64_t cptr = sysreg_read(cptr_el2);

	if ((sysreg_read(id_aa64pfr0_el1) >> 32 & 0xf) && !(cptr & CPTR_TZ)) {
		asm volatile(".arch_extension sve\n"
			     "pfalse p0.b\n wrffr p0.b\n pfalse p1.b\n"
			     "pfalse p2.b\n pfalse p3.b\n pfalse p4.b\n"
			     "pfalse p5.b\n pfalse p6.b\n pfalse p7.b\n"
			     "pfalse p8.b\n pfalse p9.b\n pfalse p10.b\n"
			     "pfalse p11.b\n pfalse p12.b\n pfalse p13.b\n"
			     "pfalse p14.b\n pfalse p15.b\n"
			     :
			     :
			     : "memory");
		sysreg_write(s3_0_c1_c2_0, 0); /* ZCR_EL1 */
	}
	if ((sysreg_read(id_aa64pfr1_el1) >> 24 & 0xf) && !(cptr & CPTR_TSM)) {
		sysreg_write(s3_3_c4_c2_2, 0); /* SVCR: SM and ZA off */
		sysreg_write(s3_3_c13_c0_5, 0); /* TPIDR2_EL0 */
		sysreg_write(s3_0_c1_c2_6, 0); /* SMCR_EL1 */
	}
}

/* The pointer-authentication keys (passed through by HCR_EL2.APK). */
static void pauth_reset(void)
{
	if (!el1_state_pauth_present())
		return;
	sysreg_write(s3_0_c2_c1_0, 0); /* APIAKeyLo_EL1 */
	sysreg_write(s3_0_c2_c1_1, 0); /* APIAKeyHi_EL1 */
	sysreg_write(s3_0_c2_c1_2, 0); /* APIBKeyLo_EL1 */
	sysreg_write(s3_0_c2_c1_3, 0); /* APIBKeyHi_EL1 */
	sysreg_write(s3_0_c2_c2_0, 0); /* APDAKeyLo_EL1 */
	sysreg_write(s3_0_c2_c2_1, 0); /* APDAKeyHi_EL1 */
	sysreg_write(s3_0_c2_c2_2, 0); /* APDBKeyLo_EL1 */
	sysreg_write(s3_0_c2_c2_3, 0); /* APDBKeyHi_EL1 */
	sysreg_write(s3_0_c2_c3_0, 0); /* APGAKeyLo_EL1 */
	sysreg_write(s3_0_c2_c3_1, 0); /* APGAKeyHi_EL1 */
}

/* Counters stopped and zero, events, filters and interrupts cleared. */
static void pmu_reset(void)
{
	unsigned int i, n;

	if (!pmu_present())
		return;
	n = PMCR_N(sysreg_read(pmcr_el0));
	sysreg_write(pmcntenclr_el0, ~0ULL);
	sysreg_write(pmintenclr_el1, ~0ULL);
	sysreg_write(pmovsclr_el0, ~0ULL);
	for (i = 0; i < n; i++) {
		sysreg_write(pmselr_el0, i);
		isb();
		sysreg_write(pmxevtyper_el0, 0);
		sysreg_write(pmxevcntr_el0, 0);
	}
	sysreg_write(pmselr_el0, 0);
	sysreg_write(pmccfiltr_el0, 0);
	sysreg_write(pmccntr_el0, 0);
	sysreg_write(pmuserenr_el0, 0);
	/* E clear: nothing counts until the new owner says so */
	sysreg_write(pmcr_el0, PMCR_LC | PMCR_P | PMCR_C);
}

#define DBG_CASE(n)                               \
	case n:                                   \
		sysreg_write(dbgbcr##n##_el1, 0); \
		sysreg_write(dbgbvr##n##_el1, 0); \
		break
#define DBGW_CASE(n)                              \
	case n:                                   \
		sysreg_write(dbgwcr##n##_el1, 0); \
		sysreg_write(dbgwvr##n##_el1, 0); \
		break

static void breakpoint_reset(unsigned int n)
{
	switch (n) {
		/* clang-format off */
		DBG_CASE(0); DBG_CASE(1); DBG_CASE(2); DBG_CASE(3);
		DBG_CASE(4); DBG_CASE(5); DBG_CASE(6); DBG_CASE(7);
		DBG_CASE(8); DBG_CASE(9); DBG_CASE(10); DBG_CASE(11);
		DBG_CASE(12); DBG_CASE(13); DBG_CASE(14); DBG_CASE(15);
		/* clang-format on */
	}
}

static void watchpoint_reset(unsigned int n)
{
	switch (n) {
		/* clang-format off */
		DBGW_CASE(0); DBGW_CASE(1); DBGW_CASE(2); DBGW_CASE(3);
		DBGW_CASE(4); DBGW_CASE(5); DBGW_CASE(6); DBGW_CASE(7);
		DBGW_CASE(8); DBGW_CASE(9); DBGW_CASE(10); DBGW_CASE(11);
		DBGW_CASE(12); DBGW_CASE(13); DBGW_CASE(14); DBGW_CASE(15);
		/* clang-format on */
	}
}

/* Breakpoints and watchpoints as many as ID_AA64DFR0_EL1 says, disabled. */
static void debug_reset(void)
{
	uint64_t dfr0 = sysreg_read(id_aa64dfr0_el1);
	unsigned int i;

	for (i = 0; i < DFR0_BRPS(dfr0); i++)
		breakpoint_reset(i);
	for (i = 0; i < DFR0_WRPS(dfr0); i++)
		watchpoint_reset(i);
	sysreg_write(mdscr_el1, 0);
}

/*
 * A virtual SError still pending for the last run (HCR_EL2.VSE with
 * VSESR_EL2: Linux masks PSTATE.A before CPU_OFF, so the root's may wait
 * there) or deferred by its ESB (VDISR_EL2) is withdrawn: the next owner
 * would take the last one's, with its syndrome.
 */
static void virtual_serror_reset(unsigned int cpu)
{
	sysreg_write(hcr_el2, sysreg_read(hcr_el2) & ~HCR_VSE);
	/* FEAT_RAS: VSESR_EL2 and VDISR_EL2 exist */
	if (per_cpu(cpu)->ras) {
		sysreg_write(s3_4_c5_c2_3, 0); /* VSESR_EL2 */
		sysreg_write(s3_4_c12_c1_1, 0); /* VDISR_EL2 */
	}
}

void el1_state_reset(unsigned int cpu, bool cell)
{
	sysreg_write(mdcr_el2, mdcr_value(cpu, cell));
	sysreg_write(vbar_el1, 0);
	sysreg_write(ttbr0_el1, 0);
	sysreg_write(ttbr1_el1, 0);
	sysreg_write(tcr_el1, 0);
	sysreg_write(mair_el1, 0);
	sysreg_write(amair_el1, 0);
	sysreg_write(contextidr_el1, 0);
	sysreg_write(tpidr_el0, 0);
	sysreg_write(tpidr_el1, 0);
	sysreg_write(tpidrro_el0, 0);
	sysreg_write(sp_el0, 0);
	sysreg_write(sp_el1, 0);
	sysreg_write(elr_el1, 0);
	sysreg_write(spsr_el1, 0);
	sysreg_write(esr_el1, 0);
	sysreg_write(far_el1, 0);
	sysreg_write(par_el1, 0);
	sysreg_write(afsr0_el1, 0);
	sysreg_write(afsr1_el1, 0);
	sysreg_write(csselr_el1, 0);
	sysreg_write(cntv_ctl_el0, 0);
	sysreg_write(cntp_ctl_el0, 0);
	sysreg_write(cntv_cval_el0, 0);
	sysreg_write(cntp_cval_el0, 0);
	sysreg_write(cntkctl_el1, 0);
	fp_reset();
	sve_sme_reset();
	pauth_reset();
	pmu_reset();
	debug_reset();
	virtual_serror_reset(cpu);
	/* FP/SIMD usable, as on a CPU out of reset with firmware done */
	sysreg_write(cpacr_el1, 3ULL << 20);
	isb();
}
