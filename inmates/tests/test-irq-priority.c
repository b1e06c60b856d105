// SPDX-License-Identifier: GPL-2.0
/*
 * test-irq-priority: five interrupts of different priorities are made
 * pending at once while the CPU masks IRQs; once unmasked they must be
 * taken strictly by priority (most urgent first), not by number or by
 * the order they were raised. Repeated runs catch an interrupt path that
 * gets it right only by luck.
 *
 * Parameters: irq-base=N (default 40: five consecutive INTIDs from N; in
 * a cell they must be SPIs the cell owns, or SGIs), runs=N (default 20).
 */
#include <inmate.h>
#include <test.h>

#define IRQS 5

/* Deliberately neither ascending nor descending in INTID order. */
static const uint8_t priorities[IRQS] = { 0x80, 0x20, 0xa0, 0x40, 0x60 };
static volatile unsigned int taken[IRQS];
static volatile unsigned int ntaken;

static void record_irq(unsigned int irq)
{
	if (ntaken < IRQS)
		taken[ntaken] = irq;
	ntaken++;
}

static void print_order(const char *what, unsigned int run,
			const volatile unsigned int *irqs, unsigned int n)
{
	char line[64];
	int len = 0;

	for (unsigned int i = 0; i < n && i < IRQS; i++)
		len += fmt_snprintf(line + len, sizeof(line) - len, " %u",
				    irqs[i]);
	printk("run %u: %s%s\n", run, what, len ? line : " none");
}

void inmate_main(void)
{
	unsigned int base = cmdline_parse_int("irq-base", 40);
	unsigned int runs = cmdline_parse_int("runs", 20);
	unsigned int expected[IRQS], good = 0;

	if (!TEST_EXPECT(gic_init() == 0)) {
		test_report();
		return;
	}
	for (unsigned int i = 0; i < IRQS; i++) {
		irq_register(base + i, record_irq);
		if (base + i >= 16)
			gic_set_edge(base + i, true);
		gic_enable_irq(base + i);
		gic_set_priority(base + i, priorities[i]);
	}
	/* The expected order: by priority value, lowest first. */
	for (unsigned int i = 0; i < IRQS; i++) {
		unsigned int best = 0;

		for (unsigned int j = 0; j < IRQS; j++) {
			bool used = false;

			for (unsigned int k = 0; k < i; k++)
				used |= expected[k] == base + j;
			if (!used && (best == 0 ||
				      priorities[j] < priorities[best - base]))
				best = base + j;
		}
		expected[i] = best;
	}
	printk("test-irq-priority: INTIDs %u..%u, %u runs\n", base,
	       base + IRQS - 1, runs);
	print_order("expected", 0, expected, IRQS);

	for (unsigned int run = 1; run <= runs; run++) {
		bool ok = true;

		ntaken = 0;
		for (unsigned int i = 0; i < IRQS; i++)
			gic_set_pending(base + i);
		/* All five must be pending before the CPU may take one. */
		for (int wait = 0; wait < 1000; wait++) {
			unsigned int n = 0;

			for (unsigned int i = 0; i < IRQS; i++)
				n += gic_is_pending(base + i);
			if (n == IRQS)
				break;
			delay_us(1);
		}
		irq_enable_cpu();
		for (int wait = 0; wait < 1000 && ntaken < IRQS; wait++)
			delay_us(10);
		irq_disable_cpu();

		ok = ntaken == IRQS;
		for (unsigned int i = 0; ok && i < IRQS; i++)
			ok = taken[i] == expected[i];
		if (run == 1 || !ok)
			print_order(ok ? "taken" : "WRONG ORDER, taken", run,
				    taken, ntaken);
		good += ok;
		comm_poll();
	}
	printk("test-irq-priority: %u of %u runs in priority order\n", good,
	       runs);
	TEST_EXPECT(good == runs);
	test_report();
}
