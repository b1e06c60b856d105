/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The communication region: one page the hypervisor maps into every cell
 * (at IPA 0x80000000 in the usual configs) to tell the cell about its
 * platform and to exchange messages with it. The layout is Jailhouse's ABI
 * revision 2 so that existing inmates run unchanged; offsets are pinned by
 * the static asserts below. Not packed: the natural layout already has
 * these offsets, and packing would make strict-align code access the
 * message words byte by byte.
 */
#ifndef WARDEN_COMM_REGION_H
#define WARDEN_COMM_REGION_H

#include <jailhouse/console.h>

#define WARDEN_COMM_SIGNATURE "JHCOMM" /* 6 bytes, no NUL */
#define WARDEN_COMM_REVISION 2
#define WARDEN_COMM_REGION_BASE 0x80000000UL

/* cell_state, written by both sides */
#define WARDEN_CELL_RUNNING 0
#define WARDEN_CELL_RUNNING_LOCKED 1
#define WARDEN_CELL_SHUT_DOWN 2
#define WARDEN_CELL_FAILED 3
#define WARDEN_CELL_FAILED_COMM_REV 4

/* msg_to_cell */
#define WARDEN_MSG_NONE 0
#define WARDEN_MSG_SHUTDOWN_REQUEST 1
#define WARDEN_MSG_RECONFIG_COMPLETED 2

/* reply_from_cell */
#define WARDEN_MSG_UNKNOWN 1
#define WARDEN_MSG_REQUEST_DENIED 2
#define WARDEN_MSG_REQUEST_APPROVED 3
#define WARDEN_MSG_RECEIVED 4

/* flags */
#define WARDEN_COMM_FLAG_DBG_PUTC_PERMITTED 0x0001
#define WARDEN_COMM_FLAG_DBG_PUTC_ACTIVE 0x0002

struct warden_comm_region {
	char signature[6];
	__u16 revision;
	volatile __u32 cell_state;
	volatile __u32 msg_to_cell;
	volatile __u32 reply_from_cell;
	__u32 flags;
	struct jailhouse_console console;
	__u64 pci_mmconfig_base;
	__u8 gic_version;
	__u8 padding[7];
	__u64 gicd_base;
	__u64 gicc_base;
	__u64 gicr_base;
	__u32 vpci_irq_base;
};

_Static_assert(offsetof(struct warden_comm_region, cell_state) == 8, "comm");
_Static_assert(offsetof(struct warden_comm_region, msg_to_cell) == 12, "comm");
_Static_assert(offsetof(struct warden_comm_region, reply_from_cell) == 16,
	       "comm");
_Static_assert(offsetof(struct warden_comm_region, flags) == 20, "comm");
_Static_assert(offsetof(struct warden_comm_region, console) == 24, "comm");
_Static_assert(offsetof(struct warden_comm_region, pci_mmconfig_base) == 56,
	       "comm");
_Static_assert(offsetof(struct warden_comm_region, gic_version) == 64, "comm");
_Static_assert(offsetof(struct warden_comm_region, gicd_base) == 72, "comm");
_Static_assert(offsetof(struct warden_comm_region, gicc_base) == 80, "comm");
_Static_assert(offsetof(struct warden_comm_region, gicr_base) == 88, "comm");
_Static_assert(offsetof(struct warden_comm_region, vpci_irq_base) == 96,
	       "comm");
/* The ABI ends after 100 bytes; sizeof() adds tail padding only. */
_Static_assert(offsetof(struct warden_comm_region, vpci_irq_base) + 4 == 100,
	       "comm");

#endif
