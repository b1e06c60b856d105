// SPDX-License-Identifier: GPL-2.0
/*
 * test-probe: makes one access of the kind a partitioning hypervisor must
 * refuse to a cell, and reports what happened, so that isolation tests can
 * tell a refused access (an error result, a write that did not stick, or
 * a parked CPU: no "probe: done") from one that got through.
 *
 * Parameters: probe=ACTION and its arguments; alive=N prints a line per
 * second for N seconds afterwards (to show the cell still runs).
 *   read       addr=A           64-bit load
 *   write      addr=A value=V   64-bit store, then a load back
 *   write32    addr=A value=V   32-bit store, then a load back
 *   gicr-own                    find this CPU's redistributor frame
 *   (for read, write and write32, gicr-off=O instead of addr: offset O
 *   into this CPU's redistributor frames, found as gicr-own does)
 *   gicd-enable   irq=N         set the SPI's enable bit, read it back
 *   gicd-route    irq=N mpidr=M route the SPI to CPU M, read it back
 *                               (GICD_IROUTER; on GICv2 GICD_ITARGETSR
 *                               with bit Aff0 of M)
 *   gicd-priority irq=N prio=P  set the SPI's priority, read it back
 *   sgi        mpidr=M sgi=S    send SGI S to CPU M
 *   sgi0       value=V          write V to ICC_SGI0R_EL1 (GICv3)
 *   asgi1      value=V          write V to ICC_ASGI1R_EL1 (GICv3)
 *   cpu-on     mpidr=M [times=N] PSCI CPU_ON (SMC in a cell, HVC bare),
 *                               N times (1)
 *   hypercall  code=C arg=A     hvc #0x4a48
 *   exec       addr=A           branch to A (an instruction fetch there)
 *   smc        fid=F            smc #0 with function id F in x0
 *   impdef                      read S3_1_C15_C2_1, an IMPLEMENTATION
 *                               DEFINED register (CPUECTLR_EL1 on a
 *                               Cortex-A57); on a CPU without FEAT_TIDCP1
 *                               (QEMU before 8.1, which does not trap
 *                               HCR_EL2.TIDCP either) it says so and
 *                               shuts the cell down instead (PSCI
 *                               SYSTEM_OFF), unless force=1
 *   gicd-ldxr                   ldxr from GICD_CTLR: an exclusive load
 *   walk-gicd                   a load whose stage-1 table walk reads the
 *                               GIC distributor (the 1 GiB at 0xc0000000
 *                               made to point there as a table)
 *   exec-gicd                   a jump to the GIC distributor, mapped as
 *                               normal executable memory at stage 1
 *   gicd-writeback irq=N value=V  the priorities of SPIs N..N+3 (N a
 *                               multiple of 4) by accesses without
 *                               syndrome: `str wV, [xB, #16]!`, `ldp` with
 *                               post-index, `str wzr, [xB, #16]!`, then
 *                               V>>1 read by `ldr wT, [sp, #8]!`
 *   gicr-writeback irq=N value=V  the same for the SGI/PPI priorities
 *                               in this CPU's redistributor (N+8 a
 *                               multiple of 16, e.g. 8)
 *   gicd-reads                  32-bit loads of GICD_CTLR, TYPER, IIDR,
 *                               TYPER2, PIDR2, CIDR1 and ISENABLER1 into
 *                               w1 and w18 (the hypervisor's fast read
 *                               path), w20 (its full path: x19-x29 are
 *                               not in the fast path's frame) and wzr;
 *                               one line per register (28 MMIO exits)
 */
#include <inmate.h>
#include <hypercall.h>
#include <mmio.h>
#include <psci.h>
#include <sysreg.h>

#define GICD_ISENABLER 0x0100
#define GICD_IPRIORITYR 0x0400
#define GICD_IROUTER 0x6000
#define GICD_ITARGETSR 0x0800
#define GICR_TYPER 0x0008
#define GICR_TYPER_LAST (1U << 4)
#define GICR_FRAME_SIZE 0x20000
#define GICR_FRAMES_MAX 64
#define GICR_IPRIORITYR 0x10400

