/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The cell configuration format, binary-compatible with Jailhouse's config
 * revision 14 (arm64). The C names are Jailhouse's so that a config source
 * written for Jailhouse compiles unchanged and yields the same bytes.
 *
 * A system config (passed to "warden enable") is a struct jailhouse_system
 * whose last member is the root cell's descriptor; a cell config (passed to
 * "warden cell create") is a struct jailhouse_cell_desc. Either descriptor
 * is followed by its arrays, in this order: CPU bitmap, memory regions,
 * cache regions, irqchips, PIO regions, PCI devices, PCI capabilities,
 * stream ids. Everything is packed and little-endian.
 *
 * Nothing here validates a file: use hypervisor/include/warden/config.h
 * for that. docs/config-format.md describes every field and flag.
 */
#ifndef _JAILHOUSE_CELL_CONFIG_H
#define _JAILHOUSE_CELL_CONFIG_H

#include <jailhouse/types.h>
#include <jailhouse/console.h>

/*
 * The 5-byte signatures are stored without their NUL. Newer compilers
 * warn about such initialisers unless the field says it is no C string.
 */
#if defined(__has_attribute)
#if __has_attribute(nonstring)
#define JAILHOUSE_NONSTRING __attribute__((nonstring))
#endif
#endif
#ifndef JAILHOUSE_NONSTRING
#define JAILHOUSE_NONSTRING
#endif

#define JAILHOUSE_SYSTEM_SIGNATURE "JHSYS"
#define JAILHOUSE_CELL_DESC_SIGNATURE "JHCLL"
#define JAILHOUSE_SIGNATURE_SIZE 5

#define JAILHOUSE_CONFIG_REVISION 14

/* struct jailhouse_system.architecture and jailhouse_cell_desc's. */
#define JAILHOUSE_X86 0
#define JAILHOUSE_ARM 1
#define JAILHOUSE_ARM64 2

#define JAILHOUSE_CELL_NAME_MAXLEN 31

/*
 * Cell flags. Jailhouse leaves bits 3..29 free; Warden claims bit 16
 * (WARDEN_CELL_DIRECT_IRQ, include/warden/cell-flags.h and
 * docs/config-format.md), the rest stay free.
 */
#define JAILHOUSE_CELL_PASSIVE_COMMREG 0x00000001
#define JAILHOUSE_CELL_TEST_DEVICE 0x00000002
#define JAILHOUSE_CELL_AARCH32 0x00000004
/* Warden: the cell's CPUs take their physical interrupts at EL1. */
#define WARDEN_CELL_DIRECT_IRQ 0x00010000
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED 0x40000000
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE 0x80000000

/* ACTIVE implies PERMITTED: a cell told to use it must be allowed to. */
#define CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(flags) \
	(!!((flags)&JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE))
#define CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(flags)               \
	(!!((flags) & (JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED | \
		       JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)))

/* Memory region flags. Bits 9..14 and 20..63 are free. */
#define JAILHOUSE_MEM_READ 0x0001
#define JAILHOUSE_MEM_WRITE 0x0002
#define JAILHOUSE_MEM_EXECUTE 0x0004
#define JAILHOUSE_MEM_DMA 0x0008
#define JAILHOUSE_MEM_IO 0x0010
#define JAILHOUSE_MEM_COMM_REGION 0x0020
#define JAILHOUSE_MEM_LOADABLE 0x0040
#define JAILHOUSE_MEM_ROOTSHARED 0x0080
#define JAILHOUSE_MEM_NO_HUGEPAGES 0x0100
#define JAILHOUSE_MEM_IO_UNALIGNED 0x8000
#define JAILHOUSE_MEM_IO_WIDTH_SHIFT 16
#define JAILHOUSE_MEM_IO_8 (1 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_16 (2 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_32 (4 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_64 (8 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)

/* 32 bytes. virt_start is the address the cell sees (IPA on arm64). */
struct jailhouse_memory {
	__u64 phys_start;
	__u64 virt_start;
	__u64 size;
	__u64 flags;
} __attribute__((packed));

/*
 * A region that is not page-aligned is not mapped but trapped and
 * emulated access by access (sub-page MMIO).
 */
