/* SPDX-License-Identifier: GPL-2.0 */
/* Trapped accesses to emulated devices (mmio.c). */
#ifndef WARDEN_ARCH_MMIO_H
#define WARDEN_ARCH_MMIO_H

#include <stdint.h>

#include <arch/hv.h>

/* A trapped access: what the data abort's syndrome says. */
struct mmio_access {
	uint64_t addr; /* IPA */
	uint64_t value; /* written, or to be read */
	unsigned int size; /* bytes */
	int is_write;
};

void mmio_handle_dabt(struct frame *frame, unsigned int cpu);

/*
 * For sync_fast.c: a data abort with a syndrome on the distributor, its
 * register x0-x18 or xzr, emulated at once; 1 done, 0 not touched.
 */
int mmio_fast(struct frame *f, struct per_cpu *pc, uint64_t esr);

#endif
