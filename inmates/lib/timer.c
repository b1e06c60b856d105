// SPDX-License-Identifier: GPL-2.0
/* Virtual counter and EL1 virtual timer. */
#include "sysreg.h"
#include "timer.h"

#define CNTV_CTL_ENABLE (1 << 0)

uint64_t timer_get_frequency(void)
{
	return read_sysreg(cntfrq_el0);
}

uint64_t timer_get_ticks(void)
{
	/* Without the barrier the read may be taken early, out of order. */
	isb();
	return read_sysreg(cntvct_el0);
}

uint64_t timer_ticks_to_ns(uint64_t ticks)
{
	return timer_ticks_to_ns_freq(ticks, timer_get_frequency());
}

uint64_t timer_ns_to_ticks(uint64_t ns)
{
	return timer_ns_to_ticks_freq(ns, timer_get_frequency());
}

void timer_arm_at(uint64_t deadline)
{
	write_sysreg(deadline, cntv_cval_el0);
	write_sysreg(CNTV_CTL_ENABLE, cntv_ctl_el0);
	isb();
}

void timer_stop(void)
{
	write_sysreg(0, cntv_ctl_el0);
	isb();
}

void delay_us(uint64_t us)
{
	uint64_t end = timer_get_ticks() + timer_ns_to_ticks(us * 1000);

	while (timer_get_ticks() < end)
		cpu_relax();
}
