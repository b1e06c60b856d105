// SPDX-License-Identifier: GPL-2.0
/*
 * The virtualised GIC CPU interface, what both versions share: physical
 * interrupts are taken at EL2 (IMO) and handed to the cell through the
 * list registers, each with the priority the cell programmed for it in the
 * distributor (or its redistributor, or bank 0 of a GICv2 distributor).
 * Shared and private peripheral interrupts are injected with the hardware
 * bit, so that the cell's deactivation deactivates the physical interrupt.
 * More pending interrupts than list registers wait in a queue refilled
 * from the maintenance interrupt; the list registers always hold the most
 * urgent ones, so that the cell takes them in priority order.
 *
 * The physical interface runs with EOImode 1 at EL2: the hypervisor only
 * drops the priority; deactivation is the cell's. gicv3.c and gicv2.c do
 * the register accesses (struct irqchip_ops).
 */
#include <arch/cell.h>
#include <arch/hv.h>
#include <arch/irqchip.h>
#include <warden/errno.h>

/*
 * Of the hypervisor's own interrupts: Linux's default. Any priority more
 * urgent than the physical mask (0xff) reaches EL2; the value orders them
 * only against other interrupts pending at the same moment.
 */
#define HV_IRQ_PRIORITY 0xa0
#define GIC_SPI_END 1020 /* INTIDs 1020-1023 are special */
#define GICD_TYPER 0x0004
#define GICD_IPRIORITYR 0x0400
#define PRIV_ISENABLER0 0x0100
#define PRIV_ICENABLER0 0x0180
#define PRIV_ICPENDR0 0x0280
#define PRIV_ICACTIVER0 0x0380
#define PRIV_IPRIORITYR 0x0400

#define QUEUE_LEN GIC_QUEUE_LEN

const struct irqchip_ops *irqchip;
spinlock_t gicd_lock; /* released by el2_locks_release() */
spinlock_t gicr_lock; /* the same */
static volatile uint8_t *gicd_virt;
static unsigned int maint_irq;
static uint32_t reserved;
/*
 * Copies of the priorities, so that an injection does not read the GIC,
 * a device read on hardware, for every interrupt. Every write to an
 * IPRIORITYR traps (gicd.c, gicr.c) and reloads the copy from the
 * register, which holds only the priority bits the GIC implements.
 */
uint8_t irqchip_spi_prio[GIC_SPI_END];
#define spi_prio irqchip_spi_prio

volatile uint8_t *irqchip_gicd(void)
{
	return gicd_virt;
}

unsigned int irqchip_maint_irq(void)
{
	return maint_irq;
}

uint32_t irqchip_reserved_irqs(void)
{
	return reserved;
}

int irqchip_init(const struct irqchip_ops *ops)
{
	uint64_t gicd = sys_config->platform_info.arm.gicd_base;
	unsigned int n, lines;
	int err;

	irqchip = ops;
	maint_irq = sys_config->platform_info.arm.maintenance_irq;
	if (maint_irq < 16 || maint_irq > 31) {
		printk("ERROR: GIC maintenance interrupt %u: must be a PPI "
		       "(16-31)\n",
		       maint_irq);
		return -EINVAL;
	}
	reserved = 1U << SGI_CELL_STOP | 1U << maint_irq;
	gicd_virt =
		(volatile uint8_t *)(HV_GIC_VIRT + (gicd & ((1ULL << 30) - 1)));
	err = irqchip->init();
	if (err)
		return err;
	/* GICD_TYPER.ITLinesNumber: 32 * (N + 1) INTIDs, the same on both */
	lines = 32 *
		((*(volatile uint32_t *)(gicd_virt + GICD_TYPER) & 0x1f) + 1);
	for (n = 32; n < GIC_SPI_END && n < lines; n++)
		spi_prio[n] = gicd_virt[GICD_IPRIORITYR + n];
	return 0;
}

int irqchip_cpu_probe(unsigned int cpu)
{
	return irqchip->cpu_probe(cpu);
}

