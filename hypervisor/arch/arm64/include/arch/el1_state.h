/* SPDX-License-Identifier: GPL-2.0 */
/* A CPU's EL1/EL0 state across changes of owner (el1_state.c). */
#ifndef WARDEN_ARCH_EL1_STATE_H
#define WARDEN_ARCH_EL1_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/hv.h>

/* Enable: saves Linux' MDCR_EL2 and sets the root's. */
void el1_state_enter(unsigned int cpu);
/* Disable: Linux' MDCR_EL2 back. */
void el1_state_leave(unsigned int cpu);
/*
 * The CPU restarts for a new run (PSCI CPU_ON, cell start), in a cell
 * (cell true) or in the root: every EL1/EL0 register a guest can read to
 * its reset value, MDCR_EL2 for that owner.
 */
void el1_state_reset(unsigned int cpu, bool cell);
/* FEAT_PAuth in any form (ID_AA64ISAR1/2_EL1). */
bool el1_state_pauth_present(void);

#endif
