// SPDX-License-Identifier: GPL-2.0
/*
 * test-ivshmem-msix: a bare-metal ivshmem peer whose device is in MSI-X
 * mode (qemu-virt-ivshmem-msix.c). It places BAR0 at 0xff000000 and BAR1
 * (the MSI-X table and PBA) at 0xff001000, gives vector n the data "vN="
 * (default 144 + n: on arm64 the data is the SPI INTID, which the cell's
 * config must grant; only data in spi-base.. (144) get a handler, other
 * values are bait the hypervisor must not send), enables MSI-X and the device's interrupt, and sets
 * its state to ID + 1 when ready. Each interrupt is counted per vector:
 * printed, and stored in word n of the R/W section from offset 0x100 on,
 * for the root to read. "mask=N" keeps vector N masked; every 100 ms
 * the PBA is copied to R/W offset 0x140, and once vector N's pending bit
 * shows there and the root has written 1 to R/W offset 0x144, the cell
 * unmasks it, which sends it. "hostile" first makes the table accesses
 * the hypervisor must refuse: an entry beyond the table, 8, 16 and
 * 64-bit writes, a PBA write. (A misaligned 32-bit one cannot be made:
 * the cell's own CPU faults misaligned Device accesses before EL2.)
 */
#include <inmate.h>
#include <mmio.h>
#include <pci.h>

#define IVSHMEM_VENDOR 0x110a
#define IVSHMEM_DEVICE 0x4106
#define REG_ID 0x00
#define REG_INT_CTRL 0x08
#define REG_STATE 0x10
#define MAX_VECTORS 16
#define RW_COUNTS 0x100
#define RW_PBA 0x140
#define RW_UNMASK 0x144

static struct pci_msix msix;
static uintptr_t bar0, rw;
static uint32_t data[MAX_VECTORS];
static volatile unsigned int counts[MAX_VECTORS];
static long masked = -1;
static uint64_t period, deadline;

static void got_vector(unsigned int irq)
{
	unsigned int v;

	for (v = 0; v < msix.vectors && v < MAX_VECTORS; v++) {
		if (data[v] != irq)
			continue;
		counts[v]++;
		mmio_write32(rw + RW_COUNTS + 4 * v, counts[v]);
		printk("MSIX: vector %u (INTID %u) #%u\n", v, irq, counts[v]);
	}
}

static void tick(unsigned int n)
{
	uint32_t pba = pci_msix_pending(&msix);

	(void)n;
	mmio_write32(rw + RW_PBA, pba);
	if (masked >= 0 && pba & 1U << masked &&
	    mmio_read32(rw + RW_UNMASK) == 1) {
		printk("MSIX: vector %ld pending while masked (PBA 0x%x), "
		       "unmasking\n",
		       masked, pba);
		pci_msix_mask_vector(&msix, (unsigned int)masked, 0);
		masked = -1;
	}
	deadline += period;
	if (deadline <= timer_get_ticks())
		deadline = timer_get_ticks() + period;
	timer_arm_at(deadline);
}

/* What a misbehaving driver would do: each refused, nothing changed. */
static void hostile(void)
{
	uintptr_t t = msix.table;

	mmio_write32(t + 16 * msix.vectors + 8, 33);
	*(volatile uint16_t *)(t + 8) = 33;
	*(volatile uint8_t *)(t + 8) = 33;
	*(volatile uint64_t *)t = ~0ULL;
	mmio_write32(msix.pba, ~0U);
	printk("MSIX: hostile: table written beyond, 16/8/64-bit, PBA "
	       "written; vector 0 data %u, address 0x%x, PBA 0x%x\n",
	       mmio_read32(t + 8), mmio_read32(t), pci_msix_pending(&msix));
}

void inmate_main(void)
{
	char name[4] = "v0";
	unsigned int v, id;
	uint32_t spis;
	int bdf;

	bdf = pci_find_device(IVSHMEM_VENDOR, IVSHMEM_DEVICE, 0);
	if (bdf < 0) {
		printk("MSIX: no ivshmem device\n");
		return;
	}
	bar0 = 0xff000000;
	pci_write_config(bdf, PCI_CFG_BAR, (uint32_t)bar0, 4);
	pci_write_config(bdf, PCI_CFG_BAR + 4, (uint32_t)bar0 + 0x1000, 4);
	pci_write_config(bdf, PCI_CFG_COMMAND, PCI_CMD_MEM | PCI_CMD_MASTER, 2);
	if (pci_msix_init(&msix, (uint16_t)bdf)) {
		printk("MSIX: the device has no MSI-X capability (INTx "
		       "mode)\n");
		return;
	}
	id = mmio_read32(bar0 + REG_ID);
	{
		int cap = pci_find_cap((uint16_t)bdf, PCI_CAP_VENDOR);

		rw = (uintptr_t)(pci_read_config(bdf, cap + 0x18, 4) |
				 (uint64_t)pci_read_config(bdf, cap + 0x1c, 4)
					 << 32) +
		     pci_read_config(bdf, cap + 0x04, 4);
	}
	printk("MSIX: device %02x:%02x.%x, ID %u, %u vectors, table at 0x%lx, "
	       "PBA at 0x%lx, interrupt pin %u\n",
	       bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7, id, msix.vectors,
	       (unsigned long)msix.table, (unsigned long)msix.pba,
	       pci_read_config(bdf, PCI_CFG_INT_PIN, 1));
	if (gic_init())
		return;
	masked = cmdline_parse_int("mask", -1);
	spis = (uint32_t)cmdline_parse_int("spi-base", 144);
	for (v = 0; v < msix.vectors && v < MAX_VECTORS && v < 10; v++) {
		name[1] = (char)('0' + v);
		data[v] = (uint32_t)cmdline_parse_int(name, 144 + v);
		mmio_write32(rw + RW_COUNTS + 4 * v, 0);
		mmio_write32(rw + RW_UNMASK, 0);
		pci_msix_set_vector(&msix, v, 0, data[v]);
		pci_msix_mask_vector(&msix, v, (long)v == masked);
		/* the cell's own SPIs only: others are the test's bait */
		if (data[v] >= spis && data[v] < spis + msix.vectors &&
		    !irq_register(data[v], got_vector)) {
			gic_set_edge(data[v], true);
			gic_enable_irq(data[v]);
		}
		printk("MSIX: vector %u data %u%s\n", v, data[v],
		       (long)v == masked ? " (masked)" : "");
	}
	if (cmdline_parse_bool("hostile", false))
		hostile();
	pci_msix_enable(&msix, 1);
	mmio_write32(bar0 + REG_INT_CTRL, 1);

	irq_register(TIMER_VIRT_IRQ, tick);
	gic_enable_irq(TIMER_VIRT_IRQ);
	period = timer_ns_to_ticks(100 * 1000000ULL);
	deadline = timer_get_ticks() + period;
	timer_arm_at(deadline);
	irq_enable_cpu();
	mmio_write32(bar0 + REG_STATE, id + 1);
	printk("MSIX: ready, state %u\n", id + 1);
	for (;;)
		inmate_idle();
}
