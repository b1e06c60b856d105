/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Everything the hypervisor keeps per CPU, in one place: struct per_cpu.
 * Each CPU reaches its own through TPIDR_EL2 (this_per_cpu(): one system
 * register read, no index arithmetic), set by hv_cpu_enter() before
 * anything else; other CPUs' through per_cpu(cpu). The stack, the trap
 * frame and Linux' saved EL2 state are not in here: they live in the
 * CPU's 8 KiB block (layout.h, PERCPU_SIZE).
 *
 * Who writes what (the lock rules are in docs/hypervisor.md, "CPU states
 * and lock rules"):
 *  - lc (state, owner, generation, CPU_ON request): under hv_lock, by any
 *    CPU, through core/lifecycle.c; read without it by the CPU itself on
 *    its exits;
 *  - mpidr: by the CPU as it enters, read-only afterwards;
 *  - everything else: by the CPU itself only (statistics are also reset by
 *    the management call that hands the CPU to a new owner, while the CPU
 *    is parked).
 * The hot fields (what an interrupt or a trap reads) come first, so that
 * they share a cache line; entry.S reads vh_loop and vh_fid at fixed
 * offsets (PER_CPU_VH_*, layout.h).
 */
#ifndef WARDEN_ARCH_PER_CPU_H
#define WARDEN_ARCH_PER_CPU_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/layout.h>
#include <arch/sysreg.h>
#include <warden/lifecycle.h>

#define STAT_TOTAL 0
#define STAT_MMIO 1
#define STAT_MANAGEMENT 2
#define STAT_HYPERCALL 3
#define STAT_MAINTENANCE 4
#define STAT_VIRQ 5
#define STAT_VSGI 6
#define STAT_PSCI 7
#define STAT_SMCCC 8
#define NUM_STATS 9

/* Interrupts taken and not yet in a list register, per CPU (irqchip.c). */
#define GIC_QUEUE_LEN 32

/* The list-register bookkeeping of the CPU's virtual interface. */
struct gic_cpu {
	/* first: irq_fast.c finds a PPI's priority at this_per_cpu() + n */
	uint8_t prio[32]; /* copies of the SGIs' and PPIs' priorities */
	uint16_t num_lrs;
	/* ICH_ELRSR/GICH_ELRSR0 with every list register free (irq_fast.c) */
	uint16_t lrs_all;
	unsigned int queued;
	bool uie; /* the underflow maintenance interrupt is on */
	bool v2; /* GICv2 (irq_fast.c picks its accessors by it) */
	uint8_t maint; /* the maintenance interrupt's INTID */
	/* SGIs and PPIs irq_fast.c injects: not the stop SGI, not maint */
	uint32_t fast_irqs;
	/* GICv2: the CPU interface and list registers, for irq_fast.c */
	volatile uint8_t *gicc, *gich;
	uint32_t queue[GIC_QUEUE_LEN]; /* taken, not injected (GIC_IAR_*) */
};

/*
 * Where a root hypercall goes on after an unexpected exception at EL2
 * (traps.c, recover.S): callee-saved registers and stack, the return to
 * the caller.
 */
struct recover_point {
	uint64_t regs[13];
	uint64_t elr, spsr, code;
	int armed;
};

struct per_cpu {
	/* hot: every exit; the list-register bookkeeping first (irq_fast.c) */
	struct gic_cpu gic;
	/* entry.S: the Spectre-BHB loop count and firmware workaround id */
	uint32_t vh_loop;
	uint32_t vh_fid;
	unsigned int cpu;
	/*
	 * State, owner (a cell id, LC_ROOT), generation and CPU_ON request
	 * (core/lifecycle.c): changed only under hv_lock, through the lc_*
	 * functions on hv_lc, which reaches them by base pointer and stride
	 * (cell_registry.c). The owner is what the SPI check compares.
	 */
	struct lc_cpu lc;
	bool ras; /* FEAT_RAS: a pending SError is checked at every exit */
	bool direct; /* IMO clear: a direct-delivery cell's (direct_irq.c) */
	uint32_t stats[NUM_STATS];

	/* the CPU's identity */
	uint64_t mpidr;

	/* GICv3: the redistributor (EL2 mapping), ICH_VMCR_EL2 for Linux */
	volatile uint8_t *gicr;
	/* GICv2: CPU interface mask; GICC_CTLR and GICH_VMCR for Linux */
	uint8_t gicv2_mask;
	uint32_t gicv2_ctlr_saved;
	uint64_t vmcr_saved;

	/* harden.c: the vector table this CPU installs */
	const char *vh_vectors;
	/* el1_state.c: Linux' MDCR_EL2, for disable */
	uint64_t mdcr_saved;
	bool mdcr_set;
	/*
	 * Report counts per CPU run (sysreg_trap.c, gicr.c, printk.c), zeroed at each
	 * restart by per_cpu_reports_reset() (park.c).
	 */
	unsigned int sysreg_reported;
	unsigned int gicr_warned;
	unsigned int printk_limited; /* printk.c */
	/* traps.c */
	struct recover_point recover;
	volatile int in_fault;
	/*
	 * cell.c: the pool pages of a cell config this CPU is copying in,
	 * from their allocation until a cell slot holds them or they are
	 * freed (pa 0: none). The copy's struct cell lives on the call's
	 * stack, gone when an exception at EL2 cuts the call short, so
	 * cell_recover() frees them from here.
	 */
	uint64_t config_copy_pa;
	unsigned int config_copy_pages;
	/*
	 * el2_map.c: the EL2 window this CPU has mapped (one at a time),
	 * what el2_window_release() unmaps after an exception at EL2. Noted
	 * as soon as its pages are allocated, before any entry is written,
	 * and forgotten only once they are free again, so that an exception
	 * anywhere in between leaves no entry and no page of it behind.
	 */
	const void *window;
	uint64_t window_size;
	/*
	 * pool.c: the pages pool_alloc_pages() has taken and not yet handed
	 * to its caller (pa 0: none), what pool_recover() frees after an
	 * exception at EL2.
	 */
	uint64_t pool_alloc_pa;
	unsigned int pool_alloc_pages;
};

_Static_assert(__builtin_offsetof(struct per_cpu, gic.prio) == 0, "prio");
_Static_assert(__builtin_offsetof(struct per_cpu, vh_loop) == PER_CPU_VH_LOOP,
	       "PER_CPU_VH_LOOP");
_Static_assert(__builtin_offsetof(struct per_cpu, vh_fid) == PER_CPU_VH_FID,
	       "PER_CPU_VH_FID");

extern struct per_cpu per_cpu_data[HV_MAX_CPUS];

static inline struct per_cpu *per_cpu(unsigned int cpu)
{
	return &per_cpu_data[cpu];
}

/* A new CPU run: the reports the last run used up are allowed again. */
static inline void per_cpu_reports_reset(unsigned int cpu)
{
	per_cpu(cpu)->sysreg_reported = 0;
	per_cpu(cpu)->gicr_warned = 0;
	per_cpu(cpu)->printk_limited = 0;
}

/* This CPU's: valid from hv_cpu_enter() on. */
static inline struct per_cpu *this_per_cpu(void)
{
	struct per_cpu *pc;

	/* not volatile: TPIDR_EL2 does not change once set */
	asm("mrs %0, tpidr_el2" : "=r"(pc));
	return pc;
}

#endif
