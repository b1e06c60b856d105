// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-demo: a bare-metal peer of an ivshmem v2 link, behaving as
 * Jailhouse's demo of the same name. It finds the device (110a:4106) on
 * the virtual host bridge, places its register page (BAR0, "bar0=",
 * default 0xff000000), reads its ID and the shared memory's layout from
 * the vendor capability, enables its INTx, sets its state to ID + 1 and
 * then rings peer "target=" (default: 1 for peer 0, else 0) once per
 * "period-ms=" (1000), "count=" times (-1: for ever), counting each ring
 * in the first word of its output section. Every interrupt it gets is
 * counted, printed with the peers' states, and its count stored in word
 * ID of the R/W section. "hostile" first tries what the hypervisor must
 * refuse: config writes outside the emulated registers, BAR0 moved over
 * the cell's RAM, doorbells to peers that do not exist.
 */
#include <inmate.h>
#include <mmio.h>
#include <pci.h>

#define IVSHMEM_VENDOR 0x110a
#define IVSHMEM_DEVICE 0x4106
#define REG_ID 0x00
#define REG_MAX_PEERS 0x04
#define REG_INT_CTRL 0x08
#define REG_DOORBELL 0x0c
#define REG_STATE 0x10

static uintptr_t bar0, state_table, rw, out;
static unsigned int id, peers, irq;
static volatile unsigned int received;
static long target, count, sent;
static uint64_t period, deadline;

static void show_states(void)
{
	unsigned int i;

	printk("IVSHMEM: state table:");
	for (i = 0; i < peers && i < 4; i++)
		printk(" [%u] %u", i, mmio_read32(state_table + 4 * i));
	printk("\n");
}

static void got_interrupt(unsigned int n)
{
	received++;
	printk("IVSHMEM: got interrupt %u (#%u)\n", n, received);
	show_states();
	mmio_write32(rw + 4 * id, received);
}

static void tick(unsigned int n)
{
	(void)n;
	deadline += period;
	if (deadline <= timer_get_ticks())
		deadline = timer_get_ticks() + period;
	if (count >= 0 && sent >= count) {
		timer_stop();
		return;
	}
	timer_arm_at(deadline);
	sent++;
	mmio_write32(out, (uint32_t)sent);
	printk("IVSHMEM: sending IRQ 0 to peer %ld (#%ld)\n", target, sent);
	mmio_write32(bar0 + REG_DOORBELL, (uint32_t)target << 16);
}

/* What a misbehaving driver would do: each must change nothing. */
static void hostile(uint16_t bdf)
{
	uint64_t base;

	pci_write_config(bdf, PCI_CFG_VENDOR_ID, 0xdeadbeef, 4);
	printk("IVSHMEM: hostile: vendor/device written, reads 0x%08x\n",
	       pci_read_config(bdf, PCI_CFG_VENDOR_ID, 4));
	pci_write_config(bdf, 0x58, 0x1000, 4);
	base = pci_read_config(bdf, 0x58, 4) |
	       (uint64_t)pci_read_config(bdf, 0x5c, 4) << 32;
	printk("IVSHMEM: hostile: shared memory address written, reads "
	       "0x%llx\n",
	       (unsigned long long)base);
	pci_write_config(bdf, PCI_CFG_BAR, 0, 4);
	printk("IVSHMEM: hostile: BAR0 moved over RAM, reads 0x%08x\n",
	       pci_read_config(bdf, PCI_CFG_BAR, 4));
	pci_write_config(PCI_BDF(0, 5, 0), PCI_CFG_COMMAND, PCI_CMD_MEM, 2);
	printk("IVSHMEM: hostile: absent 00:05.0 reads 0x%08x\n",
	       pci_read_config(PCI_BDF(0, 5, 0), PCI_CFG_VENDOR_ID, 4));
	/* a pair load has no syndrome: the hypervisor decodes it */
	{
		uint32_t a, b;

		asm volatile("ldp %w0, %w1, [%2]"
			     : "=r"(a), "=r"(b)
			     : "r"(bar0 + REG_ID)
			     : "memory");
		printk("IVSHMEM: hostile: ldp of ID and max. peers reads %u "
		       "%u\n",
		       a, b);
	}
	mmio_write32(bar0 + REG_DOORBELL, 7U << 16);
	mmio_write32(bar0 + REG_DOORBELL, (peers - 1) << 16);
	printk("IVSHMEM: hostile: doorbells to peers 7 and %u rung, ID "
	       "still %u\n",
	       peers - 1, mmio_read32(bar0 + REG_ID));
}

