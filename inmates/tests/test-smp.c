// SPDX-License-Identifier: GPL-2.0
/*
 * test-smp: a second CPU of the cell. CPU 0 starts it with PSCI CPU_ON,
 * then they exchange SGIs: ping (SGI 2) to the second CPU, pong (SGI 1)
 * back, a number of times. Also the base of the SGI cost benchmark.
 *
 * On a GICv2 each side also checks that the SGI names its sender's CPU
 * interface, which the hypervisor passes on from the physical GICC_IAR.
 *
 * With off-sgis=1 the second CPU then powers itself off (PSCI CPU_OFF) and
 * the first sends it SGIs 0-7, which stay pending on the off CPU: bait for
 * the CPU's next owner, which must not see them (Linux would take SGI 2
 * as IPI_CPU_STOP).
 *
 * On the way it asks AFFINITY_INFO in its SMC32 form with garbage in the
 * registers' upper halves, which must not count.
 *
 * Parameters: cpu=MPIDR of the second CPU (default 1), rounds=N (10),
 * off-sgis=1.
 */
#include <inmate.h>
#include <psci.h>
#include <smp.h>
#include <test.h>

#define SGI_PONG 1
#define SGI_PING 2

static uint8_t second_stack[4096] __attribute__((aligned(16)));
static uint64_t first_cpu, second_cpu;
static volatile unsigned int pings, pongs;
static volatile bool second_ready, second_leave;
/* GICv2: the CPU interfaces of both CPUs and the senders the SGIs named */
static volatile int first_if = -1, second_if = -1, ping_from = -1,
		    pong_from = -1;

static void on_ping(unsigned int irq)
{
	pings++;
	ping_from = gic_sgi_source();
	gic_send_sgi(first_cpu, SGI_PONG);
}

static void on_pong(unsigned int irq)
{
	pong_from = gic_sgi_source();
	pongs++;
}

static void second_main(void *arg)
{
	printk("test-smp: CPU 0x%lx up\n",
	       (unsigned long)inmate_cpu_affinity());
	if (gic_init())
		return;
	second_if = gic_cpu_interface();
	gic_enable_irq(SGI_PING);
	irq_enable_cpu();
	second_ready = true;
	while (!second_leave)
		asm volatile("wfi");
	irq_disable_cpu();
	psci_call(PSCI_CPU_OFF, 0, 0, 0);
}

/* The second CPU off, then SGIs 0-7 to it: pending there, not taken. */
static void sgis_to_off_cpu(void)
{
	long state = -1;
	unsigned int sgi;

	second_leave = true;
	gic_send_sgi(second_cpu, SGI_PING); /* out of its WFI */
	for (int i = 0; i < 100000; i++) {
		state = psci_call(PSCI_AFFINITY_INFO, second_cpu, 0, 0);
		if (state == 1)
			break;
		delay_us(10);
	}
	if (!TEST_EXPECT(state == 1))
		return;
	/*
	 * The SMC32 form reads 32-bit arguments: upper halves (here an
	 * Aff3 no CPU has) are not part of the call.
	 */
	state = psci_call(PSCI_AFFINITY_INFO_32,
			  second_cpu | 0xabcd00ff00000000ULL, 0xdead00000000ULL,
			  0);
	printk("test-smp: AFFINITY_INFO_32 with upper halves set: %ld\n",
	       state);
	TEST_EXPECT(state == 1);
	for (sgi = 0; sgi < 8; sgi++)
		gic_send_sgi(second_cpu, sgi);
	printk("test-smp: SGIs 0-7 sent to CPU 0x%lx, which is off\n",
	       (unsigned long)second_cpu);
}

void inmate_main(void)
{
	unsigned int rounds = cmdline_parse_int("rounds", 10);
	long ret;

	first_cpu = inmate_cpu_affinity();
	second_cpu = cmdline_parse_int("cpu", 1);
	if (!TEST_EXPECT(gic_init() == 0))
		goto out;
	first_if = gic_cpu_interface();
	irq_register(SGI_PING, on_ping);
	irq_register(SGI_PONG, on_pong);
	gic_enable_irq(SGI_PONG);
	irq_enable_cpu();

	ret = smp_start_cpu(second_cpu, second_main, NULL,
			    second_stack + sizeof(second_stack));
	printk("test-smp: CPU_ON 0x%lx returned %ld\n",
	       (unsigned long)second_cpu, ret);
	if (!TEST_EXPECT(ret == 0))
		goto out;
	for (int i = 0; i < 100000 && !second_ready; i++)
		delay_us(10);
	if (!TEST_EXPECT(second_ready))
		goto out;

	for (unsigned int i = 1; i <= rounds; i++) {
		gic_send_sgi(second_cpu, SGI_PING);
		for (int wait = 0; wait < 10000 && pongs < i; wait++)
			delay_us(10);
		if (pongs < i)
			break;
	}
	printk("test-smp: %u pings answered by %u pongs\n", pings, pongs);
	TEST_EXPECT(pings == rounds && pongs == rounds);
	if (gic_version() == 2) {
		printk("test-smp: pings from CPU interface %d (the first "
		       "CPU's is %d), pongs from %d (the second's is %d)\n",
		       ping_from, first_if, pong_from, second_if);
		TEST_EXPECT(first_if >= 0 && ping_from == first_if);
		TEST_EXPECT(second_if >= 0 && pong_from == second_if);
	}
	if (cmdline_parse_int("off-sgis", 0))
		sgis_to_off_cpu();
out:
	irq_disable_cpu();
	test_report();
}