static char action[24];

static uint64_t param(const char *name)
{
	return cmdline_parse_int(name, 0);
}

/*
 * One distributor register read by w1, w18 and w20: the hypervisor's fast
 * path (x0-x18) and its full path (x19-x29) must agree; wzr drops it.
 */
static void probe_gicd_read(uintptr_t gicd, unsigned int off)
{
	register uint64_t r1 asm("x1");
	register uint64_t r18 asm("x18");
	register uint64_t r20 asm("x20");
	uintptr_t a = gicd + off;

	asm volatile("ldr w1, [%1]" : "=r"(r1) : "r"(a) : "memory");
	asm volatile("ldr w18, [%1]" : "=r"(r18) : "r"(a) : "memory");
	asm volatile("ldr w20, [%1]" : "=r"(r20) : "r"(a) : "memory");
	asm volatile("ldr wzr, [%0]" : : "r"(a) : "memory");
	if (r1 == r18 && r1 == r20)
		printk("probe: GICD 0x%x = 0x%lx by w1, w18 and w20\n", off,
		       (unsigned long)r1);
	else
		printk("probe: GICD 0x%x = 0x%lx by w1, 0x%lx by w18, 0x%lx "
		       "by w20\n",
		       off, (unsigned long)r1, (unsigned long)r18,
		       (unsigned long)r20);
}

static uintptr_t probe_gicd(void)
{
	if (comm_region)
		return comm_region->gicd_base;
	return 0x08000000UL;
}

/*
 * This CPU's redistributor: the frame whose GICR_TYPER carries its
 * affinity, walked from the first frame as the inmate library does (the
 * hypervisor shows other CPUs' TYPER for this). 0 if there is none.
 */
