// SPDX-License-Identifier: GPL-2.0
#include <jailhouse/cell-config.h>
#include <warden/el2_window.h>
#include <warden/errno.h>
#include <warden/format.h>

#define PAGE 0x1000ULL
/* The top 512 GiB of a 48-bit space: level-0 slot 511. */
#define TOP_START 0xff8000000000ULL
#define TOP_END 0x1000000000000ULL

/* Says which area is wrong and how, with its range. */
static int area_refuse(const struct el2_area *a, const char *why, char *msg,
		       size_t size)
{
	format_string(msg, size, "EL2 area %s (0x%llx+0x%llx) %s", a->name,
		      (unsigned long long)a->va, (unsigned long long)a->size,
		      why);
	return -EINVAL;
}

int el2_layout_check(const struct el2_area *areas, unsigned int n, char *msg,
		     size_t size)
{
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		const struct el2_area *a = &areas[i];

		if ((a->va | a->size) & (PAGE - 1) || !a->size)
			return area_refuse(a, "is not page aligned", msg, size);
		if (!a->va)
			continue;
		if (a->va < TOP_START || a->size > TOP_END - a->va)
			return area_refuse(a, "is not in the top 512 GiB", msg,
					   size);
		for (j = 0; j < i; j++) {
			const struct el2_area *b = &areas[j];

			if (b->va && a->va < b->va + b->size &&
			    b->va < a->va + a->size) {
				format_string(msg, size,
					      "EL2 areas %s and %s overlap",
					      b->name, a->name);
				return -EINVAL;
			}
		}
	}
	return 0;
}

void el2_windows_init(struct el2_windows *w, uint64_t va, unsigned int pages)
{
	unsigned int i;

	w->va = va;
	w->pages = pages < EL2_WINDOW_MAX_PAGES ? pages : EL2_WINDOW_MAX_PAGES;
	w->in_use = 0;
	for (i = 0; i < EL2_WINDOW_MAX_PAGES / 64; i++)
		w->used[i] = 0;
}

uint64_t el2_window_pages(uint64_t pa, uint64_t size)
{
	uint64_t first = pa & ~(PAGE - 1);

	if (!size || pa + size - 1 < pa)
		return 0;
	return ((pa + size - 1) & ~(PAGE - 1)) / PAGE - first / PAGE + 1;
}

static int page_used(const struct el2_windows *w, uint64_t i)
{
	return w->used[i / 64] >> (i % 64) & 1;
}

int el2_window_alloc(struct el2_windows *w, uint64_t n, uint64_t *va)
{
	uint64_t i, run = 0;

	if (!n || n > w->pages)
		return -ENOMEM;
	for (i = 0; i < w->pages; i++) {
		run = page_used(w, i) ? 0 : run + 1;
		if (run == n)
			break;
	}
	if (run < n)
		return -ENOMEM;
	for (i = i + 1 - n; run; run--, i++)
		w->used[i / 64] |= 1ULL << (i % 64);
	w->in_use += n;
	*va = w->va + (i - n) * PAGE;
	return 0;
}

void el2_window_free(struct el2_windows *w, uint64_t va, uint64_t n)
{
	uint64_t i;

	if (va < w->va)
		return;
	for (i = (va - w->va) / PAGE; n && i < w->pages; n--, i++) {
		if (page_used(w, i)) {
			w->used[i / 64] &= ~(1ULL << (i % 64));
			w->in_use--;
		}
	}
}

int el2_window_allowed(uint64_t pa, uint64_t size, uint64_t hv_phys,
		       uint64_t hv_size)
{
	if (!el2_window_pages(pa, size))
		return 0;
	return !(pa < hv_phys + hv_size && hv_phys < pa + size);
}

int el2_config_ram_covers(const struct warden_config *cfg, uint64_t pa,
			  uint64_t size)
{
	uint32_t i;

	if (!el2_window_pages(pa, size))
		return 0;
	for (i = 0; i < cfg->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *r = &cfg->mem_regions[i];

		if (r->flags & (JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION))
			continue;
		if (pa >= r->phys_start && pa - r->phys_start < r->size &&
		    size <= r->size - (pa - r->phys_start))
			return 1;
	}
	return 0;
}

int el2_region_cache_maintained(uint64_t flags)
{
	return !(flags & JAILHOUSE_MEM_IO);
}
