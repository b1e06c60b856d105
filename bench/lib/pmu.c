// SPDX-License-Identifier: GPL-2.0
#include <inmate.h>

#include "pmu.h"

void pmu_start(void)
{
	/*
	 * PMCCNTR_EL0 counts (virtual) time; event counter 0 counts
	 * INST_RETIRED (0x08): this CPU's on hardware, QEMU's global count
	 * under -icount. NSH (bit 27) in both filters counts EL2 too, so
	 * that a hypervisor's work shows up.
	 */
	asm volatile("msr pmccfiltr_el0, %0" : : "r"(1ULL << 27));
	asm volatile("msr pmevtyper0_el0, %0" : : "r"(1ULL << 27 | 0x08));
	asm volatile("msr pmcntenset_el0, %0" : : "r"(1ULL << 31 | 1));
	/* PMCR_EL0: E (enable), P and C (reset counters), LC (64 bit). */
	asm volatile("msr pmcr_el0, %0; isb" : : "r"((1ULL << 6) | 7));
}

/*
 * A three-instruction loop watches CNTVCT change, then PMCCNTR is read.
 * The read lands CALIBRATION_LAG instructions after the loop's counter
 * read that saw the new value, and that read came at most two
 * instructions after the tick.
 */
#define CALIBRATION_LAG 3

void pmu_calibrate(struct pmu_clock *clk)
{
	uint64_t t0, t, p;

	asm volatile("isb\n"
		     "mrs %[t0], cntvct_el0\n"
		     "1: mrs %[t], cntvct_el0\n"
		     "cmp %[t], %[t0]\n"
		     "b.eq 1b\n"
		     "mrs %[p], pmccntr_el0\n"
		     : [t0] "=&r"(t0), [t] "=&r"(t), [p] "=r"(p)
		     :
		     : "cc");
	clk->pmu_base = p - CALIBRATION_LAG;
	clk->cntvct_base = t;
	clk->ns_per_tick = 1000000000ULL / timer_get_frequency();
}

void bench_sort(uint32_t *v, unsigned int n)
{
	unsigned int i, j;

	for (i = 1; i < n; i++) {
		uint32_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

void bench_report(const char *prefix, const char *unit, uint32_t *v,
		  unsigned int n)
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		sum += v[i];
	bench_sort(v, n);
	printk("%s: samples=%u min=%u median=%u mean=%lu p99=%u max=%u %s\n",
	       prefix, n, v[0], v[n / 2], sum / n, v[(n * 99 + 99) / 100 - 1],
	       v[n - 1], unit);
}
