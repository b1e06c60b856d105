/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Further CPUs of the cell. Each gets its own stack from the inmate (the
 * library reserves none, to stay small for single-CPU inmates), runs with
 * the same MMU tables and vectors, and calls fn(arg). A secondary that
 * returns from fn parks.
 */
#ifndef INMATE_SMP_H
#define INMATE_SMP_H

#include <stdint.h>

/*
 * Starts the CPU with affinity mpidr and waits until it runs C code.
 * Returns the PSCI result (0 on success).
 */
long smp_start_cpu(uint64_t mpidr, void (*fn)(void *), void *arg,
		   void *stack_top);
/*
 * PSCI CPU_ON of mpidr again with the function, argument and stack of the
 * last smp_start_cpu(), without waiting: for a CPU that powered itself
 * off (CPU_OFF), whose stack is free again. Returns the PSCI result.
 */
long smp_restart_cpu(uint64_t mpidr);

#endif
