// SPDX-License-Identifier: GPL-2.0
/*
 * Secondary CPU start-up through PSCI CPU_ON. The new CPU enters
 * __inmate_secondary_entry with the MMU off and x0 = the boot block;
 * the block is written with caches on, so it is cleaned to the point of
 * coherency before the CPU that reads it uncached is started.
 */
#include "inmate.h"
#include "mmu.h"
#include "psci.h"
#include "smp.h"

struct smp_boot {
	uint64_t stack_top; /* read by entry.S at offset 0 */
	void (*fn)(void *);
	void *arg;
	volatile uint32_t started;
};

static struct smp_boot smp_boot __attribute__((aligned(64)));

extern char __inmate_secondary_entry[];
void inmate_secondary_setup(struct smp_boot *boot) __attribute__((noreturn));

void inmate_secondary_setup(struct smp_boot *boot)
{
	void (*fn)(void *) = boot->fn;
	void *arg = boot->arg;

	mmu_enable_secondary();
	asm volatile("msr daifclr, #4" : : : "memory");
	__atomic_store_n(&boot->started, 1, __ATOMIC_RELEASE);
	fn(arg);
	irq_disable_cpu();
	for (;;)
		asm volatile("wfi" : : : "memory");
}

long smp_start_cpu(uint64_t mpidr, void (*fn)(void *), void *arg,
		   void *stack_top)
{
	long ret;

	smp_boot.stack_top = (uintptr_t)stack_top;
	smp_boot.fn = fn;
	smp_boot.arg = arg;
	smp_boot.started = 0;
	asm volatile("dc cvac, %0" : : "r"(&smp_boot) : "memory");
	dsb(sy);

	ret = psci_call(PSCI_CPU_ON, mpidr, (uintptr_t)__inmate_secondary_entry,
			(uintptr_t)&smp_boot);
	if (ret)
		return ret;
	while (!__atomic_load_n(&smp_boot.started, __ATOMIC_ACQUIRE))
		cpu_relax();
	return 0;
}

long smp_restart_cpu(uint64_t mpidr)
{
	return psci_call(PSCI_CPU_ON, mpidr,
			 (uintptr_t)__inmate_secondary_entry,
			 (uintptr_t)&smp_boot);
}
