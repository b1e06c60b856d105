// SPDX-License-Identifier: GPL-2.0
/*
 * Where a CPU waits when it does not run (off, parked, failed) and how it
 * starts again, and the CPU side of stopping a cell: the stop SGI's exit,
 * a cell's own SYSTEM_OFF and a cell's SError. Mechanism only: whether a
 * CPU may leave its park, must park or changes owner is decided by the
 * lc_* functions (core/lifecycle.c) under hv_lock.
 */
#include <arch/cell.h>
#include <arch/direct_irq.h>
#include <arch/el1_state.h>
#include <arch/park.h>
#include <arch/stage2.h>

/* EL1h, D, A, I and F masked: how PSCI starts a CPU */
#define SPSR_EL1H_MASKED 0x3c5
/* SCTLR_EL1 with the RES1 bits only: MMU and caches off */
#define SCTLR_EL1_RESET 0x30d00800

static void send_stop_sgi(unsigned int cpu)
{
	irqchip_send_sgi(cpu, SGI_CELL_STOP);
	/* a direct cell's CPU has it in Group 0 (direct_irq.c) */
	if (direct_irq_grp0)
		direct_irq_send_stop(cpu);
}

/* The stop SGIs a plan asks for, after the plan's hv_lock section. */
void kick_cpus(const struct lc_plan *plan)
{
	unsigned int cpu;

	if (!(plan->actions & LC_KICK))
		return;
	dsb(ish);
	for (cpu = 0; cpu < HV_MAX_CPUS; cpu++)
		if (plan->kick & (1ULL << cpu))
			send_stop_sgi(cpu);
}

void cell_handle_events(struct frame *f, unsigned int cpu)
{
	int park;

	if (cpu >= HV_MAX_CPUS || cpu_state(cpu) != CPU_STOPPING)
		return;
	per_cpu(cpu)->stats[STAT_MANAGEMENT]++;
	spin_lock(&hv_lock);
	park = lc_cpu_exit(&hv_lc, cpu);
	spin_unlock(&hv_lock);
	if (park)
		cpu_park_loop(cpu);
}

static void cell_cpu_restart(unsigned int cpu)
{
	struct cell *c = cell_of(cpu);

	per_cpu_reports_reset(cpu);
	/* nothing of the last owner or run: timers, FP, keys, PMU, debug */
	el1_state_reset(cpu, c != NULL);
	if (!c) {
		/*
		 * Not a cell's stop SGI any more: Linux does not know it;
		 * nor the SGIs a cell left pending. Here, on the CPU,
		 * because a GICv2 banks them per CPU.
		 */
		irqchip_cpu_private_reset(cpu, false);
		direct_irq_cpu_switch(cpu, NULL);
		sysreg_write(vttbr_el2, stage2_vttbr());
		isb();
		return;
	}
	sysreg_write(vttbr_el2, c->vttbr);
	isb();
	/*
	 * The CPU's private interrupts as Linux left them are not the
	 * cell's: all masked and idle, except the hypervisor's own.
	 */
	irqchip_cpu_private_reset(cpu, true);
	/* trapped, or direct for a WARDEN_CELL_DIRECT_IRQ cell */
	direct_irq_cpu_switch(cpu, c);
	/* the VMID may have served an earlier cell */
	asm volatile("tlbi vmalls12e1is\n dsb ish\n isb" : : : "memory");
}

void cell_shutdown_self(unsigned int cpu)
{
	struct cell *c = cell_of(cpu);
	struct lc_plan plan;

	spin_lock(&hv_lock);
	c->comm->cell_state = WARDEN_CELL_SHUT_DOWN;
	lc_cell_system_off(&hv_lc, cpu, &plan);
	spin_unlock(&hv_lock);
	kick_cpus(&plan);
	cpu_park_loop(cpu);
}

/*
 * A CPU of the cell took an error that may have hit the whole cell (an
 * SError, async.c): the cell is failed, this CPU too, its other CPUs are
 * stopped. The caller parks the CPU.
 */
uint64_t cell_fail(unsigned int cpu)
{
	struct cell *c = cell_of(cpu);
	struct lc_plan plan;

	spin_lock(&hv_lock);
	if (c)
		c->comm->cell_state = WARDEN_CELL_FAILED;
	lc_cell_error(&hv_lc, cpu, &plan);
	if (!c)
		lc_cpu_fault(&hv_lc, cpu);
	spin_unlock(&hv_lock);
	kick_cpus(&plan);
	return plan.kick;
}

/*
 * A parked CPU waits here, inside the hypervisor, until CPU_ON; then it
 * starts over at the requested entry at EL1 as if it came out of reset.
 * A failed CPU never leaves.
 */
void cpu_park_loop(unsigned int cpu)
{
	struct frame *f = (struct frame *)(__percpu_start + cpu * PERCPU_SIZE +
					   PERCPU_FRAME_OFF);
	uint64_t entry, context;
	unsigned int i;
	bool root, stopped;

	/* a loop, not a call again: each stop that wins would cost stack */
	do {
		/*
		 * Only an off CPU with a CPU_ON request leaves
		 * (lc_cpu_wake()): a stop turns an off CPU into a parked
		 * one and withdraws its request under the same lock, so a
		 * CPU_ON can never outrun a stop.
		 */
		for (;;) {
			asm volatile("wfe" : : : "memory");
			spin_lock(&hv_lock);
			if (lc_cpu_wake(&hv_lc, cpu, &entry, &context))
				break;
			spin_unlock(&hv_lock);
		}
		root = !cell_of(cpu);
		spin_unlock(&hv_lock);
		/* a cell may restart its CPUs thousands of times a second */
		if (root)
			printk("CPU %u restarts at 0x%llx (PSCI CPU_ON)\n", cpu,
			       (unsigned long long)entry);

		for (i = 0; i < 31; i++)
			f->x[i] = 0;
		f->x[0] = context;
		irqchip_cpu_reset(cpu);
		sysreg_write(sctlr_el1, SCTLR_EL1_RESET);
		sysreg_write(spsr_el2, SPSR_EL1H_MASKED);
		sysreg_write(elr_el2, entry);
		isb();
		/* the root's or its cell's stage 2, and a clean cell CPU */
		cell_cpu_restart(cpu);
		/*
		 * A stop that came since the CPU left the loop above had its
		 * SGI cleared with the CPU's other interrupts: the stop is
		 * not lost, the CPU parks again instead of entering the
		 * cell. A later stop's SGI finds the interrupt enabled and
		 * not cleared any more.
		 */
		dsb(sy);
		spin_lock(&hv_lock);
		stopped = lc_cpu_started(&hv_lc, cpu);
		spin_unlock(&hv_lock);
	} while (stopped);
	/* Its old translations belong to a Linux that is gone. */
	asm volatile("tlbi vmalls12e1\n dsb nsh\n isb" : : : "memory");
	arch_cpu_activate(f);
}

void cpu_off_park(unsigned int cpu)
{
	spin_lock(&hv_lock);
	lc_cpu_off(&hv_lc, cpu);
	spin_unlock(&hv_lock);
	cpu_park_loop(cpu);
}

void cpu_wake_up(const struct lc_plan *plan)
{
	if (!(plan->actions & LC_WAKE))
		return;
	dsb(ish);
	asm volatile("sev");
}
