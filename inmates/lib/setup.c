// SPDX-License-Identifier: GPL-2.0
/*
 * C start-up: MMU, comm region, console, then the inmate. The build
 * variant decides the platform: the cell image (linked at 0) has the comm
 * region at its fixed address; the bare image (linked into QEMU virt's
 * RAM) must not touch that address, which is not RAM there, and uses
 * QEMU virt's fixed device addresses instead.
 */
#include "cmdline.h"
#include "comm.h"
#include "inmate.h"
#include "mmu.h"
#include "printk.h"
#include "psci.h"
#include "sysreg.h"
#include "timer.h"

#define SZ_2M 0x200000UL
/*
 * Timer event stream: an event each time counter bit 10 goes 0 to 1, i.e.
 * every 2^11 ticks (33 us at QEMU's 62.5 MHz); it wakes WFE to poll.
 */
#define CNTKCTL_EVNTEN (1 << 2)
#define CNTKCTL_EVNTI(bit) ((bit) << 4)

/* Defined by inmate.lds: the image and whether this is the bare build. */
extern char __inmate_start[], __inmate_end[];
extern const uint64_t inmate_bare_build;

void inmate_setup(void) __attribute__((noreturn));

bool inmate_is_bare(void)
{
	return inmate_bare_build;
}

uint64_t inmate_cpu_affinity(void)
{
	return read_sysreg(mpidr_el1) & 0xff00ffffffUL;
}

void inmate_idle(void)
{
	asm volatile("wfi" : : : "memory");
	comm_poll();
}

static void inmate_power_off(void)
{
	psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
}

void inmate_stop(void)
{
	irq_disable_cpu();
	/* Bare, a parked CPU helps nobody: end QEMU instead. */
	if (inmate_is_bare())
		inmate_power_off();
	for (;;)
		asm volatile("wfi" : : : "memory");
}

void inmate_exit(void)
{
	irq_disable_cpu();
	if (inmate_is_bare())
		inmate_power_off();
	/* WFE, not WFI: the timer event stream wakes it to poll. */
	for (;;) {
		asm volatile("wfe" : : : "memory");
		comm_poll();
	}
}

void inmate_setup(void)
{
	uintptr_t comm = 0;

	if (!inmate_is_bare())
		comm = WARDEN_COMM_REGION_BASE;
	else
		comm = cmdline_parse_int("comm-region", 0);

	mmu_map_normal((uintptr_t)__inmate_start,
		       (uintptr_t)(__inmate_end - __inmate_start));
	if (comm)
		mmu_map_normal(comm, SZ_2M);
	mmu_enable();

	/* With a bad comm region nothing can be trusted, not even a console. */
	if (comm && comm_init(comm) < 0)
		inmate_stop();
	console_init();
	/* For tests of a cell that refuses to be shut down. */
	if (cmdline_parse_bool("deny-shutdown", false))
		comm_set_shutdown_allowed(false);

	/* SErrors (asynchronous aborts) are reported from here on. */
	asm volatile("msr daifclr, #4" : : : "memory");
	write_sysreg(CNTKCTL_EVNTEN | CNTKCTL_EVNTI(10), cntkctl_el1);
	inmate_main();
	inmate_exit();
}
