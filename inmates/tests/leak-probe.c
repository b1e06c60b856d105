// SPDX-License-Identifier: GPL-2.0
/*
 * leak-probe: what a CPU's last owner left in the registers a guest can
 * read. Reads and prints, at its start, V0-V31, FPCR, FPSR, the thread ID
 * registers, the pointer-authentication keys (readable at EL1 when the
 * hypervisor passes them through) and a PACGA signature made with them,
 * the performance-monitor configuration and counters, and a breakpoint
 * register, the GICv3 virtual interface's active priorities, then
 * "leak-probe[P]: all zero" or "leak-probe[P]: LEAK: ..."
 * with the registers that were not zero.
 * Parameters: phase=P (a tag for the lines), undef=1 (or 2) to read an
 * IMPLEMENTATION DEFINED register (or ACTLR_EL1) after the check, which
 * the hypervisor makes UNDEFINED (the library reports the exception),
 * ras=N to access the RAS error-record and LORegion registers the CPU
 * has N times each (the hypervisor traps them, read as zero, writes
 * ignored) and print what they read, write=1 to leave patterns in
 * all of them afterwards (and in the cell's RAM from offset 0xf000 to
 * 0x10000: memory the root must get back zeroed), with the counters
 * running. Then the cell shuts itself down (PSCI SYSTEM_OFF): its CPU
 * parks in the hypervisor with all of it in place.
 */
#include <inmate.h>
#include <mmu.h>
#include <psci.h>

#define PATTERN 0x5eed0000a5a50000ULL
#define FILL_START 0xf000UL
#define FILL_END 0x10000UL
#define PMCR_E (1ULL << 0)
#define PMCR_N(v) (((v) >> 11) & 0x1f)

static long phase;
static unsigned int leaks;
/* said after the LEAK line ends: lines of their own */
static bool pacga_said;
static uint64_t pacga_value;
static long pmu_counters = -1;

static void check(const char *name, uint64_t v)
{
	if (!v)
		return;
	if (!leaks)
		printk("leak-probe[%ld]: LEAK:", phase);
	leaks++;
	printk(" %s=0x%lx", name, (unsigned long)v);
}

