/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The EL2 address space's policy, portable so that the host tests check
 * it: the layout table's rules, the allocator of window pages (short-lived
 * mappings of root or cell memory), which addresses a window may show and
 * which regions get cache maintenance when memory changes hands. The
 * arch code (el2_map.c) writes the descriptors.
 */
#ifndef WARDEN_EL2_WINDOW_H
#define WARDEN_EL2_WINDOW_H

#include <stddef.h>
#include <stdint.h>

#include <warden/config.h>

/* One row of the EL2 layout table (arch/layout.h). */
struct el2_area {
	const char *name;
	uint64_t va, size;
	unsigned int attrs; /* EL2_* */
};

/*
 * Whether the table is sound: areas page aligned, in the top 512 GiB of
 * the 48-bit space, not overlapping; va 0 is the identity mapping and not
 * checked. Returns 0 or -EINVAL with the reason in msg.
 */
int el2_layout_check(const struct el2_area *areas, unsigned int n, char *msg,
		     size_t size);

#define EL2_WINDOW_MAX_PAGES 512

struct el2_windows {
	uint64_t va; /* of page 0 */
	unsigned int pages;
	unsigned int in_use; /* pages mapped now */
	uint64_t used[EL2_WINDOW_MAX_PAGES / 64];
};

void el2_windows_init(struct el2_windows *w, uint64_t va, unsigned int pages);
/* Pages a window onto [pa, pa + size) needs; 0 if size is 0 or it wraps. */
uint64_t el2_window_pages(uint64_t pa, uint64_t size);
/* n contiguous free pages: 0 and the first one's VA, or -ENOMEM. */
int el2_window_alloc(struct el2_windows *w, uint64_t n, uint64_t *va);
/* Gives back n pages from va; pages not allocated are ignored. */
void el2_window_free(struct el2_windows *w, uint64_t va, uint64_t n);

/*
 * Whether a window may show [pa, pa + size): not empty, no wrap, nothing
 * of hypervisor memory [hv_phys, hv_phys + hv_size).
 */
int el2_window_allowed(uint64_t pa, uint64_t size, uint64_t hv_phys,
		       uint64_t hv_size);

/*
 * Whether [pa, pa + size) lies inside one RAM region of cfg: a region
 * that is neither JAILHOUSE_MEM_IO nor the comm region. Windows are normal
 * memory: they must never show a device.
 */
int el2_config_ram_covers(const struct warden_config *cfg, uint64_t pa,
			  uint64_t size);

/*
 * Whether a region that changes hands between the root and a cell gets
 * cleaned and invalidated from the data caches: RAM only. Device memory
 * is not cached, and DC CIVAC through a normal mapping of it may fault
 * or reach the device.
 */
int el2_region_cache_maintained(uint64_t jailhouse_mem_flags);

#endif
