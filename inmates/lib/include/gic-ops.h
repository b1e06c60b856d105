/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The library's GIC back-ends (gic-v3.c, gic-v2.c) behind gic.h: gic.c
 * picks one at the first gic_init() and keeps what both share (handler
 * slots, the dispatch loop, the per-interrupt registers whose offsets the
 * two architectures have in common). Library-internal.
 */
#ifndef INMATE_GIC_OPS_H
#define INMATE_GIC_OPS_H

#include <stdint.h>

/* Distributor registers at the same offsets in GICv2 and GICv3. */
#define GICD_CTLR 0x0000
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180
#define GICD_ISPENDR 0x0200
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR 0x0c00

struct gic_ops {
	unsigned int version;
	/* Bases and, bare, the distributor: once, on the first CPU. */
	int (*init_global)(void);
	/* The calling CPU's interface; may be called again. */
	int (*init_cpu)(void);
	/*
	 * Where interrupt irq's enable, pending, priority and config bits
	 * are (the GICD-compatible block): 0 if the CPU has no interface.
	 */
	uintptr_t (*irq_base)(unsigned int irq);
	/* Group and routing to the calling CPU, before it is enabled. */
	void (*irq_configure)(unsigned int irq);
	void (*send_sgi)(uint64_t mpidr, unsigned int sgi);
	/* Makes SGI sgi pending on the calling CPU. */
	void (*sgi_self)(unsigned int sgi);
	/* Acknowledge: the raw IAR value (for eoi) and the INTID in *irq. */
	uint32_t (*ack)(unsigned int *irq);
	void (*eoi)(uint32_t iar);
};

extern const struct gic_ops gic_v2_ops;
/* GICv2 only (gic_sgi_source(), gic_cpu_interface() in gic.h) */
int gic_v2_sgi_source(void);
int gic_v2_cpu_interface(void);
extern const struct gic_ops gic_v3_ops;

#endif
