// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3 back-end (gic.c picks it). Each CPU calls gic_init() for its
 * redistributor and CPU interface; SGIs and PPIs are then configured in
 * the calling CPU's redistributor, SPIs in the distributor. The
 * distributor itself belongs to the hypervisor in a cell; only when
 * booted bare does the inmate own it and has to switch it on.
 */
#include "comm.h"
#include "gic-ops.h"
#include "gic.h"
#include "inmate.h"
#include "mmio.h"
#include "printk.h"
#include "sysreg.h"

#define QEMU_VIRT_GICD 0x08000000UL
#define QEMU_VIRT_GICR 0x080a0000UL

#define GICD_CTLR_ENABLE_G0 (1 << 0)
#define GICD_CTLR_ENABLE_G1 (1 << 1)
#define GICD_CTLR_ARE (1 << 4)
#define GICD_CTLR_RWP (1U << 31)
#define GICD_IROUTER 0x6000

#define GICR_WAKER 0x0014
#define GICR_WAKER_PROCESSOR_SLEEP (1 << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1 << 2)
#define GICR_TYPER 0x0008
#define GICR_TYPER_VLPIS (1 << 1)
#define GICR_TYPER_LAST (1 << 4)
#define GICR_PIDR2 0xffe8
#define GICR_SGI_BASE 0x10000
#define GICR_FRAME_SIZE 0x20000
#define GICR_VLPI_FRAME_SIZE 0x40000
#define GICR_FRAMES_MAX 512

#define GIC_CPUS 8

/* Redistributors of the CPUs that called gic_init(), by affinity. */
struct gic_cpu {
	uint64_t mpidr;
	uintptr_t redist;
};

static uintptr_t gicd, gicr_base;
static struct gic_cpu gic_cpus[GIC_CPUS];
static unsigned int gic_slots_taken;

/*
 * Finds the redistributor frame whose affinity is this CPU's. Only the
 * first frame's ID register is checked (is there a GICv3 at all?): a
 * hypervisor may show other CPUs' frames with their TYPER only. The walk
 * is bounded in case no frame says it is the last.
 */
static uintptr_t gic_find_redist(uintptr_t base)
{
	uint64_t mpidr = inmate_cpu_affinity();
	/* GICR_TYPER packs Aff3..Aff0 into one 32-bit field. */
	uint64_t aff = (mpidr >> 32 & 0xff) << 24 | (mpidr & 0xffffff);
	uintptr_t rd = base;

	if (((mmio_read32(rd + GICR_PIDR2) >> 4) & 0xf) < 3)
		return 0;
	for (int i = 0; i < GICR_FRAMES_MAX; i++) {
		uint64_t typer = mmio_read64(rd + GICR_TYPER);

		if (typer >> 32 == aff)
			return rd;
		if (typer & GICR_TYPER_LAST)
			return 0;
		rd += typer & GICR_TYPER_VLPIS ? GICR_VLPI_FRAME_SIZE :
						 GICR_FRAME_SIZE;
	}
	return 0;
}

static void gic_dist_enable(void)
{
	uint32_t ctlr = mmio_read32(gicd + GICD_CTLR);

	/* Affinity routing must be on before the groups are enabled. */
	if (!(ctlr & GICD_CTLR_ARE)) {
		mmio_write32(gicd + GICD_CTLR, GICD_CTLR_ARE);
		while (mmio_read32(gicd + GICD_CTLR) & GICD_CTLR_RWP)
			cpu_relax();
	}
	mmio_write32(gicd + GICD_CTLR,
		     GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1 | GICD_CTLR_ENABLE_G0);
	while (mmio_read32(gicd + GICD_CTLR) & GICD_CTLR_RWP)
		cpu_relax();
}

/*
 * The calling CPU's redistributor, 0 before its gic_init(). A slot counts
 * once its redist is set (released after its mpidr).
 */
static uintptr_t gic_redist(void)
{
	uint64_t mpidr = inmate_cpu_affinity();

	for (unsigned int i = 0; i < GIC_CPUS; i++) {
		uintptr_t rd =
			__atomic_load_n(&gic_cpus[i].redist, __ATOMIC_ACQUIRE);

		if (rd && gic_cpus[i].mpidr == mpidr)
			return rd;
	}
	return 0;
}

static int gic_v3_init_global(void)
{
	if (comm_region) {
		gicr_base = comm_region->gicr_base;
		gicd = comm_region->gicd_base;
	} else {
		gicr_base = QEMU_VIRT_GICR;
		gicd = QEMU_VIRT_GICD;
	}
	if (inmate_is_bare())
		gic_dist_enable();
	return 0;
}

