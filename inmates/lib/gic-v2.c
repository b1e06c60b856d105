// SPDX-License-Identifier: GPL-2.0
/*
 * GICv2 back-end (gic.c picks it): GIC-400 as on the Raspberry Pi 4 and
 * QEMU's virt,gic-version=2. All interrupts, the private ones included
 * (banked per CPU), are configured in the distributor; the CPU interface
 * is a memory-mapped frame (GICC; in a cell the hypervisor maps the
 * virtual CPU interface, GICV, at that address). SPIs are routed by CPU
 * interface number (GICD_ITARGETSR), not by affinity: each CPU learns its
 * own in gic_init().
 */
#include "comm.h"
#include "gic-ops.h"
#include "gic.h"
#include "inmate.h"
#include "mmio.h"
#include "printk.h"

#define QEMU_VIRT_GICD 0x08000000UL
#define QEMU_VIRT_GICC 0x08010000UL

#define GICD_CTLR_ENABLE_G0 (1 << 0)
#define GICD_CTLR_ENABLE_G1 (1 << 1)
#define GICD_ITARGETSR 0x0800
#define GICD_SGIR 0x0f00
#define GICD_SGIR_TARGET_LIST (0 << 24)
#define GICD_SGIR_TARGET_SELF (2 << 24)

/* EnableGrp0 (GICV, and GICC without security extensions). */
#define GICC_CTLR 0x0000
#define GICC_CTLR_ENABLE (1 << 0)
#define GICC_PMR 0x0004
#define GICC_BPR 0x0008
#define GICC_IAR 0x000c
#define GICC_EOIR 0x0010

#define GIC_CPUS 8

/* CPU interface masks of the CPUs that called gic_init(), by affinity. */
struct gic_cpu {
	uint64_t mpidr;
	uint8_t mask;
	bool valid;
};

static uintptr_t gicd, gicc;
static struct gic_cpu gic_cpus[GIC_CPUS];
/*
 * The IAR each CPU acknowledged last, by Aff0: an SGI's handler asks for
 * its sender (gic_sgi_source()); a GICv2 serves 8 CPUs at most, whose
 * Aff0 differ on the machines that have one (QEMU virt, Raspberry Pi 4).
 */
static uint32_t last_iar[GIC_CPUS];
static unsigned int gic_slots_taken;

static int gic_v2_init_global(void)
{
	if (comm_region) {
		gicd = comm_region->gicd_base;
		gicc = comm_region->gicc_base;
	} else {
		gicd = QEMU_VIRT_GICD;
		gicc = QEMU_VIRT_GICC;
	}
	/*
	 * Bare, the inmate owns the distributor. Interrupts stay in group 0,
	 * which is IRQ while GICC_CTLR.FIQEn is clear.
	 */
	if (inmate_is_bare())
		mmio_write32(gicd + GICD_CTLR,
			     GICD_CTLR_ENABLE_G0 | GICD_CTLR_ENABLE_G1);
	return 0;
}

/* The calling CPU's interface mask, 0 before its gic_init(). */
static uint8_t gic_cpu_mask(uint64_t mpidr)
{
	for (unsigned int i = 0; i < GIC_CPUS; i++)
		if (__atomic_load_n(&gic_cpus[i].valid, __ATOMIC_ACQUIRE) &&
		    gic_cpus[i].mpidr == mpidr)
			return gic_cpus[i].mask;
	return 0;
}

static int gic_v2_init_cpu(void)
{
	uint64_t mpidr = inmate_cpu_affinity();
	unsigned int slot;
	uint8_t mask;

	if (!gic_cpu_mask(mpidr)) {
		/*
		 * The banked GICD_ITARGETSR0..7 read as the calling CPU's
		 * own interface bit, or as zero on a GIC with a single CPU
		 * interface (its target registers are RAZ/WI).
		 */
		mask = mmio_read32(gicd + GICD_ITARGETSR) & 0xff;
		if (!mask)
			mask = 1;
		/* Secondary CPUs may get here at the same time. */
		slot = __atomic_fetch_add(&gic_slots_taken, 1,
					  __ATOMIC_RELAXED);
		if (slot >= GIC_CPUS) {
			printk("GIC: more than %d CPUs\n", GIC_CPUS);
			return -1;
		}
		gic_cpus[slot].mpidr = mpidr;
		gic_cpus[slot].mask = mask;
		__atomic_store_n(&gic_cpus[slot].valid, true, __ATOMIC_RELEASE);
	}

	mmio_write32(gicc + GICC_PMR, 0xf0);
	mmio_write32(gicc + GICC_BPR, 0);
	/* EOImode 0: one write to EOIR drops priority and deactivates. */
	mmio_write32(gicc + GICC_CTLR, GICC_CTLR_ENABLE);
	return 0;
}

static uintptr_t gic_v2_irq_base(unsigned int irq)
{
	return gicd;
}

static void gic_v2_irq_configure(unsigned int irq)
{
	if (irq >= 32)
		mmio_write8(gicd + GICD_ITARGETSR + irq,
			    gic_cpu_mask(inmate_cpu_affinity()));
}

static void gic_v2_send_sgi(uint64_t mpidr, unsigned int sgi)
{
	uint8_t mask = gic_cpu_mask(mpidr);

	/*
	 * A CPU that has not called gic_init() yet: on QEMU virt and the
	 * Raspberry Pi 4 the interface number is Aff0.
	 */
	if (!mask)
		mask = 1U << (mpidr & 7);
	mmio_write32(gicd + GICD_SGIR,
		     GICD_SGIR_TARGET_LIST | mask << 16 | (sgi & 0xf));
}

static void gic_v2_sgi_self(unsigned int sgi)
{
	mmio_write32(gicd + GICD_SGIR, GICD_SGIR_TARGET_SELF | (sgi & 0xf));
}

static uint32_t gic_v2_ack(unsigned int *irq)
{
	uint32_t iar = mmio_read32(gicc + GICC_IAR);

	/* Bits 12:10 name an SGI's sender; EOIR wants them back. */
	*irq = iar & 0x3ff;
	last_iar[inmate_cpu_affinity() & (GIC_CPUS - 1)] = iar;
	return iar;
}

int gic_v2_sgi_source(void)
{
	return last_iar[inmate_cpu_affinity() & (GIC_CPUS - 1)] >> 10 & 7;
}

int gic_v2_cpu_interface(void)
{
	uint8_t mask = gic_cpu_mask(inmate_cpu_affinity());

	return mask ? __builtin_ctz(mask) : -1;
}

static void gic_v2_eoi(uint32_t iar)
{
	mmio_write32(gicc + GICC_EOIR, iar);
}

const struct gic_ops gic_v2_ops = {
	.version = 2,
	.init_global = gic_v2_init_global,
	.init_cpu = gic_v2_init_cpu,
	.irq_base = gic_v2_irq_base,
	.irq_configure = gic_v2_irq_configure,
	.send_sgi = gic_v2_send_sgi,
	.sgi_self = gic_v2_sgi_self,
	.ack = gic_v2_ack,
	.eoi = gic_v2_eoi,
};
