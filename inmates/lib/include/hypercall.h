/* SPDX-License-Identifier: GPL-2.0 */
/* Hypercalls: hvc #0x4a48, code in x0, argument in x1, result in x0. */
#ifndef INMATE_HYPERCALL_H
#define INMATE_HYPERCALL_H

#define HC_DEBUG_CONSOLE_PUTC 8

static inline long hypercall_1(unsigned long code, unsigned long arg)
{
	register unsigned long x0 asm("x0") = code;
	register unsigned long x1 asm("x1") = arg;

	asm volatile("hvc #0x4a48"
		     : "+r"(x0), "+r"(x1)
		     :
		     : "x2", "x3", "memory");
	return (long)x0;
}

#endif
