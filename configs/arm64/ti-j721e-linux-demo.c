// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * A Linux cell for the J721E-style system (ti-j721e.c): the second A72,
 * main UART1 for its own, and the 1.5 GiB bank the root keeps for it, with
 * DMA through PVU virtual id 3. The root maps that bank without DMA, so
 * "warden config check" warns (dma-mismatch): intended here, since a PVU
 * cannot take a mapping back from the root at run time.
 * Needs main UART1 (INTID 225) disabled in the root's device tree.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
	struct jailhouse_irqchip irqchips[1];
	__u32 stream_ids[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "ti-j721e-linux-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_stream_ids = ARRAY_SIZE(config.stream_ids),
		.cpu_reset_address = 0x8a0000000,

		.console = {
			.address = 0x02810000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		0x2,
	},

	.mem_regions = {
		/* main UART1 */ {
			.phys_start = 0x02810000,
			.virt_start = 0x02810000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* RAM */ {
			.phys_start = 0x8a0000000,
			.virt_start = 0x8a0000000,
			.size = 0x60000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				 JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */ {
			.phys_start = 0,
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* main UART1: SPI 193 */ {
			.address = 0x01800000,
			.pin_base = 160,
			.pin_bitmap = {
				0, 0, 1 << 1, 0,
			},
		},
	},

	.stream_ids = {
		3,
	},
};
