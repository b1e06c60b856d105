// SPDX-License-Identifier: GPL-2.0
/*
 * irq-latency: timer interrupt latency, measured in the guest.
 *
 * Each sample arms the virtual timer a fixed time ahead, waits in WFI and
 * records how long after the deadline the IRQ vector had saved the
 * registers (to-vector, the library's entry hook: the point the peers'
 * published figures use), the
 * C handler ran after acknowledging the interrupt (to-handler), and the
 * interrupted code resumed after EOI and exception return (to-resume).
 * Times come from PMCCNTR_EL0, related to the virtual counter once at
 * start.
 *
 * Under QEMU -icount shift=0 one instruction is one virtual nanosecond and
 * PMCCNTR counts those nanoseconds, so the figures are exact instruction
 * counts and repeat bit for bit; see docs/performance.md.
 *
 * Parameters (string at 0x1000): samples=N (default 1000), lead_us=N
 * (deadline this far ahead, default 200).
 */
#include <inmate.h>

/* 32-bit samples: three arrays must fit the cell's 64 KiB with the code. */
#define MAX_SAMPLES 1024

static volatile uint64_t vector_stamp, vector_insns;
static uint32_t insns[MAX_SAMPLES];

static uint32_t vector_ns[MAX_SAMPLES], handler_ns[MAX_SAMPLES],
	resume_ns[MAX_SAMPLES];
static volatile uint64_t handler_stamp;
static volatile bool fired;

/* PMCCNTR value at which the counter read cntvct_base. */
static uint64_t pmu_base, cntvct_base, ns_per_tick;

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

static void pmu_start(void)
{
	/*
	 * PMCCNTR_EL0 counts (virtual) time; event counter 0 counts
	 * INST_RETIRED (0x08) on this CPU only. NSH (bit 27) in both filters
	 * counts EL2 too, so that a hypervisor's work shows up.
	 */
	asm volatile("msr pmccfiltr_el0, %0" : : "r"(1ULL << 27));
	asm volatile("msr pmevtyper0_el0, %0" : : "r"(1ULL << 27 | 0x08));
	asm volatile("msr pmcntenset_el0, %0" : : "r"(1ULL << 31 | 1));
	/* PMCR_EL0: E (enable), P and C (reset counters), LC (64 bit). */
	asm volatile("msr pmcr_el0, %0; isb" : : "r"((1ULL << 6) | 7));
}

/*
 * Relates PMCCNTR to the virtual counter at the instant it ticks: a
 * three-instruction loop watches CNTVCT change, then PMCCNTR is read.
 * The read lands CALIBRATION_LAG instructions after the loop's counter
 * read that saw the new value, and that read came at most two
 * instructions after the tick: the relation is exact to 2 ns under
 * -icount shift=0.
 */
#define CALIBRATION_LAG 3

static void calibrate(void)
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
	pmu_base = p - CALIBRATION_LAG;
	cntvct_base = t;
	ns_per_tick = 1000000000ULL / timer_get_frequency();
}

/* Runs from the IRQ vector right after the register save. */
static void on_irq_entry(void)
{
	vector_stamp = pmu_cycles();
	vector_insns = pmu_insns();
}

static void on_timer(unsigned int irq)
{
	handler_stamp = pmu_cycles();
	timer_stop();
	fired = true;
}

static void sort(uint32_t *v, unsigned int n)
{
	unsigned int i, j;

	/* Insertion sort: n is small and the input nearly sorted. */
	for (i = 1; i < n; i++) {
		uint32_t x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static void report(const char *what, uint32_t *v, unsigned int n)
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		sum += v[i];
	sort(v, n);
	printk("latency %s: samples=%u min=%u mean=%lu p99=%u max=%u ns\n",
	       what, n, v[0], sum / n, v[(n * 99 + 99) / 100 - 1], v[n - 1]);
}

/* Instructions this CPU executed from WFI to the vector's hook. */
static void report_insns(uint32_t *v, unsigned int n)
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = 0; i < n; i++)
		sum += v[i];
	sort(v, n);
	printk("instructions wfi-to-vector: samples=%u min=%u median=%u "
	       "mean=%lu max=%u\n",
	       n, v[0], v[n / 2], sum / n, v[n - 1]);
}

void inmate_main(void)
{
	unsigned int samples = cmdline_parse_int("samples", 1000);
	unsigned int lead_us = cmdline_parse_int("lead_us", 200);
	uint64_t resume = 0, wfi_insns = 0;
	unsigned int i;

	if (samples < 1 || samples > MAX_SAMPLES) {
		printk("irq-latency: samples=%u out of range 1..%u\n", samples,
		       MAX_SAMPLES);
		return;
	}
	if (gic_init())
		return;
	irq_register(TIMER_VIRT_IRQ, on_timer);
	gic_enable_irq(TIMER_VIRT_IRQ);
	irq_set_entry_hook(on_irq_entry);
	pmu_start();
	calibrate();
	printk("irq-latency: %u samples, deadline %u us ahead, %lu ns per tick\n",
	       samples, lead_us, ns_per_tick);

	for (i = 0; i < samples; i++) {
		uint64_t deadline = timer_get_ticks() +
				    timer_ns_to_ticks(lead_us * 1000ULL);
		uint64_t deadline_cycles =
			pmu_base + (deadline - cntvct_base) * ns_per_tick;

		fired = false;
		timer_arm_at(deadline);
		irq_enable_cpu();
		while (!fired)
			asm volatile("isb; mrs %1, pmevcntr0_el0; wfi; isb; "
				     "mrs %0, pmccntr_el0"
				     : "=r"(resume), "=r"(wfi_insns));
		irq_disable_cpu();
		vector_ns[i] = (uint32_t)(vector_stamp - deadline_cycles);
		handler_ns[i] = (uint32_t)(handler_stamp - deadline_cycles);
		resume_ns[i] = (uint32_t)(resume - deadline_cycles);
		insns[i] = (uint32_t)(vector_insns - wfi_insns);
	}
	report("to-vector", vector_ns, samples);
	report("to-handler", handler_ns, samples);
	report("to-resume", resume_ns, samples);
	report_insns(insns, samples);
	printk("irq-latency: done\n");
	/* Idle in WFI, not polling: under -icount a spinning CPU eats time. */
	inmate_stop();
}
