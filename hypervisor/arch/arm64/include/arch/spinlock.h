/* SPDX-License-Identifier: GPL-2.0 */
/* Spinlocks; which locks there are and their order: docs/hypervisor.md */
#ifndef WARDEN_ARCH_SPINLOCK_H
#define WARDEN_ARCH_SPINLOCK_H

#include <stdint.h>

#include <arch/per_cpu.h>

typedef volatile uint32_t spinlock_t;

/*
 * A held lock holds its owner: LOCK_HELD | CPU number (never 0, also
 * before hv_cpu_enter() wrote the CPU number into its struct per_cpu), so
 * that an unexpected exception at EL2 can release the locks its CPU holds
 * (el2_locks_release(), traps.c).
 */
#define LOCK_HELD 0x80000000U
static inline uint32_t lock_owner_value(void)
{
	return LOCK_HELD | (this_per_cpu()->cpu & 0xffff);
}

static inline void spin_lock(spinlock_t *lock)
{
	uint32_t tmp;

	asm volatile("	sevl\n"
		     "1:	wfe\n"
		     "2:	ldaxr	%w0, [%1]\n"
		     "	cbnz	%w0, 1b\n"
		     "	stxr	%w0, %w2, [%1]\n"
		     "	cbnz	%w0, 2b\n"
		     : "=&r"(tmp)
		     : "r"(lock), "r"(lock_owner_value())
		     : "memory");
}

static inline void spin_unlock(spinlock_t *lock)
{
	asm volatile("stlr wzr, [%0]" : : "r"(lock) : "memory");
}

#endif
