// SPDX-License-Identifier: GPL-2.0
/*
 * The GICv3 CPU interface, virtualised: physical interrupts are taken at
 * EL2 (IMO/FMO) and handed to the root cell through the list registers,
 * each with the priority the cell programmed for it in the distributor or
 * its redistributor (Jailhouse injects everything at one priority). Shared
 * and private peripheral interrupts are injected with the hardware bit, so
 * that the cell's deactivation deactivates the physical interrupt. More
 * pending interrupts than list registers wait in a queue refilled from the
 * maintenance interrupt; the list registers always hold the most urgent
 * ones, so that the cell takes them in priority order. SGIs written by the cell (ICC_SGI1R_EL1) trap and
 * reach only CPUs of the cell.
 *
 * The physical interface runs with EOImode 1 at EL2: the hypervisor only
 * drops the priority; deactivation is the cell's.
 */
#include <arch/cell.h>
#include <arch/hv.h>
#include <warden/errno.h>

#define GICR_STRIDE 0x20000
#define GICR_TYPER 0x0008
#define GICR_TYPER_LAST (1ULL << 4)
#define GICR_SGI 0x10000
#define GICR_IGROUPR0 (GICR_SGI + 0x0080)
#define GICR_ISENABLER0 (GICR_SGI + 0x0100)
#define GICR_ICENABLER0 (GICR_SGI + 0x0180)
#define GICR_ISPENDR0 (GICR_SGI + 0x0200)
#define GICR_ICACTIVER0 (GICR_SGI + 0x0380)
#define GICR_IPRIORITYR (GICR_SGI + 0x0400)
#define GICD_ISPENDR 0x0200
#define GICD_IPRIORITYR 0x0400

/*
 * Of the hypervisor's own interrupts: Linux's default. Any priority more
 * urgent than the physical mask (0xff) reaches EL2; the value orders them
 * only against other interrupts pending at the same moment.
 */
#define HV_IRQ_PRIORITY 0xa0
#define GIC_SPI_END 1020 /* INTIDs 1020-1023 are special */

#define LR_STATE_PENDING (1ULL << 62)
#define LR_STATE_ACTIVE (2ULL << 62)
#define LR_STATE_MASK (3ULL << 62)
#define LR_HW (1ULL << 61)
#define LR_GROUP1 (1ULL << 60)
#define LR_PRIO_SHIFT 48
#define LR_PINTID_SHIFT 32

#define ICH_HCR_EN (1ULL << 0)
#define ICH_HCR_UIE (1ULL << 1)

#define ICC_CTLR_EOIMODE (1ULL << 1)
#define ICC_CTLR_CBPR (1ULL << 0)

#define SGI1R_TARGETS(v) ((v)&0xffff)
#define SGI1R_AFF1(v) (((v) >> 16) & 0xff)
#define SGI1R_INTID(v) (((v) >> 24) & 0xf)
#define SGI1R_AFF2(v) (((v) >> 32) & 0xff)
#define SGI1R_IRM (1ULL << 40)
#define SGI1R_RS(v) (((v) >> 44) & 0xf)
#define SGI1R_AFF3(v) (((v) >> 48) & 0xff)

#define QUEUE_LEN 32

struct gic_cpu {
	volatile uint8_t *gicr; /* this CPU's redistributor, EL2 mapping */
	uint64_t saved_pmr;
	unsigned int num_lrs;
	unsigned int queued;
	uint32_t queue[QUEUE_LEN]; /* INTIDs taken but not yet injected */
	uint8_t prio[32]; /* copies of the SGIs' and PPIs' priorities */
};

static struct gic_cpu gic_cpu[HV_MAX_CPUS];
static volatile uint8_t *gicd_virt;
static unsigned int maint_irq;
/*
 * Copies of the priorities, so that an injection does not read the GIC,
 * a device read on hardware, for every interrupt. Every write to an
 * IPRIORITYR traps (gicd.c, gicr.c) and reloads the copy from the
 * register, which holds only the priority bits the GIC implements.
 */
