/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where "warden cell linux" puts the loader, the kernel, the initrd and
 * the DTB in a cell's RAM (guest-physical addresses), from the cell
 * config: the loader at the cell's reset address; the kernel in the
 * largest RAM region (the loader's, unless Jailhouse-style the loader has
 * a small region of its own) at the next 2 MiB boundary plus its
 * text_offset, the DTB and the initrd at the top of that region.
 */
#ifndef WARDEN_TOOLS_LINUX_PLACE_H
#define WARDEN_TOOLS_LINUX_PLACE_H

#include <stddef.h>
#include <stdint.h>

#include <warden/config.h>

/* Room for the DTB at the top of RAM (the kernel takes up to 2 MiB). */
#define LINUX_DTB_MAX (64u << 10)

struct linux_layout {
	unsigned int region; /* index of the kernel's RAM region */
	unsigned int loader_region; /* the region of the reset address */
	uint64_t ram_start, ram_size; /* its guest-physical range */
	uint64_t loader, kernel, kernel_end, initrd, initrd_size, dtb;
};

/*
 * Places the images. image_size is the kernel's from its header (BSS
 * included). Returns 0, or -1 with a sentence naming cfg_path, what does
 * not fit and the fix in err; nothing else is changed.
 */
int linux_place(const struct warden_config *cfg, const char *cfg_path,
		uint64_t loader_size, uint64_t text_offset, uint64_t image_size,
		uint64_t initrd_size, struct linux_layout *l, char *err,
		size_t len);

/* Whether region r is RAM the cell's Linux may use. */
int linux_ram_region(const struct jailhouse_memory *r);

#endif
