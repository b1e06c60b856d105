// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * System configuration in the style of TI's J721E EVM (the AM65x is laid
 * out alike): two Cortex-A72, GICv3 (GIC-500), 8250 UARTs, and TI's
 * peripheral virtualisation units (PVU), an IOMMU for DMA masters.
 *
 *   0x080000000-0x0eeffffff  Linux
 *   0x0ef000000-0x0efffffff  the hypervisor (16 MiB), a hole in the RAM
 *   0x0f0000000-0x0ffffffff  Linux
 *   0x880000000-0x89fffffff  Linux
 *   0x8a0000000-0x8ffffffff  reserved for the inmate (ti-j721e-linux-demo)
 *
 * The last bank is taken from a real J721E configuration: the root maps it
 * R|W|X|LOADABLE without DMA while the inmate maps it with DMA, and
 * "warden config check" warns about exactly that (docs/config-format.md,
 * check dma-mismatch, explains why it is intended on a PVU).
 *
 * The device tree needs reserved-memory nodes (no-map) for 0xef000000
 * (16 MiB) and 0x8a0000000 (1.5 GiB). The GIC distributor and
 * redistributors, the PVU registers (0x30f80000) and the PVU TLBs
 * (0x36000000) stay unmapped.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[9];
	struct jailhouse_irqchip irqchips[2];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0xef000000,
			.size = 0x01000000,
		},
		.debug_console = {
			.address = 0x02800000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.iommu_units = {
				{
					.type = JAILHOUSE_IOMMU_PVU,
					.base = 0x30f80000,
					.size = 0x1000,
					.tipvu = {
						.tlb_base = 0x36000000,
						.tlb_size = 0x40000,
					},
				},
				{
					.type = JAILHOUSE_IOMMU_PVU,
					.base = 0x30f81000,
					.size = 0x1000,
					.tipvu = {
						.tlb_base = 0x36040000,
						.tlb_size = 0x40000,
					},
				},
			},
			.arm = {
				.gic_version = 3,
				.gicd_base = 0x01800000,
				.gicr_base = 0x01900000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "ti-j721e",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},

	.cpus = {
		0x3,
	},

	.mem_regions = {
		/* peripherals below the GIC */ {
			.phys_start = 0x00100000,
			.virt_start = 0x00100000,
			.size = 0x01700000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* peripherals: UARTs, MMC, USB, ... up to the PVUs */ {
			.phys_start = 0x02000000,
			.virt_start = 0x02000000,
			.size = 0x2ef80000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* NAVSS after the PVU registers */ {
			.phys_start = 0x30f84000,
			.virt_start = 0x30f84000,
			.size = 0x0507c000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* peripherals after the PVU TLBs */ {
			.phys_start = 0x36100000,
			.virt_start = 0x36100000,
			.size = 0x09f00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* MCU and wake-up domain */ {
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x40000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* RAM: Linux */ {
			.phys_start = 0x80000000,
			.virt_start = 0x80000000,
			.size = 0x6f000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM: Linux, above the hypervisor */ {
			.phys_start = 0xf0000000,
			.virt_start = 0xf0000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM: Linux, high */ {
			.phys_start = 0x880000000,
			.virt_start = 0x880000000,
			.size = 0x20000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM: reserved for inmate */ {
			.phys_start = 0x8a0000000,
			.virt_start = 0x8a0000000,
			.size = 0x60000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
	},

	.irqchips = {
		/* SPIs 0-127 */ {
			.address = 0x01800000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		/* SPIs 128-255 */ {
			.address = 0x01800000,
			.pin_base = 160,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},
};
