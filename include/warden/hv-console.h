/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The hypervisor's in-memory console: a ring the hypervisor writes and the
 * driver reads through a read-only mapping. "tail" counts every byte ever
 * written, so a reader that remembers its position knows how much it
 * missed. The writer bumps "seq" to odd before and to even after each
 * update; a reader retries when it saw an odd or changed seq.
 */
#ifndef WARDEN_HV_CONSOLE_H
#define WARDEN_HV_CONSOLE_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
typedef uint32_t __u32;
typedef uint64_t __u64;
#endif

#define WARDEN_CONSOLE_MAGIC 0x4e4f4357 /* "WCON" */

struct warden_console_ring {
	__u32 magic;
	__u32 size; /* bytes in buf, a power of two */
	volatile __u32 seq;
	volatile __u32 tail;
	char buf[];
};

/*
 * Each non-root cell with a virtual console (hypercalls
 * WARDEN_HC_CONSOLE_*) has a ring of its own after the hypervisor's,
 * in the same read-only mapping: cell ID n's at
 * WARDEN_CONSOLE_CELL_OFFSET + (n - 1) * WARDEN_CONSOLE_CELL_SLOT, a
 * struct warden_console_ring of WARDEN_CONSOLE_CELL_TEXT bytes, reset
 * (tail 0) when a cell with that ID is created.
 */
#define WARDEN_CONSOLE_CELL_OFFSET 0x4000
#define WARDEN_CONSOLE_CELL_SLOT 0x3000
#define WARDEN_CONSOLE_CELL_TEXT 0x2000
#define WARDEN_CONSOLE_CELLS 8

#endif
