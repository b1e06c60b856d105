// SPDX-License-Identifier: GPL-2.0
/*
 * Direct interrupt delivery for a cell whose config sets
 * WARDEN_CELL_DIRECT_IRQ (GICv3 only; docs/hypervisor.md, "Direct
 * interrupt delivery"). On its CPUs HCR_EL2.IMO is clear and FMO set, so
 * (GIC architecture, IHI 0069, "Virtual interrupt handling"; QEMU's
 * GICv3 CPU interface models the same):
 * - the cell's Group-1 interrupts are signalled at EL1 and acknowledged
 *   at the physical interface: ICC_IAR1, EOIR1, HPPIR1, BPR1, AP1Rn and
 *   IGRPEN1 are physical, no exit per interrupt;
 * - PMR, RPR, CTLR and DIR, common to both groups, are virtual (ICV_*)
 *   because FMO is set: the cell's priority mask and EOI mode do not
 *   reach the physical interface. Physically EOImode is 0 on these
 *   CPUs, so that the cell's EOIR1 write deactivates (with the
 *   hypervisor's EOImode 1, its deactivation would go to ICV_DIR and
 *   the interrupt would stay active for good);
 * - Group 0 is signalled as FIQ and FMO takes it to EL2: the stop SGI is
 *   Group 0 at priority 0 on these CPUs. Its Group-0 registers (IAR0,
 *   EOIR0, BPR0, AP0Rn, IGRPEN0) are virtual for the cell, and PSTATE.F
 *   at EL1 does not mask an FIQ routed to EL2;
 * - ICC_SGI0R, SGI1R and ASGI1R writes still trap (they trap when IMO or
 *   FMO is set), so the cell's SGIs reach only its CPUs (gicv3.c).
 * NS software may use Group 0 only in a GIC with one security state
 * (GICD_CTLR.DS 1, QEMU virt without EL3); elsewhere the flag is refused.
 *
 * What the cell can still do: hold its running priority at the top
 * (write ICC_AP1R0_EL1 bit 0, or acknowledge an interrupt at group
 * priority 0 and never EOI it); then not even the stop SGI is signalled,
 * since no priority is higher than 0. direct_irq_stop_timeout() reports
 * that and forces the stop through stage 2 where it can.
 */
#include <arch/cell.h>
#include <arch/direct_irq.h>
#include <arch/hv.h>
#include <arch/irqchip.h>
#include <warden/cell-flags.h>
#include <warden/errno.h>

#define GICD_CTLR 0x0000
#define GICD_CTLR_GRP0 (1U << 0) /* EnableGrp0 with DS 1 */
#define GICD_CTLR_DS (1U << 6)
#define GICD_CTLR_RWP (1U << 31)
#define GICR_SGI 0x10000
#define GICR_IGROUPR0 (GICR_SGI + 0x0080)
#define GICR_ISENABLER0 (GICR_SGI + 0x0100)
#define GICR_ICENABLER0 (GICR_SGI + 0x0180)
#define GICR_ISPENDR0 (GICR_SGI + 0x0200)
#define GICR_ICPENDR0 (GICR_SGI + 0x0280)
#define GICR_ISACTIVER0 (GICR_SGI + 0x0300)
#define GICR_IPRIORITYR (GICR_SGI + 0x0400)

#define ICC_CTLR_EOIMODE (1ULL << 1)
#define ICC_CTLR_CBPR (1ULL << 0)
#define ICC_CTLR_PRIBITS(v) ((((v) >> 8) & 7) + 1)

/* The stop SGI outranks any priority a cell can give its interrupts. */
#define STOP_PRIORITY_DIRECT 0x00
/* Linux's, as irqchip.c gives the hypervisor's interrupts when trapped */
#define STOP_PRIORITY_TRAPPED 0xa0
/* How long stop_cpus() waits again once stage 2 was taken away */
#define FORCE_WAIT_US 3000000

extern spinlock_t gicd_lock;

bool direct_irq_grp0;

static volatile uint32_t *gicr32(unsigned int cpu, unsigned int off)
{
	return (volatile uint32_t *)(per_cpu(cpu)->gicr + off);
}

static volatile uint32_t *gicd32(unsigned int off)
{
	return (volatile uint32_t *)(irqchip_gicd() + off);
}

long direct_irq_check(const struct warden_config *cfg)
{
	uint32_t ctlr;

	if (!CELL_FLAGS_DIRECT_IRQ(cfg->cell->flags))
		return 0;
	/* the rule engine refused a GICv2 already; a second look is cheap */
	if (irqchip->version != 3) {
		printk("ERROR: cell \"%s\" sets WARDEN_CELL_DIRECT_IRQ: direct "
		       "delivery needs a GICv3; clear the flag\n",
		       cfg->cell->name);
		return -EINVAL;
	}
	ctlr = *gicd32(GICD_CTLR);
	if (!(ctlr & GICD_CTLR_DS)) {
		printk("ERROR: cell \"%s\" sets WARDEN_CELL_DIRECT_IRQ, but the "
		       "GIC has two security states (GICD_CTLR.DS 0): Group 0 "
		       "is the Secure world's, so the hypervisor has no "
		       "interrupt the cell cannot take (its stop SGI would be "
		       "the cell's); clear the flag or run the cell trapped\n",
		       cfg->cell->name);
		return -EINVAL;
	}
	return 0;
}