static uint8_t spi_prio[GIC_SPI_END];

static uint64_t lr_read(unsigned int n)
{
	switch (n) {
#define LR_CASE(i) \
	case i:    \
		return sysreg_read(ich_lr##i##_el2);
		LR_CASE(0)
		LR_CASE(1)
		LR_CASE(2)
		LR_CASE(3)
		LR_CASE(4)
		LR_CASE(5)
		LR_CASE(6)
		LR_CASE(7)
		LR_CASE(8)
		LR_CASE(9)
		LR_CASE(10)
		LR_CASE(11)
		LR_CASE(12)
		LR_CASE(13)
		LR_CASE(14)
		LR_CASE(15)
#undef LR_CASE
	}
	return 0;
}

static void lr_write(unsigned int n, uint64_t v)
{
	switch (n) {
#define LR_CASE(i)                                \
	case i:                                   \
		sysreg_write(ich_lr##i##_el2, v); \
		break;
		LR_CASE(0)
		LR_CASE(1)
		LR_CASE(2)
		LR_CASE(3)
		LR_CASE(4)
		LR_CASE(5)
		LR_CASE(6)
		LR_CASE(7)
		LR_CASE(8)
		LR_CASE(9)
		LR_CASE(10)
		LR_CASE(11)
		LR_CASE(12)
		LR_CASE(13)
		LR_CASE(14)
		LR_CASE(15)
#undef LR_CASE
	}
}

static uint64_t mpidr_to_gicr_aff(uint64_t mpidr)
{
	return (mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 24;
}

/* The redistributor whose GICR_TYPER names this CPU's affinity. */
static volatile uint8_t *find_redist(uint64_t mpidr)
{
	uint64_t gicr = sys_config->platform_info.arm.gicr_base;
	volatile uint8_t *r =
		(volatile uint8_t *)(HV_GIC_VIRT + (gicr & ((1ULL << 30) - 1)));
	unsigned int i;

	/* Stay inside the 1 GiB that EL2 maps, whatever the config says. */
	for (i = 0; i < 64 && (gicr & ((1ULL << 30) - 1)) +
					      (i + 1) * (uint64_t)GICR_STRIDE <=
				      (1ULL << 30);
	     i++, r += GICR_STRIDE) {
		uint64_t typer = *(volatile uint64_t *)(r + GICR_TYPER);

		if (typer >> 32 == mpidr_to_gicr_aff(mpidr))
			return r;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return NULL;
}

int gicv3_init(void)
{
	unsigned int n;
	uint64_t gicd = sys_config->platform_info.arm.gicd_base;
	uint64_t gicr = sys_config->platform_info.arm.gicr_base;

	/* EL2 maps only the distributor's 1 GiB (entry.S). */
	if (gicr >> 30 != gicd >> 30) {
		printk("ERROR: GIC redistributors at 0x%llx are not in the "
		       "distributor's 1 GiB; not supported\n",
		       (unsigned long long)gicr);
		return -EINVAL;
	}
	if (warden_range_overlaps(gicd, 0x10000, hv_phys,
				  sys_config->hypervisor_memory.size) ||
	    warden_range_overlaps(gicr, (uint64_t)HV_MAX_CPUS * GICR_STRIDE,
				  hv_phys,
				  sys_config->hypervisor_memory.size)) {
		printk("ERROR: the GIC addresses 0x%llx/0x%llx lie in "
		       "hypervisor memory\n",
		       (unsigned long long)gicd, (unsigned long long)gicr);
		return -EINVAL;
	}
	gicd_virt =
		(volatile uint8_t *)(HV_GIC_VIRT + (gicd & ((1ULL << 30) - 1)));
	for (n = 32; n < GIC_SPI_END; n++)
		spi_prio[n] = gicd_virt[GICD_IPRIORITYR + n];
	maint_irq = sys_config->platform_info.arm.maintenance_irq;
	if (maint_irq < 16 || maint_irq > 31) {
		printk("ERROR: GIC maintenance interrupt %u: must be a PPI "
		       "(16-31)\n",
		       maint_irq);
		return -EINVAL;
	}
	return 0;
}

/* The priority the cell gave the interrupt: what the GIC holds for it. */
static uint8_t irq_priority(struct gic_cpu *g, uint32_t intid)
{
	if (intid < 32)
		return g->prio[intid];
	if (intid < GIC_SPI_END)
		return spi_prio[intid];
	return HV_IRQ_PRIORITY; /* no LPIs reach a cell (gicr.c) */
}

static uint64_t lr_value(struct gic_cpu *g, uint32_t intid)
{
	uint64_t lr = intid | LR_GROUP1 | LR_STATE_PENDING |
		      (uint64_t)irq_priority(g, intid) << LR_PRIO_SHIFT;

	/* SGIs cannot be hardware-linked; they were deactivated on entry. */
	if (intid >= 16)
		lr |= LR_HW | (uint64_t)intid << LR_PINTID_SHIFT;
	return lr;
}

/*
 * Every list register is in use: if one holds an interrupt that is only
 * pending and less urgent than intid, intid takes its place and it waits
 * in the queue. So the list registers always hold the most urgent
 * interrupts and the cell takes them in priority order, also when more
 * are pending than there are registers. Returns 0, or -EBUSY.
 */
static int lr_evict(struct gic_cpu *g, uint32_t intid)
{
	uint8_t prio = irq_priority(g, intid), worst = prio;
	unsigned int n, victim = g->num_lrs;

	if (g->queued >= QUEUE_LEN)
		return -EBUSY;
	for (n = 0; n < g->num_lrs; n++) {
		uint64_t lr = lr_read(n);
		uint8_t p = (lr >> LR_PRIO_SHIFT) & 0xff;

		if ((lr & LR_STATE_MASK) == LR_STATE_PENDING && p > worst) {
			worst = p;
			victim = n;
		}
	}
	if (victim == g->num_lrs)
		return -EBUSY;
	g->queue[g->queued++] = lr_read(victim) & 0xffffffff;
	lr_write(victim, lr_value(g, intid));
	return 0;
}

/* Returns 0, or -EBUSY when every list register is in use. */
static int lr_inject(struct gic_cpu *g, uint32_t intid)
{
	uint64_t empty = sysreg_read(ich_elrsr_el2);
	unsigned int n;

	for (n = 0; n < g->num_lrs; n++) {
		uint64_t lr;

		if (empty & (1ULL << n))
			continue;
		lr = lr_read(n);
		if ((lr & 0xffffffff) != intid)
			continue;
		/* An SGI again before the cell finished the last one. */
		if (!(lr & LR_STATE_PENDING))
			lr_write(n, lr | LR_STATE_PENDING);
		return 0;
	}
	for (n = 0; n < g->num_lrs; n++) {
		if (empty & (1ULL << n)) {
			lr_write(n, lr_value(g, intid));
			return 0;
		}
	}
	return lr_evict(g, intid);
}

/* Most urgent first, so that the queue never reorders by priority. */
static void queue_refill(struct gic_cpu *g)
{
	while (g->queued) {
		unsigned int i, best = 0;
		uint32_t intid;

		for (i = 1; i < g->queued; i++)
			if (irq_priority(g, g->queue[i]) <
			    irq_priority(g, g->queue[best]))
				best = i;
		intid = g->queue[best];
		for (i = best; i + 1 < g->queued; i++)
			g->queue[i] = g->queue[i + 1];
		g->queued--;
		if (lr_inject(g, intid)) {
			/* back at the front: it stays the most urgent */
			for (i = g->queued; i > 0; i--)
				g->queue[i] = g->queue[i - 1];
			g->queue[0] = intid;
			g->queued++;
			break;
		}
	}
	/* Ask for a maintenance interrupt when the registers drain. */
	sysreg_write(ich_hcr_el2, ICH_HCR_EN | (g->queued ? ICH_HCR_UIE : 0));
}

void gicv3_handle_irq(unsigned int cpu)
{
	struct gic_cpu *g = &gic_cpu[cpu];

	for (;;) {
		uint32_t intid = sysreg_read(icc_iar1_el1) & 0xffffff;

		if (intid >= 1020 && intid <= 1023)
			break;
		sysreg_write(icc_eoir1_el1, intid);
		if (intid == maint_irq) {
			/*
			 * Refill before deactivating: the maintenance
			 * interrupt is level-triggered and stays asserted
			 * while its condition holds.
			 */
			queue_refill(g);
			sysreg_write(icc_dir_el1, intid);
			cpu_data[cpu].stats[STAT_MAINTENANCE]++;
			continue;
		}
		/* an SPI of another cell is never injected here */
		if (intid >= 32 && !cell_irq_deliverable(cpu, intid))
			continue;
		cpu_data[cpu].stats[STAT_VIRQ]++;
		if (intid < 16)
			sysreg_write(icc_dir_el1, intid);
		if (lr_inject(g, intid)) {
			if (g->queued < QUEUE_LEN) {
				g->queue[g->queued++] = intid;
			} else {
				/* Cannot happen with fewer than 32 sources. */
				printk("Warning: CPU %u: interrupt %u lost\n",
				       cpu, intid);
				sysreg_write(icc_dir_el1, intid);
			}
		}
	}
	queue_refill(g);
}

/*
 * Trapped ICC_SGI1R_EL1 write: sent on, one target at a time, only to CPUs
 * of the cell that are running.
 */
void gicv3_sgi_write(unsigned int cpu, uint64_t v)
{
	/*
	 * Over the cell's CPUs only, lowest first: a cell's SGI costs a few
	 * iterations, not one per CPU of the system (bench/trace showed the
	 * loop to be most of the trap's cost).
	 */
	uint64_t targets = cell_cpus_of(cpu);

	cpu_data[cpu].stats[STAT_VSGI]++;
	if (v & SGI1R_IRM)
		targets &= ~(1ULL << cpu);
	while (targets) {
		unsigned int i = __builtin_ctzll(targets);
		uint64_t m = cpu_data[i].mpidr;
		unsigned int aff0 = m & 0xff;

		targets &= targets - 1;
		if (cpu_data[i].state == CPU_ABSENT)
			continue;
		if (!(v & SGI1R_IRM) &&
		    (SGI1R_AFF1(v) != ((m >> 8) & 0xff) ||
		     SGI1R_AFF2(v) != ((m >> 16) & 0xff) ||
		     SGI1R_AFF3(v) != ((m >> 32) & 0xff) ||
		     SGI1R_RS(v) != aff0 / 16 ||
		     !(SGI1R_TARGETS(v) & (1U << (aff0 % 16)))))
			continue;
		sysreg_write(icc_sgi1r_el1, (uint64_t)SGI1R_INTID(v) << 24 |
						    1ULL << (aff0 % 16) |
						    ((m >> 8) & 0xff) << 16 |
						    ((m >> 16) & 0xff) << 32 |
						    (uint64_t)(aff0 / 16)
							    << 44 |
						    ((m >> 32) & 0xff) << 48);
	}
	isb();
}

/*
 * The cell changed an interrupt's priority: an injected copy waiting in
 * this CPU's list registers takes the new one. (Copies on other CPUs keep
 * the old priority until delivered; Linux changes priorities only while
 * an interrupt is disabled.)
 */
void gicv3_priority_written(unsigned int owner, unsigned int cpu,
			    uint32_t intid, uint8_t prio)
{
	struct gic_cpu *g = &gic_cpu[owner];
	uint64_t empty;
	unsigned int n;

	if (intid < 32 && g->gicr)
		g->prio[intid] = g->gicr[GICR_IPRIORITYR + intid];
	else if (intid >= 32 && intid < GIC_SPI_END)
		spi_prio[intid] = gicd_virt[GICD_IPRIORITYR + intid];
	/* only the writing CPU's own list registers can be reached */
	if (owner != cpu && intid < 32)
		return;
	g = &gic_cpu[cpu];
	empty = sysreg_read(ich_elrsr_el2);
	for (n = 0; n < g->num_lrs; n++) {
		uint64_t lr;

		if (empty & (1ULL << n))
			continue;
		lr = lr_read(n);
		if ((lr & 0xffffffff) == intid)
			lr_write(n, (lr & ~(0xffULL << LR_PRIO_SHIFT)) |
					    (uint64_t)prio << LR_PRIO_SHIFT);
	}
}

/* Physical address of the CPU's redistributor frame, 0 if unknown. */
uint64_t gicv3_redist_phys(unsigned int cpu)
{
	uint64_t gicr = sys_config->platform_info.arm.gicr_base;

	if (!gic_cpu[cpu].gicr)
		return 0;
	return (gicr & ~((1ULL << 30) - 1)) +
	       ((uint64_t)gic_cpu[cpu].gicr - HV_GIC_VIRT);
}

/* Called while the CPU arrives, before anything is committed. */
int gicv3_cpu_probe(unsigned int cpu)
{
	/* ID_AA64PFR0_EL1.GIC: no ICC/ICH system registers without it. */
	if (!((sysreg_read(id_aa64pfr0_el1) >> 24) & 0xf)) {
		printk("ERROR: CPU %u has no GICv3 system register interface\n",
		       cpu);
		return -ENODEV;
	}
	gic_cpu[cpu].gicr = find_redist(cpu_data[cpu].mpidr);
	if (!gic_cpu[cpu].gicr) {
		printk("ERROR: CPU %u: no GIC redistributor for MPIDR 0x%llx\n",
		       cpu, (unsigned long long)cpu_data[cpu].mpidr);
		return -ENODEV;
	}
	return 0;
}

/*
 * Moves the CPU's Linux from the physical to the virtual interface: its
 * mask, binary point, EOI mode and group enable go to ICH_VMCR_EL2.
 */
void gicv3_cpu_init(unsigned int cpu)
{
	struct gic_cpu *g = &gic_cpu[cpu];
	uint64_t pmr = sysreg_read(icc_pmr_el1);
	uint64_t ctlr = sysreg_read(icc_ctlr_el1);
	uint64_t bpr1 = sysreg_read(icc_bpr1_el1);
	uint64_t grpen1 = sysreg_read(icc_igrpen1_el1);
	unsigned int n;

	g->num_lrs = (sysreg_read(ich_vtr_el2) & 0x1f) + 1;
	g->queued = 0;
	g->saved_pmr = pmr;
	for (n = 0; n < g->num_lrs; n++)
		lr_write(n, 0);
	sysreg_write(ich_ap1r0_el2, 0);
	sysreg_write(ich_vmcr_el2,
		     (pmr & 0xff) << 24 | (bpr1 & 7) << 18 |
			     (ctlr & ICC_CTLR_EOIMODE ? 1ULL << 9 : 0) |
			     (ctlr & ICC_CTLR_CBPR ? 1ULL << 4 : 0) |
			     (grpen1 & 1) << 1);
	sysreg_write(ich_hcr_el2, ICH_HCR_EN);

	/*
	 * The IPI that brought this CPU here is active; Linux will
	 * deactivate it on the virtual interface, which knows nothing of
	 * it, so deactivate the physical one now.
	 */
	*(volatile uint32_t *)(g->gicr + GICR_ICACTIVER0) = 0xffff;
	sysreg_write(icc_ctlr_el1, ctlr | ICC_CTLR_EOIMODE);
	sysreg_write(icc_pmr_el1, 0xff);
	/*
	 * The stop SGI and the maintenance interrupt are the hypervisor's on
	 * every CPU from now on (gicr.c keeps the cells, root included, off
	 * them): group 1, which EL2 acknowledges, and a fixed priority.
	 */
	*(volatile uint32_t *)(g->gicr + GICR_IGROUPR0) |= gicr_reserved_irqs();
	g->gicr[GICR_IPRIORITYR + SGI_CELL_STOP] = HV_IRQ_PRIORITY;
	g->gicr[GICR_IPRIORITYR + maint_irq] = HV_IRQ_PRIORITY;
	*(volatile uint32_t *)(g->gicr + GICR_ISENABLER0) = 1U << maint_irq;
	for (n = 0; n < 32; n++)
		g->prio[n] = g->gicr[GICR_IPRIORITYR + n];
	isb();
}

/* A CPU restarted by PSCI CPU_ON begins with an empty virtual interface. */
void gicv3_cpu_reset(unsigned int cpu)
{
	struct gic_cpu *g = &gic_cpu[cpu];
	unsigned int n;

	for (n = 0; n < g->num_lrs; n++) {
		uint64_t lr = lr_read(n);

		if (lr & LR_HW && lr & LR_STATE_MASK)
			sysreg_write(icc_dir_el1,
				     (lr >> LR_PINTID_SHIFT) & 0x1fff);
		lr_write(n, 0);
	}
	while (g->queued)
		sysreg_write(icc_dir_el1, g->queue[--g->queued]);
	sysreg_write(ich_ap1r0_el2, 0);
	sysreg_write(ich_vmcr_el2, 0);
	sysreg_write(ich_hcr_el2, ICH_HCR_EN);
}

/* Pending but not yet delivered: make it pending in the GIC again. */
static void repend(struct gic_cpu *g, uint32_t intid)
{
	if (intid < 32)
		*(volatile uint32_t *)(g->gicr + GICR_ISPENDR0) = 1U << intid;
	else
		*(volatile uint32_t *)(gicd_virt + GICD_ISPENDR +
				       intid / 32 * 4) = 1U << (intid % 32);
	if (intid >= 16)
		sysreg_write(icc_dir_el1, intid);
}

/*
 * Back to the physical interface for disable: the virtual state goes back
 * to the ICC registers, interrupts not yet delivered are made pending in
 * the GIC again, active ones stay active for Linux to deactivate.
 */
void gicv3_cpu_shutdown(unsigned int cpu)
{
	struct gic_cpu *g = &gic_cpu[cpu];
	uint64_t vmcr = sysreg_read(ich_vmcr_el2);
	uint64_t ctlr = sysreg_read(icc_ctlr_el1);
	unsigned int n;

	sysreg_write(ich_hcr_el2, 0);
	*(volatile uint32_t *)(g->gicr + GICR_ICENABLER0) = 1U << maint_irq;
	for (n = 0; n < g->num_lrs; n++) {
		uint64_t lr = lr_read(n);
		uint32_t intid = lr & 0xffffffff;

		if ((lr & LR_STATE_MASK) == LR_STATE_PENDING)
			repend(g, intid);
		lr_write(n, 0);
	}
	while (g->queued)
		repend(g, g->queue[--g->queued]);
	sysreg_write(icc_pmr_el1, (vmcr >> 24) & 0xff);
	sysreg_write(icc_bpr1_el1, (vmcr >> 18) & 7);
	sysreg_write(icc_ctlr_el1,
		     (ctlr & ~(ICC_CTLR_EOIMODE | ICC_CTLR_CBPR)) |
			     (vmcr & (1ULL << 9) ? ICC_CTLR_EOIMODE : 0) |
			     (vmcr & (1ULL << 4) ? ICC_CTLR_CBPR : 0));
	sysreg_write(icc_igrpen1_el1, (vmcr >> 1) & 1);
	sysreg_write(ich_ap1r0_el2, 0);
	isb();
}
