// SPDX-License-Identifier: GPL-2.0
/*
 * The page pool: hypervisor memory after the image and the config, for
 * translation tables, cell configs and comm regions. A bitmap, so that
 * pages come back when a cell is destroyed (any number of create/destroy
 * cycles use the same pages) and a cell config gets contiguous pages.
 */
#include <arch/hv.h>
#include <arch/pool.h>
#include <arch/test_point.h>
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

/*
 * The pages are noted in the CPU's struct per_cpu (pool_alloc_pa/_pages)
 * in the same critical section that takes them, and forgotten only as
 * they are handed to the caller: an exception at EL2 in between (the
 * zeroing) cuts the call short with nobody else knowing of them, and
 * pool_recover() gives them back.
 */
int pool_alloc_pages(unsigned int n, uint64_t *pa)
{
	struct per_cpu *pc = this_per_cpu();
	uint64_t i, run = 0, first;

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
	first = first_pa + (i + 1 - n) * 4096;
	for (i = i + 1 - n; run; run--, i++)
		bitmap[i / 64] |= 1ULL << (i % 64);
	pool_used += n;
	pc->pool_alloc_pages = n;
	pc->pool_alloc_pa = first;
	spin_unlock(&pool_lock);
	el2_test_point(TEST_POOL_ALLOC);
	memset(pool_virt(first), 0, (uint64_t)n * 4096);
	/*
	 * The zeroes before any use of the pages: a page table is linked
	 * into a live stage 2 right after, and another CPU's table walk
	 * must not find the page's old contents (a freed cell config, a
	 * destroyed cell's tables) behind the new pointer.
	 */
	dsb(ishst);
	*pa = first;
	pc->pool_alloc_pa = 0;
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

void pool_recover(unsigned int cpu)
{
	struct per_cpu *pc = per_cpu(cpu);

	if (!pc->pool_alloc_pa)
		return;
	pool_free_pages(pc->pool_alloc_pa, pc->pool_alloc_pages);
	pc->pool_alloc_pa = 0;
	printk(" freed the %u pool pages it was allocating\n",
	       pc->pool_alloc_pages);
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
