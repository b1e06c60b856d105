/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test points: places in management calls where the fault-injection
 * build of the hypervisor (hypervisor/test/fault_inject.c, linked into
 * warden-faultinject.bin for tests/system/hv-fault-recovery.sh) takes an
 * exception at EL2 on request, so that the recovery from one is tested
 * where it matters. In warden.bin they do nothing (test_point.c's weak
 * definitions) and no hypercall arms them.
 */
#ifndef WARDEN_ARCH_TEST_POINT_H
#define WARDEN_ARCH_TEST_POINT_H

struct frame;

enum test_point {
	TEST_NONE,
	TEST_CREATE_STAGE2, /* cell create: stage 2 built, nothing taken */
	TEST_CREATE_BUILT, /* cell create: CPUs and memory taken */
	TEST_START_STOPPED, /* cell start: claimed, cell_lock held */
	TEST_CREATE_CONFIG, /* cell create: config copied into pool pages */
	TEST_S2_BBM, /* root stage 2 edit: a live entry invalid (stage2.c) */
	TEST_WINDOW_MAP, /* EL2 window: entries written (el2_map.c) */
	TEST_CONSOLE_LOCKED, /* console input: the cell's slot lock held */
	TEST_POOL_ALLOC, /* pool_alloc_pages(): pages taken, not zeroed */
	TEST_POINTS,
};

/* The test build's hypercall that arms a point: x1 = the point. */
#define WARDEN_HC_TEST_ARM 0x7e57

void el2_test_point(unsigned int point);
/*
 * Enable, on each CPU after the rendezvous and before it turns its traps
 * on. The test build holds the last root CPU there until an SGI is
 * pending for it (or for a while), so that the CPUs already activated
 * send it their IPIs while it is still on its way (hv-enable-ipi).
 */
void el2_test_enable_hold(unsigned int cpu);
/* Hypercall codes the root's dispatcher does not know: -ENOSYS here. */
long hypercall_test(struct frame *f, unsigned int cpu);

#endif
