// SPDX-License-Identifier: GPL-2.0
/*
 * The GICv3 back-end of the virtualised CPU interface (irqchip.c holds
 * what both versions share): list registers and the physical interface
 * through the ICC and ICH system registers, the SGIs' and PPIs'
 * registers in each CPU's redistributor, SPIs routed by affinity
 * (GICD_IROUTER). SGIs written by the cell (ICC_SGI1R_EL1) trap and
 * reach only CPUs of the cell.
 */
#include <arch/cell.h>
#include <arch/gicv3.h>
#include <arch/hv.h>
#include <arch/irqchip.h>
#include <warden/errno.h>
#include <warden/sgi_policy.h>

#define GICR_STRIDE 0x20000
#define GICR_TYPER 0x0008
#define GICR_TYPER_LAST (1ULL << 4)
#define GICR_SGI 0x10000
#define GICR_IGROUPR0 (GICR_SGI + 0x0080)
#define GICR_ISPENDR0 (GICR_SGI + 0x0200)
#define GICD_ISPENDR 0x0200
#define GICD_IROUTER 0x6000
#define IROUTER_IRM (1ULL << 31)

#define ICH_HCR_EN (1ULL << 0)
#define ICH_HCR_UIE (1ULL << 1)

#define ICC_CTLR_EOIMODE (1ULL << 1)
#define ICC_CTLR_CBPR (1ULL << 0)

#define SGI1R_IRM (1ULL << 40)

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

static int v3_init(void)
{
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
	return 0;
}

static void v3_lr_get(unsigned int n, struct gic_lr *lr)
{
	gicv3_lr_decode(lr_read(n), lr);
}

static void v3_lr_set(unsigned int n, const struct gic_lr *lr)
{
	lr_write(n, gicv3_lr_encode(lr));
}

static void v3_lr_clear(unsigned int n)
{
	lr_write(n, 0);
}

static uint64_t v3_lr_empty(void)
{
	return sysreg_read(ich_elrsr_el2);
}

static void v3_underflow_irq(bool on)
{
	sysreg_write(ich_hcr_el2, ICH_HCR_EN | (on ? ICH_HCR_UIE : 0));
}

static uint32_t v3_ack(void)
{
	uint32_t intid = sysreg_read(icc_iar1_el1) & 0xffffff;

	/* no LPIs reach EL2 (gicr.c): anything else is special */
	return intid < 1020 ? intid : 1023;
}

static void v3_eoi(uint32_t iar)
{
	sysreg_write(icc_eoir1_el1, iar);
}

static void v3_deactivate(uint32_t iar)
{
	sysreg_write(icc_dir_el1, iar);
}

static volatile uint8_t *v3_private_regs(unsigned int cpu)
{
	return per_cpu(cpu)->gicr + GICR_SGI;
}

static void v3_send_sgi(unsigned int target, unsigned int sgi)
{
	uint64_t m = per_cpu(target)->mpidr;
	unsigned int aff0 = m & 0xff;

	sysreg_write(icc_sgi1r_el1, (uint64_t)sgi << 24 | 1ULL << (aff0 % 16) |
					    ((m >> 8) & 0xff) << 16 |
					    ((m >> 16) & 0xff) << 32 |
					    (uint64_t)(aff0 / 16) << 44 |
					    ((m >> 32) & 0xff) << 48);
	isb();
}

/*
 * Trapped ICC_SGI1R_EL1 write: sent on only to CPUs of the cell that are
 * under the hypervisor. Each CPU's own routing value (sgi_route[], from
 * its MPIDR at cpu_init; 0 for a CPU that never came, as the hypervisor's
 * memory starts zeroed) is compared with the write's fields, over the
 * cell's CPUs only: a target list (the usual case) becomes one physical
 * write with the list narrowed to the cell's CPUs that it names, a
 * broadcast (IRM) one write per other CPU of the cell. No ISB: the ERET
 * that ends the trap is one, and nothing before it depends on the SGI.
 */
static uint64_t sgi_route[HV_MAX_CPUS];

