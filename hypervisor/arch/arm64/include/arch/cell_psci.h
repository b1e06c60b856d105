/* SPDX-License-Identifier: GPL-2.0 */
/* PSCI and SMCCC of a non-root cell (cell_psci.c). */
#ifndef WARDEN_ARCH_CELL_PSCI_H
#define WARDEN_ARCH_CELL_PSCI_H

#include <arch/hv.h>

void cell_psci(struct frame *f, unsigned int cpu);

#endif
