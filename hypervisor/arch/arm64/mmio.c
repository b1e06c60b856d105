// SPDX-License-Identifier: GPL-2.0
/*
 * Data aborts from the root cell: an access to an emulated device (the GIC
 * distributor and redistributors, the virtual PCI host bridge: vpci.c) is decoded from the syndrome (or, without
 * one, from the instruction: mmio_insn.c) and handed to it;
 * anything else is an access outside the cell and stops the CPU.
 */
#include <arch/abort_inject.h>
#include <arch/fault_place.h>
#include <arch/gicd.h>
#include <arch/gicr.h>
#include <arch/hv.h>
#include <arch/mmio.h>
#include <arch/mmio_insn.h>
#include <arch/stage2.h>
#include <arch/vpci.h>

#define ISS_ISV (1U << 24)
#define ISS_SSE (1U << 21)
#define ISS_SF (1U << 15)
#define ISS_WNR (1U << 6)
#define ESR_S1PTW (1U << 7)
/* DFSC 0x10 external, 0x13-0x17 external on a table walk (abort_inject.c) */
#define ESR_FSC_EXTERNAL(esr) \
	(((esr)&0x3f) == 0x10 || (((esr)&0x3f) >= 0x13 && ((esr)&0x3f) <= 0x17))

/* A read's value into its register, as the load would have left it. */
static void mmio_complete(struct frame *f, uint32_t iss, unsigned int reg,
			  const struct mmio_access *a)
{
	if (!a->is_write && reg != 31) {
		uint64_t v = a->value;

		if (iss & ISS_SSE && a->size < 8 &&
		    v & (1ULL << (a->size * 8 - 1)))
			v |= ~0ULL << (a->size * 8);
		if (!(iss & ISS_SF))
			v &= 0xffffffff;
		f->x[reg] = v;
	}
	sysreg_write(elr_el2, sysreg_read(elr_el2) + 4);
}

int mmio_fast(struct frame *f, struct per_cpu *pc, uint64_t esr)
{
	uint32_t iss = esr & 0x1ffffff;
	unsigned int reg = (iss >> 16) & 0x1f;
	struct mmio_access a;

	/* x19-x29 are not in the frame yet; no syndrome: the instruction */
	if (!(iss & ISS_ISV) || (reg > 18 && reg != 31) || esr & ESR_S1PTW ||
	    ESR_FSC_EXTERNAL(esr))
		return 0;
	a.addr = (sysreg_read(hpfar_el2) >> 4) << 12 |
		 (sysreg_read(far_el2) & 0xfff);
	a.size = 1U << ((iss >> 22) & 3);
	a.is_write = !!(iss & ISS_WNR);
	a.value = a.is_write && reg != 31 ? f->x[reg] : 0;
	if (a.is_write && a.size < 8)
		a.value &= (1ULL << (a.size * 8)) - 1;
	/* 0: not the distributor, or refused before anything was done */
	if (!gicd_mmio(&a, pc->cpu))
		return 0;
	pc->stats[STAT_TOTAL]++;
	pc->stats[STAT_MMIO]++;
	mmio_complete(f, iss, reg, &a);
	return 1;
}

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

	/*
	 * A table walk or external abort on the GIC: the cell's to handle.
	 * Looked at only for those, not for every emulated access.
	 */
	if ((esr & ESR_S1PTW || ESR_FSC_EXTERNAL(esr)) &&
	    abort_inject_emulated(cpu))
		return;
	/* No syndrome (pair, writeback): the instruction says (mmio_insn.c) */
	if (!(iss & ISS_ISV)) {
		if (mmio_emulate_insn(f, cpu, a.addr) &&
		    !stage2_root_fault_retry(cpu))
			park_failed(f, cpu,
				    "data abort (access outside the cell)");
		return;
	}
	if (!gicd_mmio(&a, cpu) && !gicr_mmio(&a, cpu) && !vpci_mmio(&a, cpu)) {
		/* the root's memory, invalid while cell management split it */
		if (stage2_root_fault_retry(cpu))
			return;
		park_failed(f, cpu, "data abort (access outside the cell)");
	}

	per_cpu(cpu)->stats[STAT_MMIO]++;
	mmio_complete(f, iss, reg, &a);
}