void gicv3_sgi_write(struct per_cpu *pc, uint64_t v)
{
	uint64_t targets = cell_cpus_of_pc(pc), list = 0;

	pc->stats[STAT_VSGI]++;
	if (v & SGI1R_IRM) {
		targets &= ~(1ULL << pc->cpu);
		for (; targets; targets &= targets - 1) {
			uint64_t route = sgi_route[__builtin_ctzll(targets)];

			if (route)
				sysreg_write(icc_sgi1r_el1,
					     route | (v & 0xfULL << 24));
		}
		return;
	}
	for (; targets; targets &= targets - 1)
		list |= sgi_route_hit(v, sgi_route[__builtin_ctzll(targets)]);
	if (list)
		sysreg_write(icc_sgi1r_el1,
			     (v & (SGI_ROUTE_MASK | 0xfULL << 24)) | list);
}

/* Physical address of the CPU's redistributor frame, 0 if unknown. */
uint64_t gicv3_redist_phys(unsigned int cpu)
{
	uint64_t gicr = sys_config->platform_info.arm.gicr_base;

	if (!per_cpu(cpu)->gicr)
		return 0;
	return (gicr & ~((1ULL << 30) - 1)) +
	       ((uint64_t)per_cpu(cpu)->gicr - HV_GIC_VIRT);
}

static int v3_cpu_probe(unsigned int cpu)
{
	/* ID_AA64PFR0_EL1.GIC: no ICC/ICH system registers without it. */
	if (!((sysreg_read(id_aa64pfr0_el1) >> 24) & 0xf)) {
		printk("ERROR: CPU %u has no GICv3 system register interface\n",
		       cpu);
		return -ENODEV;
	}
	per_cpu(cpu)->gicr = find_redist(per_cpu(cpu)->mpidr);
	if (!per_cpu(cpu)->gicr) {
		printk("ERROR: CPU %u: no GIC redistributor for MPIDR 0x%llx\n",
		       cpu, (unsigned long long)per_cpu(cpu)->mpidr);
		return -ENODEV;
	}
	/*
	 * Known from here on, not only from this CPU's cpu_init: a CPU that
	 * turned its traps on first may send this one an IPI before this
	 * one's cpu_init, and a zero route would drop it (a stop_machine
	 * right after enable then waited 26 s for a CPU asleep in WFI).
	 */
	sgi_route[cpu] = sgi_value_for(0, per_cpu(cpu)->mpidr);
	return 0;
}

/*
 * The virtual active priorities of both groups, as many registers as
 * ICH_VTR_EL2.PREbits implement (5 bits: one each, 6: two, 7: four). A
 * guest writes Group 0's too (ICV_AP0Rn_EL1, under HCR_EL2.FMO): a bit
 * left set there blocks every virtual interrupt of the next owner.
 */
static void v3_active_priorities_clear(void)
{
	unsigned int pre = ((sysreg_read(ich_vtr_el2) >> 26) & 7) + 1;

	sysreg_write(ich_ap0r0_el2, 0);
	sysreg_write(ich_ap1r0_el2, 0);
	if (pre < 6)
		return;
	sysreg_write(ich_ap0r1_el2, 0);
	sysreg_write(ich_ap1r1_el2, 0);
	if (pre < 7)
		return;
	sysreg_write(ich_ap0r2_el2, 0);
	sysreg_write(ich_ap0r3_el2, 0);
	sysreg_write(ich_ap1r2_el2, 0);
	sysreg_write(ich_ap1r3_el2, 0);
}

/*
 * Linux's mask, binary point, EOI mode and group enable go to
 * ICH_VMCR_EL2; the physical interface takes every priority, with
 * EOImode 1; the hypervisor's interrupts are group 1, which EL2
 * acknowledges.
 */
static unsigned int v3_cpu_init(unsigned int cpu)
{
	uint64_t pmr = sysreg_read(icc_pmr_el1);
	uint64_t ctlr = sysreg_read(icc_ctlr_el1);
	uint64_t bpr1 = sysreg_read(icc_bpr1_el1);
	uint64_t grpen1 = sysreg_read(icc_igrpen1_el1);
	unsigned int n, num = (sysreg_read(ich_vtr_el2) & 0x1f) + 1;

	sgi_route[cpu] = sgi_value_for(0, per_cpu(cpu)->mpidr);
	for (n = 0; n < num; n++)
		lr_write(n, 0);
	v3_active_priorities_clear();
	sysreg_write(ich_vmcr_el2,
		     (pmr & 0xff) << 24 | (bpr1 & 7) << 18 |
			     (ctlr & ICC_CTLR_EOIMODE ? 1ULL << 9 : 0) |
			     (ctlr & ICC_CTLR_CBPR ? 1ULL << 4 : 0) |
			     (grpen1 & 1) << 1);
	sysreg_write(ich_hcr_el2, ICH_HCR_EN);
	sysreg_write(icc_ctlr_el1, ctlr | ICC_CTLR_EOIMODE);
	sysreg_write(icc_pmr_el1, 0xff);
	*(volatile uint32_t *)(per_cpu(cpu)->gicr + GICR_IGROUPR0) |=
		irqchip_reserved_irqs();
	return num;
}

