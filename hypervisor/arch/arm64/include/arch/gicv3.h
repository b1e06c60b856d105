/* SPDX-License-Identifier: GPL-2.0 */
/* The GICv3 back-end (gicv3.c). */
#ifndef WARDEN_ARCH_GICV3_H
#define WARDEN_ARCH_GICV3_H

#include <stdint.h>

#include <arch/irqchip.h>

extern const struct irqchip_ops gicv3_ops;
struct per_cpu;
/* A trapped ICC_SGI1R_EL1 write of CPU pc, sent to its cell only */
void gicv3_sgi_write(struct per_cpu *pc, uint64_t value);
uint64_t gicv3_redist_phys(unsigned int cpu);

#endif
