// SPDX-License-Identifier: GPL-2.0
/*
 * uart-demo: a counting greeting on the console. Parameters: pause-ms
 * between lines (default 500), count lines and then stop (default 0,
 * forever).
 */
#include <inmate.h>

void inmate_main(void)
{
	long long pause_ms = cmdline_parse_int("pause-ms", 500);
	long long count = cmdline_parse_int("count", 0);

	for (long long n = 1; !count || n <= count; n++) {
		printk("Hello %lld from cell!\n", n);
		/* In steps, so that shutdown requests are answered promptly. */
		for (long long ms = 0; ms < pause_ms; ms++) {
			delay_us(1000);
			comm_poll();
		}
	}
	printk("uart-demo: done after %lld lines\n", count);
}
