// SPDX-License-Identifier: GPL-2.0
/*
 * test-basic: the smallest useful test inmate. It greets, checks the
 * library on the target (formatting, parameters, timer, MMU, GIC with an
 * SGI to itself and the IRQ entry hook, comm region) and reports TEST
 * PASS or TEST FAIL.
 * Parameters: answer=N is echoed back; fault=1 makes a bad access after
 * the greeting, to show the exception dump.
 */
#include <inmate.h>
#include <test.h>

#define TEST_SGI 3
#define FAULT_ADDR 0x10000000000UL /* beyond the 39-bit address space */

static volatile unsigned int sgi_count, irq_entries;

static void count_irq_entry(void)
{
	irq_entries++;
}

static void test_sgi(unsigned int irq)
{
	if (irq == TEST_SGI)
		sgi_count++;
}

static bool str_equal(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static void test_format(void)
{
	char buf[64];
	int n;

	n = fmt_snprintf(buf, sizeof(buf), "[%6ld|%-4d|%x|%lx|%s|%c|%u]",
			 -1234L, 7, 0xbeefU, 0x123456789abUL, "ok", 'z',
			 4000000000U);
	TEST_EXPECT(str_equal(
		buf, "[ -1234|7   |beef|123456789ab|ok|z|4000000000]"));
	TEST_EXPECT(n == 46);
}

static void test_params(void)
{
	size_t len;
	const char *line = cmdline_buffer_get(&len);

	printk("test-basic: parameters \"%.*s\"\n", (int)len, line);
	if (cmdline_find(line, len, "answer", &len))
		printk("test-basic: answer=%lld\n",
		       cmdline_parse_int("answer", -1));
	TEST_EXPECT(cmdline_parse_int("no-such-parameter", 42) == 42);
}

static void test_timer(void)
{
	uint64_t freq = timer_get_frequency(), t0, t1;

	TEST_EXPECT(freq > 0);
	t0 = timer_get_ticks();
	delay_us(1000);
	t1 = timer_get_ticks();
	TEST_EXPECT(timer_ticks_to_ns(t1 - t0) >= 1000000);
}

static void test_mmu(void)
{
	uint64_t sctlr = read_sysreg(sctlr_el1);

	/* M, C and I: translation and both caches on. */
	TEST_EXPECT((sctlr & 0x1005) == 0x1005);
}

static void test_gic(void)
{
	if (!TEST_EXPECT(gic_init() == 0))
		return;
	printk("test-basic: GICv%u\n", gic_version());
	TEST_EXPECT(irq_register(TEST_SGI, test_sgi) == 0);
	irq_set_entry_hook(count_irq_entry);
	gic_enable_irq(TEST_SGI);
	irq_enable_cpu();
	gic_send_sgi(inmate_cpu_affinity(), TEST_SGI);
	for (int i = 0; i < 1000 && !sgi_count; i++)
		delay_us(10);
	irq_disable_cpu();
	irq_set_entry_hook(NULL);
	TEST_EXPECT(sgi_count == 1);
	TEST_EXPECT(irq_entries == 1);
	printk("test-basic: SGI %d received %u time(s)\n", TEST_SGI, sgi_count);
}

static void test_comm(void)
{
	uint32_t msg;

	if (!comm_region) {
		printk("test-basic: no comm region\n");
		return;
	}
	/* The second GIC base: the redistributors, or GICv2's CPU interface. */
	printk("test-basic: comm region rev %u, GICv%u (GICD 0x%lx, %s 0x%lx), "
	       "console type %u at 0x%lx, flags 0x%x\n",
	       comm_region->revision, comm_region->gic_version,
	       (unsigned long)comm_region->gicd_base,
	       comm_region->gic_version == 2 ? "GICC" : "GICR",
	       (unsigned long)(comm_region->gic_version == 2 ?
				       comm_region->gicc_base :
				       comm_region->gicr_base),
	       comm_region->console.type,
	       (unsigned long)comm_region->console.address, comm_region->flags);
	TEST_EXPECT(comm_region->cell_state == WARDEN_CELL_RUNNING);
	msg = comm_poll();
	if (msg != WARDEN_MSG_NONE)
		printk("test-basic: message %u answered with %u\n", msg,
		       comm_region->reply_from_cell);
}

void inmate_main(void)
{
	printk("test-basic: hello from the inmate library (%s)\n",
	       inmate_is_bare() ? "bare QEMU" : "cell");
	if (cmdline_parse_bool("fault", false)) {
		printk("test-basic: reading 0x%lx\n", FAULT_ADDR);
		printk("%u\n", *(volatile unsigned int *)FAULT_ADDR);
	}
	test_format();
	test_params();
	test_timer();
	test_mmu();
	test_gic();
	test_comm();
	test_report();
}