void direct_irq_grp0_enable(void)
{
	uint32_t ctlr;
	unsigned int i;

	/* Group 0 on from now on; gicd.c keeps the root from clearing it */
	spin_lock(&gicd_lock);
	direct_irq_grp0 = true;
	ctlr = *gicd32(GICD_CTLR);
	if (!(ctlr & GICD_CTLR_GRP0)) {
		*gicd32(GICD_CTLR) = (ctlr & ~GICD_CTLR_RWP) | GICD_CTLR_GRP0;
		for (i = 0; i < 1000000 && *gicd32(GICD_CTLR) & GICD_CTLR_RWP;
		     i++)
			cpu_relax();
	}
	spin_unlock(&gicd_lock);
}

/* ICC_AP1R<n>_EL1 that exist: 1, 2 or 4 by the priority bits (5-7). */
static void ap1r_clear(void)
{
	unsigned int bits = ICC_CTLR_PRIBITS(sysreg_read(icc_ctlr_el1));

	sysreg_write(s3_0_c12_c9_0, 0);
	if (bits >= 6)
		sysreg_write(s3_0_c12_c9_1, 0);
	if (bits >= 7) {
		sysreg_write(s3_0_c12_c9_2, 0);
		sysreg_write(s3_0_c12_c9_3, 0);
	}
}

/*
 * The physical CPU interface as the cell finds it (its own reset state,
 * except PMR open: the cell's mask is virtual), or as the trapped mode
 * needs it back: EOImode 1, Group 1 on, nothing active. Called on the
 * CPU between irqchip_cpu_private_reset() and the entry, with every
 * private interrupt of the last owner idle.
 */
void direct_irq_cpu_switch(unsigned int cpu, const struct cell *c)
{
	struct per_cpu *pc = per_cpu(cpu);
	bool direct = c && CELL_FLAGS_DIRECT_IRQ(c->cfg.cell->flags);
	uint32_t maint = 1U << irqchip_maint_irq();
	volatile uint8_t *prio;
	uint64_t ctlr;

	/* nothing else on a trapped CPU: no ICC register on a GICv2 */
	if (!direct && !pc->direct)
		return;
	prio = pc->gicr + GICR_IPRIORITYR;
	ctlr = sysreg_read(icc_ctlr_el1);
	ap1r_clear();
	sysreg_write(icc_pmr_el1, 0xff);
	sysreg_write(icc_bpr1_el1, 0); /* the minimum */
	if (direct) {
		/*
		 * The stop SGI first, so that a stop now is a FIQ; under the
		 * lock of the emulation's read-modify-write, which another
		 * CPU of the cell may be making of this register right now.
		 */
		spin_lock(&gicr_lock);
		*gicr32(cpu, GICR_IGROUPR0) &= ~(1U << SGI_CELL_STOP);
		spin_unlock(&gicr_lock);
		prio[SGI_CELL_STOP] = STOP_PRIORITY_DIRECT;
		/* no list registers in use: no maintenance interrupt */
		*gicr32(cpu, GICR_ICENABLER0) = maint;
		*gicr32(cpu, GICR_ICPENDR0) = maint;
		sysreg_write(icc_ctlr_el1,
			     ctlr & ~(ICC_CTLR_EOIMODE | ICC_CTLR_CBPR));
		sysreg_write(s3_0_c12_c12_6, 1); /* ICC_IGRPEN0_EL1 */
		sysreg_write(icc_igrpen1_el1, 0); /* the cell's to enable */
		sysreg_write(hcr_el2, sysreg_read(hcr_el2) & ~HCR_IMO);
	} else {
		sysreg_write(hcr_el2, sysreg_read(hcr_el2) | HCR_IMO);
		sysreg_write(s3_0_c12_c12_6, 0); /* as Linux leaves it */
		sysreg_write(icc_igrpen1_el1, 1);
		sysreg_write(icc_ctlr_el1,
			     (ctlr & ~ICC_CTLR_CBPR) | ICC_CTLR_EOIMODE);
		prio[SGI_CELL_STOP] = STOP_PRIORITY_TRAPPED;
		spin_lock(&gicr_lock);
		*gicr32(cpu, GICR_IGROUPR0) |= 1U << SGI_CELL_STOP;
		spin_unlock(&gicr_lock);
		*gicr32(cpu, GICR_ISENABLER0) = maint;
	}
	dsb(sy);
	pc->direct = direct;
	pc->gic.prio[SGI_CELL_STOP] = prio[SGI_CELL_STOP];
	isb();
}