#define JAILHOUSE_MEMORY_IS_SUBPAGE(mem) \
	((mem)->virt_start & 0xfff || (mem)->size & 0xfff)

/*
 * The four regions of an ivshmem-net link: state table, an empty
 * read/write section, then one output section per peer, writable only by
 * the peer whose dev_id owns it. 1 MiB from start.
 */
/* clang-format off */
#define JAILHOUSE_SHMEM_NET_REGIONS(start, dev_id)			\
	{								\
		.phys_start = (start),					\
		.virt_start = (start),					\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,	\
	},								\
	{								\
		.size = 0,						\
	},								\
	{								\
		.phys_start = (start) + 0x1000,				\
		.virt_start = (start) + 0x1000,				\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED |\
			 ((dev_id) == 0 ? JAILHOUSE_MEM_WRITE : 0),	\
	},								\
	{								\
		.phys_start = (start) + 0x80000,			\
		.virt_start = (start) + 0x80000,			\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED |\
			 ((dev_id) == 1 ? JAILHOUSE_MEM_WRITE : 0),	\
	}
/* clang-format on */

/* x86 cache allocation; unused on arm64 but part of the layout. */
#define JAILHOUSE_CACHE_L3_CODE 0x01
#define JAILHOUSE_CACHE_L3_DATA 0x02
#define JAILHOUSE_CACHE_L3 (JAILHOUSE_CACHE_L3_CODE | JAILHOUSE_CACHE_L3_DATA)
#define JAILHOUSE_CACHE_ROOTSHARED 0x0001

/* 12 bytes. */
struct jailhouse_cache {
	__u32 start;
	__u32 size;
	__u8 type;
	__u8 padding;
	__u16 flags;
} __attribute__((packed));

/*
 * 32 bytes. On arm64 only entries whose address is the GIC distributor
 * count. Bit b of pin_bitmap[w] grants INTID pin_base + 32 * w + b, so one
 * entry covers 128 interrupts; pin_base must be a multiple of 32.
 */
struct jailhouse_irqchip {
	__u64 address;
	__u32 id;
	__u32 pin_base;
	__u32 pin_bitmap[4];
} __attribute__((packed));

/* 4 bytes, x86 port I/O. */
struct jailhouse_pio {
	__u16 base;
	__u16 length;
} __attribute__((packed));

#define JAILHOUSE_PCI_TYPE_DEVICE 0x01
#define JAILHOUSE_PCI_TYPE_BRIDGE 0x02
#define JAILHOUSE_PCI_TYPE_IVSHMEM 0x03

#define JAILHOUSE_SHMEM_PROTO_UNDEFINED 0x0000
#define JAILHOUSE_SHMEM_PROTO_VETH 0x0001
#define JAILHOUSE_SHMEM_PROTO_CUSTOM 0x4000 /* 0x4000..0x7fff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_FRONT 0x8000 /* + virtio device id */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK 0xc000 /* + virtio device id */

#define VIRTIO_DEV_NET 1
#define VIRTIO_DEV_BLOCK 2
#define VIRTIO_DEV_CONSOLE 3

/* ivshmem BAR masks: BAR0 registers, BAR1 MSI-X table when present. */
#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX                                     \
	{                                                                   \
		0xfffff000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, \
			0x00000000,                                         \
	}
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX                                     \
	{                                                                   \
		0xfffff000, 0xfffff000, 0x00000000, 0x00000000, 0x00000000, \
			0x00000000,                                         \
	}
#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX_64K                                 \
	{                                                                   \
		0xffff0000, 0x00000000, 0x00000000, 0x00000000, 0x00000000, \
			0x00000000,                                         \
	}
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX_64K                                 \
	{                                                                   \
		0xffff0000, 0xffff0000, 0x00000000, 0x00000000, 0x00000000, \
			0x00000000,                                         \
	}

