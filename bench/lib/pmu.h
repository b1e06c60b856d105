/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmark inmates' measuring instruments: this CPU's PMU, counting
 * time (PMCCNTR_EL0) and instructions retired (event counter 0), both at
 * EL1 and EL2 so that a hypervisor's work on this CPU is counted.
 *
 * Under QEMU -icount shift=0 PMCCNTR follows the virtual clock, which all
 * CPUs share: one instruction (of whichever CPU runs) is one nanosecond.
 * INST_RETIRED counts this CPU's instructions only, whatever the others
 * do; see docs/performance.md.
 */
#ifndef BENCH_PMU_H
#define BENCH_PMU_H

#include <stdint.h>

/* Resets and starts both counters of the calling CPU. */
void pmu_start(void);

static inline uint64_t pmu_cycles(void)
{
	uint64_t v;

	asm volatile("isb; mrs %0, pmccntr_el0" : "=r"(v));
	return v;
}

static inline uint64_t pmu_insns(void)
{
	uint64_t v;

	asm volatile("isb; mrs %0, pmevcntr0_el0" : "=r"(v));
	return v;
}

/*
 * Relates this CPU's PMCCNTR to the virtual counter (CNTVCT), which every
 * CPU shares: afterwards pmu_from_ticks() gives the PMCCNTR value at which
 * the counter read a given tick, exact to 2 ns under -icount shift=0.
 */
struct pmu_clock {
	uint64_t pmu_base, cntvct_base, ns_per_tick;
};

void pmu_calibrate(struct pmu_clock *clk);

static inline uint64_t pmu_from_ticks(const struct pmu_clock *clk,
				      uint64_t ticks)
{
	return clk->pmu_base + (ticks - clk->cntvct_base) * clk->ns_per_tick;
}

/*
 * Marker k (0..15) for the vcpu-marks QEMU plugin (bench/plugin/): an
 * unallocated hint, a NOP everywhere, at which the plugin logs how many
 * instructions this vCPU has executed. Under -icount only the plugin
 * counts one CPU's instructions apart from the others'.
 */
#define BENCH_STR(x) #x
#define BENCH_MARK_INSN(k) "hint #(0x70 + " BENCH_STR(k) ")"
#define BENCH_MARK(k) asm volatile(BENCH_MARK_INSN(k) : : : "memory")
#define MARK_WFI 0 /* right before a WFI that an interrupt will end */
#define MARK_VECTOR 1 /* the IRQ vector's entry hook */
#define MARK_SEND 2 /* right before an SGI is sent */
#define MARK_SENT 3 /* right after it was sent */
#define MARK_OP_END 4 /* after one operation of op-costs */
#define MARK_OP_START 5 /* 5 + n: before operation n of op-costs */

/* Sorts v ascending (insertion sort: n is small, input nearly sorted). */
void bench_sort(uint32_t *v, unsigned int n);

/*
 * Prints "PREFIX: samples=N min=.. mean=.. p99=.. max=.. UNIT" (sorting
 * v), the line format bench/run parses.
 */
void bench_report(const char *prefix, const char *unit, uint32_t *v,
		  unsigned int n);

#endif
