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
 *   0x7fa11000-0x7faeffff  the ivshmem "net" link (2 peers: the root is 0,
 *                          qemu-virt-linux-demo 1), protocol VETH for
 *                          ivshmem-net: state table, no R/W section, two
 *                          output sections of 444 KiB
 *   0x7faf0000-0x7fafffff  the ivshmem "demo" link (3 peers: the root is
 *                          0, qemu-virt-ivshmem-demo 1), as Jailhouse's
 *                          qemu-arm64.c has it: state table, R/W section,
 *                          one output section per peer
 *
 * The GIC distributor (0x08000000) and redistributors (0x080a0000, 128 KiB
 * per CPU) are not mapped: the hypervisor emulates them, and so the
 * virtual PCI host bridge (ECAM at 0x08e00000, 1 MiB, domain 1) with the
 * ivshmem device 00:00.0, whose INTx is INTID 128 (vpci_irq_base 96), and
 * the ivshmem-net device 00:01.0 (INTID 129). Their register pages go
 * where the root has no memory, e.g. 0x08f00000.
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
	struct jailhouse_memory mem_regions[15];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2];
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
			.pci_mmconfig_base = 0x08e00000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				QEMU_VIRT_GIC
			},
		},
		.root_cell = {
			.name = QEMU_VIRT_NAME,
			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.vpci_irq_base = 128 - 32,
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
			.size = 0x0fa11000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* ivshmem demo: state table, written by the hypervisor */ {
			.phys_start = 0x7faf0000,
			.virt_start = 0x7faf0000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* ivshmem demo: R/W section, every peer writes */ {
			.phys_start = 0x7faf1000,
			.virt_start = 0x7faf1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* ivshmem demo: output section of peer 0, the root */ {
			.phys_start = 0x7fafa000,
			.virt_start = 0x7fafa000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* ivshmem demo: output section of peer 1 */ {
			.phys_start = 0x7fafc000,
			.virt_start = 0x7fafc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* ivshmem demo: output section of peer 2 */ {
			.phys_start = 0x7fafe000,
			.virt_start = 0x7fafe000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* RAM: for non-root cells, above the ivshmem link */ {
			.phys_start = 0x7fb00000,
			.virt_start = 0x7fb00000,
			.size = 0x00100000,
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
		/* ivshmem net: state table, written by the hypervisor */ {
			.phys_start = 0x7fa11000,
			.virt_start = 0x7fa11000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* ivshmem net: no R/W section */ { 0 },
		/* ivshmem net: output section of peer 0, the root */ {
			.phys_start = 0x7fa12000,
			.virt_start = 0x7fa12000,
			.size = 0x6f000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* ivshmem net: output section of peer 1 */ {
			.phys_start = 0x7fa81000,
			.virt_start = 0x7fa81000,
			.size = 0x6f000,
			.flags = JAILHOUSE_MEM_READ,
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

	.pci_devices = {
		/* 0001:00:00.0: ivshmem "demo" link, peer 0 */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 4,
			.shmem_dev_id = 0,
			.shmem_peers = 3,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* 0001:00:01.0: ivshmem "net" link, peer 0 (ivshmem-net) */ {
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 1 << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 11,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};

/* one translation unit may hold several of these configs (unit tests) */
#undef QEMU_VIRT_NAME
#undef QEMU_VIRT_CPUS
#undef QEMU_VIRT_GIC