/* 56 bytes. bdf is bus << 8 | device << 3 | function. */
struct jailhouse_pci_device {
	__u8 type;
	__u8 iommu;
	__u16 domain;
	__u16 bdf;
	__u32 bar_mask[6];
	__u16 caps_start;
	__u16 num_caps;
	__u8 num_msi_vectors;
	__u8 msi_64bits : 1;
	__u8 msi_maskable : 1;
	__u16 num_msix_vectors;
	__u16 msix_region_size;
	__u64 msix_address;
	/* ivshmem: index of the first of this link's memory regions */
	__u32 shmem_regions_start;
	__u8 shmem_dev_id;
	__u8 shmem_peers;
	__u16 shmem_protocol;
} __attribute__((packed));

#define JAILHOUSE_PCI_EXT_CAP 0x8000
#define JAILHOUSE_PCICAPS_WRITE 0x0001

/* 8 bytes. */
struct jailhouse_pci_capability {
	__u16 id;
	__u16 start;
	__u16 len;
	__u16 flags;
} __attribute__((packed));

#define JAILHOUSE_MAX_IOMMU_UNITS 8

#define JAILHOUSE_IOMMU_AMD 1
#define JAILHOUSE_IOMMU_INTEL 2
#define JAILHOUSE_IOMMU_SMMUV3 3
#define JAILHOUSE_IOMMU_PVU 4
#define JAILHOUSE_IOMMU_ARM_MMU500 5

/* 28 bytes. The list of units ends at the first one with base 0. */
struct jailhouse_iommu {
	__u32 type;
	__u64 base;
	__u32 size;
	union {
		struct {
			__u16 bdf;
			__u8 base_cap;
			__u8 msi_cap;
			__u32 features;
		} __attribute__((packed)) amd;
		struct {
			__u64 tlb_base;
			__u32 tlb_size;
		} __attribute__((packed)) tipvu;
	};
} __attribute__((packed));

/*
 * A cell's DMA masters, one per entry of the trailing stream-id array:
 * an SMMUv3 stream id, a TI PVU virtual id (0..7), or an MMU-500 id/mask.
 */
union jailhouse_stream_id {
	__u32 id;
	struct {
		__u16 id;
		__u16 mask_out;
	} __attribute__((packed)) mmu500;
} __attribute__((packed));

#define JAILHOUSE_APIC_MODE_AUTO 0
#define JAILHOUSE_APIC_MODE_XAPIC 1
#define JAILHOUSE_APIC_MODE_X2APIC 2

/* 132 bytes, followed by the cell's arrays (see the top of this file). */
struct jailhouse_cell_desc {
	char signature[JAILHOUSE_SIGNATURE_SIZE] JAILHOUSE_NONSTRING;
	__u8 architecture;
	__u16 revision;

	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	__u32 id; /* filled in at creation; 0 in files */
	__u32 flags;

	__u32 cpu_set_size; /* bytes of CPU bitmap */
	__u32 num_memory_regions;
	__u32 num_cache_regions;
	__u32 num_irqchips;
	__u32 num_pio_regions;
	__u32 num_pci_devices;
	__u32 num_pci_caps;
	__u32 num_stream_ids;

	__u32 vpci_irq_base; /* arm: SPI number (INTID - 32) of INTx pin A */

	__u64 cpu_reset_address;
	__u64 msg_reply_timeout; /* polling iterations, 0 = forever */

	struct jailhouse_console console;
} __attribute__((packed));

#define JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE 0x0001
/*
 * Warden only, in a bit Jailhouse leaves unused (and ignores): forward the
 * root cell's SiP and OEM service calls (SMCCC owners 2 and 3) to the
 * firmware, as boards that use SCMI or vendor services over SMC need.
 * Without it, the hypervisor refuses them with NOT_SUPPORTED and logs each
 * function id once.
 */
#define WARDEN_SYS_FORWARD_SIP_OEM_SMC 0x00010000

#define SYS_FLAGS_VIRTUAL_DEBUG_CONSOLE(flags) \
	(!!((flags)&JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE))

/* 488 bytes, followed by the root cell's arrays. */
struct jailhouse_system {
	char signature[JAILHOUSE_SIGNATURE_SIZE] JAILHOUSE_NONSTRING;
	__u8 architecture;
	__u16 revision;
	__u32 flags;

