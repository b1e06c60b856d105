/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt handling on a GICv2 or GICv3, found at run time (gic.c):
 * per-interrupt enable, priority and routing to the calling CPU, SGIs,
 * and dispatch to registered handlers (shared by all CPUs) with EOI.
 * Every CPU that takes interrupts calls gic_init() first; SGI and PPI
 * calls act on the calling CPU's own (banked) copies.
 */
#ifndef INMATE_GIC_H
#define INMATE_GIC_H

#include <stdbool.h>
#include <stdint.h>

#define GIC_SPURIOUS_IRQ 1020
#define GIC_DEFAULT_PRIORITY 0xa0

typedef void (*irq_handler_t)(unsigned int irq);

/* Returns 0, or -1 (after printing why) if there is no usable GIC. */
int gic_init(void);
/*
 * The GIC version gic_init() works with: the comm region's in a cell,
 * bare 3 if the CPU has the GICv3 system-register interface, else 2.
 */
unsigned int gic_version(void);
int irq_register(unsigned int irq, irq_handler_t handler);
void gic_enable_irq(unsigned int irq);
void gic_disable_irq(unsigned int irq);
/* Lower values are more urgent; the PMR lets through values below 0xf0. */
void gic_set_priority(unsigned int irq, uint8_t prio);
void gic_set_pending(unsigned int irq);
bool gic_is_pending(unsigned int irq);
/* SPIs and PPIs: edge- (true) or level-triggered. */
void gic_set_edge(unsigned int irq, bool edge);
/* Sends SGI sgi to the CPU with affinity mpidr (Aff3..Aff0 fields). */
void gic_send_sgi(uint64_t mpidr, unsigned int sgi);
/*
 * In an SGI's handler on a GICv2: the CPU interface number of its sender
 * (GICC_IAR bits 12:10). -1 on a GICv3, whose acknowledge does not say.
 */
int gic_sgi_source(void);
/* The calling CPU's GICv2 CPU interface number; -1 on a GICv3. */
int gic_cpu_interface(void);
/*
 * hook runs first on every IRQ, right after the vector saved the
 * registers and before the GIC is read: where a latency benchmark takes
 * its timestamp. NULL removes it.
 */
void irq_set_entry_hook(void (*hook)(void));
/* Called from the IRQ vector: acknowledges, dispatches and ends each IRQ. */
void gic_handle_irq(void);

static inline void irq_enable_cpu(void)
{
	asm volatile("msr daifclr, #2" : : : "memory");
}

static inline void irq_disable_cpu(void)
{
	asm volatile("msr daifset, #2" : : : "memory");
}

#endif
