// SPDX-License-Identifier: GPL-2.0
/*
 * Data aborts without an instruction syndrome (ESR ISV=0) on emulated
 * registers. The CPU gives no access size or register for writeback
 * (pre/post-index) and pair forms, e.g. `str wzr, [x1, #16]!` or `ldp`: the
 * hypervisor reads the instruction the cell was executing, decodes it
 * (core/insn.c), performs each access through the normal MMIO dispatch and
 * updates the registers and the PC as the CPU would have. What cannot be
 * emulated stops the CPU with a report that says exactly why.
 */
#include <stddef.h>

#include <arch/cell.h>
#include <arch/el2_map.h>
#include <arch/fault_place.h>
#include <arch/gicd.h>
#include <arch/gicr.h>
#include <arch/hv.h>
#include <arch/mmio.h>
#include <arch/mmio_insn.h>
#include <arch/stage2.h>
#include <arch/vpci.h>
#include <warden/el2_window.h>
#include <warden/format.h>
#include <warden/insn.h>
#include <warden/pgtable.h>

#define PAR_F 1ULL
#define SPSR_AARCH32 (1ULL << 4)
#define SPSR_SP_ELX 1ULL /* M[0]: EL1h uses SP_EL1, EL1t and EL0 SP_EL0 */
#define SPSR_EL_MASK 0xcULL

/*
 * Translates the cell's PC through both stages as a read by EL1 would
 * (PAR_EL1 belongs to the cell: it is restored). Returns 0 and the
 * physical address, or -1 when the PC is not readable memory.
 */
static int guest_va_to_pa(uint64_t va, uint64_t *pa)
{
	uint64_t saved = sysreg_read(par_el1), par;

	asm volatile("at s12e1r, %0\n isb" : : "r"(va) : "memory");
	par = sysreg_read(par_el1);
	sysreg_write(par_el1, saved);
	if (par & PAR_F)
		return -1;
	*pa = (par & PTE_ADDR_MASK) | (va & 0xfff);
	return 0;
}

/*
 * The instruction at pa, read through an EL2 window of its page alone:
 * only from RAM of the CPU's cell (a normal mapping must never show a
 * device). Returns 0, or -1 if pa is not such RAM.
 */
static int guest_read_insn(unsigned int cpu, uint64_t pa, uint32_t *insn)
{
	const struct cell *c = cell_of(cpu);
	const volatile uint32_t *p;

	if (!el2_config_ram_covers(c ? &c->cfg : &root_config, pa, 4))
		return -1;
	p = el2_window_map(pa, 4);
	if (!p)
		return -1;
	*insn = *p;
	el2_window_unmap((const void *)p, 4);
	return 0;
}

/* Register 31 as a base is the stack pointer of the cell's mode. */
static uint64_t base_read(struct frame *f, unsigned int rn, uint64_t spsr)
{
	if (rn != INSN_REG_SP_OR_ZR)
		return f->x[rn];
	if ((spsr & SPSR_EL_MASK) && (spsr & SPSR_SP_ELX))
		return sysreg_read(sp_el1);
	return sysreg_read(sp_el0);
}

static void base_write(struct frame *f, unsigned int rn, uint64_t spsr,
		       uint64_t v)
{
	if (rn != INSN_REG_SP_OR_ZR)
		f->x[rn] = v;
	else if ((spsr & SPSR_EL_MASK) && (spsr & SPSR_SP_ELX))
		sysreg_write(sp_el1, v);
	else
		sysreg_write(sp_el0, v);
}

int mmio_is_emulated(uint64_t ipa)
{
	return mmio_emulated_name(ipa) != NULL;
}

const char *mmio_emulated_name(uint64_t ipa)
{
	const struct jailhouse_system *s = sys_config;

	if (ipa >= s->platform_info.arm.gicd_base &&
	    ipa - s->platform_info.arm.gicd_base < gicd_frame_size())
		return "the GIC distributor";
	if (ipa >= s->platform_info.arm.gicr_base &&
	    ipa - s->platform_info.arm.gicr_base < gicr_region_size())
		return "the GIC redistributors";
	if (vpci_is_ecam(ipa))
		return "the virtual PCI host bridge";
	return NULL;
}

