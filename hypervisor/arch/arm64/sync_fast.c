// SPDX-License-Identifier: GPL-2.0
/*
 * The trap fast path: synchronous exceptions from EL1 that need no more
 * of the trapped context than x0-x18 and x30, which entry.S's trap_sync
 * saved. Handled here, with the same code and checks as through
 * arch_handle_exception() (traps.c):
 *  - hypercalls (hvc #0x4a48) except disable, which hands the CPU back to
 *    Linux with every register from the frame;
 *  - SMCs: PSCI and SMCCC (psci.c, cell_psci.c); a CPU that parks or
 *    restarts starts from a zeroed frame, forwarded calls take x0-x7;
 *  - aligned 32-bit reads of the distributor's registers that are the
 *    same for every cell (gicd_read_fast(): CTLR, TYPER, IIDR, TYPER2,
 *    the ID registers), from the syndrome and a table;
 *  - other data aborts with a syndrome on the GIC distributor whose
 *    register is x0-x18 or xzr (mmio_fast(), gicd.c);
 *  - a cell's ICC_SGI1R_EL1 write from x0-x18 or xzr (gicv3_sgi_write()).
 * sync_fast() switches on the exception class first, so that each kind
 * of exit pays only for its own tests.
 * Everything else returns SYNC_SLOW before anything changed: entry.S then
 * completes the frame and arch_handle_exception() takes it from the
 * start. So does every exit of a CPU with RAS that finds an SError
 * pending (serror_defer_check() attributes it).
 * docs/performance.md gives the paths' instruction counts.
 */
#include <arch/async.h>
#include <arch/cell.h>
#include <arch/cell_psci.h>
#include <arch/gicd.h>
#include <arch/gicv3.h>
#include <arch/hv.h>
#include <arch/hypercall.h>
#include <arch/mmio.h>
#include <arch/psci.h>
#include <arch/recover.h>
#include <arch/sync_fast.h>
#include <warden/esr.h>
#include <warden/hypercall.h>
#include <warden/mmio_fast.h>
#include <warden/serror.h>
#include <warden/sgi_policy.h>

/* A Warden hypercall, a trapped SMC: counted and handled. */
static inline __attribute__((always_inline)) void
hypercall_do(struct frame *f, struct per_cpu *pc)
{
	pc->stats[STAT_HYPERCALL]++;
	/*
	 * The information calls read only the hypervisor's own state: no
	 * recovery point to arm (50 instructions of the null hypercall).
	 * HYPERVISOR_GET_INFO answers the root and every cell alike
	 * (hypercall(), cell_hypercall_nonroot()). The others (management,
	 * console) get a recovery point.
	 */
	if (f->x[0] == WARDEN_HC_HYPERVISOR_GET_INFO)
		f->x[0] = hypercall_get_info(f->x[1]);
	else if (f->x[0] == WARDEN_HC_CPU_GET_INFO)
		f->x[0] = hypercall(f, pc->cpu);
	else
		f->x[0] = el2_recoverable(f, pc->cpu, hypercall);
}

static inline __attribute__((always_inline)) void smc_do(struct frame *f,
							 struct per_cpu *pc)
{
	/* A trapped SMC returns to itself: skip it. */
	uint32_t fid = f->x[0];

	sysreg_write(elr_el2, sysreg_read(elr_el2) + 4);
	pc->stats[STAT_SMCCC]++;
	/*
	 * The versions: the same answer for the root and every cell
	 * (psci.c, cell_psci.c), without their look-up.
	 */
	if (fid == PSCI_VERSION || fid == SMCCC_VERSION) {
		if (fid == PSCI_VERSION)
			pc->stats[STAT_PSCI]++;
		f->x[0] = PSCI_VERSION_1_1;
		return;
	}
	if (pc->lc.cell != LC_ROOT)
		cell_psci(f, pc->cpu);
	else
		psci_handle(f, pc->cpu);
}

/* The same for arch_handle_exception() (traps.c), out of line. */
void hypercall_enter(struct frame *f, struct per_cpu *pc)
{
	hypercall_do(f, pc);
}

void smc_enter(struct frame *f, struct per_cpu *pc)
{
	smc_do(f, pc);
}

#define SYNC_DONE 0
#define SYNC_SLOW 1

/*
 * An aligned 32-bit read of a distributor register whose value is the
 * same for the root and every cell (struct gicd_fast, gicd.c): decoded
 * from the syndrome alone (mmio_fast_read_reg()), answered from a table
 * (GICD_CTLR from the distributor), without a call. Writes, other sizes,
 * every register of an interrupt (their ownership masks and locks are
 * gicd_mmio()'s) and everything outside these few words take the full
 * path, which would read the same. 1 if done.
 */
