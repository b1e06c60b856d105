/* SPDX-License-Identifier: GPL-2.0 */
/* System-register traps guests must not get past (sysreg_trap.c). */
#ifndef WARDEN_ARCH_SYSREG_TRAP_H
#define WARDEN_ARCH_SYSREG_TRAP_H

#include <stdint.h>

#include <arch/hv.h>

/*
 * A trapped system-register access (EC 0x18) of the debug registers, an
 * IMPLEMENTATION DEFINED register (HCR_EL2.TIDCP) or ACTLR_EL1 (TAC):
 * emulated or answered with an UNDEFINED exception. Returns 1 if it was
 * one of those, 0 if not.
 */
int sysreg_trap(struct frame *f, unsigned int cpu, uint64_t esr);

#endif
