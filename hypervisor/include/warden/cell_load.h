/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where an image goes when it is loaded into a cell: the LOADABLE region
 * whose guest-physical range holds it. Portable: the driver places images
 * with it, the unit tests check the refusals.
 */
#ifndef WARDEN_CELL_LOAD_H
#define WARDEN_CELL_LOAD_H

#ifndef __KERNEL__
#include <stddef.h>
#endif

#include <warden/config.h>

struct cell_load_target {
	unsigned int region; /* index in the cell's memory regions */
	__u64 phys; /* physical address of the image's first byte */
};

/*
 * Finds the region for size bytes at guest-physical address addr. Returns
 * 0 and fills t, or -EINVAL with a sentence in msg (what is wrong and the
 * fix), e.g. that the image does not fit the region.
 */
int cell_load_place(const struct warden_config *cell, __u64 addr, __u64 size,
		    struct cell_load_target *t, char *msg, size_t len);

#endif