static inline __attribute__((always_inline)) int
gicd_read_fast(struct frame *f, struct per_cpu *pc, uint64_t esr)
{
	int rt = mmio_fast_read_reg(esr);
	uint64_t off;
	uint32_t v;

	if (rt < 0)
		return 0;
	off = ((sysreg_read(hpfar_el2) >> 4) << 12 |
	       (sysreg_read(far_el2) & 0xfff)) -
	      gicd_fast.phys;
	if (off & 3)
		return 0;
	if (off == 0)
		v = *gicd_fast.ctlr;
	else if (off < sizeof(gicd_fast.low))
		v = gicd_fast.low[off / 4];
	else if (off - gicd_fast.id_start < sizeof(gicd_fast.id))
		v = gicd_fast.id[(off - gicd_fast.id_start) / 4];
	else
		return 0;
	if (rt != 31)
		f->x[rt] = v;
	sysreg_write(elr_el2, sysreg_read(elr_el2) + 4);
	pc->stats[STAT_TOTAL]++;
	pc->stats[STAT_MMIO]++;
	return 1;
}

/*
 * A cell's SGI: ICC_SGI1R_EL1 from x0-x18 or xzr (traps.c for the rest:
 * the other SGI registers, x19-x29, the reports).
 */
static unsigned long __attribute__((noinline))
sgi_fast(struct frame *f, struct per_cpu *pc, uint64_t esr)
{
	unsigned int rt = (esr >> 5) & 0x1f;

	if (!sgi_iss_is_send(esr) || (rt > 18 && rt != 31))
		return SYNC_SLOW;
	pc->stats[STAT_TOTAL]++;
	gicv3_sgi_write(pc, rt == 31 ? 0 : f->x[rt]);
	sysreg_write(elr_el2, sysreg_read(elr_el2) + 4);
	return SYNC_DONE;
}

/* Other data aborts: the distributor's registers (gicd.c) */
static unsigned long __attribute__((noinline))
mmio_fast_other(struct frame *f, struct per_cpu *pc, uint64_t esr)
{
	return mmio_fast(f, pc, esr) ? SYNC_DONE : SYNC_SLOW;
}

/* The hypercalls and SMCs sync_fast() does not answer itself. */
static unsigned long __attribute__((noinline))
sync_fast_call(struct frame *f, struct per_cpu *pc, uint64_t esr)
{
	if (ESR_EC(esr) == EC_SMC64) {
		pc->stats[STAT_TOTAL]++;
		smc_do(f, pc);
		return SYNC_DONE;
	}
	if ((esr & 0xffff) != WARDEN_HVC_IMM || f->x[0] == WARDEN_HC_DISABLE)
		return SYNC_SLOW;
	pc->stats[STAT_TOTAL]++;
	hypercall_do(f, pc);
	return SYNC_DONE;
}

/*
 * The two information calls first, as they are the cheapest (an
 * exception class compare each); then by exception class, so that each
 * other kind of exit pays only for its own tests (the distributor read's
 * syndrome test is a data abort's).
 */
unsigned long sync_fast(struct frame *f)
{
	struct per_cpu *pc = this_per_cpu();
	uint64_t esr = sysreg_read(esr_el2);

	if (pc->ras) {
		asm volatile("hint #16" : : : "memory"); /* ESB */
		if (serror_disr_pending(sysreg_read(s3_0_c12_c1_1)))
			return SYNC_SLOW;
	}
	/*
	 * HYPERVISOR_GET_INFO, the same for the root and every cell, reads
	 * a few words of the hypervisor's own: without a call or a frame.
	 */
	if (ESR_EC(esr) == EC_HVC64 && (esr & 0xffff) == WARDEN_HVC_IMM &&
	    f->x[0] == WARDEN_HC_HYPERVISOR_GET_INFO) {
		pc->stats[STAT_TOTAL]++;
		pc->stats[STAT_HYPERCALL]++;
		f->x[0] = hypercall_get_info(f->x[1]);
		return SYNC_DONE;
	}
	/* PSCI_VERSION and SMCCC_VERSION, likewise (smc_do()) */
	if (ESR_EC(esr) == EC_SMC64 && ((uint32_t)f->x[0] == PSCI_VERSION ||
					(uint32_t)f->x[0] == SMCCC_VERSION)) {
		pc->stats[STAT_TOTAL]++;
		smc_do(f, pc);
		return SYNC_DONE;
	}
	switch (ESR_EC(esr)) {
	case EC_SYS64:
		return sgi_fast(f, pc, esr);
	case EC_DABT_LOW:
		if (gicd_read_fast(f, pc, esr))
			return SYNC_DONE;
		return mmio_fast_other(f, pc, esr);
	case EC_HVC64:
	case EC_SMC64:
		return sync_fast_call(f, pc, esr);
	default:
		return SYNC_SLOW;
	}
}
