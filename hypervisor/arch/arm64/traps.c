// SPDX-License-Identifier: GPL-2.0
/*
 * Exits from the root cell: hypercalls, SMCs (PSCI), aborts. A guest can
 * never make the hypervisor hang or crash: whatever is not understood is
 * answered with an error or ends in a report and a parked CPU.
 */
#include <arch/abort_inject.h>
#include <arch/async.h>
#include <arch/cell.h>
#include <arch/cell_console.h>
#include <arch/cell_mgmt.h>
#include <arch/el1_state.h>
#include <arch/el2_map.h>
#include <arch/fault_place.h>
#include <arch/gicr.h>
#include <arch/gicv3.h>
#include <arch/hv.h>
#include <arch/hypercall.h>
#include <arch/mmio.h>
#include <arch/park.h>
#include <arch/pool.h>
#include <arch/psci.h>
#include <arch/recover.h>
#include <arch/stage2.h>
#include <arch/sync_fast.h>
#include <arch/sysreg_trap.h>
#include <arch/test_point.h>
#include <arch/vpci.h>
#include <warden/errno.h>
#include <warden/esr.h>
#include <warden/hypercall.h>
#include <warden/sgi_policy.h>

/* Every lock of the hypervisor (spinlock.h: a held lock names its CPU). */
static const struct {
	spinlock_t *lock;
	const char *name;
} el2_locks[] = {
	/* clang-format off */
	{ &print_lock, "console" }, /* first: the report needs it */
	{ &hv_lock, "hv_lock" },
	{ &cell_lock, "cell_lock" },
	{ &gicd_lock, "gicd_lock" },
	{ &gicr_lock, "gicr_lock" },
	{ &pool_lock, "pool_lock" },
	{ &root_s2_lock, "root_s2_lock" },
	{ &vpci_lock, "vpci_lock" },
	{ &window_lock, "window_lock" },
	/* clang-format on */
};

/* Releases the locks this CPU holds; returns them as a bit mask. */
static unsigned int el2_locks_release(void)
{
	unsigned int i, held = 0;

	for (i = 0; i < sizeof(el2_locks) / sizeof(el2_locks[0]); i++) {
		if (*el2_locks[i].lock != lock_owner_value())
			continue;
		spin_unlock(el2_locks[i].lock);
		held |= 1U << i;
	}
	return held;
}

/*
 * An exception taken at EL2 is a bug in the hypervisor, or input it
 * trusted that it should not have. It must not leave the system hung:
 * report it, release the locks the CPU held, and end a hypercall with
 * -EFAULT for its caller, after el2_recoverable() has released what the
 * call claimed and undone a half-done create; elsewhere (an interrupt, a
 * cell's trap) park the CPU as failed.
 */
static void __attribute__((noreturn))
el2_fault(struct frame *f, unsigned int cpu, unsigned long kind)
{
	uint64_t esr = sysreg_read(esr_el2), elr = sysreg_read(elr_el2);
	uint64_t far = sysreg_read(far_el2);
	unsigned int held, consoles, edit, i;
	struct recover_point *r;
	char desc[160];

	if (cpu >= HV_MAX_CPUS || per_cpu(cpu)->in_fault) {
		/*
		 * A fault while reporting one: nothing is safe, not even the
		 * console (the report itself may be what faults, a UART the
		 * root switched off). The other locks went before the
		 * report; let go of the console's too, so that the other
		 * CPUs go on, and stop here.
		 */
		if (print_lock == lock_owner_value()) {
			console_ring_line_end();
			spin_unlock(&print_lock);
		}
		for (;;)
			asm volatile("wfi");
	}
	r = &per_cpu(cpu)->recover;
	per_cpu(cpu)->in_fault = 1;
	edit = stage2_root_edit_finish(); /* before root_s2_lock goes */
	/* a line cut short: its ring's sequence even before others write */
	if (print_lock == lock_owner_value())
		console_ring_line_end();
	held = el2_locks_release();
	consoles = cell_console_locks_release();
	printk("FATAL: %s exception in the hypervisor on CPU %u: %s\n",
	       kind == EXC_SYNC_EL2 ? "synchronous" : "asynchronous", cpu,
	       esr_describe(esr, desc, sizeof(desc)));
	printk(" esr: 0x%08llx  elr_el2: 0x%llx  far_el2: 0x%llx\n",
	       (unsigned long long)esr, (unsigned long long)elr,
	       (unsigned long long)far);
	for (i = 0; i < sizeof(el2_locks) / sizeof(el2_locks[0]); i++)
		if (held & (1U << i))
			printk(" released %s, which CPU %u held\n",
			       el2_locks[i].name, cpu);
	for (i = 0; i < MAX_CELLS; i++)
		if (consoles & (1U << i))
			printk(" released the console lock of cell ID %u, "
			       "which CPU %u held\n",
			       i + 1, cpu);
	if (edit)
		printk(" completed the edit of the root cell's stage 2 it "
		       "was in\n");
	if (r->armed) {
		r->armed = 0;
		printk(" call 0x%llx of cell \"%s\" refused (-EFAULT); the "
		       "hypervisor goes on\n",
		       (unsigned long long)r->code, cell_name_of(cpu));
		per_cpu(cpu)->in_fault = 0;
		hv_recover_jump(r->regs, 1);
	}
	printk("Parking CPU %u (cell \"%s\")\n", cpu, cell_name_of(cpu));
	spin_lock(&hv_lock);
	lc_cpu_fault(&hv_lc, cpu);
	spin_unlock(&hv_lock);
	for (;;)
		asm volatile("wfi");
}

