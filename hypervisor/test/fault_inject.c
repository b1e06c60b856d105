// SPDX-License-Identifier: GPL-2.0
/*
 * The fault-injection build of the hypervisor, for tests only
 * (warden-faultinject.bin; never installed). The root arms one test
 * point (arch/test_point.h) with hypercall WARDEN_HC_TEST_ARM; the next
 * management call that passes it writes to the hypervisor's own text,
 * which W^X refuses with a permission fault at EL2, and the recovery of
 * traps.c takes over as it would for any exception at EL2. A write that
 * does not fault is reported: then the text was writable.
 * At enable it holds the last root CPU before its traps go on
 * (el2_test_enable_hold()).
 */
#include <arch/cell.h>
#include <arch/hv.h>
#include <arch/irqchip.h>
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

/*
 * Linux's IPIs are SGIs 0-7; their pending bits in ISPENDR0 of the CPU's
 * private registers (GICv2 too, read-only there)
 */
#define HOLD_SGIS 0xffu
#define HOLD_ISPENDR0 0x200
#define HOLD_US 3000000

/*
 * The last root CPU waits here, its traps still off, until a physical
 * SGI becomes pending for it, which only a CPU already activated can
 * have sent (through the hypervisor's SGI emulation): the owner's side
 * of the delivery, read in its own GIC registers. While the SGI routes
 * (GICv3) and CPU masks (GICv2) were only used for activated CPUs, such
 * an IPI was dropped and this CPU waited in vain
 * (tests/system/hv-enable-ipi.sh).
 */
void el2_test_enable_hold(unsigned int cpu)
{
	volatile uint32_t *pend;
	uint64_t start, waited;
	uint32_t before, now;

	if ((int)cpu != 63 - __builtin_clzll(root_cpu_set))
		return;
	pend = (volatile uint32_t *)(irqchip->private_regs(cpu) +
				     HOLD_ISPENDR0);
	/*
	 * With an IPI pending already, a new one of the same SGI would not
	 * show, and its sender may be waiting for this CPU to answer the
	 * first: no proof either way this time (the test enables again).
	 */
	before = *pend & HOLD_SGIS;
	if (before) {
		printk("Test: CPU %u not held at enable: SGIs pending already "
		       "(0x%x)\n",
		       cpu, before);
		return;
	}
	start = timer_now_us();
	do {
		now = *pend & HOLD_SGIS;
		waited = timer_now_us() - start;
	} while (!now && waited < HOLD_US);
	if (now)
		printk("Test: CPU %u held at enable until SGI %u was pending "
		       "(%llu ms)\n",
		       cpu, __builtin_ctz(now),
		       (unsigned long long)waited / 1000);
	else
		printk("Test: CPU %u held at enable for %u ms: no SGI pending\n",
		       cpu, HOLD_US / 1000);
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
