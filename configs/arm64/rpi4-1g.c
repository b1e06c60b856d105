// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * System configuration for a Raspberry Pi 4 Model B with 1 GiB.
 *
 * RAM 0x0-0x3b3fffff; the firmware keeps 0x3b400000-0x3fffffff at the
 * default gpu_mem=64. Cells and the hypervisor come from 0x30000000 up:
 *   0x00000000-0x2fffffff  Linux
 *   0x30000000-0x3affffff  non-root cells (rpi4-inmate-demo: 0x3a000000)
 *   0x3b000000-0x3b3fffff  the hypervisor (4 MiB)
 * The GIC-400 (GICv2) at 0xff840000 is not mapped: the hypervisor emulates
 * the distributor (0xff841000) and gives cells the virtual CPU interface.
 * The debug console is the mini UART (8250 style, 32-bit registers).
 *
 * Boot needs TF-A (PSCI to take CPUs away from Linux) and a device-tree
 * reserved-memory node that hides the cells' memory and the hypervisor
 * from Linux (docs/config-format.md shows it):
 *   reserved-memory { warden@30000000 { reg = <0x0 0x30000000 0x0
 *                     0x0b400000>; no-map; }; };
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[4];
	struct jailhouse_irqchip irqchips[2];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x3b000000,
			.size = 0x00400000,
		},
		.debug_console = {
			.address = 0xfe215040,
			.size = 0x40,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.arm = {
				.gic_version = 2,
				.gicd_base = 0xff841000,
				.gicc_base = 0xff842000,
				.gich_base = 0xff844000,
				.gicv_base = 0xff846000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "rpi4-1g",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		/* peripherals up to the GIC (UARTs, GPIO, EMMC, PCIe ctrl) */ {
			.phys_start = 0xfc000000,
			.virt_start = 0xfc000000,
			.size = 0x03840000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* PCIe outbound window (VL805 USB) */ {
			.phys_start = 0x600000000,
			.virt_start = 0x600000000,
			.size = 0x04000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* RAM: Linux */ {
			.phys_start = 0x0,
			.virt_start = 0x0,
			.size = 0x30000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM: for non-root cells (reserved-memory) */ {
			.phys_start = 0x30000000,
			.virt_start = 0x30000000,
			.size = 0x0b000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
	},

	.irqchips = {
		/* SPIs 0-127 */ {
			.address = 0xff841000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		/* SPIs 128-255 */ {
			.address = 0xff841000,
			.pin_base = 160,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},
};