static void v3_cpu_reset(unsigned int cpu)
{
	v3_active_priorities_clear();
	sysreg_write(ich_vmcr_el2, 0);
	sysreg_write(ich_hcr_el2, ICH_HCR_EN);
}

static void v3_cpu_stop(unsigned int cpu)
{
	per_cpu(cpu)->vmcr_saved = sysreg_read(ich_vmcr_el2);
	sysreg_write(ich_hcr_el2, 0);
}

static void v3_cpu_restore(unsigned int cpu)
{
	uint64_t vmcr = per_cpu(cpu)->vmcr_saved;
	uint64_t ctlr = sysreg_read(icc_ctlr_el1);

	sysreg_write(icc_pmr_el1, (vmcr >> 24) & 0xff);
	sysreg_write(icc_bpr1_el1, (vmcr >> 18) & 7);
	sysreg_write(icc_ctlr_el1,
		     (ctlr & ~(ICC_CTLR_EOIMODE | ICC_CTLR_CBPR)) |
			     (vmcr & (1ULL << 9) ? ICC_CTLR_EOIMODE : 0) |
			     (vmcr & (1ULL << 4) ? ICC_CTLR_CBPR : 0));
	sysreg_write(icc_igrpen1_el1, (vmcr >> 1) & 1);
	v3_active_priorities_clear();
}

static void v3_repend(unsigned int cpu, uint32_t intid)
{
	if (intid < 32)
		*(volatile uint32_t *)(per_cpu(cpu)->gicr + GICR_ISPENDR0) =
			1U << intid;
	else
		*(volatile uint32_t *)(irqchip_gicd() + GICD_ISPENDR +
				       intid / 32 * 4) = 1U << (intid % 32);
	if (intid >= 16)
		sysreg_write(icc_dir_el1, intid);
}

/* IROUTER's affinity fields for a CPU. */
static uint64_t route_of(unsigned int cpu)
{
	uint64_t aff = per_cpu(cpu)->mpidr;

	return (aff & 0xffffff) | ((aff >> 32) & 0xff) << 32;
}

static void v3_spi_route(uint32_t intid, unsigned int cpu)
{
	*(volatile uint64_t *)(irqchip_gicd() + GICD_IROUTER + intid * 8) =
		route_of(cpu);
}

static int v3_spi_routed_to(uint32_t intid, uint64_t cpus)
{
	uint64_t route = *(volatile uint64_t *)(irqchip_gicd() + GICD_IROUTER +
						intid * 8);
	unsigned int cpu;

	if (route & IROUTER_IRM)
		return 2;
	for (cpu = 0; cpu < HV_MAX_CPUS; cpu++)
		if (cpus & (1ULL << cpu) && route == route_of(cpu))
			return 1;
	return 0;
}

const struct irqchip_ops gicv3_ops = {
	.version = 3,
	.init = v3_init,
	.cpu_probe = v3_cpu_probe,
	.cpu_init = v3_cpu_init,
	.cpu_reset = v3_cpu_reset,
	.cpu_stop = v3_cpu_stop,
	.cpu_restore = v3_cpu_restore,
	.private_regs = v3_private_regs,
	.ack = v3_ack,
	.eoi = v3_eoi,
	.deactivate = v3_deactivate,
	.lr_get = v3_lr_get,
	.lr_set = v3_lr_set,
	.lr_clear = v3_lr_clear,
	.lr_empty = v3_lr_empty,
	.underflow_irq = v3_underflow_irq,
	.repend = v3_repend,
	.send_sgi = v3_send_sgi,
	.spi_route = v3_spi_route,
	.spi_routed_to = v3_spi_routed_to,
};