#define VREAD(n)                                                           \
	do {                                                               \
		uint64_t lo, hi;                                           \
		asm volatile("mov %0, v" #n ".d[0]\n mov %1, v" #n ".d[1]" \
			     : "=r"(lo), "=r"(hi));                        \
		check("v" #n, lo | hi);                                    \
	} while (0)

#define VWRITE(n)                                                  \
	asm volatile("mov v" #n ".d[0], %0\n mov v" #n ".d[1], %0" \
		     :                                             \
		     : "r"(PATTERN + n))

static void fpsimd_read(void)
{
	/* clang-format off */
	VREAD(0); VREAD(1); VREAD(2); VREAD(3); VREAD(4); VREAD(5);
	VREAD(6); VREAD(7); VREAD(8); VREAD(9); VREAD(10); VREAD(11);
	VREAD(12); VREAD(13); VREAD(14); VREAD(15); VREAD(16); VREAD(17);
	VREAD(18); VREAD(19); VREAD(20); VREAD(21); VREAD(22); VREAD(23);
	VREAD(24); VREAD(25); VREAD(26); VREAD(27); VREAD(28); VREAD(29);
	VREAD(30); VREAD(31);
	/* clang-format on */
	check("fpcr", read_sysreg(fpcr));
	check("fpsr", read_sysreg(fpsr));
}

static void fpsimd_write(void)
{
	/* clang-format off */
	VWRITE(0); VWRITE(1); VWRITE(2); VWRITE(3); VWRITE(4); VWRITE(5);
	VWRITE(6); VWRITE(7); VWRITE(8); VWRITE(9); VWRITE(10); VWRITE(11);
	VWRITE(12); VWRITE(13); VWRITE(14); VWRITE(15); VWRITE(16);
	VWRITE(17); VWRITE(18); VWRITE(19); VWRITE(20); VWRITE(21);
	VWRITE(22); VWRITE(23); VWRITE(24); VWRITE(25); VWRITE(26);
	VWRITE(27); VWRITE(28); VWRITE(29); VWRITE(30); VWRITE(31);
	/* clang-format on */
	/* AHP, DN, FZ, RMode: round towards zero */
	write_sysreg(0x07c00000, fpcr);
	/* QC and the cumulative exception flags */
	write_sysreg(0x0800009f, fpsr);
}

static bool pauth_present(void)
{
	return read_sysreg(id_aa64isar1_el1) & (0xffULL << 4 | 0xffULL << 24);
}

static bool pacga_present(void)
{
	return read_sysreg(id_aa64isar1_el1) & (0xfULL << 24);
}

/* PACGA of a fixed value and modifier: a function of the GA key. */
static uint64_t pacga(void)
{
	register uint64_t x0 asm("x0");
	register uint64_t x1 asm("x1") = 0x123456789abcdefULL;
	register uint64_t x2 asm("x2") = 0x42;

	asm volatile(".inst 0x9ac23020" /* pacga x0, x1, x2 */
		     : "=r"(x0)
		     : "r"(x1), "r"(x2));
	return x0;
}

#define KEY(lo, hi, name)                          \
	do {                                       \
		check(name "lo", read_sysreg(lo)); \
		check(name "hi", read_sysreg(hi)); \
	} while (0)

static void keys_read(void)
{
	if (!pauth_present())
		return;
	KEY(s3_0_c2_c1_0, s3_0_c2_c1_1, "apiakey");
	KEY(s3_0_c2_c1_2, s3_0_c2_c1_3, "apibkey");
	KEY(s3_0_c2_c2_0, s3_0_c2_c2_1, "apdakey");
	KEY(s3_0_c2_c2_2, s3_0_c2_c2_3, "apdbkey");
	KEY(s3_0_c2_c3_0, s3_0_c2_c3_1, "apgakey");
	if (pacga_present()) {
		pacga_said = true;
		pacga_value = pacga();
	}
}

static void keys_write(void)
{
	if (!pauth_present())
		return;
	write_sysreg(PATTERN | 1, s3_0_c2_c1_0);
	write_sysreg(PATTERN | 2, s3_0_c2_c1_1);
	write_sysreg(PATTERN | 3, s3_0_c2_c1_2);
	write_sysreg(PATTERN | 4, s3_0_c2_c1_3);
	write_sysreg(PATTERN | 5, s3_0_c2_c2_0);
	write_sysreg(PATTERN | 6, s3_0_c2_c2_1);
	write_sysreg(PATTERN | 7, s3_0_c2_c2_2);
	write_sysreg(PATTERN | 8, s3_0_c2_c2_3);
	write_sysreg(PATTERN | 9, s3_0_c2_c3_0);
	write_sysreg(PATTERN | 10, s3_0_c2_c3_1);
	isb();
}

static bool pmu_present(void)
{
	unsigned int v = (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf;

	return v && v != 0xf;
}

static void pmu_read(void)
{
	uint64_t pmcr;
	unsigned int i;

	if (!pmu_present())
		return;
	pmcr = read_sysreg(pmcr_el0);
	/* LC (bit 6) is set on reset by the hypervisor: not data */
	check("pmcr", pmcr & 0x3f);
	check("pmcntenset", read_sysreg(pmcntenset_el0));
	check("pmintenset", read_sysreg(pmintenset_el1));
	check("pmovsset", read_sysreg(pmovsset_el0));
	check("pmccfiltr", read_sysreg(pmccfiltr_el0));
	check("pmuserenr", read_sysreg(pmuserenr_el0));
	check("pmccntr", read_sysreg(pmccntr_el0));
	for (i = 0; i < PMCR_N(pmcr); i++) {
		write_sysreg(i, pmselr_el0);
		isb();
		check("pmevtyper", read_sysreg(pmxevtyper_el0));
		check("pmevcntr", read_sysreg(pmxevcntr_el0));
	}
	pmu_counters = PMCR_N(pmcr);
}

static void pmu_write(void)
{
	uint64_t n;
	unsigned int i;

	if (!pmu_present())
		return;
	n = PMCR_N(read_sysreg(pmcr_el0));
	for (i = 0; i < n; i++) {
		write_sysreg(i, pmselr_el0);
		isb();
		write_sysreg(0x11, pmxevtyper_el0); /* CPU_CYCLES */
		write_sysreg(PATTERN >> 32 | i, pmxevcntr_el0);
	}
	write_sysreg(PATTERN, pmccntr_el0);
	write_sysreg((1ULL << 31) | ((1ULL << n) - 1), pmcntenset_el0);
	write_sysreg(read_sysreg(pmcr_el0) | PMCR_E, pmcr_el0);
	isb();
}

static void thread_regs_read(void)
{
	check("tpidr_el0", read_sysreg(tpidr_el0));
	check("tpidrro_el0", read_sysreg(tpidrro_el0));
	check("tpidr_el1", read_sysreg(tpidr_el1));
	check("contextidr", read_sysreg(contextidr_el1));
	check("cntv_cval", read_sysreg(cntv_cval_el0));
	check("dbgbvr0", read_sysreg(dbgbvr0_el1));
	check("dbgwvr0", read_sysreg(dbgwvr0_el1));
}

/* ID_AA64PFR0_EL1.GIC: the GICv3 system-register interface */
static bool gicv3_present(void)
{
	return read_sysreg(id_aa64pfr0_el1) >> 24 & 0xf;
}

/*
 * ICC_AP0R0_EL1, ICC_AP1R0_EL1 (ICV_ under the hypervisor): a bit left
 * set blocks every interrupt of that priority or lower for the next owner.
 */
static void gic_active_read(void)
{
	if (!gicv3_present())
		return;
	check("icc_ap0r0", read_sysreg(s3_0_c12_c8_4));
	check("icc_ap1r0", read_sysreg(s3_0_c12_c9_0));
}

static void gic_active_write(void)
{
	if (!gicv3_present())
		return;
	write_sysreg(1, s3_0_c12_c8_4);
	write_sysreg(2, s3_0_c12_c9_0);
	isb();
}

/*
 * ERRIDR, ERRSELR, LORC, LORID (ERRSELR and LORC written 1 first), those
 * the CPU has (ID_AA64PFR0_EL1.RAS, ID_AA64MMFR1_EL1.LO): UNDEFINED else.
 */
static void ras_lor_access(long times)
{
	bool ras = read_sysreg(id_aa64pfr0_el1) >> 28 & 0xf;
	bool lor = read_sysreg(id_aa64mmfr1_el1) >> 16 & 0xf;
	uint64_t erridr = 0, errselr = 0, lorc = 0, lorid = 0;
	long i;

	/*
	 * ERRSELR_EL1 only where ERRIDR_EL1 names records (QEMU, which has
	 * none, makes it UNDEFINED; the hypervisor's ERRIDR reads 0).
	 */
	for (i = 0; ras && i < times; i++) {
		erridr |= read_sysreg(s3_0_c5_c3_0); /* ERRIDR_EL1 */
		if (!(erridr & 0xffff))
			continue;
		write_sysreg(1, s3_0_c5_c3_1); /* ERRSELR_EL1 */
		errselr |= read_sysreg(s3_0_c5_c3_1);
	}
	for (i = 0; lor && i < times; i++) {
		write_sysreg(1, s3_0_c10_c4_3); /* LORC_EL1 */
		lorc |= read_sysreg(s3_0_c10_c4_3);
		lorid |= read_sysreg(s3_0_c10_c4_7); /* LORID_EL1 */
	}
	if (ras)
		printk("leak-probe[%ld]: RAS, %ld times: ERRIDR_EL1 0x%lx, "
		       "ERRSELR_EL1 0x%lx\n",
		       phase, times, (unsigned long)erridr,
		       (unsigned long)errselr);
	if (lor)
		printk("leak-probe[%ld]: LOR, %ld times: LORC_EL1 0x%lx, "
		       "LORID_EL1 0x%lx\n",
		       phase, times, (unsigned long)lorc, (unsigned long)lorid);
	if (!ras && !lor)
		printk("leak-probe[%ld]: no RAS, no LOR\n", phase);
}

static void thread_regs_write(void)
{
	write_sysreg(PATTERN | 0x100, tpidr_el0);
	write_sysreg(PATTERN | 0x101, tpidrro_el0);
	write_sysreg(PATTERN | 0x102, tpidr_el1);
	write_sysreg(PATTERN | 0x103, contextidr_el1);
	write_sysreg(PATTERN | 0x104, cntv_cval_el0);
	write_sysreg(PATTERN & ~3ULL, dbgbvr0_el1);
	write_sysreg(PATTERN & ~7ULL, dbgwvr0_el1);
}

void inmate_main(void)
{
	volatile uint64_t *p;

	/* first, before anything could touch them */
	phase = cmdline_parse_int("phase", 0);
	fpsimd_read();
	thread_regs_read();
	gic_active_read();
	keys_read();
	pmu_read();
	if (leaks)
		printk("\n");
	else
		printk("leak-probe[%ld]: all zero\n", phase);
	if (pacga_said)
		printk("leak-probe[%ld]: pacga(0x123456789abcdef, 0x42) = "
		       "0x%lx\n",
		       phase, (unsigned long)pacga_value);
	if (pmu_counters >= 0)
		printk("leak-probe[%ld]: %lu event counters\n", phase,
		       (unsigned long)pmu_counters);
	if (cmdline_parse_int("ras", 0))
		ras_lor_access(cmdline_parse_int("ras", 0));
	if (cmdline_parse_int("undef", 0) == 1)
		printk("leak-probe[%ld]: S3_1_C15_C2_1 = 0x%lx\n", phase,
		       (unsigned long)read_sysreg(s3_1_c15_c2_1));
	if (cmdline_parse_int("undef", 0) == 2)
		printk("leak-probe[%ld]: ACTLR_EL1 = 0x%lx\n", phase,
		       (unsigned long)read_sysreg(actlr_el1));
	if (!cmdline_parse_int("write", 0))
		psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	mmu_map_normal(FILL_START, FILL_END - FILL_START);
	for (p = (volatile uint64_t *)FILL_START;
	     p < (volatile uint64_t *)FILL_END; p++)
		*p = PATTERN | ((uint64_t)p >> 3);
	keys_write();
	pmu_write();
	thread_regs_write();
	gic_active_write();
	fpsimd_write();
	isb();
	printk("leak-probe[%ld]: patterns written\n", phase);
	psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
}
