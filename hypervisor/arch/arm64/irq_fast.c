// SPDX-License-Identifier: GPL-2.0
/*
 * The interrupt path: a physical IRQ taken from EL1 (HCR_EL2.IMO).
 *
 * entry.S's IRQ vectors save only what a C function may clobber and call
 * irq_fast(). The common case, a hardware-linked PPI or an SPI of the
 * CPU's own cell, with a list register free and nothing waiting for one,
 * is done here with four accesses to the GIC's CPU interface (acknowledge,
 * priority drop, the empty list registers, one list register) and no
 * indirect call: the back-end is a per-CPU flag (gic.v2) tested once, each
 * side compiled with its own accessors inline. One interrupt per exit: a
 * second pending one takes the exception again right after the return,
 * which is cheaper than a second acknowledge that is nearly always
 * spurious. An SGI of the cell (not the stop SGI) is done here too when
 * every list register is free, so that none can hold it already: one
 * access more, its deactivation. Everything else goes to
 * irqchip_inject() (irqchip.c) with the same checks as ever: the
 * maintenance interrupt, the stop SGI, an SGI while a list register is
 * in use (it may be there already), SPIs of another cell, full list
 * registers or a non-empty queue (so that priority order holds).
 *
 * The ownership check is the same as cell_irq_owned()'s: an SPI is
 * injected only into the cell that owns it (cell_spi_owned_fast()); SGIs
 * and PPIs are banked per CPU, and an SGI reaches a CPU only from its
 * own cell (the sender's trap filters the targets).
 * docs/performance.md gives the path instruction by instruction.
 */
#include <arch/async.h>
#include <arch/cell.h>
#include <arch/cell_irq.h>
#include <arch/park.h>
#include <arch/hv.h>
#include <arch/irqchip.h>
#include <warden/serror.h>

/* What irq_fast() asks of entry.S: nothing, or irq_slow() with a reason */
#define IRQ_DONE 0
#define IRQ_STOP 1 /* the CPU was asked to stop: park it */
#define IRQ_SERROR 2 /* an SError was pending at the exit (RAS) */

#define GICC_IAR 0x000c
#define GICC_EOIR 0x0010
#define GICC_DIR 0x1000
#define GICH_ELRSR0 0x0030
#define GICH_LR(n) (0x0100 + (n)*4)

/* GICv3 list register: pending, group 1, hardware-linked (or not) */
#define V3_LR_PENDING_G1_HW (7ULL << 60)
#define V3_LR_PENDING_G1 (5ULL << 60)
#define V3_LR_PRIO_SHIFT 48
#define V3_LR_PINTID_SHIFT 32
/* GICv2 list register: hardware-linked, pending, group 0 (Linux's) */
#define V2_LR_HW_PENDING (1U << 31 | 1U << 28)
#define V2_LR_PENDING (1U << 28)
#define V2_LR_PRIO_SHIFT 23
#define V2_LR_PHYS_SHIFT 10

static inline uint32_t rd32(volatile uint8_t *base, unsigned int off)
{
	return *(volatile uint32_t *)(base + off);
}

static inline void wr32(volatile uint8_t *base, unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(base + off) = v;
}

/*
 * ICH_LR<n>_EL2 = v: a branch into a table of writes, since the register
 * is part of the instruction (n < 16, the architecture's maximum).
 */
static inline void v3_lr_write(unsigned int n, uint64_t v)
{
	uint64_t tmp;

	asm volatile("adr	%0, 1f\n"
		     "add	%0, %0, %1, lsl #3\n"
		     "br	%0\n"
		     "1:\n"
		     ".irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n"
		     "msr	ich_lr\\i\\()_el2, %2\n"
		     "b	2f\n"
		     ".endr\n"
		     "2:\n"
		     : "=&r"(tmp)
		     : "r"((uint64_t)n), "r"(v)
		     : "memory");
}

/*
 * The rest of the path, with a call: kept out of irq_take()'s frame. An
 * SGI or PPI is banked per CPU: the CPU's owner has it. An SPI that gets
 * here either passed cell_spi_owned_fast() (its cell's, the list
 * registers full or others queued) or failed it, and only then is
 * cell_irq_deliverable() asked, which routes a foreign one away.
 */
static unsigned long __attribute__((noinline))
irq_generic(struct per_cpu *pc, uint32_t iar)
{
	uint32_t intid = GIC_IAR_INTID(iar);

	if (intid < 32 || cell_spi_owned_fast(pc, intid) ||
	    cell_irq_deliverable(pc->cpu, intid))
		irqchip_inject(pc, iar);
	return pc->lc.state == CPU_STOPPING ? IRQ_STOP : IRQ_DONE;
}

