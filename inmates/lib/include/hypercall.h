/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypercalls: hvc #WARDEN_HVC_IMM, code in x0, argument in x1, result in
 * x0; the codes are the hypervisor's (include/warden/hypercall.h).
 */
#ifndef INMATE_HYPERCALL_H
#define INMATE_HYPERCALL_H

#include <warden/hypercall.h>

static inline long hypercall_1(unsigned long code, unsigned long arg)
{
	register unsigned long x0 asm("x0") = code;
	register unsigned long x1 asm("x1") = arg;

	asm volatile("hvc #%c2"
		     : "+r"(x0), "+r"(x1)
		     : "i"(WARDEN_HVC_IMM)
		     : "x2", "x3", "memory");
	return (long)x0;
}

#endif
