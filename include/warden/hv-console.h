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

#endif
