// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * System configuration for QEMU's "virt" machine, the test platform:
 *
 *   qemu-system-aarch64 -machine virt,gic-version=3,virtualization=on
 *       -cpu cortex-a57 -smp 4 -m 1G ... -append "... mem=768M"
 *
 * Memory of the 1 GiB at 0x40000000:
 *   0x40000000-0x6fffffff  Linux, the root cell (mem=768M stops it here)
 *   0x70000000-0x7fbfffff  for non-root cells; the root maps it so that it
 *                          can load images and get the memory back
 *   0x7fc00000-0x7fffffff  the hypervisor (4 MiB), in no cell
 * Non-root cells so far: qemu-virt-inmate-demo uses 0x7fa00000+64 KiB.
 * Later cells take other parts of 0x70000000-0x7f9fffff.
 *
 * The GIC distributor (0x08000000) and redistributors (0x080a0000, 128 KiB
 * per CPU) are not mapped: the hypervisor emulates them.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/*
 * qemu-virt-16.c builds this config for -smp 16, qemu-virt-gicv2.c for
 * the GICv2 machine: the name, the CPUs and the GIC are theirs to set.
 */
#ifndef QEMU_VIRT_NAME
#define QEMU_VIRT_NAME "qemu-virt"
#endif
#ifndef QEMU_VIRT_CPUS
#define QEMU_VIRT_CPUS 0xf
#endif
#ifndef QEMU_VIRT_GIC
#define QEMU_VIRT_GIC                                                       \
	.gic_version = 3, .gicd_base = 0x08000000, .gicr_base = 0x080a0000, \
	.maintenance_irq = 25,
#endif

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[5];
	struct jailhouse_irqchip irqchips[1];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM64,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x7fc00000,
			.size = 0x00400000,
		},
		.debug_console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.arm = {
				QEMU_VIRT_GIC
			},
		},
		.root_cell = {
			.name = QEMU_VIRT_NAME,
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},

	.cpus = {
		QEMU_VIRT_CPUS,
	},

	.mem_regions = {
		/* PL011 UART, shared with cells that print */ {
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* RTC, fw_cfg, GPIO, virtio-mmio, PCIe windows */ {
			.phys_start = 0x09001000,
			.virt_start = 0x09001000,
			.size = 0x36fff000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
		/* RAM: Linux */ {
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x30000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* RAM: for non-root cells, loaded by the root */ {
			.phys_start = 0x70000000,
			.virt_start = 0x70000000,
			.size = 0x0fc00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* PCIe ECAM (high) */ {
			.phys_start = 0x4010000000,
			.virt_start = 0x4010000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_IO,
		},
	},

	.irqchips = {
		/* SPIs 0-127: UART, RTC, PCIe INTx, GPIO, virtio-mmio */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},
};

/* one translation unit may hold several of these configs (unit tests) */
#undef QEMU_VIRT_NAME
#undef QEMU_VIRT_CPUS
#undef QEMU_VIRT_GIC
