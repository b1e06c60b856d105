// SPDX-License-Identifier: GPL-2.0
/*
 * The GICv2 back-end of the virtualised CPU interface (irqchip.c holds
 * what both versions share), for a GIC-400 as on the Raspberry Pi 4 and
 * QEMU's virt,gic-version=2. Everything is memory-mapped, and no ICC or
 * ICH system register may be touched: a Cortex-A72 with a GIC-400 has
 * no GIC system register interface (UNDEFINED). The physical CPU
 * interface (GICC) and the list registers (GICH) are the hypervisor's;
 * the cells and the root see the virtual CPU interface (GICV) mapped at
 * the GICC address (stage2.c). The SGIs' and PPIs' registers are banked
 * per CPU in the distributor: only the CPU itself reaches its own.
 * SPIs are routed by CPU interface mask (GICD_ITARGETSR), which each CPU
 * reads for itself on arrival; SGIs are sent through GICD_SGIR, which
 * traps (gicd.c) and reaches only CPUs of the sender's cell.
 */
#include <arch/cell.h>
#include <arch/gicv2.h>
#include <arch/hv.h>
#include <arch/irqchip.h>
#include <warden/errno.h>
#include <warden/gicv2_filter.h>

#define GICC_CTLR 0x0000
#define GICC_PMR 0x0004
#define GICC_BPR 0x0008
#define GICC_IAR 0x000c
#define GICC_EOIR 0x0010
#define GICC_DIR 0x1000
/* EOImodeS without Security Extensions, EOImodeNS in the Non-secure view */
#define GICC_CTLR_EOIMODE (1U << 9)
#define GICC_CTLR_ENABLE (1U << 0)
#define GICC_SIZE 0x2000

#define GICH_HCR 0x0000
#define GICH_VTR 0x0004
#define GICH_VMCR 0x0008
#define GICH_ELRSR0 0x0030
#define GICH_ELRSR1 0x0034
#define GICH_APR 0x00f0
#define GICH_LR(n) (0x0100 + (n)*4)
#define GICH_HCR_EN (1U << 0)
#define GICH_HCR_UIE (1U << 1)
#define GICH_SIZE 0x1000

/* GICH_VMCR: the virtual interface's GICV_CTLR, PMR and BPR */
#define VMCR_PRIMASK_SHIFT 27 /* 5 bits: the top of the 8-bit mask */
#define VMCR_BP_SHIFT 21
#define VMCR_VEM (1U << 9) /* EOImode */
#define VMCR_GRP0_EN (1U << 0)

#define GICD_ISPENDR 0x0200
#define GICD_ITARGETSR 0x0800
#define GICD_SGIR 0x0f00
#define GICD_CPENDSGIR 0x0f10
#define GICD_SPENDSGIR 0x0f20

#define GB (1ULL << 30)

volatile uint8_t *gicv2_gicc, *gicv2_gich;

static uint32_t rd32(volatile uint8_t *base, unsigned int off)
{
	return *(volatile uint32_t *)(base + off);
}

static void wr32(volatile uint8_t *base, unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(base + off) = v;
}

uint8_t gicv2_cpu_mask(unsigned int cpu)
{
	return cpu < HV_MAX_CPUS ? per_cpu(cpu)->gicv2_mask : 0;
}

/* A frame the config names: page aligned, in the EL2 GIC area. */
static int frame_ok(const char *what, uint64_t pa, uint64_t size)
{
	uint64_t gicd = sys_config->platform_info.arm.gicd_base;

	if (!pa || pa & 0xfff || pa >> 30 != gicd >> 30 ||
	    warden_range_overlaps(pa, size, hv_phys,
				  sys_config->hypervisor_memory.size)) {
		printk("ERROR: GICv2 %s at 0x%llx: must be given, 4 KiB "
		       "aligned, in the distributor's 1 GiB and outside "
		       "hypervisor memory\n",
		       what, (unsigned long long)pa);
		return -EINVAL;
	}
	return 0;
}

static int v2_init(void)
{
	const typeof(sys_config->platform_info.arm) *arm =
		&sys_config->platform_info.arm;

	if (frame_ok("distributor", arm->gicd_base, 0x1000) ||
	    frame_ok("CPU interface (GICC)", arm->gicc_base, GICC_SIZE) ||
	    frame_ok("hypervisor interface (GICH)", arm->gich_base,
		     GICH_SIZE) ||
	    frame_ok("virtual CPU interface (GICV)", arm->gicv_base, GICC_SIZE))
		return -EINVAL;
	gicv2_gicc =
		(volatile uint8_t *)(HV_GIC_VIRT + (arm->gicc_base & (GB - 1)));
	gicv2_gich =
		(volatile uint8_t *)(HV_GIC_VIRT + (arm->gich_base & (GB - 1)));
	return 0;
}

