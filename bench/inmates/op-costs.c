// SPDX-License-Identifier: GPL-2.0
/*
 * op-costs: what single operations cost a cell, in instructions executed
 * on the cell's CPU (PMU event INST_RETIRED at EL1 and EL2, so that the
 * hypervisor's share counts) and in virtual time (PMCCNTR; -icount
 * shift=0 makes one instruction one nanosecond). Each figure is the mean
 * over "rounds" repetitions (parameter, default 1000) minus the same
 * measurement around no operation at all. Afterwards, with "spin=1", the
 * CPU computes forever (no device, no interrupt, no call): the steady
 * state in which a cell should cause no exits at all.
 */
#include <inmate.h>
#include <hypercall.h>
#include <mmio.h>
#include <psci.h>

#define HC_HYPERVISOR_GET_INFO 5
#define HC_INFO_NUM_CELLS 4
#define GICD_TYPER 0x0004
#define PSCI_VERSION 0x84000000
#define SMCCC_VERSION 0x80000000

static uintptr_t gicd;
static volatile uint64_t sink;

static inline uint64_t read_insns(void)
{
	uint64_t v;

	asm volatile("isb; mrs %0, pmevcntr0_el0" : "=r"(v));
	return v;
}

static inline uint64_t read_cycles(void)
{
	uint64_t v;

	asm volatile("isb; mrs %0, pmccntr_el0" : "=r"(v));
	return v;
}

static void pmu_start(void)
{
	asm volatile("msr pmccfiltr_el0, %0" : : "r"(1ULL << 27));
	asm volatile("msr pmevtyper0_el0, %0" : : "r"(1ULL << 27 | 0x08));
	asm volatile("msr pmcntenset_el0, %0" : : "r"(1ULL << 31 | 1));
	asm volatile("msr pmcr_el0, %0; isb" : : "r"((1ULL << 6) | 7));
}

enum op { OP_NONE, OP_HYPERCALL, OP_GICD_READ, OP_PSCI_VERSION, OP_SMCCC };

static void run_op(enum op op)
{
	switch (op) {
	case OP_NONE:
		break;
	case OP_HYPERCALL:
		sink = hypercall_1(HC_HYPERVISOR_GET_INFO, HC_INFO_NUM_CELLS);
		break;
	case OP_GICD_READ:
		sink = mmio_read32(gicd + GICD_TYPER);
		break;
	case OP_PSCI_VERSION:
		sink = psci_call(PSCI_VERSION, 0, 0, 0);
		break;
	case OP_SMCCC:
		sink = psci_call(SMCCC_VERSION, 0, 0, 0);
		break;
	}
}

static void measure(enum op op, unsigned int rounds, uint64_t *insns,
		    uint64_t *cycles)
{
	uint64_t i0, c0, i_sum = 0, c_sum = 0;
	unsigned int i;

	for (i = 0; i < rounds; i++) {
		i0 = read_insns();
		c0 = read_cycles();
		run_op(op);
		c_sum += read_cycles() - c0;
		i_sum += read_insns() - i0;
	}
	*insns = i_sum / rounds;
	*cycles = c_sum / rounds;
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
	unsigned int rounds = cmdline_parse_int("rounds", 1000);
	uint64_t base_i, base_c, insns, cycles;
	unsigned int i;

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
