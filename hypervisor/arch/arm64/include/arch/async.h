/* SPDX-License-Identifier: GPL-2.0 */
/* SErrors, FIQs and Group-0 SGI writes from EL1/EL0 (async.c). */
#ifndef WARDEN_ARCH_ASYNC_H
#define WARDEN_ARCH_ASYNC_H

#include <arch/hv.h>

/* An SError taken from EL1/EL0 (HCR_EL2.AMO). */
void serror_handle(struct frame *f, unsigned int cpu);
/*
 * At every entry from EL1/EL0, an SError pending since the lower EL ran
 * is that context's (RAS CPUs only; see there).
 */
void serror_defer_check(struct frame *f, unsigned int cpu);
/* A physical FIQ (Group 0) taken at EL2 (HCR_EL2.FMO). */
void fiq_handle(unsigned int cpu);
/* A trapped ICC_SGI0R_EL1/ICC_ASGI1R_EL1 write: refused. */
void sgi_refuse(unsigned int cpu, unsigned int reg, uint64_t value);

#endif
