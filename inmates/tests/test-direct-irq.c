// SPDX-License-Identifier: GPL-2.0
/*
 * test-direct-irq: the virtual timer at rate=N Hz (default 1000) for
 * secs=S seconds (default 2), every interrupt counted, then one line
 * "direct-irq: N timer interrupts in S s" and one hypercall
 * (HYPERVISOR_GET_INFO), by which a test sees that the count is done. In
 * a cell with
 * WARDEN_CELL_DIRECT_IRQ they arrive without an exit (the cell's
 * vmexits_virt_irq statistic stays put); trapped, each is one exit.
 *
 * hold=1 then does what docs/hypervisor.md ("Direct interrupt delivery")
 * says a direct cell can do: it raises its physical running priority to
 * the top (ICC_AP1R0_EL1 bit 0: an interrupt of priority 0 active) and
 * spins, printing "direct-irq: holding priority 0 (N s)" every second;
 * not even the hypervisor's stop SGI is signalled any more. hold=2 waits
 * in WFI instead, after one line "direct-irq: holding priority 0 in
 * WFI": no interrupt can wake it, and with no instruction fetched the
 * hypervisor cannot force the stop either.
 */
#include <hypercall.h>
#include <inmate.h>
#include <sysreg.h>

#define ICC_AP1R0_EL1 S3_0_C12_C9_0

static volatile unsigned long ticks;
static uint64_t period, deadline;

static void tick(unsigned int irq)
{
	ticks++;
	deadline += period;
	if (deadline <= timer_get_ticks())
		deadline = timer_get_ticks() + period;
	timer_arm_at(deadline);
}

void inmate_main(void)
{
	unsigned long rate = cmdline_parse_int("rate", 1000);
	unsigned long secs = cmdline_parse_int("secs", 2);
	uint64_t end;

	printk("test-direct-irq: %lu Hz for %lu s, hold %d\n", rate, secs,
	       (int)cmdline_parse_int("hold", 0));
	if (gic_init() || !rate)
		return;
	irq_register(TIMER_VIRT_IRQ, tick);
	gic_enable_irq(TIMER_VIRT_IRQ);
	period = timer_get_frequency() / rate;
	deadline = timer_get_ticks() + period;
	end = timer_get_ticks() + secs * timer_get_frequency();
	timer_arm_at(deadline);
	irq_enable_cpu();
	while (timer_get_ticks() < end)
		comm_poll();
	irq_disable_cpu();
	timer_stop();
	printk("direct-irq: %lu timer interrupts in %lu s\n", ticks, secs);
	hypercall_1(WARDEN_HC_HYPERVISOR_GET_INFO, 0);
	if (!cmdline_parse_int("hold", 0))
		return;
	write_sysreg_s(1, ICC_AP1R0_EL1);
	isb();
	if (cmdline_parse_int("hold", 0) == 2) {
		printk("direct-irq: holding priority 0 in WFI\n");
		for (;;)
			asm volatile("wfi" : : : "memory");
	}
	for (unsigned long s = 1;; s++) {
		end = timer_get_ticks() + timer_get_frequency();
		while (timer_get_ticks() < end)
			;
		printk("direct-irq: holding priority 0 (%lu s)\n", s);
	}
}
