/* SPDX-License-Identifier: GPL-2.0 */
/* Trap handlers of traps.c's helpers: harden.c and async.c. */
#ifndef WARDEN_ARCH_TRAPS_H
#define WARDEN_ARCH_TRAPS_H

#include <arch/hv.h>

/*
 * harden.c: decide, print and remember this CPU's EL2 vectors (before
 * anything touches the GIC); the table cpu_activate installs.
 */
void vec_harden_probe(unsigned int cpu);
const void *vec_harden_vectors(unsigned int cpu);

/* async.c: an SError taken from EL1/EL0 (HCR_EL2.AMO). */
void serror_handle(struct frame *f, unsigned int cpu);
/*
 * async.c: at every entry from EL1/EL0, an SError pending since the
 * lower EL ran is that context's (RAS CPUs only; see there).
 */
void serror_defer_check(struct frame *f, unsigned int cpu);
/* async.c: a physical FIQ (Group 0) taken at EL2 (HCR_EL2.FMO). */
void fiq_handle(unsigned int cpu);
/* async.c: a trapped ICC_SGI0R_EL1/ICC_ASGI1R_EL1 write: refused. */
void sgi_refuse(unsigned int cpu, unsigned int reg, uint64_t value);

/* A fault the CPU cannot go on from: reported, the CPU parked failed
 * (fault_place.c). */
void park_failed(struct frame *f, unsigned int cpu, const char *what)
	__attribute__((noreturn));
void fault_report(struct frame *frame, unsigned int cpu, const char *what);
/* For a stage-2 abort at ipa: nearest region and owner (fault_place.c) */
void fault_report_where(unsigned int cpu, uint64_t ipa);
/* A Warden hypercall, a trapped SMC: counted and handled (sync_fast.c) */
void hypercall_enter(struct frame *f, struct per_cpu *pc);
void smc_enter(struct frame *f, struct per_cpu *pc);

#endif
