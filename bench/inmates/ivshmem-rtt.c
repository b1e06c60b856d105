// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-rtt: the doorbell round trip between this cell and the root over
 * the ivshmem demo link (qemu-virt-ivshmem-demo: peer 1, CPU 3). The root
 * runs bench/load/ivshmem-echo on its UIO device, which answers every
 * interrupt with a doorbell back. Per round this CPU stamps PMCCNTR, rings
 * peer 0 (the write traps: the hypervisor emulates the register and sets
 * the root's SPI pending), waits in WFI and stamps again in its vector
 * when the answer arrives: the round trip in virtual ns, through the
 * root's Linux (interrupt, UIO, the echo process woken, its doorbell).
 * Markers for the vcpu-marks plugin around the doorbell write (MARK_SEND,
 * MARK_SENT) and at the WFI and the vector give this CPU's own
 * instructions: the hypervisor's for the trapped write, and for the
 * answer's delivery.
 *
 * Parameters (string at 0x1000): rounds=N (default 200, at most
 * MAX_ROUNDS), bar0= (default 0xff000000).
 */
#include <inmate.h>
#include <mmio.h>
#include <pci.h>

#include "pmu.h"

#define IVSHMEM_VENDOR 0x110a
#define IVSHMEM_DEVICE 0x4106
#define REG_INT_CTRL 0x08
#define REG_DOORBELL 0x0c
#define REG_STATE 0x10
#define REG_ID 0x00
#define MAX_ROUNDS 1000
/* how long the root's echo may take to come up, in 1 ms steps */
#define ECHO_WAIT_MS 20000

static volatile uint64_t vector_stamp;
static volatile unsigned int answers;
static uint32_t round_trip_ns[MAX_ROUNDS];

static void on_irq_entry(void)
{
	BENCH_MARK(MARK_VECTOR);
	vector_stamp = pmu_cycles();
}

static void on_answer(unsigned int irq)
{
	(void)irq;
	answers++;
}

void inmate_main(void)
{
	unsigned int rounds = cmdline_parse_int("rounds", 200);
	uintptr_t bar0 = (uintptr_t)cmdline_parse_int("bar0", 0xff000000);
	uintptr_t state_table;
	unsigned int i, irq, pin, id, done = 0;
	int bdf, cap;

	if (rounds < 1 || rounds > MAX_ROUNDS) {
		printk("ivshmem-rtt: rounds=%u out of range 1..%u\n", rounds,
		       MAX_ROUNDS);
		inmate_stop();
	}
	bdf = pci_find_device(IVSHMEM_VENDOR, IVSHMEM_DEVICE, 0);
	cap = bdf < 0 ? -1 : pci_find_cap(bdf, PCI_CAP_VENDOR);
	if (cap < 0 || !comm_region) {
		printk("ivshmem-rtt: no ivshmem device\n");
		inmate_stop();
	}
	pci_write_config(bdf, PCI_CFG_BAR, (uint32_t)bar0, 4);
	pci_write_config(bdf, PCI_CFG_COMMAND, PCI_CMD_MEM | PCI_CMD_MASTER, 2);
	state_table = (uintptr_t)(pci_read_config(bdf, cap + 0x18, 4) |
				  (uint64_t)pci_read_config(bdf, cap + 0x1c, 4)
					  << 32);
	id = mmio_read32(bar0 + REG_ID);
	pin = pci_read_config(bdf, PCI_CFG_INT_PIN, 1);
	irq = comm_region->vpci_irq_base + 32 + (pin ? pin - 1 : 0);
	if (gic_init())
		inmate_stop();
	irq_register(irq, on_answer);
	gic_set_edge(irq, true);
	gic_enable_irq(irq);
	irq_set_entry_hook(on_irq_entry);
	mmio_write32(bar0 + REG_INT_CTRL, 1);
	mmio_write32(bar0 + REG_STATE, id + 1);
	pmu_start();

	/* the root's echo announces itself with its state (ID 0 + 1) */
	for (i = 0; i < ECHO_WAIT_MS && mmio_read32(state_table) != 1; i++)
		delay_us(1000);
	if (i == ECHO_WAIT_MS) {
		printk("ivshmem-rtt: the root's echo did not come up\n");
		inmate_stop();
	}
	printk("ivshmem-rtt: %u rounds, peer %u <-> peer 0 (INTID %u)\n",
	       rounds, id, irq);
	for (i = 0; i < rounds; i++) {
		uint64_t t0 = pmu_cycles();

		BENCH_MARK(MARK_SEND);
		mmio_write32(bar0 + REG_DOORBELL, 0);
		BENCH_MARK(MARK_SENT);
		asm volatile("msr daifclr, #2" : : : "memory");
		while (answers == i)
			asm volatile(BENCH_MARK_INSN(MARK_WFI) "; wfi"
				     :
				     :
				     : "memory");
		irq_disable_cpu();
		round_trip_ns[i] = (uint32_t)(vector_stamp - t0);
		done++;
	}
	bench_report("doorbell round-trip", "ns", round_trip_ns, done);
	printk("ivshmem-rtt: done\n");
	inmate_stop();
}