	/* only phys_start and size are used */
	struct jailhouse_memory hypervisor_memory;
	struct jailhouse_console debug_console;
	struct {
		__u64 pci_mmconfig_base;
		__u8 pci_mmconfig_end_bus;
		__u8 pci_is_virtual;
		__u16 pci_domain;
		struct jailhouse_iommu iommu_units[JAILHOUSE_MAX_IOMMU_UNITS];
		union {
			struct {
				__u16 pm_timer_address;
				__u8 apic_mode;
				__u8 padding;
				__u32 vtd_interrupt_limit;
				__u32 tsc_khz;
				__u32 apic_khz;
			} __attribute__((packed)) x86;
			struct {
				__u8 maintenance_irq;
				__u8 gic_version;
				__u8 padding[2];
				__u64 gicd_base;
				__u64 gicc_base;
				__u64 gich_base;
				__u64 gicv_base;
				__u64 gicr_base;
			} __attribute__((packed)) arm;
		} __attribute__((packed));
	} __attribute__((packed)) platform_info;
	struct jailhouse_cell_desc root_cell;
} __attribute__((packed));

/*
 * Sizes computed from a descriptor's own counts. They trust the counts:
 * for a file from outside use warden_config_parse(), which checks them.
 */
static inline __u32
jailhouse_cell_config_size(const struct jailhouse_cell_desc *cell)
{
	return sizeof(struct jailhouse_cell_desc) + cell->cpu_set_size +
	       cell->num_memory_regions * sizeof(struct jailhouse_memory) +
	       cell->num_cache_regions * sizeof(struct jailhouse_cache) +
	       cell->num_irqchips * sizeof(struct jailhouse_irqchip) +
	       cell->num_pio_regions * sizeof(struct jailhouse_pio) +
	       cell->num_pci_devices * sizeof(struct jailhouse_pci_device) +
	       cell->num_pci_caps * sizeof(struct jailhouse_pci_capability) +
	       cell->num_stream_ids * sizeof(__u32);
}

static inline __u32
jailhouse_system_config_size(const struct jailhouse_system *system)
{
	return sizeof(*system) - sizeof(system->root_cell) +
	       jailhouse_cell_config_size(&system->root_cell);
}

/* The layout is the file format: pin every size and offset. */
#define JAILHOUSE_LAYOUT(type, field, off) \
	_Static_assert(offsetof(type, field) == (off), #type "." #field)

_Static_assert(sizeof(struct jailhouse_memory) == 32, "jailhouse_memory");
JAILHOUSE_LAYOUT(struct jailhouse_memory, phys_start, 0);
JAILHOUSE_LAYOUT(struct jailhouse_memory, virt_start, 8);
JAILHOUSE_LAYOUT(struct jailhouse_memory, size, 16);
JAILHOUSE_LAYOUT(struct jailhouse_memory, flags, 24);

_Static_assert(sizeof(struct jailhouse_cache) == 12, "jailhouse_cache");
JAILHOUSE_LAYOUT(struct jailhouse_cache, start, 0);
JAILHOUSE_LAYOUT(struct jailhouse_cache, size, 4);
JAILHOUSE_LAYOUT(struct jailhouse_cache, type, 8);
JAILHOUSE_LAYOUT(struct jailhouse_cache, flags, 10);
JAILHOUSE_LAYOUT(struct jailhouse_cache, padding, 9);

_Static_assert(sizeof(struct jailhouse_irqchip) == 32, "jailhouse_irqchip");
JAILHOUSE_LAYOUT(struct jailhouse_irqchip, address, 0);
JAILHOUSE_LAYOUT(struct jailhouse_irqchip, id, 8);
JAILHOUSE_LAYOUT(struct jailhouse_irqchip, pin_base, 12);
JAILHOUSE_LAYOUT(struct jailhouse_irqchip, pin_bitmap, 16);

_Static_assert(sizeof(struct jailhouse_pio) == 4, "jailhouse_pio");
JAILHOUSE_LAYOUT(struct jailhouse_pio, length, 2);

_Static_assert(sizeof(struct jailhouse_pci_device) == 56,
	       "jailhouse_pci_device");
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, type, 0);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, iommu, 1);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, domain, 2);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, bdf, 4);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, bar_mask, 6);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, caps_start, 30);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, num_caps, 32);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, num_msi_vectors, 34);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, num_msix_vectors, 36);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, msix_region_size, 38);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, msix_address, 40);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, shmem_regions_start, 48);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, shmem_dev_id, 52);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, shmem_peers, 53);
JAILHOUSE_LAYOUT(struct jailhouse_pci_device, shmem_protocol, 54);

