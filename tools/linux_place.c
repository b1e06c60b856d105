// SPDX-License-Identifier: GPL-2.0
/* Placing a Linux cell's images: see linux_place.h. */
#include <stdio.h>
#include <string.h>

#include "linux_place.h"
#include "numparse.h"

#define SZ_2M (2ull << 20)
#define SZ_4K 0x1000ull

int linux_ram_region(const struct jailhouse_memory *r)
{
	const __u64 need = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			   JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE;

	return (r->flags & need) == need &&
	       !(r->flags & (JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION));
}

/*
 * The region for the kernel: the largest of Linux's RAM regions (the one
 * with the reset address among equals). Jailhouse's linux-demo configs
 * give the loader a small region of its own at IPA 0.
 */
static int kernel_region(const struct warden_config *cfg, unsigned int loader)
{
	const struct jailhouse_memory *m = cfg->mem_regions;
	unsigned int i, best = loader;

	for (i = 0; i < cfg->cell->num_memory_regions; i++)
		if (linux_ram_region(&m[i]) && m[i].size > m[best].size)
			best = i;
	return best;
}

int linux_place(const struct warden_config *cfg, const char *cfg_path,
		uint64_t loader_size, uint64_t text_offset, uint64_t image_size,
		uint64_t initrd_size, struct linux_layout *l, char *err,
		size_t len)
{
	uint64_t reset = cfg->cell->cpu_reset_address, end, base, top, from;
	const struct jailhouse_memory *r = NULL, *lr;
	char s1[32], s2[32], s3[32];
	unsigned int i;

	memset(l, 0, sizeof(*l));
	for (i = 0; i < cfg->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &cfg->mem_regions[i];

		if (linux_ram_region(m) && reset >= m->virt_start &&
		    reset - m->virt_start < m->size) {
			r = m;
			break;
		}
	}
	if (!r) {
		snprintf(err, len,
			 "%s: the cell's reset address 0x%llx is in no "
			 "loadable RAM region (read, write, execute, "
			 "loadable): the loader starts there; set "
			 ".cpu_reset_address to the start of the cell's RAM",
			 cfg_path, (unsigned long long)reset);
		return -1;
	}
	lr = r;
	if (loader_size > lr->size - (reset - lr->virt_start)) {
		snprintf(err, len,
			 "%s: the Linux loader (%s) does not fit in RAM "
			 "region %u after the reset address 0x%llx: give "
			 "the region more room",
			 cfg_path, format_size(loader_size, s1, sizeof(s1)), i,
			 (unsigned long long)reset);
		return -1;
	}
	l->loader = reset;
	l->loader_region = i;
	i = kernel_region(cfg, i);
	r = &cfg->mem_regions[i];
	l->region = i;
	l->ram_start = r->virt_start;
	l->ram_size = r->size;
	end = r->virt_start + r->size;
	from = r == lr ? reset + loader_size : r->virt_start;
	base = (from + SZ_2M - 1) & ~(SZ_2M - 1);
	l->kernel = base + text_offset;
	l->kernel_end = l->kernel + image_size;
	l->dtb = (end - LINUX_DTB_MAX) & ~(SZ_4K - 1);
	l->initrd_size = initrd_size;
	l->initrd = initrd_size ? (l->dtb - initrd_size) & ~(SZ_4K - 1) : 0;
	top = initrd_size ? l->initrd : l->dtb;
	/* the subtractions above wrap for a region smaller than the images */
	if (base < from || l->dtb < r->virt_start || l->dtb >= end ||
	    (initrd_size && (l->initrd > l->dtb || initrd_size > r->size)) ||
	    l->kernel_end < l->kernel || l->kernel_end > top) {
		snprintf(err, len,
			 "%s: the kernel (%s from a 2 MiB boundary, BSS "
			 "included) and the initrd (%s) do not fit in the "
			 "cell's RAM region %u (0x%llx, %s) with the "
			 "loader and the DTB: give the cell more RAM or use "
			 "a smaller initrd",
			 cfg_path,
			 format_size(text_offset + image_size, s1, sizeof(s1)),
			 format_size(initrd_size, s2, sizeof(s2)), i,
			 (unsigned long long)r->virt_start,
			 format_size(r->size, s3, sizeof(s3)));
		return -1;
	}
	return 0;
}
