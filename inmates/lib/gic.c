// SPDX-License-Identifier: GPL-2.0
/*
 * The GIC, either version, behind one interface (gic.h). The version is
 * found at run time, so that one image runs on both: in a cell the comm
 * region names it (with the bases); bare, ID_AA64PFR0_EL1.GIC says
 * whether the CPU has a GICv3 system-register interface, which a GICv2
 * (GIC-400: QEMU virt,gic-version=2, Raspberry Pi 4) does not connect.
 * Handler slots and the dispatch loop are shared; the back-ends supply
 * bases, routing, SGIs and acknowledge/EOI.
 */
#include "comm.h"
#include "gic-ops.h"
#include "gic.h"
#include "inmate.h"
#include "mmio.h"
#include "printk.h"
#include "sysreg.h"

#define IRQ_HANDLERS 16
#define ID_AA64PFR0_GIC_SHIFT 24

struct irq_slot {
	unsigned int irq;
	irq_handler_t handler;
};

static const struct gic_ops *gic;
static struct irq_slot irq_slots[IRQ_HANDLERS];

unsigned int gic_version(void)
{
	if (comm_region)
		return comm_region->gic_version;
	return (read_sysreg(id_aa64pfr0_el1) >> ID_AA64PFR0_GIC_SHIFT & 0xf) ?
		       3 :
		       2;
}

static const struct gic_ops *gic_select(void)
{
	unsigned int version = gic_version();

	if (version == 3)
		return &gic_v3_ops;
	if (version == 2)
		return &gic_v2_ops;
	printk("GIC: version %u is not supported, only 2 and 3\n", version);
	return NULL;
}

int gic_init(void)
{
	/* The first CPU gets here before any other CPU is started. */
	if (!gic) {
		const struct gic_ops *ops = gic_select();

		if (!ops || ops->init_global())
			return -1;
		gic = ops;
	}
	return gic->init_cpu();
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

static void gic_set_bit(unsigned int irq, unsigned int reg)
{
	mmio_write32(gic->irq_base(irq) + reg + irq / 32 * 4, 1U << (irq % 32));
}

void gic_set_priority(unsigned int irq, uint8_t prio)
{
	mmio_write8(gic->irq_base(irq) + GICD_IPRIORITYR + irq, prio);
}

void gic_enable_irq(unsigned int irq)
{
	gic->irq_configure(irq);
	gic_set_priority(irq, GIC_DEFAULT_PRIORITY);
	gic_set_bit(irq, GICD_ISENABLER);
}

void gic_disable_irq(unsigned int irq)
{
	gic_set_bit(irq, GICD_ICENABLER);
}

void gic_set_pending(unsigned int irq)
{
	/* GICv2's GICD_ISPENDR ignores SGI bits: both send it instead. */
	if (irq < 16)
		gic->sgi_self(irq);
	else
		gic_set_bit(irq, GICD_ISPENDR);
}

bool gic_is_pending(unsigned int irq)
{
	return mmio_read32(gic->irq_base(irq) + GICD_ISPENDR + irq / 32 * 4) &
	       1U << (irq % 32);
}

void gic_set_edge(unsigned int irq, bool edge)
{
	/* Two bits per interrupt; the upper one selects edge triggering. */
	uintptr_t reg = gic->irq_base(irq) + GICD_ICFGR + irq / 16 * 4;
	uint32_t bit = 2U << (irq % 16 * 2);

	mmio_write32(reg,
		     edge ? mmio_read32(reg) | bit : mmio_read32(reg) & ~bit);
}

void gic_send_sgi(uint64_t mpidr, unsigned int sgi)
{
	gic->send_sgi(mpidr, sgi);
}

int gic_sgi_source(void)
{
	return gic->version == 2 ? gic_v2_sgi_source() : -1;
}

int gic_cpu_interface(void)
{
	return gic->version == 2 ? gic_v2_cpu_interface() : -1;
}

void gic_handle_irq(void)
{
	for (;;) {
		unsigned int irq;
		uint32_t iar = gic->ack(&irq);
		int i;

		/* 1020-1023: nothing (left) to take; LPIs are above. */
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
		gic->eoi(iar);
	}
}
