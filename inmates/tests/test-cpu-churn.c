// SPDX-License-Identifier: GPL-2.0
/*
 * test-cpu-churn: the cell's first CPU (A) calls PSCI CPU_ON for the
 * second (B) in a loop, and B powers itself off (CPU_OFF) as soon as it
 * runs. B is parked and restarted all the time, so that a stop or
 * destroy from the root meets A inside its CPU_ON and B parked.
 *
 * A hypervisor that lets A start B after it decided which CPUs to stop
 * leaves B running when the cell is gone, on freed stage-2 tables and
 * with the root's rights (a "zombie"). B watches for it: when A's
 * heartbeat stops while B runs (A was stopped), B asks for the root
 * cell's state (hypercall 6), which a cell is refused (-EPERM). An answer
 * means that B runs as the root: B says so and keeps its CPU, which Linux
 * then cannot get back. A correct hypervisor parks B before that.
 *
 * Parameters: cpu=MPIDR of B (default 3); fault=a or fault=b: that CPU
 * makes a stage-2 fault (a read of IPA 0x40000000, not the cell's) once B
 * started after=N times (default 50).
 */
#include <inmate.h>
#include <hypercall.h>
#include <mmio.h>
#include <psci.h>
#include <smp.h>

/* A calls CPU_ON every few microseconds: silence this long means stopped */
#define HEARTBEAT_WAIT_US 2000
#define ZOMBIE_WAIT_US 10000000
#define EPERM 1
#define UNMAPPED_IPA 0x40000000UL

static uint8_t b_stack[4096] __attribute__((aligned(16)));
static volatile uint64_t heartbeat, b_starts;
static uint64_t b_mpidr, fault_after;
static char fault_cpu;

static uint64_t deadline_us(uint64_t us)
{
	return timer_get_ticks() + timer_ns_to_ticks(us * 1000);
}

static void fault(const char *who)
{
	printk("test-cpu-churn: CPU %s reads unmapped IPA 0x%lx after %lu "
	       "starts of B\n",
	       who, UNMAPPED_IPA, (unsigned long)b_starts);
	mmio_read64(UNMAPPED_IPA);
	printk("test-cpu-churn: CPU %s: the read returned\n", who);
}

/* A is silent: the cell is being stopped, or A faulted. */
static void zombie_check(void)
{
	uint64_t end = deadline_us(ZOMBIE_WAIT_US);
	long ret;

	while (timer_get_ticks() < end) {
		ret = hypercall_1(WARDEN_HC_CELL_GET_STATE, 0);
		if (ret == -EPERM)
			continue;
		printk("test-cpu-churn: CPU 0x%lx: hypercall %u answered %ld "
		       "instead of -EPERM: this CPU runs with the root cell's "
		       "rights (zombie)\n",
		       (unsigned long)inmate_cpu_affinity(),
		       WARDEN_HC_CELL_GET_STATE, ret);
		for (;;)
			cpu_relax();
	}
}

static void b_main(void *arg)
{
	uint64_t hb = heartbeat, end;

	b_starts++; /* B alone writes it */
	if (fault_cpu == 'b' && b_starts == fault_after)
		fault("B");
	end = deadline_us(HEARTBEAT_WAIT_US);
	while (heartbeat == hb && timer_get_ticks() < end)
		cpu_relax();
	if (heartbeat == hb)
		zombie_check();
	psci_call(PSCI_CPU_OFF, 0, 0, 0);
}

void inmate_main(void)
{
	char f[4];
	long ret;

	b_mpidr = cmdline_parse_int("cpu", 3);
	fault_after = cmdline_parse_int("after", 50);
	fault_cpu = cmdline_parse_str("fault", f, sizeof(f), "-")[0];
	printk("test-cpu-churn: CPU 0x%lx restarts CPU 0x%lx in a loop%s%c\n",
	       (unsigned long)inmate_cpu_affinity(), (unsigned long)b_mpidr,
	       fault_cpu == '-' ? "" : ", fault on ",
	       fault_cpu == '-' ? ' ' : fault_cpu);
	ret = smp_start_cpu(b_mpidr, b_main, NULL, b_stack + sizeof(b_stack));
	if (ret) {
		printk("test-cpu-churn: CPU_ON returned %ld\n", ret);
		return;
	}
	for (;;) {
		smp_restart_cpu(b_mpidr);
		heartbeat++;
		if (fault_cpu == 'a' && b_starts >= fault_after)
			fault("A");
	}
}