/* One interrupt, on a GICv2 (v2) or a GICv3 (!v2); inlined twice. */
static inline __attribute__((always_inline)) unsigned long
irq_take(struct per_cpu *pc, const bool v2)
{
	struct gic_cpu *g = &pc->gic;
	uint64_t iar, intid, empty, lr; /* 64 bits: what msr takes */
	uint8_t prio;

	if (v2) {
		/* the INTID and, for an SGI, the sender */
		iar = rd32(g->gicc, GICC_IAR) & 0x1fff;
		intid = iar & 0x3ff;
	} else {
		/* no LPIs reach EL2 (gicr.c): 1020 and up are special */
		iar = intid = sysreg_read(icc_iar1_el1) & 0xffffff;
	}
	/*
	 * Priority drop only: the deactivation is the cell's (EOImode 1),
	 * but for an SGI, which cannot be hardware-linked. Not for the
	 * special INTIDs (spurious: another CPU took it, or it went away).
	 */
	if (intid < 32) {
		if (v2)
			wr32(g->gicc, GICC_EOIR, (uint32_t)iar);
		else
			sysreg_write(icc_eoir1_el1, iar);
		/* not the stop SGI nor the maintenance interrupt */
		if (!(g->fast_irqs >> intid & 1))
			goto generic;
		prio = g->prio[intid];
		/* an SGI (INTID < 16 here, one bit to test) */
		if (!(intid & 16))
			goto sgi;
	} else {
		if (intid >= 1020)
			return IRQ_DONE;
		if (v2)
			wr32(g->gicc, GICC_EOIR, (uint32_t)iar);
		else
			sysreg_write(icc_eoir1_el1, iar);
		if (!cell_spi_owned_fast(pc, intid))
			goto generic;
		prio = irqchip_spi_prio[intid];
	}
	if (g->queued)
		goto generic;
	if (v2) /* list registers 0-31; 32-63 (rare) are the generic path's */
		empty = rd32(g->gich, GICH_ELRSR0);
	else
		empty = sysreg_read(ich_elrsr_el2);
	if (!empty)
		goto generic;
	pc->stats[STAT_VIRQ]++;
	if (v2) {
		lr = V2_LR_HW_PENDING |
		     (uint32_t)(prio >> 3) << V2_LR_PRIO_SHIFT |
		     intid << V2_LR_PHYS_SHIFT | intid;
		wr32(g->gich, GICH_LR(__builtin_ctzll(empty)), (uint32_t)lr);
	} else {
		v3_lr_write(__builtin_ctzll(empty),
			    V3_LR_PENDING_G1_HW |
				    (uint64_t)prio << V3_LR_PRIO_SHIFT |
				    (uint64_t)intid << V3_LR_PINTID_SHIFT |
				    intid);
	}
	/*
	 * Not the stop SGI: a management call that asks this CPU to stop
	 * sends it after the CPU's state says so (cell.c), and it takes the
	 * generic path, which looks at the state.
	 */
	return IRQ_DONE;
sgi:
	/*
	 * An SGI of the cell (its sender's trap filtered the targets to the
	 * cell's CPUs: gicv3_sgi_write(), gicv2_sgir_write()), here only
	 * when every list register is free: then none holds this SGI
	 * already, which lr_inject() would look for, and it goes into list
	 * register 0. Not hardware-linked: deactivated here; on a GICv2
	 * with its sender's CPU interface (iar bits 10-12), the number the
	 * cell addressed it by.
	 */
	if (g->queued)
		goto generic;
	if (v2)
		empty = rd32(g->gich, GICH_ELRSR0);
	else
		empty = sysreg_read(ich_elrsr_el2);
	if (empty != g->lrs_all)
		goto generic;
	pc->stats[STAT_VIRQ]++;
	if (v2) {
		wr32(g->gicc, GICC_DIR, (uint32_t)iar);
		wr32(g->gich, GICH_LR(0),
		     V2_LR_PENDING | (uint32_t)(prio >> 3) << V2_LR_PRIO_SHIFT |
			     (uint32_t)iar);
	} else {
		sysreg_write(icc_dir_el1, iar);
		sysreg_write(ich_lr0_el2,
			     V3_LR_PENDING_G1 |
				     (uint64_t)prio << V3_LR_PRIO_SHIFT |
				     intid);
	}
	return IRQ_DONE;
generic:
	return irq_generic(pc, iar);
}

/* entry.S: x0-x18 and x30 saved; returns IRQ_DONE or irq_slow()'s why */
unsigned long irq_fast(void)
{
	struct per_cpu *pc = this_per_cpu();

	pc->stats[STAT_TOTAL]++;
	if (pc->ras) {
		/*
		 * An SError pending since EL1 ran is that context's
		 * (serror_defer_check()): ESB takes it into DISR_EL1.
		 */
		asm volatile("hint #16" : : : "memory"); /* ESB */
		if (serror_disr_pending(sysreg_read(s3_0_c12_c1_1)))
			return IRQ_SERROR;
	}
	return pc->gic.v2 ? irq_take(pc, true) : irq_take(pc, false);
}

/* entry.S, with the whole frame: what irq_fast() did not finish. */
void irq_slow(struct frame *f, unsigned long why)
{
	struct per_cpu *pc = this_per_cpu();

	if (why == IRQ_SERROR) {
		/* the root's: handed on, and the interrupt taken after */
		serror_defer_check(f, pc->cpu);
		why = pc->gic.v2 ? irq_take(pc, true) : irq_take(pc, false);
	}
	if (why == IRQ_STOP)
		cell_handle_events(f, pc->cpu);
}