static void handle_hvc(struct frame *f, unsigned int cpu, uint64_t esr)
{
	static int warned;
	unsigned int imm = esr & 0xffff;

	if (imm == WARDEN_HVC_IMM) {
		hypercall_enter(f, per_cpu(cpu));
		return;
	}
	/* e.g. a hyp-stub call by kexec: refuse, do not hang. */
	if (!warned) {
		warned = 1;
		printk("Warning: CPU %u: hvc #0x%x (x0 0x%llx) is not a Warden "
		       "hypercall; refused\n",
		       cpu, imm, (unsigned long long)f->x[0]);
	}
	f->x[0] = imm == 0 ? WARDEN_STUB_HVC_ERR : (uint64_t)-ENOSYS;
}

/*
 * With IMO and FMO set, writes to the three SGI registers trap: they are
 * the only GIC system registers not redirected to the virtual interface.
 * Only ICC_SGI1R_EL1 sends anything, to CPUs of the writer's cell
 * (core/sgi_policy.c).
 */
static void handle_sysreg(struct frame *f, unsigned int cpu, uint64_t esr)
{
	uint32_t iss = esr & 0x1ffffff;
	unsigned int rt = (iss >> 5) & 0x1f;
	uint64_t v = rt == 31 ? 0 : f->x[rt];
	enum sgi_reg reg = sgi_reg_of(iss);

	if (sysreg_trap(f, cpu, esr))
		return;
	if (reg == SGI_REG_NONE)
		park_failed(f, cpu, "unhandled system register access");
	if (sgi_policy(reg) == SGI_SEND)
		gicv3_sgi_write(per_cpu(cpu), v);
	else
		sgi_refuse(cpu, reg, v);
	sysreg_write(elr_el2, sysreg_read(elr_el2) + 4);
}

void arch_handle_exception(struct frame *f, unsigned long kind)
{
	struct per_cpu *pc = this_per_cpu();
	unsigned int cpu = pc->cpu;
	uint64_t esr = sysreg_read(esr_el2);

	if (kind == EXC_SYNC_EL2 || kind == EXC_OTHER_EL2)
		el2_fault(f, cpu, kind);
	pc->stats[STAT_TOTAL]++;
	/* only a CPU with RAS can have an SError deferred (async.c) */
	if (pc->ras && kind != EXC_SERROR_LOWER)
		serror_defer_check(f, cpu);
	/* IRQs: entry.S's trap_irq and irq_fast.c */
	if (kind == EXC_FIQ_LOWER) {
		fiq_handle(cpu);
		cell_handle_events(f, cpu);
		return;
	}
	if (kind == EXC_SERROR_LOWER) {
		serror_handle(f, cpu);
		return;
	}
	if (kind != EXC_SYNC_LOWER) {
		static int warned;

		/* AArch32 at EL1/EL0: not supported, nothing to route here */
		if (!warned++)
			printk("Warning: CPU %u: unexpected exception kind %lu "
			       "from the root cell\n",
			       cpu, kind);
		return;
	}
	/* a direct CPU asked to stop parks at any exit (direct_irq.c) */
	if (pc->direct)
		cell_handle_events(f, cpu);
	switch ((esr >> 26) & 0x3f) {
	case EC_HVC64:
		handle_hvc(f, cpu, esr);
		break;
	case EC_SMC64:
		smc_enter(f, pc);
		break;
	case EC_SYS64:
		handle_sysreg(f, cpu, esr);
		break;
	case EC_DABT_LOW:
		mmio_handle_dabt(f, cpu);
		break;
	case EC_IABT_LOW:
		/* a fetch from, or a table walk into, an emulated device */
		if (abort_inject_emulated(cpu) || stage2_root_fault_retry(cpu))
			break;
		park_failed(f, cpu,
			    "instruction abort (execution outside "
			    "the cell's executable memory)");
		break;
	default:
		park_failed(f, cpu, "unhandled trap");
		break;
	}
}