void direct_irq_send_stop(unsigned int cpu)
{
	uint64_t m = per_cpu(cpu)->mpidr;
	unsigned int aff0 = m & 0xff;

	/*
	 * As Group 0 (ICC_SGI0R_EL1): the GIC forwards an SGI only in the
	 * group the target configured (IHI 0069, "Forwarding an SGI to a
	 * target PE"), so of this and the Group-1 one irqchip_send_sgi()
	 * sends, exactly one arrives, whichever mode the CPU is in.
	 */
	sysreg_write(s3_0_c12_c11_7, (uint64_t)SGI_CELL_STOP << 24 |
					     1ULL << (aff0 % 16) |
					     ((m >> 8) & 0xff) << 16 |
					     ((m >> 16) & 0xff) << 32 |
					     (uint64_t)(aff0 / 16) << 44 |
					     ((m >> 32) & 0xff) << 48);
	isb();
}

bool direct_irq_fiq(unsigned int cpu, uint64_t intid)
{
	if (!per_cpu(cpu)->direct)
		return false;
	if (intid != SGI_CELL_STOP) {
		/*
		 * The cell made one of its interrupts Group 0: with EOImode
		 * 0 the EOI deactivates it, so it is disabled instead of
		 * left active (fiq_handle() reports it once).
		 */
		if (intid < 32)
			*gicr32(cpu, GICR_ICENABLER0) = 1U << intid;
		else
			*gicd32(0x0180 + intid / 32 * 4) = 1U << (intid % 32);
		return false;
	}
	/* EOImode 0 on a direct CPU: priority drop and deactivation */
	sysreg_write(s3_0_c12_c8_1, intid); /* ICC_EOIR0_EL1 */
	isb();
	return true;
}

/*
 * The cell's stage-2 root table while a stop is forced: every entry
 * invalid, so that the CPU's next translation (an instruction fetch
 * once its TLB entries are invalidated) is a stage-2 fault, which is
 * an exit (traps.c parks a direct CPU that is asked to stop at any
 * exit). Restored before the wait ends either way.
 */
static uint64_t saved_root[512];
static int saved_in_use;

static uint64_t *s2_root(const struct cell *c)
{
	return (uint64_t *)c->s2.phys_to_ptr(c->s2.ctx, c->s2.root);
}

/* TLBs of the cell's VMID, on every CPU: VTTBR_EL2 lent for the TLBI */
static void cell_tlbi(const struct cell *c)
{
	uint64_t own = sysreg_read(vttbr_el2);

	dsb(ish);
	sysreg_write(vttbr_el2, c->vttbr);
	isb();
	asm volatile("tlbi vmalls12e1is\n dsb ish" : : : "memory");
	sysreg_write(vttbr_el2, own);
	isb();
}

static bool stage2_revoke(const struct cell *c)
{
	uint64_t *root = s2_root(c);
	unsigned int i, n = c->s2.root_entries;
	bool busy;

	if (n > 512)
		return false;
	spin_lock(&hv_lock);
	busy = saved_in_use;
	saved_in_use = 1;
	spin_unlock(&hv_lock);
	if (busy)
		return false;
	for (i = 0; i < n; i++) {
		saved_root[i] = root[i];
		root[i] = 0;
	}
	cell_tlbi(c);
	return true;
}

static void stage2_restore(const struct cell *c)
{
	uint64_t *root = s2_root(c);
	unsigned int i, n = c->s2.root_entries;

	for (i = 0; i < n; i++)
		root[i] = saved_root[i];
	cell_tlbi(c);
	spin_lock(&hv_lock);
	saved_in_use = 0;
	spin_unlock(&hv_lock);
}

static void report(const struct cell *c, uint64_t waiting)
{
	unsigned int cpu;

	for (cpu = 0; cpu < HV_MAX_CPUS; cpu++) {
		uint32_t pend, act;

		if (!(waiting & (1ULL << cpu)))
			continue;
		pend = *gicr32(cpu, GICR_ISPENDR0);
		act = *gicr32(cpu, GICR_ISACTIVER0);
		printk("CPU %u of cell \"%s\" (direct interrupts) did not take "
		       "the stop SGI (%s in its redistributor; SGIs/PPIs "
		       "active 0x%x): the cell holds its running priority "
		       "(ICC_AP1R<n>_EL1, or an interrupt it never EOIs)\n",
		       cpu, c->cfg.cell->name,
		       pend & (1U << SGI_CELL_STOP) ? "pending" : "not pending",
		       act);
	}
}

void direct_irq_stop_timeout(const struct cell *c, uint64_t waiting)
{
	uint64_t deadline, left;

	report(c, waiting);
	if (!stage2_revoke(c)) {
		printk("Cell \"%s\": stop not forced (another forced stop is "
		       "in progress)\n",
		       c->cfg.cell->name);
		return;
	}
	deadline = timer_now_us() + FORCE_WAIT_US;
	while ((left = lc_stop_waiting(&hv_lc, waiting)) &&
	       timer_now_us() < deadline)
		cpu_relax();
	stage2_restore(c);
	if (left)
		printk("Cell \"%s\": stop not forced on CPUs 0x%llx (no "
		       "translation since its stage 2 was taken away: waiting "
		       "in WFI?)\n",
		       c->cfg.cell->name, (unsigned long long)left);
	else
		printk("Cell \"%s\": stop forced through stage 2 on CPUs "
		       "0x%llx\n",
		       c->cfg.cell->name, (unsigned long long)waiting);
}
