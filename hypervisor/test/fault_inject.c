// SPDX-License-Identifier: GPL-2.0
/*
 * The fault-injection build of the hypervisor, for tests only
 * (warden-faultinject.bin; never installed). The root arms one test
 * point (arch/test_point.h) with hypercall WARDEN_HC_TEST_ARM; the next
 * management call that passes it writes to the hypervisor's own text,
 * which W^X refuses with a permission fault at EL2, and the recovery of
 * traps.c takes over as it would for any exception at EL2. A write that
 * does not fault is reported: then the text was writable.
 */
#include <arch/hv.h>
#include <arch/test_point.h>
#include <warden/errno.h>

static volatile unsigned int armed;

void el2_test_point(unsigned int point)
{
	volatile uint32_t *text =
		(volatile uint32_t *)(uintptr_t)el2_test_point;

	if (point == TEST_NONE || point != armed)
		return;
	armed = TEST_NONE;
	printk("Test point %u: writing to the hypervisor's text at 0x%llx\n",
	       point, (unsigned long long)(uintptr_t)text);
	*text = *text;
	printk("ERROR: test point %u: the write to text did not fault\n",
	       point);
}

long hypercall_test(struct frame *f, unsigned int cpu)
{
	if (f->x[0] != WARDEN_HC_TEST_ARM)
		return -ENOSYS;
	if (f->x[1] >= TEST_POINTS)
		return -EINVAL;
	armed = f->x[1];
	printk("Test point %u armed by CPU %u\n", armed, cpu);
	return 0;
}
