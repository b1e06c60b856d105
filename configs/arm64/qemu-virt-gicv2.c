// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * System configuration for QEMU's "virt" machine with a GICv2 (the
 * interrupt controller of the Raspberry Pi 4, a GIC-400, here with the
 * virtualization extensions QEMU 7.2 emulates):
 *
 *   qemu-system-aarch64 -machine virt,gic-version=2,virtualization=on
 *       -cpu cortex-a57 -smp 4 -m 1G ... -append "... mem=768M"
 *
 * (scripts/guest-run --gic 2). Everything but the GIC is qemu-virt.c's,
 * so every qemu-virt-inmate-* cell config fits this one unchanged: they
 * name the GIC only by the distributor's address, which is the same.
 *
 * Memory of the 1 GiB at 0x40000000:
 *   0x40000000-0x6fffffff  Linux, the root cell (mem=768M stops it here)
 *   0x70000000-0x7fbfffff  for non-root cells; the root maps it so that it
 *                          can load images and get the memory back
 *   0x7fc00000-0x7fffffff  the hypervisor (4 MiB), in no cell
 * Non-root cells so far: qemu-virt-inmate-demo uses 0x7fa00000+64 KiB.
 * Later cells take other parts of 0x70000000-0x7f9fffff.
 *
 * GICv2 frames, from QEMU's hw/arm/virt.c (none mapped into the root):
 *   0x08000000  GICD, 4 KiB: the hypervisor emulates it
 *   0x08010000  GICC, 8 KiB: the hypervisor maps GICV here for each cell
 *               (8 KiB: GICC_DIR at +0x1000, for Linux's split EOI)
 *   0x08020000  GICv2m MSI frame (SPIs 48-111 = INTIDs 80-143): devices
 *               write it by DMA (no SMMU here, so stage 2 does not stand
 *               in between); a CPU of the root has no business there
 *   0x08030000  GICH, the hypervisor's list registers
 *   0x08040000  GICV, 8 KiB, the virtual CPU interface
 * The maintenance interrupt is PPI 9 (INTID 25), as on GICv3.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

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
				.gic_version = 2,
				.gicd_base = 0x08000000,
				.gicc_base = 0x08010000,
				.gich_base = 0x08030000,
				.gicv_base = 0x08040000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "qemu-virt-gicv2",
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
		},
	},

	.cpus = {
		0xf,
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
		/*
		 * SPIs 0-127: UART, RTC, PCIe INTx, GPIO, virtio-mmio and
		 * the GICv2m MSIs (SPIs 48-111)
		 */ {
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},
};
