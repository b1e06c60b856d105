/* SPDX-License-Identifier: GPL-2.0 */
/* The emulated GIC distributor and redistributors (gicd.c, gicr.c). */
#ifndef WARDEN_ARCH_GIC_EMUL_H
#define WARDEN_ARCH_GIC_EMUL_H

#include <stdint.h>

#include <arch/mmio.h>

int gicd_init(void);
/* The distributor's frame: 64 KiB on GICv3, 4 KiB on GICv2 */
uint64_t gicd_frame_size(void);
/* Returns 1 if addr lies in the distributor and the access was handled. */
int gicd_mmio(struct mmio_access *a, unsigned int cpu);
void gicr_init(void);
uint64_t gicr_region_size(void);
int gicr_mmio(struct mmio_access *a, unsigned int cpu);
struct gicr_verdict;
/*
 * A refused write to an SGI's or PPI's register (a redistributor's, or
 * bank 0 of a GICv2 distributor) of CPU frame_cpu, on the console: at
 * most a few lines per CPU and start of its cell.
 */
void gic_report_refused(unsigned int cpu, unsigned int frame_cpu,
			const struct gicr_verdict *v, uint64_t value,
			uint64_t refused);

/* The redistributors' emulated state (gicr.c) */
extern spinlock_t gicr_lock;

#endif
