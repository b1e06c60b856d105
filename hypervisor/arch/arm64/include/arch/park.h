/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parking and restarting CPUs, and the CPU side of a cell's stop
 * (park.c). The decisions are core/lifecycle.c's; these do what its
 * plans say.
 */
#ifndef WARDEN_ARCH_PARK_H
#define WARDEN_ARCH_PARK_H

#include <stdint.h>

#include <arch/hv.h>

/*
 * The CPU waits inside the hypervisor until lc_cpu_wake() hands it a
 * CPU_ON request, then starts at its entry at EL1 as out of reset, under
 * its owner's stage 2 with nothing of the last run; a failed or parked
 * CPU waits until a management call frees it.
 */
void cpu_park_loop(unsigned int cpu) __attribute__((noreturn));
/*
 * PSCI CPU_OFF of the calling CPU: off, or parked for good if a
 * management call asked it to stop meanwhile (the stop is not lost).
 */
void cpu_off_park(unsigned int cpu) __attribute__((noreturn));
/* SEV for a plan with LC_WAKE: a parked CPU got a CPU_ON request. */
void cpu_wake_up(const struct lc_plan *plan);
/* The stop SGI to each CPU of a plan with LC_KICK (no lock held). */
void kick_cpus(const struct lc_plan *plan);
/* Parks the CPU if a management operation asked it to stop. */
void cell_handle_events(struct frame *f, unsigned int cpu);
/* A cell CPU stopped itself for good (SYSTEM_OFF): stop its siblings. */
void cell_shutdown_self(unsigned int cpu) __attribute__((noreturn));
/*
 * A cell CPU's error condemns the cell (an SError): the cell is marked
 * failed, the CPU failed and its other running CPUs stopped; returns
 * those. The caller parks the CPU.
 */
uint64_t cell_fail(unsigned int cpu);

#endif
