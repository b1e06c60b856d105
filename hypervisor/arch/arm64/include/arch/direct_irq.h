/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Direct interrupt delivery (WARDEN_CELL_DIRECT_IRQ, direct_irq.c): the
 * CPUs of a cell that opts in take their physical interrupts at EL1, the
 * hypervisor keeps its stop SGI in Group 0 (FIQ to EL2).
 */
#ifndef WARDEN_ARCH_DIRECT_IRQ_H
#define WARDEN_ARCH_DIRECT_IRQ_H

#include <stdbool.h>
#include <stdint.h>

struct cell;
struct warden_config;

/*
 * At create, changing nothing: 0, or -EINVAL with the reason printed
 * (GICD_CTLR.DS 0).
 */
long direct_irq_check(const struct warden_config *cfg);
/* Once a direct cell is created: Group 0 on, for good (gicd.c). */
void direct_irq_grp0_enable(void);
/* On the CPU, as it (re)starts: direct for a direct cell, else trapped. */
void direct_irq_cpu_switch(unsigned int cpu, const struct cell *c);
/* Whether a direct cell was ever created (Group 0 kept enabled). */
extern bool direct_irq_grp0;
/* The stop SGI in Group 0 too, to a CPU that may be direct (park.c). */
void direct_irq_send_stop(unsigned int cpu);
/*
 * fiq_handle(), on a direct CPU: the stop SGI acknowledged by cpu is
 * finished here (true); another Group-0 interrupt is disabled (false).
 */
bool direct_irq_fiq(unsigned int cpu, uint64_t intid);
/* stop_cpus() gave up on CPUs of a direct cell: say why, try to force. */
void direct_irq_stop_timeout(const struct cell *c, uint64_t waiting);

#endif
