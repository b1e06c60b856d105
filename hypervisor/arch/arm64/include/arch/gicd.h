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

#endif
