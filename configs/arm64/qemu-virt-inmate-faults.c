// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * A cell for fault report tests (tests/system/cell-fault-report.sh): the
 * memory and CPU of qemu-virt-inmate-demo2.c, but the last two pages of its
 * RAM are given at IPAs apart from the rest, one read-only and one not
 * executable, so that test-probe can make a permission fault of each kind.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[5];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "inmate-faults",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
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
		0x4,
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
			.phys_start = 0x7fb00000,
			.virt_start = 0,
			.size = 0x0000e000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* read-only */ {
			.phys_start = 0x7fb0e000,
			.virt_start = 0x00100000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* not executable */ {
			.phys_start = 0x7fb0f000,
			.virt_start = 0x00101000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* communication region */ {
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* GIC distributor: SPIs 40-44 (INTIDs, pin_base 32) */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0x1f << 8, 0, 0, 0,
			},
		},
	},
};
