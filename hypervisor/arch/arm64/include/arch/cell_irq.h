/* SPDX-License-Identifier: GPL-2.0 */
/* Which cell owns which SPI, and handing them over (cell_irq.c). */
#ifndef WARDEN_ARCH_CELL_IRQ_H
#define WARDEN_ARCH_CELL_IRQ_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/per_cpu.h>

struct cell;

/* Which cell owns each SPI (0 the root), what the root has */
extern volatile uint8_t cell_spi_owner[1020];
extern uint32_t cell_root_spis[1020 / 32 + 1];
/* Once the root's config is checked: the root's SPIs as a bit map. */
void cell_irq_init(void);

/*
 * SPI intid (32-1019) belongs to the cell that CPU pc serves: the check
 * of cell_irq_owned() on the interrupt path, without a call.
 */
static inline bool cell_spi_owned_fast(const struct per_cpu *pc, uint32_t intid)
{
	unsigned int id = pc->lc.cell;

	return cell_spi_owner[intid] == id &&
	       (id || cell_root_spis[intid / 32] >> (intid % 32) & 1);
}

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
