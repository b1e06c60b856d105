// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * A bare-metal ivshmem peer on QEMU virt (system config: qemu-virt.c),
 * laid out as Jailhouse's qemu-arm64-inmate-demo.c: CPU 3, 64 KiB of RAM
 * at 0x7fa00000 seen at IPA 0, the comm region at IPA 0x80000000, the
 * UART shared with Linux, and peer 1 of the ivshmem "demo" link with the
 * root (0001:00:00.0, 3 peers): the state table and the other peers'
 * output sections read-only, the R/W section and its own output section
 * (0x7fafc000) writable. Its INTx is INTID 144 (vpci_irq_base 112, pin A),
 * which the cell takes from the root. Run ivshmem-demo.bin in it.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/* qemu-virt-ivshmem-msix.c sets these for its MSI-X variant */
#ifndef IVSHMEM_CELL_NAME
#define IVSHMEM_CELL_NAME "ivshmem-demo"
#endif
#ifndef IVSHMEM_MSIX_VECTORS
#define IVSHMEM_MSIX_VECTORS 0
#define IVSHMEM_BAR_MASK JAILHOUSE_IVSHMEM_BAR_MASK_INTX
/* word 3 of the SPI bitmap (INTIDs 128-159) */
#define IVSHMEM_SPIS (1 << (144 - 128))
#endif

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[8];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = IVSHMEM_CELL_NAME,
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.vpci_irq_base = 144 - 32,
		.cpu_reset_address = 0,

		.console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		0x8,
	},

	.mem_regions = {
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
		/* ivshmem demo: output section of peer 1, this cell */ {
			.phys_start = 0x7fafc000,
			.virt_start = 0x7fafc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_ROOTSHARED,
		},
		/* ivshmem demo: output section of peer 2 */ {
			.phys_start = 0x7fafe000,
			.virt_start = 0x7fafe000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* UART, shared: the root keeps it and its interrupt */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM */ {
			.phys_start = 0x7fa00000,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */ {
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* the ivshmem INTx, INTID 144 */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0, 0, 0, IVSHMEM_SPIS,
			},
		},
	},

	.pci_devices = {
		/* 0001:00:00.0: ivshmem "demo" link, peer 1 */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = IVSHMEM_BAR_MASK,
			.num_msix_vectors = IVSHMEM_MSIX_VECTORS,
			.shmem_regions_start = 0,
			.shmem_dev_id = 1,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
