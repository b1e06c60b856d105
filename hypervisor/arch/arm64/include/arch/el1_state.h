/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A CPU's EL1/EL0 state across changes of owner (el1_state.c) and the
 * system-register traps that keep guests off state they must not share
 * (sysreg_trap.c).
 */
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
/*
 * A trapped system-register access (EC 0x18) of the debug registers, an
 * IMPLEMENTATION DEFINED register (HCR_EL2.TIDCP) or ACTLR_EL1 (TAC):
 * emulated or answered with an UNDEFINED exception. Returns 1 if it was
 * one of those, 0 if not.
 */
int sysreg_trap(struct frame *f, unsigned int cpu, uint64_t esr);

#endif