static int v2_cpu_probe(unsigned int cpu)
{
	/*
	 * The banked GICD_ITARGETSR0 reads as this CPU's own interface
	 * bit; a GIC with one CPU interface reads zero there.
	 */
	uint8_t mask = irqchip_gicd()[GICD_ITARGETSR];

	per_cpu(cpu)->gicv2_mask = mask ? mask : 1;
	return 0;
}

/*
 * Linux's mask, binary point, EOI mode and group 0 enable go to
 * GICH_VMCR (Linux enables group 0 of GICV, whose GICV_CTLR has the
 * layout of a GICC_CTLR without Security Extensions); the physical
 * interface takes every priority, with EOImode 1.
 */
static unsigned int v2_cpu_init(unsigned int cpu)
{
	uint32_t ctlr = rd32(gicv2_gicc, GICC_CTLR),
		 pmr = rd32(gicv2_gicc, GICC_PMR);
	uint32_t bpr = rd32(gicv2_gicc, GICC_BPR);
	unsigned int n, num = (rd32(gicv2_gich, GICH_VTR) & 0x3f) + 1;

	for (n = 0; n < num; n++)
		wr32(gicv2_gich, GICH_LR(n), 0);
	wr32(gicv2_gich, GICH_APR, 0);
	wr32(gicv2_gich, GICH_VMCR,
	     (pmr >> 3) << VMCR_PRIMASK_SHIFT | (bpr & 7) << VMCR_BP_SHIFT |
		     (ctlr & GICC_CTLR_EOIMODE ? VMCR_VEM : 0) |
		     (ctlr & GICC_CTLR_ENABLE ? VMCR_GRP0_EN : 0));
	wr32(gicv2_gich, GICH_HCR, GICH_HCR_EN);
	per_cpu(cpu)->gicv2_ctlr_saved = ctlr;
	wr32(gicv2_gicc, GICC_CTLR,
	     ctlr | GICC_CTLR_EOIMODE | GICC_CTLR_ENABLE);
	wr32(gicv2_gicc, GICC_PMR, 0xff);
	/* for irq_fast.c, which reaches them without a call */
	per_cpu(cpu)->gic.gicc = gicv2_gicc;
	per_cpu(cpu)->gic.gich = gicv2_gich;
	return num;
}

static void v2_cpu_reset(unsigned int cpu)
{
	wr32(gicv2_gich, GICH_APR, 0);
	wr32(gicv2_gich, GICH_VMCR, 0);
	wr32(gicv2_gich, GICH_HCR, GICH_HCR_EN);
}

static void v2_cpu_stop(unsigned int cpu)
{
	per_cpu(cpu)->vmcr_saved = rd32(gicv2_gich, GICH_VMCR);
	wr32(gicv2_gich, GICH_HCR, 0);
}

static void v2_cpu_restore(unsigned int cpu)
{
	uint32_t vmcr = per_cpu(cpu)->vmcr_saved;

	wr32(gicv2_gicc, GICC_PMR, ((vmcr >> VMCR_PRIMASK_SHIFT) & 0x1f) << 3);
	wr32(gicv2_gicc, GICC_BPR, (vmcr >> VMCR_BP_SHIFT) & 7);
	wr32(gicv2_gicc, GICC_CTLR,
	     (per_cpu(cpu)->gicv2_ctlr_saved &
	      ~(GICC_CTLR_EOIMODE | GICC_CTLR_ENABLE)) |
		     (vmcr & VMCR_VEM ? GICC_CTLR_EOIMODE : 0) |
		     (vmcr & VMCR_GRP0_EN ? GICC_CTLR_ENABLE : 0));
	wr32(gicv2_gich, GICH_APR, 0);
}

static volatile uint8_t *v2_private_regs(unsigned int cpu)
{
	return irqchip_gicd(); /* banked: the calling CPU's */
}

static uint32_t v2_ack(void)
{
	/* the INTID and, for an SGI, the sender's CPU interface */
	return rd32(gicv2_gicc, GICC_IAR) & 0x1fff;
}

static void v2_eoi(uint32_t iar)
{
	wr32(gicv2_gicc, GICC_EOIR, iar);
}

static void v2_deactivate(uint32_t iar)
{
	wr32(gicv2_gicc, GICC_DIR, iar);
}

