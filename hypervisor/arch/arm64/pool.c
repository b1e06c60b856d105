// SPDX-License-Identifier: GPL-2.0
/*
 * The page pool: hypervisor memory after the image and the config, for
 * translation tables, cell configs and comm regions. A bitmap, so that
 * pages come back when a cell is destroyed (any number of create/destroy
 * cycles use the same pages) and a cell config gets contiguous pages.
 */
#include <arch/hv.h>
#include <arch/pool.h>
#include <warden/errno.h>

#define POOL_MAX_PAGES (HV_MAX_BLOCKS * 512)

static uint64_t bitmap[POOL_MAX_PAGES / 64];
static uint64_t first_pa;
spinlock_t pool_lock; /* released by el2_locks_release() */
uint64_t pool_pages, pool_used; /* HYPERVISOR_GET_INFO reports them */

static int page_used(uint64_t i)
{
	return bitmap[i / 64] >> (i % 64) & 1;
}

void pool_init(uint64_t start_pa, uint64_t pages)
{
	if (pages > POOL_MAX_PAGES)
		pages = POOL_MAX_PAGES;
	memset(bitmap, 0, sizeof(bitmap));
	first_pa = start_pa;
	pool_pages = pages;
	pool_used = 0;
}

int pool_alloc_pages(unsigned int n, uint64_t *pa)
{
	uint64_t i, run = 0;

	if (!n)
		return -EINVAL;
	spin_lock(&pool_lock);
	for (i = 0; i < pool_pages; i++) {
		run = page_used(i) ? 0 : run + 1;
		if (run == n)
			break;
	}
	if (run < n) {
		spin_unlock(&pool_lock);
		return -ENOMEM;
	}
	for (i = i + 1 - n; run; run--, i++)
		bitmap[i / 64] |= 1ULL << (i % 64);
	pool_used += n;
	spin_unlock(&pool_lock);
	*pa = first_pa + (i - n) * 4096;
	memset(pool_virt(*pa), 0, (uint64_t)n * 4096);
	return 0;
}

void pool_free_pages(uint64_t pa, unsigned int n)
{
	uint64_t i = (pa - first_pa) / 4096;

	spin_lock(&pool_lock);
	for (; n; n--, i++) {
		if (i < pool_pages && page_used(i)) {
			bitmap[i / 64] &= ~(1ULL << (i % 64));
			pool_used--;
		}
	}
	spin_unlock(&pool_lock);
}

void *pool_virt(uint64_t pa)
{
	return (void *)(pa - hv_phys + HV_VIRT_BASE);
}

int pool_pgtable_alloc(void *ctx, uint64_t *pa)
{
	return pool_alloc_pages(1, pa);
}

void pool_pgtable_free(void *ctx, uint64_t pa)
{
	pool_free_pages(pa, 1);
}

void *pool_pgtable_ptr(void *ctx, uint64_t pa)
{
	return pool_virt(pa);
}
