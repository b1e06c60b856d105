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
 * start (bench/lib/pmu.h).
 *
 * Under QEMU -icount shift=0 one instruction is one virtual nanosecond and
 * PMCCNTR counts those nanoseconds, so the figures are exact instruction
 * counts and repeat bit for bit; see docs/performance.md.
 *
 * Parameters (string at 0x1000): samples=N (default 1000), lead_us=N
 * (deadline this far ahead, default 200).
 */
#include <inmate.h>

#include "pmu.h"

/* 32-bit samples: three arrays must fit the cell's 64 KiB with the code. */
#define MAX_SAMPLES 1024

static volatile uint64_t vector_stamp, vector_insns;
static uint32_t insns[MAX_SAMPLES];

static uint32_t vector_ns[MAX_SAMPLES], handler_ns[MAX_SAMPLES],
	resume_ns[MAX_SAMPLES];
static volatile uint64_t handler_stamp;
static volatile bool fired;

static struct pmu_clock clk;

/*
 * Instructions (PMU: on hardware this CPU's; under -icount everybody's,
 * hence the marker for the vcpu-marks plugin), WFI, then the time at
 * which the interrupted code resumed.
 */
#define WAIT_FOR_DEADLINE                               \
	"isb; mrs %1, pmevcntr0_el0; " BENCH_MARK_INSN( \
		MARK_WFI) "; wfi; isb; mrs %0, pmccntr_el0"

/* Runs from the IRQ vector right after the register save. */
static void on_irq_entry(void)
{
	BENCH_MARK(MARK_VECTOR);
	vector_stamp = pmu_cycles();
	vector_insns = pmu_insns();
}

static void on_timer(unsigned int irq)
{
	handler_stamp = pmu_cycles();
	timer_stop();
	fired = true;
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
	pmu_calibrate(&clk);
	printk("irq-latency: %u samples, deadline %u us ahead, %lu ns per tick\n",
	       samples, lead_us, clk.ns_per_tick);

	for (i = 0; i < samples; i++) {
		uint64_t deadline = timer_get_ticks() +
				    timer_ns_to_ticks(lead_us * 1000ULL);
		uint64_t deadline_cycles = pmu_from_ticks(&clk, deadline);

		fired = false;
		timer_arm_at(deadline);
		irq_enable_cpu();
		while (!fired)
			asm volatile(WAIT_FOR_DEADLINE
				     : "=r"(resume), "=r"(wfi_insns));
		irq_disable_cpu();
		vector_ns[i] = (uint32_t)(vector_stamp - deadline_cycles);
		handler_ns[i] = (uint32_t)(handler_stamp - deadline_cycles);
		resume_ns[i] = (uint32_t)(resume - deadline_cycles);
		insns[i] = (uint32_t)(vector_insns - wfi_insns);
	}
	bench_report("latency to-vector", "ns", vector_ns, samples);
	bench_report("latency to-handler", "ns", handler_ns, samples);
	bench_report("latency to-resume", "ns", resume_ns, samples);
	bench_report("instructions wfi-to-vector", "instructions", insns,
		     samples);
	printk("irq-latency: done\n");
	/* Idle in WFI, not polling: under -icount a spinning CPU eats time. */
	inmate_stop();
}
