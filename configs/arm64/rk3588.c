// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * System configuration for a Rockchip RK3588 board with 8 GiB: four
 * Cortex-A55 (CPUs 0-3) and four Cortex-A76 (CPUs 4-7), GICv3 (GIC-600),
 * debug UART2 (8250 style, 32-bit registers). Checked against the Radxa
 * ROCK 5B's device tree (tests/data/dt/rk3588-8g, the memory node as
 * U-Boot fills it; tests/harness/config-create.sh compares).
 *
 *   0x000000000-0x0001fffff  TF-A (BL31): not in the DT's memory, not Linux's
 *   0x000200000-0x07fffffff  Linux
 *   0x080000000-0x08fffffff  reserved for the hypervisor (256 MiB)
 *   0x090000000-0x0b4ffffff  non-root cells (rk3588-inmate-demo)
 *   0x0b5000000-0x0efffffff  Linux
 *   0x100000000-0x1ffffffff  Linux
 *   0x900000000-0xa413fffff  PCIe 64-bit windows and DBI registers
 *
 * The device tree needs reserved-memory nodes (no-map) for 0x80000000
 * (256 MiB) and 0x90000000 (0x25000000). The distributor (0xfe600000),
 * the ITS (0xfe640000) and the redistributors (0xfe680000, 8 x 128 KiB)
 * stay unmapped. The DT's clocks are SCMI through SMC function id
 * 0x82000010 (/firmware/scmi, a SiP call): the root's SiP/OEM SMCs go to
 * TF-A (WARDEN_SYS_FORWARD_SIP_OEM_SMC), or Linux loses its clocks.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[12];
	struct jailhouse_irqchip irqchips[4];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE |
			 WARDEN_SYS_FORWARD_SIP_OEM_SMC,
		.hypervisor_memory = {
			.phys_start = 0x80000000,
			.size = 0x10000000,
		},
		.debug_console = {
			.address = 0xfeb50000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.arm = {
				.gic_version = 3,
				.gicd_base = 0xfe600000,
				.gicr_base = 0xfe680000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "rk3588",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},

	.cpus = {
		0xff,
	},

	.mem_regions = {
		/* peripherals below the GIC */ {
			.phys_start = 0xf0000000,
			.virt_start = 0xf0000000,
			.size = 0x0e600000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* peripherals after the redistributors (UARTs at 0xfeb50000) */ {
			.phys_start = 0xfe780000,
			.virt_start = 0xfe780000,
			.size = 0x01880000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* RAM: Linux, above TF-A's 2 MiB (/memory@0) */ {
			.phys_start = 0x200000,
			.virt_start = 0x200000,
			.size = 0x7fe00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM: for non-root cells */ {
			.phys_start = 0x90000000,
			.virt_start = 0x90000000,
			.size = 0x25000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM: Linux, above the cells */ {
			.phys_start = 0xb5000000,
			.virt_start = 0xb5000000,
			.size = 0x3b000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM: Linux, high */ {
			.phys_start = 0x100000000,
			.virt_start = 0x100000000,
			.size = 0x100000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* /pcie@fe150000 (4 lanes): 64-bit memory window */ {
			.phys_start = 0x900000000,
			.virt_start = 0x900000000,
			.size = 0x40000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* /pcie@fe170000 (1 lane): 64-bit memory window */ {
			.phys_start = 0x980000000,
			.virt_start = 0x980000000,
			.size = 0x40000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* /pcie@fe190000 (1 lane): 64-bit memory window */ {
			.phys_start = 0xa00000000,
			.virt_start = 0xa00000000,
			.size = 0x40000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* /pcie@fe150000: DBI registers */ {
			.phys_start = 0xa40000000,
			.virt_start = 0xa40000000,
			.size = 0x400000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* /pcie@fe170000: DBI registers */ {
			.phys_start = 0xa40800000,
			.virt_start = 0xa40800000,
			.size = 0x400000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* /pcie@fe190000: DBI registers */ {
			.phys_start = 0xa41000000,
			.virt_start = 0xa41000000,
			.size = 0x400000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
	},

	.irqchips = {
		/* SPIs 0-127 */ {
			.address = 0xfe600000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		/* SPIs 128-255 */ {
			.address = 0xfe600000,
			.pin_base = 160,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		/* SPIs 256-383 */ {
			.address = 0xfe600000,
			.pin_base = 288,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		/* SPIs 384-511 */ {
			.address = 0xfe600000,
			.pin_base = 416,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},
};
