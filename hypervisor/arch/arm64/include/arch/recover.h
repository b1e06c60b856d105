/* SPDX-License-Identifier: GPL-2.0 */
/* Recovery points for management calls (recover.c, recover.S). */
#ifndef WARDEN_ARCH_RECOVER_H
#define WARDEN_ARCH_RECOVER_H

#include <arch/hv.h>

/*
 * Runs fn(f, cpu) for the root with a recovery point: an exception at
 * EL2 inside it ends it with -EFAULT instead of stopping the CPU.
 */
long el2_recoverable(struct frame *f, unsigned int cpu,
		     long (*fn)(struct frame *f, unsigned int cpu));
/* fn does not return (the CPU leaves): its recovery point is void. */
void el2_recover_cancel(unsigned int cpu);

/*
 * recover.S: hv_recover_set() saves the callee-saved registers and
 * returns 0; hv_recover_jump() (traps.c's el2_fault()) returns from it
 * once more with val (never 0).
 */
int hv_recover_set(uint64_t *regs) __attribute__((returns_twice));
void hv_recover_jump(uint64_t *regs, long val) __attribute__((noreturn));

#endif
