// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * A Linux cell on QEMU virt (system config: qemu-virt.c), booted with
 * "warden cell linux": CPUs 2 and 3, 128 MiB of RAM at 0x70000000 (seen
 * at the same address; the root's mem=768M leaves it free and the other
 * QEMU cells' memory is at 0x7e000000 and up, so none overlaps it; their
 * CPUs do: on the 4-CPU machine it runs with the root alone), the
 * PL011 shared with the root (the cell writes it through earlycon until
 * its virtual console, warden_hvc.ko, takes over; see docs/cells.md
 * "Linux in a cell") and the comm region at 0x80000000.
 * The loader starts at the first byte of RAM; the kernel follows at
 * 0x70200000. The cell never answers hypervisor messages
 * (PASSIVE_COMMREG), so it can be destroyed at any time. It is peer 2 of
 * the ivshmem "demo" link with the root (0001:00:00.0, its INTx INTID
 * 140), as Jailhouse's qemu-arm64-linux-demo.c; its own output section
 * is 0x7fafe000. It is peer 1 of the ivshmem "net" link (0001:00:01.0,
 * protocol VETH, INTx INTID 141): ivshmem-net in warden.ko makes it an
 * Ethernet link to the root; its own output section is 0x7fa81000.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[12];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "linux-demo",
		/* its console: earlycon, then warden_hvc (docs/cells.md) */
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = 140 - 32,
		.cpu_reset_address = 0x70000000,

		.console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		0xc,
	},

	.mem_regions = {
		/* UART, shared: the root keeps it and its interrupt */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM */ {
			.phys_start = 0x70000000,
			.virt_start = 0x70000000,
			.size = 0x08000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */ {
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_COMM_REGION,
		},
		/* ivshmem demo: state table */ {
			.phys_start = 0x7faf0000,
			.virt_start = 0x7faf0000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem demo: R/W section */ {
			.phys_start = 0x7faf1000,
			.virt_start = 0x7faf1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem demo: output section of peer 0 (the root) */ {
			.phys_start = 0x7fafa000,
			.virt_start = 0x7fafa000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem demo: output section of peer 1 */ {
			.phys_start = 0x7fafc000,
			.virt_start = 0x7fafc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem demo: output section of peer 2, this cell */ {
			.phys_start = 0x7fafe000,
			.virt_start = 0x7fafe000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem net: state table */ {
			.phys_start = 0x7fa11000,
			.virt_start = 0x7fa11000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem net: no R/W section */ { 0 },
		/* ivshmem net: output section of peer 0 (the root) */ {
			.phys_start = 0x7fa12000,
			.virt_start = 0x7fa12000,
			.size = 0x6f000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem net: output section of peer 1, this cell */ {
			.phys_start = 0x7fa81000,
			.virt_start = 0x7fa81000,
			.size = 0x6f000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_ROOTSHARED,
		},
	},

	.irqchips = {
		/* the ivshmem INTx: INTID 140 (demo), 141 (net) */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0, 0, 0, 3 << (140 - 128),
			},
		},
	},

	.pci_devices = {
		/* 0001:00:00.0: ivshmem "demo" link, peer 2 */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 3,
			.shmem_dev_id = 2,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* 0001:00:01.0: ivshmem "net" link, peer 1 (ivshmem-net) */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 8,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
