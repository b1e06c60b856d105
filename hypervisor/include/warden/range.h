/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Address ranges handed in by the root or a cell: [start, start + size)
 * is checked for wrapping before any end is computed from it.
 */
#ifndef WARDEN_RANGE_H
#define WARDEN_RANGE_H

#include <jailhouse/types.h>

/*
 * Whether start + size does not fit in 64 bits. A range that ends exactly
 * at 2^64 counts as overflowing too: its end is not representable, and
 * no memory the hypervisor hands out lies there.
 */
static inline int range_add_overflows(__u64 start, __u64 size)
{
	return size > ~start;
}

/* The 4 KiB pages [start, start + size) touches: first and end (after). */
static inline int range_pages(__u64 start, __u64 size, __u64 *first, __u64 *end)
{
	if (!size || range_add_overflows(start, size) ||
	    range_add_overflows(start + size - 1, 0x1000))
		return -1;
	*first = start & ~0xfffULL;
	*end = (start + size - 1 + 0x1000) & ~0xfffULL;
	return 0;
}

#endif