void inmate_main(void)
{
	uint64_t rw_size, out_size, shmem;
	int bdf, cap;
	unsigned int pin;

	bdf = pci_find_device(IVSHMEM_VENDOR, IVSHMEM_DEVICE, 0);
	if (bdf < 0) {
		printk("IVSHMEM: No PCI devices found .. nothing to do.\n");
		return;
	}
	printk("IVSHMEM: Found device at %02x:%02x.%x\n", bdf >> 8,
	       (bdf >> 3) & 0x1f, bdf & 7);
	cap = pci_find_cap(bdf, PCI_CAP_VENDOR);
	if (cap < 0) {
		printk("IVSHMEM: no vendor capability .. nothing to do.\n");
		return;
	}
	bar0 = (uintptr_t)cmdline_parse_int("bar0", 0xff000000);
	pci_write_config(bdf, PCI_CFG_BAR, (uint32_t)bar0, 4);
	pci_write_config(bdf, PCI_CFG_COMMAND, PCI_CMD_MEM | PCI_CMD_MASTER, 2);
	printk("IVSHMEM: bar0 is at 0x%lx\n", (unsigned long)bar0);
	id = mmio_read32(bar0 + REG_ID);
	peers = mmio_read32(bar0 + REG_MAX_PEERS);
	printk("IVSHMEM: ID is %u\n", id);
	printk("IVSHMEM: max. peers is %u\n", peers);

	shmem = pci_read_config(bdf, cap + 0x18, 4) |
		(uint64_t)pci_read_config(bdf, cap + 0x1c, 4) << 32;
	rw_size = pci_read_config(bdf, cap + 0x08, 4) |
		  (uint64_t)pci_read_config(bdf, cap + 0x0c, 4) << 32;
	out_size = pci_read_config(bdf, cap + 0x10, 4) |
		   (uint64_t)pci_read_config(bdf, cap + 0x14, 4) << 32;
	state_table = (uintptr_t)shmem;
	rw = state_table + pci_read_config(bdf, cap + 0x04, 4);
	out = rw + rw_size + id * out_size;
	printk("IVSHMEM: state table is at 0x%lx\n",
	       (unsigned long)state_table);
	printk("IVSHMEM: R/W section is at 0x%lx\n", (unsigned long)rw);
	printk("IVSHMEM: input sections start at 0x%lx\n",
	       (unsigned long)(rw + rw_size));
	printk("IVSHMEM: output section is at 0x%lx\n", (unsigned long)out);

	pin = pci_read_config(bdf, PCI_CFG_INT_PIN, 1);
	irq = (unsigned int)cmdline_parse_int(
		"irq_base", comm_region ? comm_region->vpci_irq_base + 32 : 0);
	irq += pin ? pin - 1 : 0;
	if (gic_init())
		return;
	irq_register(irq, got_interrupt);
	gic_set_edge(irq, true);
	gic_enable_irq(irq);
	irq_register(TIMER_VIRT_IRQ, tick);
	gic_enable_irq(TIMER_VIRT_IRQ);
	mmio_write32(bar0 + REG_INT_CTRL, 1);
	printk("IVSHMEM: Enabled IRQ:0x%x\n", irq);

	if (cmdline_parse_bool("hostile", false))
		hostile(bdf);

	mmio_write32(bar0 + REG_STATE, id + 1);
	printk("IVSHMEM: state set to %u\n", id + 1);
	show_states();

	target = cmdline_parse_int("target", id == 0 ? 1 : 0);
	count = cmdline_parse_int("count", -1);
	period = timer_ns_to_ticks(cmdline_parse_int("period-ms", 1000) *
				   1000000ULL);
	deadline = timer_get_ticks() + period;
	timer_arm_at(deadline);
	irq_enable_cpu();
	for (;;)
		inmate_idle();
}