/* The priority the cell gave the interrupt: what the GIC holds for it. */
static uint8_t irq_priority(struct gic_cpu *g, uint32_t iar)
{
	uint32_t intid = GIC_IAR_INTID(iar);

	if (intid < 32)
		return g->prio[intid];
	if (intid < GIC_SPI_END)
		return spi_prio[intid];
	return HV_IRQ_PRIORITY;
}

static void lr_fill(struct gic_cpu *g, struct gic_lr *lr, uint32_t iar)
{
	uint32_t intid = GIC_IAR_INTID(iar);

	*lr = (struct gic_lr){
		.intid = intid,
		.source = intid < 16 ? GIC_IAR_SOURCE(iar) : 0,
		.prio = irq_priority(g, iar),
		.state = GIC_LR_PENDING,
		/* SGIs cannot be hardware-linked; deactivated on entry */
		.hw = intid >= 16,
		/* Linux enables group 1 on GICv3, group 0 on GICv2's GICV */
		.group1 = irqchip->version == 3,
	};
}

static uint32_t lr_iar(const struct gic_lr *lr)
{
	return lr->intid | lr->source << 10;
}

/*
 * Queued unless already queued: an SGI sent again before the cell took
 * the last one is pending once, as in the GIC (a GICv2 SGI once per
 * sender, which its IAR names), so that a cell sending itself the same
 * SGI in a loop cannot fill the queue. Returns -EBUSY when full.
 */
static int queue_add(struct gic_cpu *g, uint32_t iar)
{
	unsigned int i;

	for (i = 0; i < g->queued; i++)
		if (g->queue[i] == iar)
			return 0;
	if (g->queued == QUEUE_LEN)
		return -EBUSY;
	g->queue[g->queued++] = iar;
	return 0;
}

/*
 * Every list register is in use: if one holds an interrupt that is only
 * pending and less urgent than iar, iar takes its place and it waits
 * in the queue. So the list registers always hold the most urgent
 * interrupts and the cell takes them in priority order, also when more
 * are pending than there are registers. Returns 0, or -EBUSY.
 */
static int lr_evict(struct gic_cpu *g, uint32_t iar)
{
	uint8_t worst = irq_priority(g, iar);
	unsigned int n, victim = g->num_lrs;
	struct gic_lr lr, vlr = { 0 };

	if (g->queued >= QUEUE_LEN)
		return -EBUSY;
	for (n = 0; n < g->num_lrs; n++) {
		irqchip->lr_get(n, &lr);
		if (lr.state == GIC_LR_PENDING && lr.prio > worst) {
			worst = lr.prio;
			victim = n;
			vlr = lr;
		}
	}
	if (victim == g->num_lrs)
		return -EBUSY;
	queue_add(g, lr_iar(&vlr));
	lr_fill(g, &lr, iar);
	irqchip->lr_set(victim, &lr);
	return 0;
}

/*
 * Returns 0, or -EBUSY when every list register is in use. Only an SGI
 * can already be in a list register: a hardware-linked interrupt stays
 * active in the GIC until the cell deactivates it, so it is not taken
 * again meanwhile, and a free register (ELRSR) is taken at once.
 */
static int lr_inject(struct gic_cpu *g, uint32_t iar)
{
	uint64_t empty = irqchip->lr_empty(), used;
	struct gic_lr lr;
	unsigned int n;

	used = ~empty & ((1ULL << g->num_lrs) - 1);
	for (; GIC_IAR_INTID(iar) < 16 && used; used &= used - 1) {
		n = __builtin_ctzll(used);
		irqchip->lr_get(n, &lr);
		if (lr_iar(&lr) != iar)
			continue;
		/* An SGI again before the cell finished the last one. */
		if (!(lr.state & GIC_LR_PENDING)) {
			lr.state |= GIC_LR_PENDING;
			irqchip->lr_set(n, &lr);
		}
		return 0;
	}
	if (empty) {
		lr_fill(g, &lr, iar);
		irqchip->lr_set(__builtin_ctzll(empty), &lr);
		return 0;
	}
	return lr_evict(g, iar);
}

