// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3. Each CPU calls gic_init() for its redistributor and CPU
 * interface; SGIs and PPIs are then configured in the calling CPU's
 * redistributor, SPIs in the distributor. The distributor itself belongs
 * to the hypervisor in a cell; only when booted bare does the inmate own
 * it and has to switch it on.
 */
#include "comm.h"
#include "gic.h"
#include "inmate.h"
#include "mmio.h"
#include "printk.h"
#include "sysreg.h"

#define QEMU_VIRT_GICD 0x08000000UL
#define QEMU_VIRT_GICR 0x080a0000UL

#define GICD_CTLR 0x0000
#define GICD_CTLR_ENABLE_G0 (1 << 0)
#define GICD_CTLR_ENABLE_G1 (1 << 1)
#define GICD_CTLR_ARE (1 << 4)
#define GICD_CTLR_RWP (1U << 31)
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180
#define GICD_ISPENDR 0x0200
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR 0x0c00
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

#define IRQ_HANDLERS 16
#define GIC_CPUS 8

struct irq_slot {
	unsigned int irq;
	irq_handler_t handler;
};

/* Redistributors of the CPUs that called gic_init(), by affinity. */
struct gic_cpu {
	uint64_t mpidr;
	uintptr_t redist;
};

static uintptr_t gicd, gicr_base;
static struct gic_cpu gic_cpus[GIC_CPUS];
static unsigned int gic_slots_taken;
static struct irq_slot irq_slots[IRQ_HANDLERS];

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

/*
 * Distributor and redistributor bases, once: the first CPU calls it
 * before any other CPU is started.
 */
static int gic_init_global(void)
{
	if (gicd)
		return 0;
	if (comm_region) {
		if (comm_region->gic_version != 3) {
			printk("GIC: version %u is not supported, only 3\n",
			       comm_region->gic_version);
			return -1;
		}
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

int gic_init(void)
{
	uintptr_t rd = gic_redist();
	unsigned int slot;
	uint32_t waker;

	if (gic_init_global())
		return -1;
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

int irq_register(unsigned int irq, irq_handler_t handler)
{
	for (int i = 0; i < IRQ_HANDLERS; i++) {
		if (!irq_slots[i].handler || irq_slots[i].irq == irq) {
			irq_slots[i].irq = irq;
			irq_slots[i].handler = handler;
			return 0;
		}
	}
	return -1;
}

/*
 * Private interrupts live in the calling CPU's redistributor, shared ones
 * in GICD.
 */
static uintptr_t gic_irq_base(unsigned int irq)
{
	return irq < 32 ? gic_redist() + GICR_SGI_BASE : gicd;
}

static void gic_set_bit(unsigned int irq, unsigned int reg)
{
	mmio_write32(gic_irq_base(irq) + reg + irq / 32 * 4, 1U << (irq % 32));
}

void gic_set_priority(unsigned int irq, uint8_t prio)
{
	mmio_write8(gic_irq_base(irq) + GICD_IPRIORITYR + irq, prio);
}

void gic_enable_irq(unsigned int irq)
{
	uintptr_t group = gic_irq_base(irq) + GICD_IGROUPR + irq / 32 * 4;

	/*
	 * Group 1 (group 0 would arrive as FIQ when the GIC has a single
	 * security state, as bare QEMU's does).
	 */
	mmio_write32(group, mmio_read32(group) | 1U << (irq % 32));
	gic_set_priority(irq, GIC_DEFAULT_PRIORITY);
	if (irq >= 32)
		mmio_write64(gicd + GICD_IROUTER + irq * 8,
			     inmate_cpu_affinity());
	gic_set_bit(irq, GICD_ISENABLER);
}

void gic_disable_irq(unsigned int irq)
{
	gic_set_bit(irq, GICD_ICENABLER);
}

void gic_set_pending(unsigned int irq)
{
	gic_set_bit(irq, GICD_ISPENDR);
}

bool gic_is_pending(unsigned int irq)
{
	return mmio_read32(gic_irq_base(irq) + GICD_ISPENDR + irq / 32 * 4) &
	       1U << (irq % 32);
}

void gic_set_edge(unsigned int irq, bool edge)
{
	/* Two bits per interrupt; the upper one selects edge triggering. */
	uintptr_t reg = gic_irq_base(irq) + GICD_ICFGR + irq / 16 * 4;
	uint32_t bit = 2U << (irq % 16 * 2);

	mmio_write32(reg,
		     edge ? mmio_read32(reg) | bit : mmio_read32(reg) & ~bit);
}

void gic_send_sgi(uint64_t mpidr, unsigned int sgi)
{
	uint64_t val = ((mpidr >> 32) & 0xff) << 48 |
		       ((mpidr >> 16) & 0xff) << 32 |
		       (uint64_t)(sgi & 0xf) << 24 |
		       ((mpidr >> 8) & 0xff) << 16 | 1U << (mpidr & 0xf);

	write_sysreg_s(val, ICC_SGI1R_EL1);
	isb();
}

void gic_handle_irq(void)
{
	for (;;) {
		unsigned int irq = read_sysreg_s(ICC_IAR1_EL1) & 0xffffff;
		int i;

		if (irq >= GIC_SPURIOUS_IRQ && irq < 1024)
			return;
		for (i = 0; i < IRQ_HANDLERS; i++) {
			if (irq_slots[i].handler && irq_slots[i].irq == irq) {
				irq_slots[i].handler(irq);
				break;
			}
		}
		if (i == IRQ_HANDLERS)
			printk("GIC: unhandled interrupt %u\n", irq);
		write_sysreg_s(irq, ICC_EOIR1_EL1);
		isb();
	}
}
