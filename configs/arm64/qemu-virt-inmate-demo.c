// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * A bare-metal demo cell on QEMU virt (system config: qemu-virt.c):
 * CPU 3, 64 KiB of RAM at 0x7fa00000 seen at IPA 0 (where the image is
 * loaded and starts), the comm region at IPA 0x80000000, and the UART
 * shared with Linux. The cell never answers hypervisor messages
 * (PASSIVE_COMMREG), so it can be destroyed at any time.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/* A variant that includes this file may set its own name and flags. */
#ifndef INMATE_NAME
#define INMATE_NAME "inmate-demo"
#endif
#ifndef INMATE_FLAGS
#define INMATE_FLAGS JAILHOUSE_CELL_PASSIVE_COMMREG
#endif

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = INMATE_NAME,
		.flags = INMATE_FLAGS,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
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
};