/* ICH_HCR_EL2/GICH_HCR written only when the underflow request changes. */
static void underflow_irq(struct gic_cpu *g, bool on)
{
	if (g->uie == on)
		return;
	g->uie = on;
	irqchip->underflow_irq(on);
}

/* Most urgent first, so that the queue never reorders by priority. */
static void queue_refill(struct gic_cpu *g)
{
	while (g->queued) {
		unsigned int i, best = 0;
		uint32_t iar;

		for (i = 1; i < g->queued; i++)
			if (irq_priority(g, g->queue[i]) <
			    irq_priority(g, g->queue[best]))
				best = i;
		iar = g->queue[best];
		for (i = best; i + 1 < g->queued; i++)
			g->queue[i] = g->queue[i + 1];
		g->queued--;
		if (lr_inject(g, iar)) {
			/* back at the front: it stays the most urgent */
			for (i = g->queued; i > 0; i--)
				g->queue[i] = g->queue[i - 1];
			g->queue[0] = iar;
			g->queued++;
			break;
		}
	}
	/* Ask for a maintenance interrupt when the registers drain. */
	underflow_irq(g, g->queued);
}

/*
 * One acknowledged interrupt, its priority dropped, that irq_fast() does
 * not inject itself: the maintenance interrupt, an SGI, an SPI of another
 * cell, or any interrupt while the list registers are full or others wait.
 */
void irqchip_inject(struct per_cpu *pc, uint32_t iar)
{
	struct gic_cpu *g = &pc->gic;
	uint32_t intid = GIC_IAR_INTID(iar);

	if (intid == maint_irq) {
		/*
		 * Refill before deactivating: the maintenance interrupt is
		 * level-triggered and stays asserted while its condition
		 * holds.
		 */
		queue_refill(g);
		irqchip->deactivate(iar);
		pc->stats[STAT_MAINTENANCE]++;
		return;
	}
	pc->stats[STAT_VIRQ]++;
	if (intid < 16)
		irqchip->deactivate(iar);
	if (lr_inject(g, iar) && queue_add(g, iar)) {
		/*
		 * More than 32 distinct interrupts waiting: only a GICv2 cell
		 * sending itself SGIs from many CPUs gets here.
		 */
		printk_limited(pc->cpu, "Warning: CPU %u: interrupt %u lost\n",
			       pc->cpu, intid);
		irqchip->deactivate(iar);
	}
	if (g->queued || g->uie)
		queue_refill(g);
}

void irqchip_send_sgi(unsigned int target, unsigned int sgi)
{
	irqchip->send_sgi(target, sgi);
}

void irqchip_priority_written(unsigned int owner, unsigned int cpu,
			      uint32_t intid, uint8_t prio)
{
	struct gic_cpu *g = &per_cpu(owner)->gic;
	uint64_t empty;
	struct gic_lr lr;
	unsigned int n;

	/* GICv2's bank 0 is the calling CPU's: owner is cpu there */
	if (intid < 32)
		g->prio[intid] =
			irqchip->private_regs(owner)[PRIV_IPRIORITYR + intid];
	else if (intid < GIC_SPI_END)
		spi_prio[intid] = gicd_virt[GICD_IPRIORITYR + intid];
	/* only the writing CPU's own list registers can be reached */
	if (owner != cpu && intid < 32)
		return;
	g = &per_cpu(cpu)->gic;
	empty = irqchip->lr_empty();
	for (n = 0; n < g->num_lrs; n++) {
		if (empty & (1ULL << n))
			continue;
		irqchip->lr_get(n, &lr);
		if (lr.intid == intid) {
			lr.prio = prio;
			irqchip->lr_set(n, &lr);
		}
	}
}

