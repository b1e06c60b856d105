// SPDX-License-Identifier: GPL-2.0
/*
 * op-costs: what single operations cost a cell, in instructions executed
 * (PMU event INST_RETIRED at EL1 and EL2, so that the hypervisor's share
 * counts) and in virtual time (PMCCNTR; -icount shift=0 makes one
 * instruction one nanosecond). Each figure is the median over "rounds"
 * repetitions (parameter, default 1000) minus the same measurement around
 * no operation at all. Under -icount the PMU counts every CPU's
 * instructions; markers around each operation let the vcpu-marks plugin
 * count this CPU's alone (bench/run reports those). Afterwards, with "spin=1", the
 * CPU computes forever (no device, no interrupt, no call): the steady
 * state in which a cell should cause no exits at all.
 */
#include <inmate.h>
#include <hypercall.h>
#include <mmio.h>
#include <psci.h>

#include "pmu.h"

#define GICD_TYPER 0x0004
#define PSCI_VERSION 0x84000000
#define SMCCC_VERSION 0x80000000

static uintptr_t gicd;
static volatile uint64_t sink;

enum op { OP_NONE, OP_HYPERCALL, OP_GICD_READ, OP_PSCI_VERSION, OP_SMCCC };

/*
 * One operation between two markers, so that the vcpu-marks plugin counts
 * this CPU's instructions for it (op-costs: op N starts at mark 5 + N).
 */
static void run_op(enum op op)
{
	switch (op) {
	case OP_NONE:
		BENCH_MARK(MARK_OP_START + 0);
		break;
	case OP_HYPERCALL:
		BENCH_MARK(MARK_OP_START + 1);
		sink = hypercall_1(WARDEN_HC_HYPERVISOR_GET_INFO,
				   WARDEN_INFO_NUM_CELLS);
		break;
	case OP_GICD_READ:
		BENCH_MARK(MARK_OP_START + 2);
		sink = mmio_read32(gicd + GICD_TYPER);
		break;
	case OP_PSCI_VERSION:
		BENCH_MARK(MARK_OP_START + 3);
		sink = psci_call(PSCI_VERSION, 0, 0, 0);
		break;
	case OP_SMCCC:
		BENCH_MARK(MARK_OP_START + 4);
		sink = psci_call(SMCCC_VERSION, 0, 0, 0);
		break;
	}
	BENCH_MARK(MARK_OP_END);
}

#define MAX_ROUNDS 1000
static uint32_t insns_of[MAX_ROUNDS], ns_of[MAX_ROUNDS];

/* Medians over the rounds of this CPU's PMU counts around the operation. */
static void measure(enum op op, unsigned int rounds, uint64_t *insns,
		    uint64_t *cycles)
{
	uint64_t i0, c0;
	unsigned int i;

	for (i = 0; i < rounds; i++) {
		i0 = pmu_insns();
		c0 = pmu_cycles();
		run_op(op);
		ns_of[i] = (uint32_t)(pmu_cycles() - c0);
		insns_of[i] = (uint32_t)(pmu_insns() - i0);
	}
	bench_sort(insns_of, rounds);
	bench_sort(ns_of, rounds);
	*insns = insns_of[rounds / 2];
	*cycles = ns_of[rounds / 2];
}

void inmate_main(void)
{
	static const struct {
		enum op op;
		const char *name;
	} ops[] = {
		{ OP_HYPERCALL, "null-hypercall" },
		{ OP_GICD_READ, "gicd-typer-read" },
		{ OP_PSCI_VERSION, "psci-version" },
		{ OP_SMCCC, "smccc-version" },
	};
	unsigned int rounds = cmdline_parse_int("rounds", MAX_ROUNDS);
	uint64_t base_i, base_c, insns, cycles;
	unsigned int i;

	if (rounds < 1 || rounds > MAX_ROUNDS) {
		printk("op-costs: rounds=%u out of range 1..%u\n", rounds,
		       MAX_ROUNDS);
		return;
	}
	if (!comm_region) {
		printk("op-costs: needs a cell (hypercalls and trapped GIC)\n");
		return;
	}
	gicd = comm_region->gicd_base;
	pmu_start();
	measure(OP_NONE, rounds, &base_i, &base_c);
	printk("op-costs: %u rounds, baseline %lu instructions\n", rounds,
	       base_i);
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		measure(ops[i].op, rounds, &insns, &cycles);
		printk("op %s: instructions=%lu ns=%lu\n", ops[i].name,
		       insns - base_i, cycles - base_c);
	}
	printk("op-costs: done\n");
	if (cmdline_parse_bool("spin", false))
		for (;;)
			sink++;
	/* Idle in WFI, not polling: under -icount a spinning CPU eats time. */
	inmate_stop();
}
