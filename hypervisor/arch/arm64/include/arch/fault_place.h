/* SPDX-License-Identifier: GPL-2.0 */
/* Fault reports and failed CPUs (fault_place.c). */
#ifndef WARDEN_ARCH_FAULT_PLACE_H
#define WARDEN_ARCH_FAULT_PLACE_H

#include <arch/hv.h>

/* A fault the CPU cannot go on from: reported, the CPU parked failed. */
void park_failed(struct frame *f, unsigned int cpu, const char *what)
	__attribute__((noreturn));
void fault_report(struct frame *frame, unsigned int cpu, const char *what);
/* For a stage-2 abort at ipa: nearest region and owner */
void fault_report_where(unsigned int cpu, uint64_t ipa);

#endif
