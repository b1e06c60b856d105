// SPDX-License-Identifier: GPL-2.0
/*
 * The test points' defaults (arch/test_point.h): weak, so that the
 * fault-injection build's hypervisor/test/fault_inject.c replaces them.
 * A file of its own, at the bottom of the layers, because management code
 * at every level calls el2_test_point().
 */
#include <arch/hv.h>
#include <arch/test_point.h>
#include <warden/errno.h>

/* warden.bin has no test points (arch/test_point.h) */
void __attribute__((weak)) el2_test_point(unsigned int point)
{
}

void __attribute__((weak)) el2_test_enable_hold(unsigned int cpu)
{
}

long __attribute__((weak)) hypercall_test(struct frame *f, unsigned int cpu)
{
	return -ENOSYS;
}