void irqchip_cpu_init(unsigned int cpu)
{
	struct gic_cpu *g = &per_cpu(cpu)->gic;
	volatile uint8_t *priv;
	unsigned int n;

	/* GICv2: its cpu_init fills them in */
	g->gicc = NULL;
	g->gich = NULL;
	g->num_lrs = irqchip->cpu_init(cpu);
	g->queued = 0;
	g->uie = false; /* cpu_init: the virtual interface on, nothing else */
	g->v2 = irqchip->version == 2;
	g->maint = maint_irq;
	/*
	 * irq_fast.c injects PPIs but the maintenance interrupt, and the
	 * cell's SGIs (not the stop SGI) when every list register is free:
	 * with 16 list registers or fewer, where lrs_all says which bits
	 * of the one ELRSR word it reads mean "all free".
	 */
	g->fast_irqs = ~reserved;
	g->lrs_all = g->num_lrs <= 16 ? (1U << g->num_lrs) - 1 : 0;
	if (!g->lrs_all)
		g->fast_irqs &= 0xffff0000U;
	priv = irqchip->private_regs(cpu);
	/*
	 * The IPI that brought this CPU here is active; Linux will
	 * deactivate it on the virtual interface, which knows nothing of
	 * it, so deactivate the physical one now.
	 */
	*(volatile uint32_t *)(priv + PRIV_ICACTIVER0) = 0xffff;
	/*
	 * The stop SGI and the maintenance interrupt are the hypervisor's on
	 * every CPU from now on (gicr.c, gicd.c keep the cells, root
	 * included, off them), at a fixed priority.
	 */
	priv[PRIV_IPRIORITYR + SGI_CELL_STOP] = HV_IRQ_PRIORITY;
	priv[PRIV_IPRIORITYR + maint_irq] = HV_IRQ_PRIORITY;
	*(volatile uint32_t *)(priv + PRIV_ISENABLER0) = 1U << maint_irq;
	for (n = 0; n < 32; n++)
		g->prio[n] = priv[PRIV_IPRIORITYR + n];
	isb();
}

void irqchip_cpu_reset(unsigned int cpu)
{
	struct gic_cpu *g = &per_cpu(cpu)->gic;
	struct gic_lr lr;
	unsigned int n;

	for (n = 0; n < g->num_lrs; n++) {
		irqchip->lr_get(n, &lr);
		if (lr.hw && lr.state)
			irqchip->deactivate(lr.intid);
		irqchip->lr_clear(n);
	}
	while (g->queued)
		irqchip->deactivate(g->queue[--g->queued]);
	irqchip->cpu_reset(cpu);
	g->uie = false;
}

/* Pending but not yet delivered: made pending in the GIC again. */
void irqchip_cpu_shutdown(unsigned int cpu)
{
	struct gic_cpu *g = &per_cpu(cpu)->gic;
	volatile uint8_t *priv = irqchip->private_regs(cpu);
	struct gic_lr lr;
	unsigned int n;

	irqchip->cpu_stop(cpu);
	*(volatile uint32_t *)(priv + PRIV_ICENABLER0) = 1U << maint_irq;
	for (n = 0; n < g->num_lrs; n++) {
		irqchip->lr_get(n, &lr);
		if (lr.state == GIC_LR_PENDING)
			irqchip->repend(cpu, lr_iar(&lr));
		irqchip->lr_clear(n);
	}
	while (g->queued)
		irqchip->repend(cpu, g->queue[--g->queued]);
	irqchip->cpu_restore(cpu);
	isb();
}

void irqchip_cpu_private_reset(unsigned int cpu, bool stop_sgi)
{
	volatile uint8_t *priv = irqchip->private_regs(cpu);

	/*
	 * Nothing pending or active passes to the next owner, the root
	 * included: a cell may send SGIs to its own CPU while that CPU is
	 * off (parked at EL2, interrupts masked), and Linux would take a
	 * pending SGI 2 at its CPU_ON as IPI_CPU_STOP. Linux sets its
	 * enables itself; the stop SGI is not Linux's.
	 */
	*(volatile uint32_t *)(priv + PRIV_ICENABLER0) =
		stop_sgi ? ~reserved : 1U << SGI_CELL_STOP;
	*(volatile uint32_t *)(priv + PRIV_ICPENDR0) = ~0U;
	if (irqchip->sgis_clear)
		irqchip->sgis_clear();
	*(volatile uint32_t *)(priv + PRIV_ICACTIVER0) = ~0U;
	if (stop_sgi)
		*(volatile uint32_t *)(priv + PRIV_ISENABLER0) =
			1U << SGI_CELL_STOP;
}
