/* SPDX-License-Identifier: GPL-2.0 */
/* The GICv2 back-end (gicv2.c). */
#ifndef WARDEN_ARCH_GICV2_H
#define WARDEN_ARCH_GICV2_H

#include <stdint.h>

#include <arch/irqchip.h>

extern const struct irqchip_ops gicv2_ops;
/* The CPU interface mask of CPU cpu (0: unknown) */
uint8_t gicv2_cpu_mask(unsigned int cpu);
/* The CPU interfaces of the cell of CPU cpu */
uint8_t gicv2_cell_mask(unsigned int cpu);
/* The CPU interface and the list registers (EL2 mapping) */
extern volatile uint8_t *gicv2_gicc, *gicv2_gich;
/* A trapped GICD_SGIR write */
void gicv2_sgir_write(unsigned int cpu, uint32_t value);

#endif
