/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inmate library API. An inmate defines inmate_main(); the library
 * has set up the MMU, the vectors, the console and the comm region by
 * then, and ends the inmate when inmate_main() returns.
 */
#ifndef INMATE_H
#define INMATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmdline.h"
#include "comm.h"
#include "gic.h"
#include "printk.h"
#include "sysreg.h"
#include "timer.h"

void inmate_main(void);

/* True when booted directly by QEMU (the -bare.elf build). */
bool inmate_is_bare(void);
/* This CPU's affinity fields from MPIDR_EL1. */
uint64_t inmate_cpu_affinity(void);
/*
 * Waits for an interrupt and answers comm-region messages: the body of
 * the idle loop of an inmate that has an interrupt source (a timer), so
 * that messages get answered.
 */
void inmate_idle(void);
/*
 * Ends the inmate. Bare: PSCI SYSTEM_OFF, which ends QEMU. In a cell:
 * interrupts off, and the CPU keeps answering messages so that the cell
 * can still be shut down.
 */
void __attribute__((noreturn)) inmate_exit(void);
/* Stops this CPU for good after a fatal error (bare: ends QEMU). */
void __attribute__((noreturn)) inmate_stop(void);

#endif
