/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interrupt controller behind one interface: irqchip.c holds what
 * both GIC versions share (the per-CPU injection queue, priority-ordered
 * list registers, the priority copies, enable/disable/reset of a CPU's
 * virtual interface), gicv3.c and gicv2.c (arch/gicv3.h, arch/gicv2.h)
 * the hardware access. setup.c picks the back-end by the system config's
 * gic_version, once, and hands it to irqchip_init().
 */
#ifndef WARDEN_ARCH_IRQCHIP_H
#define WARDEN_ARCH_IRQCHIP_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/spinlock.h>
#include <warden/gic_lr.h>

/* The physical SGI that stops a CPU running in a cell (park.c). */
#define SGI_CELL_STOP 15

struct irqchip_ops {
	unsigned int version;
	/* global checks and mappings, once the EL2 tables are in use */
	int (*init)(void);
	/* on each CPU as it arrives, before anything is committed */
	int (*cpu_probe)(unsigned int cpu);
	/*
	 * The CPU's Linux moves from the physical to the virtual interface
	 * (its mask, binary point, EOI mode, group enable); returns the
	 * number of list registers, which it cleared.
	 */
	unsigned int (*cpu_init)(unsigned int cpu);
	/* an empty virtual interface (PSCI CPU_ON) */
	void (*cpu_reset)(unsigned int cpu);
	/* disable: stop the virtual interface; then cpu_restore */
	void (*cpu_stop)(unsigned int cpu);
	/* the virtual interface's state back to the physical one */
	void (*cpu_restore)(unsigned int cpu);
	/*
	 * This CPU's SGI and PPI registers (ISENABLER0 at +0x100,
	 * ICENABLER0 +0x180, ISPENDR0 +0x200, ICPENDR0 +0x280, ICACTIVER0
	 * +0x380, IPRIORITYR +0x400): its redistributor's SGI frame on
	 * GICv3, the distributor's banked bank 0 on GICv2, which only the
	 * CPU itself reaches: call it on that CPU.
	 */
	volatile uint8_t *(*private_regs)(unsigned int cpu);
	/* acknowledge (GIC_IAR_*; INTIDs 1020-1023: none) */
	uint32_t (*ack)(void);
	void (*eoi)(uint32_t iar); /* priority drop */
	void (*deactivate)(uint32_t iar);
	void (*lr_get)(unsigned int n, struct gic_lr *lr);
	void (*lr_set)(unsigned int n, const struct gic_lr *lr);
	void (*lr_clear)(unsigned int n);
	uint64_t (*lr_empty)(void); /* bit n: list register n is free */
	/* the maintenance interrupt when the list registers drain */
	void (*underflow_irq)(bool on);
	/* the interrupt pending in the GIC again, for the physical CPU */
	void (*repend)(unsigned int cpu, uint32_t iar);
	/* a physical SGI to CPU target */
	void (*send_sgi)(unsigned int target, unsigned int sgi);
	/* SGIs pending in the GIC cleared, where ICPENDR0 does not (v2) */
	void (*sgis_clear)(void);
	/* SPI routing, under gicd_lock: to CPU cpu */
	void (*spi_route)(uint32_t intid, unsigned int cpu);
	/*
	 * Whether the SPI may arrive at one of the CPUs in cpus: 0 no, 1
	 * routed to one of them, 2 to any CPU (GICv3's 1-of-N)
	 */
	int (*spi_routed_to)(uint32_t intid, uint64_t cpus);
};

extern const struct irqchip_ops *irqchip;
/*
 * The distributor's shared registers (routing, enables, priorities) as
 * the emulation (gicd.c) and the SPI hand-over (cell_irq.c) change them.
 */
extern spinlock_t gicd_lock;
/*
 * Read-modify-write of one redistributor register against another CPU's:
 * the emulation (gicr.c) and the hypervisor's own changes to a CPU's
 * SGI group (direct_irq.c).
 */
extern spinlock_t gicr_lock;

/* The distributor (EL2 mapping), for the back-ends and cell_irq.c. */
volatile uint8_t *irqchip_gicd(void);
unsigned int irqchip_maint_irq(void);
/* INTIDs 0-31 the hypervisor keeps on every CPU (bit n: INTID n) */
uint32_t irqchip_reserved_irqs(void);

/* ops: the back-end, gicv3_ops or gicv2_ops (setup.c picks it) */
int irqchip_init(const struct irqchip_ops *ops);
int irqchip_cpu_probe(unsigned int cpu);
void irqchip_cpu_init(unsigned int cpu);
void irqchip_cpu_reset(unsigned int cpu);
void irqchip_cpu_shutdown(unsigned int cpu);
struct per_cpu;
/*
 * An interrupt acknowledged and its priority dropped that the fast path
 * (irq_fast.c) leaves to the generic code: the maintenance interrupt,
 * SGIs, foreign SPIs, full list registers.
 */
void irqchip_inject(struct per_cpu *pc, uint32_t iar);
/* copies of the SPIs' priorities (irqchip.c) */
extern uint8_t irqchip_spi_prio[1020];
void irqchip_send_sgi(unsigned int target, unsigned int sgi);
/*
 * The CPU's private interrupts as its last owner left them are not the
 * next owner's: none pending or active; for a cell (stop_sgi) all masked
 * but the hypervisor's own, the stop SGI enabled; for the root the stop
 * SGI masked, the rest as they were (Linux sets them up). On the CPU
 * itself.
 */
void irqchip_cpu_private_reset(unsigned int cpu, bool stop_sgi);
/*
 * After CPU cpu wrote intid's priority (one of CPU owner's SGIs and PPIs,
 * or an SPI; prio as written): the copy injection uses is read again from
 * the register, and a copy of intid in cpu's list registers takes prio.
 */
void irqchip_priority_written(unsigned int owner, unsigned int cpu,
			      uint32_t intid, uint8_t prio);

#endif
