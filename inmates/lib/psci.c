// SPDX-License-Identifier: GPL-2.0
/* PSCI by SMC (cell) or HVC (bare QEMU). */
#include "inmate.h"
#include "psci.h"

long psci_call(unsigned long fn, unsigned long a1, unsigned long a2,
	       unsigned long a3)
{
	/* Before the register variables: a call would clobber them. */
	bool bare = inmate_is_bare();
	register unsigned long x0 asm("x0") = fn;
	register unsigned long x1 asm("x1") = a1;
	register unsigned long x2 asm("x2") = a2;
	register unsigned long x3 asm("x3") = a3;

	if (bare)
		asm volatile("hvc #0"
			     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
			     :
			     : "memory");
	else
		asm volatile("smc #0"
			     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
			     :
			     : "memory");
	return (long)x0;
}
