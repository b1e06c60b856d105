// SPDX-License-Identifier: GPL-2.0
/*
 * The few C library functions the compiler may call on its own, and the
 * time base for timeouts.
 */
#include <arch/hv.h>

void *memset(void *s, int c, unsigned long n)
{
	unsigned char *p = s;

	while (n--)
		*p++ = c;
	return s;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	while (n--)
		*dp++ = *sp++;
	return d;
}

uint64_t timer_now_us(void)
{
	uint64_t freq = sysreg_read(cntfrq_el0);
	uint64_t count = sysreg_read(cntpct_el0);

	if (!freq)
		return 0;
	return count / freq * 1000000 + count % freq * 1000000 / freq;
}