static uintptr_t probe_gicr_own(void)
{
	uintptr_t rd = comm_region ? comm_region->gicr_base : 0x080a0000UL;
	uint64_t mpidr = inmate_cpu_affinity();
	uint64_t aff = (mpidr >> 32 & 0xff) << 24 | (mpidr & 0xffffff);

	for (int i = 0; i < GICR_FRAMES_MAX; i++, rd += GICR_FRAME_SIZE) {
		uint64_t typer = mmio_read64(rd + GICR_TYPER);

		if (typer >> 32 == aff)
			return rd;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

/* A secondary CPU started by cpu-on just waits. */
static void __attribute__((noreturn)) probe_secondary(void)
{
	for (;;)
		asm volatile("wfi");
}

/* Not inlined, so that a fault report's pc names it (decode-cell-fault). */
static uint64_t __attribute__((noinline)) probe_read(uint64_t addr)
{
	return mmio_read64(addr);
}

static bool probe_is(const char *name)
{
	size_t i;

	for (i = 0; name[i] && action[i] == name[i]; i++)
		;
	return !name[i] && !action[i];
}

/*
 * Writeback and pair accesses to a priority register (GICD_IPRIORITYR or
 * GICR_IPRIORITYR): the CPU reports them without syndrome, so the
 * hypervisor has to decode the instruction.
 */
static void probe_writeback(uintptr_t reg, uint32_t value)
{
	uintptr_t start = reg - 16, base = start;
	uint32_t lo, hi;

	asm volatile("str %w1, [%0, #16]!"
		     : "+r"(base)
		     : "r"(value)
		     : "memory");
	printk("probe: str pre-index: base +%ld\n", (long)(base - start));
	asm volatile("ldp %w0, %w1, [%2], #8"
		     : "=&r"(lo), "=&r"(hi), "+r"(base)
		     :
		     : "memory");
	printk("probe: ldp post-index: 0x%x 0x%x, base +%ld\n", lo, hi,
	       (long)(base - start));
	base = start;
	asm volatile("str wzr, [%0, #16]!" : "+r"(base) : : "memory");
	printk("probe: str wzr pre-index: base +%ld, reads back 0x%x\n",
	       (long)(base - start), mmio_read32(reg));
}

/*
 * A pre-indexed load with SP as the base (reg - 8 must be 16-byte aligned
 * for SP alignment checking): the hypervisor writes back SP_EL1. Nothing
 * may touch the stack meanwhile, so interrupts are masked and the real SP
 * is kept in a register.
 */
static void probe_sp_writeback(uintptr_t reg, uint32_t value)
{
	uint64_t moved, v;

	mmio_write32(reg, value);
	asm volatile("mrs x9, daif\n"
		     "msr daifset, #0xf\n"
		     "mov x10, sp\n"
		     "mov sp, %2\n"
		     "ldr %w1, [sp, #8]!\n"
		     "mov x11, sp\n"
		     "mov sp, x10\n"
		     "msr daif, x9\n"
		     "sub %0, x11, %2\n"
		     : "=&r"(moved), "=&r"(v)
		     : "r"(reg - 8)
		     : "x9", "x10", "x11", "memory");
	printk("probe: ldr [sp, #8]!: 0x%x, sp +%ld\n", (unsigned int)v,
	       (long)moved);
}

/*
 * The inmate's stage 1 starts at level 1 with 1 GiB entries, identity
 * mapped: entry 3 (0xc0000000) becomes a table at the distributor, so that
 * the walk for a load there reads the emulated device. The hypervisor
 * answers with a synchronous external abort, which the inmate's exception
 * handler prints.
 */
static void probe_walk_into(uintptr_t table)
{
	uint64_t *l1 = (uint64_t *)(read_sysreg(ttbr0_el1) & 0xfffffffff000UL);

	l1[3] = table | 3;
	asm volatile("dsb ishst\n tlbi vmalle1\n dsb ish\n isb" : : : "memory");
	printk("probe: read 0xc0000000 = 0x%lx\n",
	       (unsigned long)mmio_read64(0xc0000000UL));
}

/*
 * The distributor's 2 MiB made normal, executable memory in the inmate's
 * level-2 table of the first 1 GiB, then a jump there: the fetch reaches
 * stage 2, where the hypervisor answers with an external abort.
 */
static void probe_exec_at(uintptr_t addr)
{
	uint64_t *l1 = (uint64_t *)(read_sysreg(ttbr0_el1) & 0xfffffffff000UL);
	uint64_t *l2 = (uint64_t *)(l1[0] & 0xfffffffff000UL);

	/* block, AttrIndx 0 (normal), inner shareable, access flag */
	l2[addr >> 21] = (addr & ~0x1fffffUL) | 0x701;
	asm volatile("dsb ishst\n tlbi vmalle1\n dsb ish\n isb" : : : "memory");
	((void (*)(void))addr)();
	printk("probe: returned from 0x%lx\n", (unsigned long)addr);
}

/* An SMC with nothing but the function id: for services a cell lacks. */
static long probe_smc(uint64_t fid)
{
	register uint64_t x0 asm("x0") = fid;

	asm volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
	return (long)x0;
}

static void probe_run(void)
{
	uint64_t addr = param("addr"), value = param("value");
	long long gicr_off = cmdline_parse_int("gicr-off", -1);
	unsigned int irq = param("irq");
	uintptr_t gicd = probe_gicd(), gicr = 0;

	if (gicr_off >= 0 || probe_is("gicr-own") ||
	    probe_is("gicr-writeback")) {
		gicr = probe_gicr_own();
		if (!gicr) {
			printk("probe: no redistributor for this CPU\n");
			return;
		}
		if (gicr_off >= 0)
			addr = gicr + gicr_off;
	}

	if (probe_is("read")) {
		printk("probe: read 0x%lx\n", (unsigned long)addr);
		value = probe_read(addr);
		printk("probe: read 0x%lx = 0x%lx\n", (unsigned long)addr,
		       (unsigned long)value);
	} else if (probe_is("write")) {
		printk("probe: write 0x%lx to 0x%lx\n", (unsigned long)value,
		       (unsigned long)addr);
		mmio_write64(addr, value);
		printk("probe: 0x%lx reads back 0x%lx\n", (unsigned long)addr,
		       (unsigned long)mmio_read64(addr));
	} else if (probe_is("write32")) {
		printk("probe: write32 0x%x to 0x%lx\n", (unsigned int)value,
		       (unsigned long)addr);
		mmio_write32(addr, value);
		printk("probe: 0x%lx reads back 0x%x\n", (unsigned long)addr,
		       mmio_read32(addr));
	} else if (probe_is("gicr-own")) {
		printk("probe: own redistributor at 0x%lx\n",
		       (unsigned long)gicr);
	} else if (probe_is("gicd-enable")) {
		uintptr_t reg = gicd + GICD_ISENABLER + irq / 32 * 4;

		printk("probe: enable IRQ %u in GICD\n", irq);
		mmio_write32(reg, 1U << (irq % 32));
		printk("probe: IRQ %u enabled: %u\n", irq,
		       (mmio_read32(reg) >> (irq % 32)) & 1);
	} else if (probe_is("gicd-route") && gic_version() == 2) {
		/* GICv2 routes by CPU interface bit: Aff0's on QEMU virt. */
		uintptr_t reg = gicd + GICD_ITARGETSR + irq;
		uint8_t mask = 1U << (param("mpidr") & 7);

		printk("probe: route IRQ %u to CPU interface mask 0x%x\n", irq,
		       mask);
		mmio_write8(reg, mask);
		printk("probe: IRQ %u targets 0x%x\n", irq,
		       *(volatile uint8_t *)reg);
	} else if (probe_is("gicd-route")) {
		uintptr_t reg = gicd + GICD_IROUTER + irq * 8;

		printk("probe: route IRQ %u to MPIDR 0x%lx\n", irq,
		       (unsigned long)param("mpidr"));
		mmio_write64(reg, param("mpidr"));
		printk("probe: IRQ %u routed to 0x%lx\n", irq,
		       (unsigned long)mmio_read64(reg));
	} else if (probe_is("gicd-priority")) {
		uintptr_t reg = gicd + GICD_IPRIORITYR + irq;

		printk("probe: set priority of IRQ %u to 0x%x\n", irq,
		       (unsigned int)param("prio"));
		mmio_write8(reg, param("prio"));
		printk("probe: IRQ %u priority 0x%x\n", irq,
		       *(volatile uint8_t *)reg);
	} else if (probe_is("sgi")) {
		if (gic_init())
			return;
		printk("probe: SGI %u to MPIDR 0x%lx\n",
		       (unsigned int)param("sgi"),
		       (unsigned long)param("mpidr"));
		gic_send_sgi(param("mpidr"), param("sgi"));
		printk("probe: SGI sent\n");
	} else if (probe_is("sgi0")) {
		printk("probe: ICC_SGI0R_EL1 <- 0x%lx\n",
		       (unsigned long)param("value"));
		write_sysreg_s(param("value"), ICC_SGI0R_EL1);
		isb();
		printk("probe: SGI register written\n");
	} else if (probe_is("asgi1")) {
		printk("probe: ICC_ASGI1R_EL1 <- 0x%lx\n",
		       (unsigned long)param("value"));
		write_sysreg_s(param("value"), ICC_ASGI1R_EL1);
		isb();
		printk("probe: SGI register written\n");
	} else if (probe_is("cpu-on")) {
		unsigned long i, times = cmdline_parse_int("times", 1);
		long ret = 0;

		printk("probe: PSCI CPU_ON MPIDR 0x%lx\n",
		       (unsigned long)param("mpidr"));
		for (i = 0; i < times; i++)
			ret = psci_call(PSCI_CPU_ON, param("mpidr"),
					(uintptr_t)probe_secondary, 0);
		printk("probe: CPU_ON returned %ld\n", ret);
	} else if (probe_is("hypercall")) {
		long ret;

		printk("probe: hypercall %lu (0x%lx)\n",
		       (unsigned long)param("code"),
		       (unsigned long)param("arg"));
		ret = hypercall_1(param("code"), param("arg"));
		printk("probe: hypercall returned %ld\n", ret);
	} else if (probe_is("exec")) {
		printk("probe: jump to 0x%lx\n", (unsigned long)addr);
		((void (*)(void))(uintptr_t)addr)();
		printk("probe: returned from 0x%lx\n", (unsigned long)addr);
	} else if (probe_is("gicd-writeback")) {
		printk("probe: priorities of IRQs %u-%u by writeback\n", irq,
		       irq + 3);
		probe_writeback(gicd + GICD_IPRIORITYR + irq, param("value"));
		probe_sp_writeback(gicd + GICD_IPRIORITYR + irq,
				   param("value") >> 1);
	} else if (probe_is("gicr-writeback")) {
		printk("probe: redistributor priorities of IRQs %u-%u by "
		       "writeback\n",
		       irq, irq + 3);
		probe_writeback(gicr + GICR_IPRIORITYR + irq, param("value"));
		probe_sp_writeback(gicr + GICR_IPRIORITYR + irq,
				   param("value") >> 1);
	} else if (probe_is("gicd-reads")) {
		/* the identification registers: at 0xffd0, GICv2 0xfd0 */
		unsigned int id = gic_version() == 2 ? 0xfd0 : 0xffd0;
		const unsigned int offs[] = { 0x0,	 0x4,	    0x8,  0xc,
					      id + 0x18, id + 0x24, 0x104 };

		for (unsigned int i = 0; i < sizeof(offs) / sizeof(offs[0]);
		     i++)
			probe_gicd_read(gicd, offs[i]);
	} else if (probe_is("gicd-ldxr")) {
		uint32_t v;

		printk("probe: ldxr from GICD_CTLR\n");
		asm volatile("ldxr %w0, [%1]\n clrex"
			     : "=r"(v)
			     : "r"(gicd)
			     : "memory");
		printk("probe: ldxr read 0x%x\n", v);
	} else if (probe_is("walk-gicd")) {
		printk("probe: stage-1 table at the GICD, read 0xc0000000\n");
		probe_walk_into(gicd);
	} else if (probe_is("exec-gicd")) {
		printk("probe: jump to the GICD at 0x%lx\n",
		       (unsigned long)gicd);
		probe_exec_at(gicd);
	} else if (probe_is("smc")) {
		printk("probe: smc 0x%lx\n", (unsigned long)param("fid"));
		printk("probe: smc returned %ld\n", probe_smc(param("fid")));
	} else if (probe_is("impdef")) {
		unsigned long tidcp1 = read_sysreg(id_aa64mmfr1_el1) >> 52 &
				       0xf;

		/* the root sees the cell's state, not its UART */
		printk("probe: ID_AA64MMFR1_EL1.TIDCP1 %lu\n", tidcp1);
		if (!tidcp1 && !param("force")) {
			printk("probe: no FEAT_TIDCP1: shutting down\n");
			psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
		}
		printk("probe: read S3_1_C15_C2_1\n");
		printk("probe: S3_1_C15_C2_1 = 0x%lx\n",
		       (unsigned long)read_sysreg(s3_1_c15_c2_1));
	} else {
		printk("probe: unknown probe \"%s\"\n", action);
		return;
	}
	printk("probe: done\n");
}

void inmate_main(void)
{
	long long alive = cmdline_parse_int("alive", 0);

	cmdline_parse_str("probe", action, sizeof(action), "");
	printk("test-probe: %s, probe \"%s\"\n",
	       inmate_is_bare() ? "bare QEMU" : "cell", action);
	probe_run();
	for (long long s = 1; s <= alive; s++) {
		for (int ms = 0; ms < 1000; ms++) {
			delay_us(1000);
			comm_poll();
		}
		printk("probe: still running (%lld s)\n", s);
	}
}
