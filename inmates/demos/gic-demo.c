// SPDX-License-Identifier: GPL-2.0
/*
 * gic-demo: the virtual timer at 10 Hz through the GIC. Each tick prints
 * how late the handler ran after the programmed deadline, and the extremes
 * so far. Deadlines advance by exactly one period, so the figures measure
 * interrupt latency and do not drift with the time spent printing.
 */
#include <inmate.h>

#define BEATS_PER_SEC 10

static uint64_t period, deadline;
/* "print-every=N" prints every Nth tick: quiet on a shared console. */
static long print_every, ticks;
static long jitter_min = __LONG_MAX__, jitter_max;

static void gic_demo_tick(unsigned int irq)
{
	uint64_t now = timer_get_ticks();
	long jitter = (long)timer_ticks_to_ns(now - deadline);

	if (jitter < jitter_min)
		jitter_min = jitter;
	if (jitter > jitter_max)
		jitter_max = jitter;

	deadline += period;
	/* A missed beat (a stopped cell, a debugger) must not storm. */
	if (deadline <= now)
		deadline = now + period;
	timer_arm_at(deadline);

	if (++ticks % print_every)
		return;
	printk("Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns\n",
	       jitter, jitter_min, jitter_max);
}

void inmate_main(void)
{
	print_every = cmdline_parse_int("print-every", 1);
	if (print_every < 1)
		print_every = 1;
	printk("Initializing the GIC...\n");
	if (gic_init())
		return;
	irq_register(TIMER_VIRT_IRQ, gic_demo_tick);
	gic_enable_irq(TIMER_VIRT_IRQ);

	printk("Initializing the timer...\n");
	period = timer_get_frequency() / BEATS_PER_SEC;
	deadline = timer_get_ticks() + period;
	timer_arm_at(deadline);
	irq_enable_cpu();

	for (;;)
		inmate_idle();
}
