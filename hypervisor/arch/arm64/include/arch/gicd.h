/* SPDX-License-Identifier: GPL-2.0 */
/* The emulated GIC distributor (gicd.c). */
#ifndef WARDEN_ARCH_GICD_H
#define WARDEN_ARCH_GICD_H

#include <stdint.h>

#include <arch/mmio.h>

int gicd_init(void);
/* The distributor's frame: 64 KiB on GICv3, 4 KiB on GICv2 */
uint64_t gicd_frame_size(void);
/* Returns 1 if addr lies in the distributor and the access was handled. */
int gicd_mmio(struct mmio_access *a, unsigned int cpu);
/*
 * The registers the fast read path (sync_fast.c) answers: an aligned
 * 32-bit read of GICD_CTLR (from the distributor), GICD_TYPER, IIDR,
 * TYPER2 and the identification registers (PIDR/CIDR: read once by
 * gicd_init(), they never change), the same value for the root and every
 * cell, as gicd_mmio() would read them. Nothing of an interrupt's own.
 */
struct gicd_fast {
	uint64_t phys; /* the distributor's frame (1 << 63 before gicd_init()) */
	uint64_t id_start; /* offset of the identification registers */
	const volatile uint32_t *ctlr;
	uint32_t low[4]; /* offsets 0x0-0xc; low[0] unused (CTLR is live) */
	uint32_t id[12]; /* offsets id_start to id_start + 0x2c */
};
extern struct gicd_fast gicd_fast;

#endif