static int gic_v3_init_cpu(void)
{
	uintptr_t rd = gic_redist();
	unsigned int slot;
	uint32_t waker;

	if (!rd) {
		rd = gic_find_redist(gicr_base);
		if (!rd) {
			printk("GIC: no redistributor for CPU affinity 0x%lx\n",
			       (unsigned long)inmate_cpu_affinity());
			return -1;
		}
		/* Secondary CPUs may get here at the same time. */
		slot = __atomic_fetch_add(&gic_slots_taken, 1,
					  __ATOMIC_RELAXED);
		if (slot >= GIC_CPUS) {
			printk("GIC: more than %d CPUs\n", GIC_CPUS);
			return -1;
		}
		gic_cpus[slot].mpidr = inmate_cpu_affinity();
		__atomic_store_n(&gic_cpus[slot].redist, rd, __ATOMIC_RELEASE);
	}

	/* A sleeping redistributor forwards nothing; Linux woke it before. */
	waker = mmio_read32(rd + GICR_WAKER);
	if (waker & GICR_WAKER_PROCESSOR_SLEEP) {
		mmio_write32(rd + GICR_WAKER,
			     waker & ~GICR_WAKER_PROCESSOR_SLEEP);
		while (mmio_read32(rd + GICR_WAKER) &
		       GICR_WAKER_CHILDREN_ASLEEP)
			cpu_relax();
	}

	/*
	 * ICC_SRE_EL1 is left alone: QEMU has it read as one, and under a
	 * hypervisor EL1 access to it may trap (ICC_SRE_EL2.Enable clear);
	 * the system-register interface is simply required.
	 */
	write_sysreg_s(0xf0, ICC_PMR_EL1);
	write_sysreg_s(0, ICC_BPR1_EL1);
	/* EOImode 0: one write to EOIR drops priority and deactivates. */
	write_sysreg_s(0, ICC_CTLR_EL1);
	write_sysreg_s(1, ICC_IGRPEN1_EL1);
	isb();
	return 0;
}

/*
 * Private interrupts live in the calling CPU's redistributor, shared ones
 * in GICD.
 */
static uintptr_t gic_v3_irq_base(unsigned int irq)
{
	return irq < 32 ? gic_redist() + GICR_SGI_BASE : gicd;
}

static void gic_v3_irq_configure(unsigned int irq)
{
	uintptr_t group = gic_v3_irq_base(irq) + GICD_IGROUPR + irq / 32 * 4;

	/*
	 * Group 1 (group 0 would arrive as FIQ when the GIC has a single
	 * security state, as bare QEMU's does).
	 */
	mmio_write32(group, mmio_read32(group) | 1U << (irq % 32));
	if (irq >= 32)
		mmio_write64(gicd + GICD_IROUTER + irq * 8,
			     inmate_cpu_affinity());
}

static void gic_v3_send_sgi(uint64_t mpidr, unsigned int sgi)
{
	uint64_t val = ((mpidr >> 32) & 0xff) << 48 |
		       ((mpidr >> 16) & 0xff) << 32 |
		       (uint64_t)(sgi & 0xf) << 24 |
		       ((mpidr >> 8) & 0xff) << 16 | 1U << (mpidr & 0xf);

	write_sysreg_s(val, ICC_SGI1R_EL1);
	isb();
}

static void gic_v3_sgi_self(unsigned int sgi)
{
	/* The SGI bits of the redistributor's ISPENDR0 are writable. */
	mmio_write32(gic_v3_irq_base(sgi) + GICD_ISPENDR, 1U << sgi);
}

static uint32_t gic_v3_ack(unsigned int *irq)
{
	uint32_t iar = read_sysreg_s(ICC_IAR1_EL1);

	*irq = iar & 0xffffff;
	return iar;
}

static void gic_v3_eoi(uint32_t iar)
{
	write_sysreg_s(iar, ICC_EOIR1_EL1);
	isb();
}

const struct gic_ops gic_v3_ops = {
	.version = 3,
	.init_global = gic_v3_init_global,
	.init_cpu = gic_v3_init_cpu,
	.irq_base = gic_v3_irq_base,
	.irq_configure = gic_v3_irq_configure,
	.send_sgi = gic_v3_send_sgi,
	.sgi_self = gic_v3_sgi_self,
	.ack = gic_v3_ack,
	.eoi = gic_v3_eoi,
};
