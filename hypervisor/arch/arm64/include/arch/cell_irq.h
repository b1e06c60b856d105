/* SPDX-License-Identifier: GPL-2.0 */
/* Which cell owns which SPI, and handing them over (cell_irq.c). */
#ifndef WARDEN_ARCH_CELL_IRQ_H
#define WARDEN_ARCH_CELL_IRQ_H

#include <stdint.h>

struct cell;

/* Whether the cell of CPU cpu may touch interrupt intid. */
int cell_irq_owned(unsigned int cpu, uint64_t intid);
/* A cell's SPIs masked and idle, routed to its first CPU */
void cell_irqs_quiesce(struct cell *c, int route);
/* The new cell c takes its SPIs; SPIs routed to its CPUs go to caller. */
void cell_irqs_take(struct cell *c, unsigned int caller);
/* The cell's SPIs back to the root, as the root had programmed them. */
void cell_irqs_return(struct cell *c, unsigned int caller);
/* Whether an acknowledged interrupt may be injected into cpu's cell. */
int cell_irq_deliverable(unsigned int cpu, uint32_t intid);

#endif
