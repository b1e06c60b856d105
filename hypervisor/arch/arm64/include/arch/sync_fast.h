/* SPDX-License-Identifier: GPL-2.0 */
/* The synchronous exits' fast path (sync_fast.c). */
#ifndef WARDEN_ARCH_SYNC_FAST_H
#define WARDEN_ARCH_SYNC_FAST_H

#include <arch/hv.h>

/* A Warden hypercall, a trapped SMC: counted and handled */
void hypercall_enter(struct frame *f, struct per_cpu *pc);
void smc_enter(struct frame *f, struct per_cpu *pc);

#endif
