// SPDX-License-Identifier: GPL-2.0
/*
 * Exception dispatch. IRQs go to the GIC driver; anything else is a bug
 * in the inmate (or an access the hypervisor refused), so the state is
 * dumped in full for the user and the CPU stops.
 */
#include "exception.h"
#include "gic.h"
#include "inmate.h"
#include "printk.h"
#include "sysreg.h"

static const char *const vector_names[VECTOR_COUNT] = {
	"synchronous, current EL with SP_EL0",
	"IRQ, current EL with SP_EL0",
	"FIQ, current EL with SP_EL0",
	"SError, current EL with SP_EL0",
	"synchronous, current EL with SP_ELx",
	"IRQ, current EL with SP_ELx",
	"FIQ, current EL with SP_ELx",
	"SError, current EL with SP_ELx",
	"synchronous, lower EL (AArch64)",
	"IRQ, lower EL (AArch64)",
	"FIQ, lower EL (AArch64)",
	"SError, lower EL (AArch64)",
	"synchronous, lower EL (AArch32)",
	"IRQ, lower EL (AArch32)",
	"FIQ, lower EL (AArch32)",
	"SError, lower EL (AArch32)",
};

static const char *exception_class_name(unsigned int ec)
{
	switch (ec) {
	case 0x00:
		return "unknown reason (undefined instruction)";
	case 0x01:
		return "WFI/WFE";
	case 0x07:
		return "FP/SIMD access";
	case 0x15:
		return "SVC";
	case 0x16:
		return "HVC";
	case 0x17:
		return "SMC";
	case 0x18:
		return "system register access";
	case 0x20:
		return "instruction abort, lower EL";
	case 0x21:
		return "instruction abort, same EL";
	case 0x22:
		return "PC alignment fault";
	case 0x24:
		return "data abort, lower EL";
	case 0x25:
		return "data abort, same EL";
	case 0x26:
		return "SP alignment fault";
	case 0x2f:
		return "SError";
	case 0x3c:
		return "BRK";
	default:
		return "other";
	}
}

static void exception_dump(const struct exc_frame *f, unsigned long vector)
{
	uint64_t esr = read_sysreg(esr_el1);

	printk("\nUnexpected exception: %s\n",
	       vector < VECTOR_COUNT ? vector_names[vector] : "?");
	printk("CPU MPIDR 0x%lx\n", (unsigned long)inmate_cpu_affinity());
	printk("ESR_EL1: 0x%08lx (EC 0x%02lx: %s, ISS 0x%07lx)\n",
	       (unsigned long)esr, (unsigned long)(esr >> 26 & 0x3f),
	       exception_class_name(esr >> 26 & 0x3f),
	       (unsigned long)(esr & 0x1ffffff));
	printk("FAR_EL1: 0x%016lx  ELR_EL1: 0x%016lx  SPSR_EL1: 0x%08lx\n",
	       (unsigned long)read_sysreg(far_el1), (unsigned long)f->elr,
	       (unsigned long)f->spsr);
	for (int i = 0; i < 31; i += 3) {
		for (int j = i; j < i + 3 && j < 31; j++)
			printk("%s%sx%d: 0x%016lx", j == i ? "" : "  ",
			       j < 10 ? " " : "", j, (unsigned long)f->x[j]);
		if (i == 30)
			printk("   sp: 0x%016lx", (unsigned long)f->sp);
		printk("\n");
	}
}

static void (*irq_entry_hook)(void);

void irq_set_entry_hook(void (*hook)(void))
{
	irq_entry_hook = hook;
}

void exception_handle(struct exc_frame *frame, unsigned long vector)
{
	if (vector == VECTOR_CUR_SPX_IRQ) {
		if (irq_entry_hook)
			irq_entry_hook();
		gic_handle_irq();
		return;
	}
	exception_dump(frame, vector);
	printk("Inmate stopped.\n");
	inmate_stop();
}