_Static_assert(sizeof(struct jailhouse_pci_capability) == 8,
	       "jailhouse_pci_capability");
JAILHOUSE_LAYOUT(struct jailhouse_pci_capability, id, 0);
JAILHOUSE_LAYOUT(struct jailhouse_pci_capability, start, 2);
JAILHOUSE_LAYOUT(struct jailhouse_pci_capability, len, 4);
JAILHOUSE_LAYOUT(struct jailhouse_pci_capability, flags, 6);

_Static_assert(sizeof(struct jailhouse_iommu) == 28, "jailhouse_iommu");
JAILHOUSE_LAYOUT(struct jailhouse_iommu, type, 0);
JAILHOUSE_LAYOUT(struct jailhouse_iommu, base, 4);
JAILHOUSE_LAYOUT(struct jailhouse_iommu, size, 12);
JAILHOUSE_LAYOUT(struct jailhouse_iommu, amd.bdf, 16);
JAILHOUSE_LAYOUT(struct jailhouse_iommu, amd.features, 20);
JAILHOUSE_LAYOUT(struct jailhouse_iommu, amd.base_cap, 18);
JAILHOUSE_LAYOUT(struct jailhouse_iommu, amd.msi_cap, 19);
JAILHOUSE_LAYOUT(struct jailhouse_iommu, tipvu.tlb_base, 16);
JAILHOUSE_LAYOUT(struct jailhouse_iommu, tipvu.tlb_size, 24);

_Static_assert(sizeof(union jailhouse_stream_id) == 4, "stream id");
JAILHOUSE_LAYOUT(union jailhouse_stream_id, mmu500.mask_out, 2);

_Static_assert(sizeof(struct jailhouse_cell_desc) == 132,
	       "jailhouse_cell_desc");
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, signature, 0);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, architecture, 5);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, revision, 6);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, name, 8);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, id, 40);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, flags, 44);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, cpu_set_size, 48);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, num_memory_regions, 52);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, num_cache_regions, 56);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, num_irqchips, 60);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, num_pio_regions, 64);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, num_pci_devices, 68);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, num_pci_caps, 72);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, num_stream_ids, 76);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, vpci_irq_base, 80);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, cpu_reset_address, 84);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, msg_reply_timeout, 92);
JAILHOUSE_LAYOUT(struct jailhouse_cell_desc, console, 100);

_Static_assert(sizeof(struct jailhouse_system) == 488, "jailhouse_system");
JAILHOUSE_LAYOUT(struct jailhouse_system, signature, 0);
JAILHOUSE_LAYOUT(struct jailhouse_system, architecture, 5);
JAILHOUSE_LAYOUT(struct jailhouse_system, revision, 6);
JAILHOUSE_LAYOUT(struct jailhouse_system, flags, 8);
JAILHOUSE_LAYOUT(struct jailhouse_system, hypervisor_memory, 12);
JAILHOUSE_LAYOUT(struct jailhouse_system, debug_console, 44);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.pci_mmconfig_base, 76);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.pci_mmconfig_end_bus,
		 84);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.pci_is_virtual, 85);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.pci_domain, 86);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.iommu_units, 88);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.x86.pm_timer_address,
		 312);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.x86.apic_mode, 314);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.x86.vtd_interrupt_limit,
		 316);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.x86.tsc_khz, 320);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.x86.apic_khz, 324);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.arm.padding, 314);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.arm.maintenance_irq,
		 312);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.arm.gic_version, 313);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.arm.gicd_base, 316);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.arm.gicc_base, 324);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.arm.gich_base, 332);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.arm.gicv_base, 340);
JAILHOUSE_LAYOUT(struct jailhouse_system, platform_info.arm.gicr_base, 348);
JAILHOUSE_LAYOUT(struct jailhouse_system, root_cell, 356);

#endif