/* insn is 0 when the instruction could not be read. */
static void __attribute__((noreturn))
refuse(struct frame *f, unsigned int cpu, const char *why, uint32_t insn)
{
	char what[192], code[32] = "";

	if (insn)
		format_string(code, sizeof(code), " (instruction 0x%08x)",
			      insn);
	format_string(what, sizeof(what),
		      "data abort without syndrome (ISV=0) on an emulated "
		      "device, not emulated: %s%s",
		      why, code);
	park_failed(f, cpu, what);
}

/*
 * ipa is the faulting access's address; returns 0 when the access was
 * emulated, -1 when it is not in an emulated device (the caller reports
 * an access outside the cell). Parks the CPU when the access is to an
 * emulated device but cannot be emulated.
 */
int mmio_emulate_insn(struct frame *f, unsigned int cpu, uint64_t ipa)
{
	uint64_t spsr = sysreg_read(spsr_el2), pc = sysreg_read(elr_el2);
	uint64_t far = sysreg_read(far_el2), pa, base, index, addr, new_base;
	uint64_t raw[2] = { 0, 0 };
	unsigned int rt[2], n, i;
	enum insn_decode_status st;
	struct insn_ldst in;
	uint32_t insn = 0;

	if (!mmio_is_emulated(ipa) && !vpci_is_emulated(cpu, ipa))
		return -1;
	if (spsr & SPSR_AARCH32)
		refuse(f, cpu, "the cell runs in AArch32", 0);
	/*
	 * The root's PC may translate through an entry another CPU has made
	 * invalid for a moment (break-before-make while a cell takes or
	 * gives back memory): once that edit is over, once more.
	 */
	if (guest_va_to_pa(pc, &pa) &&
	    (cell_of(cpu) ||
	     (stage2_root_edits_wait(), guest_va_to_pa(pc, &pa))))
		refuse(f, cpu, "the PC is not mapped for reading", 0);
	if (guest_read_insn(cpu, pa, &insn))
		refuse(f, cpu, "the PC is not in the cell's RAM", 0);
	st = insn_decode_ldst(insn, &in);
	if (st != INSN_OK)
		refuse(f, cpu, insn_status_name(st), insn);

	base = base_read(f, in.rn, spsr);
	/* xzr in the register offset forms */
	index = in.rm == INSN_REG_SP_OR_ZR ? 0 : f->x[in.rm];
	insn_ldst_address(&in, base, index, &addr, &new_base);
	n = in.pair ? 2 : 1;
	rt[0] = in.rt;
	rt[1] = in.rt2;
	/* FAR is the faulting one of the accesses; find the first's IPA. */
	if (far < addr || far - addr >= n * in.size ||
	    (addr & ~0xfffULL) != ((addr + n * in.size - 1) & ~0xfffULL))
		refuse(f, cpu, "the accesses cross a page or miss the fault",
		       insn);
	ipa -= far - addr;

	for (i = 0; i < n; i++) {
		struct mmio_access a = {
			.addr = ipa + i * in.size,
			.size = in.size,
			.is_write = !in.load,
		};

		if (!in.load && rt[i] != INSN_REG_SP_OR_ZR)
			a.value = f->x[rt[i]];
		if (a.size < 8)
			a.value &= (1ULL << (a.size * 8)) - 1;
		/* e.g. a misaligned or wrongly sized access to a register */
		if (!gicd_mmio(&a, cpu) && !gicr_mmio(&a, cpu) &&
		    !vpci_mmio(&a, cpu))
			refuse(f, cpu,
			       i ? "the device refused the pair's second access" :
				   "the device refused the access",
			       insn);
		raw[i] = a.value;
	}
	/* Registers change only once every access has been done. */
	for (i = 0; in.load && i < n; i++)
		if (rt[i] != INSN_REG_SP_OR_ZR)
			f->x[rt[i]] = insn_load_value(&in, raw[i]);
	if (in.addressing == INSN_ADDR_PRE_INDEX ||
	    in.addressing == INSN_ADDR_POST_INDEX)
		base_write(f, in.rn, spsr, new_base);
	per_cpu(cpu)->stats[STAT_MMIO]++;
	sysreg_write(elr_el2, pc + 4);
	return 0;
}
