// SPDX-License-Identifier: GPL-2.0
/*
 * Data aborts from the root cell: an access to an emulated device (the GIC
 * distributor and redistributors) is decoded from the syndrome (or, without
 * one, from the instruction: mmio_insn.c) and handed to it;
 * anything else is an access outside the cell and stops the CPU.
 */
#include <arch/gic_emul.h>
#include <arch/hv.h>
#include <arch/mmio.h>
#include <arch/stage2.h>
#include <arch/traps.h>

#define ISS_ISV (1U << 24)
#define ISS_SSE (1U << 21)
#define ISS_SF (1U << 15)
#define ISS_WNR (1U << 6)

void mmio_handle_dabt(struct frame *f, unsigned int cpu)
{
	uint64_t esr = sysreg_read(esr_el2);
	uint64_t hpfar = sysreg_read(hpfar_el2);
	uint32_t iss = esr & 0x1ffffff;
	unsigned int reg = (iss >> 16) & 0x1f;
	struct mmio_access a;

	a.addr = (hpfar >> 4) << 12 | (sysreg_read(far_el2) & 0xfff);
	a.size = 1U << ((iss >> 22) & 3);
	a.is_write = !!(iss & ISS_WNR);
	/* x31 is xzr here */
	a.value = a.is_write && reg != 31 ? f->x[reg] : 0;
	if (a.is_write && a.size < 8)
		a.value &= (1ULL << (a.size * 8)) - 1;

	/* A table walk or external abort on the GIC: the cell's to handle */
	if (abort_inject_emulated(cpu))
		return;
	/* No syndrome (pair, writeback): the instruction says (mmio_insn.c) */
	if (!(iss & ISS_ISV)) {
		if (mmio_emulate_insn(f, cpu, a.addr) &&
		    !stage2_root_fault_retry(cpu))
			park_failed(f, cpu,
				    "data abort (access outside the cell)");
		return;
	}
	if (!gicd_mmio(&a, cpu) && !gicr_mmio(&a, cpu)) {
		/* the root's memory, invalid while cell management split it */
		if (stage2_root_fault_retry(cpu))
			return;
		park_failed(f, cpu, "data abort (access outside the cell)");
	}

	cpu_data[cpu].stats[STAT_MMIO]++;
	if (!a.is_write && reg != 31) {
		uint64_t v = a.value;

		if (iss & ISS_SSE && a.size < 8 &&
		    v & (1ULL << (a.size * 8 - 1)))
			v |= ~0ULL << (a.size * 8);
		if (!(iss & ISS_SF))
			v &= 0xffffffff;
		f->x[reg] = v;
	}
	sysreg_write(elr_el2, sysreg_read(elr_el2) + 4);
}
