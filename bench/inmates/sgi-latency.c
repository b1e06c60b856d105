// SPDX-License-Identifier: GPL-2.0
/*
 * sgi-latency: an SGI from one CPU of a cell to another, measured on both
 * ends. The first CPU starts the second, then sends it SGI 2 (ping) and
 * waits in WFI; the second CPU's handler answers with SGI 1 (pong).
 *
 * Per round, the time from the ICC_SGI1R_EL1 write to the receiver's
 * vector (one-way) and the round trip back to the sender's vector; the
 * two CPUs' PMCCNTRs are related through the shared virtual counter
 * (pmu_calibrate()). Markers for the vcpu-marks plugin around the write
 * (MARK_SEND, MARK_SENT) and at the receiver's WFI and vector give each
 * CPU's own instructions: the sender's for the write (in a cell it traps:
 * the hypervisor checks the targets and kicks the target CPU) and the
 * receiver's from WFI to vector (in a cell: the hypervisor's entry,
 * acknowledge, list register and return).
 *
 * Parameters (string at 0x1000): cpu=MPIDR of the second CPU (default 1,
 * as bare QEMU numbers them; 3 in qemu-virt-inmate-smp), rounds=N
 * (default 1000, at most MAX_ROUNDS).
 */
#include <inmate.h>
#include <smp.h>

#include "pmu.h"

#define SGI_PONG 1
#define SGI_PING 2
#define MAX_ROUNDS 1000

/* The second CPU only takes interrupts: 2 KiB is ample (-fstack-usage). */
static uint8_t second_stack[2048] __attribute__((aligned(16)));
static uint64_t first_cpu, second_cpu;
static struct pmu_clock clk_first, clk_second;

/* Written by the vector hook of the CPU that took the interrupt. */
static volatile uint64_t first_vector, second_vector;
static volatile unsigned int pongs;
static volatile bool second_ready;

static uint32_t one_way_ns[MAX_ROUNDS], round_trip_ns[MAX_ROUNDS];

static void on_irq_entry(void)
{
	uint64_t t;

	BENCH_MARK(MARK_VECTOR);
	t = pmu_cycles();
	if (inmate_cpu_affinity() == first_cpu)
		first_vector = t;
	else
		second_vector = t;
}

static void on_ping(unsigned int irq)
{
	/* The hook's stamps reach the first CPU before the pong does. */
	dsb(ish);
	gic_send_sgi(first_cpu, SGI_PONG);
}

static void on_pong(unsigned int irq)
{
	pongs++;
}

/* Interrupts on only while waiting, the marker right before the WFI. */
#define WAIT_FOR_PING                        \
	"msr daifclr, #2; " BENCH_MARK_INSN( \
		MARK_WFI) "; wfi; msr daifset, #2; isb"

static void second_main(void *arg)
{
	if (gic_init())
		return;
	pmu_start();
	pmu_calibrate(&clk_second);
	gic_enable_irq(SGI_PING);
	second_ready = true;
	for (;;)
		asm volatile(WAIT_FOR_PING : : : "memory");
}

/* PMCCNTR of the second CPU expressed on the first CPU's PMCCNTR. */
static uint64_t second_to_first(uint64_t t)
{
	return t - clk_second.pmu_base + clk_first.pmu_base +
	       (clk_second.cntvct_base - clk_first.cntvct_base) *
		       clk_first.ns_per_tick;
}

void inmate_main(void)
{
	unsigned int rounds = cmdline_parse_int("rounds", 1000);
	unsigned int i, done = 0;
	long ret;

	second_cpu = cmdline_parse_int("cpu", 1);
	first_cpu = inmate_cpu_affinity();
	if (rounds < 1 || rounds > MAX_ROUNDS) {
		printk("sgi-latency: rounds=%u out of range 1..%u\n", rounds,
		       MAX_ROUNDS);
		inmate_stop();
	}
	if (gic_init())
		inmate_stop();
	irq_register(SGI_PING, on_ping);
	irq_register(SGI_PONG, on_pong);
	gic_enable_irq(SGI_PONG);
	irq_set_entry_hook(on_irq_entry);
	pmu_start();
	pmu_calibrate(&clk_first);

	ret = smp_start_cpu(second_cpu, second_main, NULL,
			    second_stack + sizeof(second_stack));
	if (ret) {
		printk("sgi-latency: CPU_ON 0x%lx returned %ld\n",
		       (unsigned long)second_cpu, ret);
		inmate_stop();
	}
	while (!second_ready)
		cpu_relax();
	/* Let the second CPU reach its WFI before the first ping. */
	delay_us(100);
	printk("sgi-latency: %u rounds, CPU 0x%lx to 0x%lx\n", rounds,
	       (unsigned long)first_cpu, (unsigned long)second_cpu);

	for (i = 0; i < rounds; i++) {
		uint64_t t0 = pmu_cycles();

		BENCH_MARK(MARK_SEND);
		gic_send_sgi(second_cpu, SGI_PING);
		BENCH_MARK(MARK_SENT);
		irq_enable_cpu();
		while (pongs == i)
			asm volatile("wfi");
		irq_disable_cpu();
		one_way_ns[i] = (uint32_t)(second_to_first(second_vector) - t0);
		round_trip_ns[i] = (uint32_t)(first_vector - t0);
		done++;
		/* The receiver is back in WFI before the next ping. */
		delay_us(20);
	}
	bench_report("sgi one-way", "ns", one_way_ns, done);
	bench_report("sgi round-trip", "ns", round_trip_ns, done);
	printk("sgi-latency: done\n");
	inmate_stop();
}
