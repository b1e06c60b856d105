/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual PCI host bridge: an ECAM window at the system config's
 * pci_mmconfig_base ((end_bus + 1) MiB), in which the devices a cell's
 * config lists are emulated. Here: decoding an access to the window and
 * the config space of an ivshmem v2 endpoint, laid out as Jailhouse's.
 * Portable and pure; hypervisor/arch/arm64/vpci.c traps and dispatches.
 */
#ifndef WARDEN_VPCI_H
#define WARDEN_VPCI_H

#include <warden/ivshmem.h>

/* PCI devices of one cell (the rule engine refuses more) */
#define VPCI_MAX_DEVICES 8
/* Config space of one function in the ECAM window */
#define VPCI_CFG_SIZE 0x1000
/* ivshmem's vendor capability (Jailhouse's layout) */
#define VPCI_CAP_VENDOR 0x40
#define VPCI_CAP_VENDOR_LEN 0x20
/* MSI-X capability of an ivshmem device in MSI-X mode */
#define VPCI_CAP_MSIX 0x60

enum vpci_decode {
	VPCI_OUTSIDE, /* not in the window */
	VPCI_OK,
	VPCI_BAD_ACCESS, /* wider than 4 bytes or not naturally aligned */
};

struct vpci_addr {
	__u16 bdf; /* bus << 8 | device << 3 | function */
	__u16 reg; /* byte offset in the function's config space */
};

/* One bus of the ECAM window; the window is (end_bus + 1) of them. */
#define VPCI_ECAM_BUS_SIZE 0x100000ULL

/* Bytes of the ECAM window: (end_bus + 1) MiB. */
__u64 vpci_ecam_size(__u8 end_bus);

/* An access of size bytes at addr against the window at base. */
enum vpci_decode vpci_ecam_decode(__u64 base, __u8 end_bus, __u64 addr,
				  unsigned int size, struct vpci_addr *out);

/* Reads size bytes at reg of ep's config space. */
__u32 vpci_cfg_read(const struct ivshmem_ep *ep, unsigned int reg,
		    unsigned int size);

/* A range a BAR must not cover. */
struct vpci_range {
	__u64 start, size;
	const char *what;
};

/*
 * Where a cell's BARs may not go: over its memory regions (their IPAs),
 * or the extra ranges (the ECAM window, the GIC: trapped already).
 */
struct vpci_bar_env {
	const struct warden_config *cfg;
	const struct vpci_range *extra;
	unsigned int num_extra;
};

enum vpci_write {
	VPCI_W_OK, /* applied (read-only bits of the register ignored) */
	VPCI_W_REFUSED, /* not an emulated register: ignored, to report */
	VPCI_W_BAR_CONFLICT, /* BAR0 would cover memory: not moved, report */
};

/*
 * Writes size bytes of value at reg of ep's config space. On
 * VPCI_W_BAR_CONFLICT *conflict names what the BAR would have covered
 * (region index or extra range) in conflict->what / ->start / ->size.
 */
enum vpci_write vpci_cfg_write(struct ivshmem_ep *ep, unsigned int reg,
			       unsigned int size, __u32 value,
			       const struct vpci_bar_env *env,
			       struct vpci_range *conflict);

/*
 * Whether [addr, addr + size) may hold a BAR of the cell: 0, or -1 with
 * *conflict filled.
 */
int vpci_bar_check(const struct vpci_bar_env *env, __u64 addr, __u64 size,
		   struct vpci_range *conflict);

/* The most ranges vpci_reserved() fills. */
#define VPCI_RESERVED_MAX 4

/*
 * Where no cell's BAR may go besides its own memory: the ECAM window (of a
 * virtual bridge), the GIC distributor, hypervisor memory, and the GIC CPU
 * interface (GICv2) or the redistributors (GICv3: gicr_size bytes, the
 * frames of the root's CPUs). Fills out[] and returns how many. The
 * hypervisor checks every BAR against these; "warden cell linux" places
 * a Linux cell's BAR window by them.
 */
unsigned int vpci_reserved(const struct jailhouse_system *s, __u64 gicr_size,
			   struct vpci_range *out);

/*
 * Bytes of a cell's BAR window: two pages per ivshmem device (Jailhouse's
 * device trees), or more when 64 KiB BARs ask for it (every BAR counted
 * at the largest BAR's size, so that any placement order fits); 0 for a
 * cell without ivshmem devices.
 */
__u64 vpci_bar_window_size(const struct warden_config *cfg);

#endif