static void v2_lr_get(unsigned int n, struct gic_lr *lr)
{
	gicv2_lr_decode(rd32(gicv2_gich, GICH_LR(n)), lr);
}

static void v2_lr_set(unsigned int n, const struct gic_lr *lr)
{
	wr32(gicv2_gich, GICH_LR(n), gicv2_lr_encode(lr));
}

static void v2_lr_clear(unsigned int n)
{
	wr32(gicv2_gich, GICH_LR(n), 0);
}

static uint64_t v2_lr_empty(void)
{
	return rd32(gicv2_gich, GICH_ELRSR0) |
	       (uint64_t)rd32(gicv2_gich, GICH_ELRSR1) << 32;
}

static void v2_underflow_irq(bool on)
{
	wr32(gicv2_gich, GICH_HCR, GICH_HCR_EN | (on ? GICH_HCR_UIE : 0));
}

static void v2_repend(unsigned int cpu, uint32_t iar)
{
	uint32_t intid = GIC_IAR_INTID(iar);
	volatile uint8_t *gicd = irqchip_gicd();

	if (intid < 16) {
		/* pending from the same sender again */
		gicd[GICD_SPENDSGIR + intid] = 1U << GIC_IAR_SOURCE(iar);
		return;
	}
	wr32(gicd, GICD_ISPENDR + intid / 32 * 4, 1U << (intid % 32));
	wr32(gicv2_gicc, GICC_DIR, intid);
}

static void v2_send_sgi(unsigned int target, unsigned int sgi)
{
	wr32(irqchip_gicd(), GICD_SGIR,
	     (uint32_t)per_cpu(target)->gicv2_mask << 16 | (sgi & 0xf));
}

static void v2_sgis_clear(void)
{
	unsigned int i;

	for (i = 0; i < 16; i += 4)
		wr32(irqchip_gicd(), GICD_CPENDSGIR + i, ~0U);
}

static void v2_spi_route(uint32_t intid, unsigned int cpu)
{
	irqchip_gicd()[GICD_ITARGETSR + intid] = per_cpu(cpu)->gicv2_mask;
}

/*
 * Over the CPUs in cpus only: an SGI's filter pays per CPU of its cell.
 * A CPU's mask is known from its arrival (v2_cpu_probe) and 0 for one that
 * never came (enable clears per_cpu_data), not only from its activation:
 * a CPU already activated sends IPIs to one still on its way, and asking
 * for its lifecycle state dropped them (hv-enable-ipi: membarrier() then
 * waited for good).
 */
static uint8_t masks_of(uint64_t cpus)
{
	uint8_t m = 0;

	for (; cpus; cpus &= cpus - 1)
		m |= per_cpu(__builtin_ctzll(cpus))->gicv2_mask;
	return m;
}

static int v2_spi_routed_to(uint32_t intid, uint64_t cpus)
{
	return !!(irqchip_gicd()[GICD_ITARGETSR + intid] & masks_of(cpus));
}

/* The CPU interfaces of the cell of CPU cpu. */
uint8_t gicv2_cell_mask(unsigned int cpu)
{
	return masks_of(cell_cpus_of(cpu));
}

/*
 * Trapped GICD_SGIR write: sent on, in one write, only to CPUs of the
 * sender's cell (core/gicv2_filter.c decides which).
 */
void gicv2_sgir_write(unsigned int cpu, uint32_t value)
{
	uint8_t to = gicv2_sgir_targets(value, per_cpu(cpu)->gicv2_mask,
					gicv2_cell_mask(cpu));

	per_cpu(cpu)->stats[STAT_VSGI]++;
	if (to)
		wr32(irqchip_gicd(), GICD_SGIR,
		     (uint32_t)to << 16 | (value & 0xf));
}

const struct irqchip_ops gicv2_ops = {
	.version = 2,
	.init = v2_init,
	.cpu_probe = v2_cpu_probe,
	.cpu_init = v2_cpu_init,
	.cpu_reset = v2_cpu_reset,
	.cpu_stop = v2_cpu_stop,
	.cpu_restore = v2_cpu_restore,
	.private_regs = v2_private_regs,
	.ack = v2_ack,
	.eoi = v2_eoi,
	.deactivate = v2_deactivate,
	.lr_get = v2_lr_get,
	.lr_set = v2_lr_set,
	.lr_clear = v2_lr_clear,
	.lr_empty = v2_lr_empty,
	.underflow_irq = v2_underflow_irq,
	.repend = v2_repend,
	.send_sgi = v2_send_sgi,
	.sgis_clear = v2_sgis_clear,
	.spi_route = v2_spi_route,
	.spi_routed_to = v2_spi_routed_to,
};
