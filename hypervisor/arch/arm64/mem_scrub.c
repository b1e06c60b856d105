// SPDX-License-Identifier: GPL-2.0
/*
 * Memory a cell could write goes back to the root only zeroed when the
 * cell is destroyed: whatever it computed (keys, buffers, its stack) must
 * not be readable by the root, nor by the next cell the root lends the
 * memory to. (A shut-down cell's LOADABLE regions are lent to the root
 * for loading as they are: Jailhouse's "shutdown, start" restarts the
 * image in place, and the root that loads the cell's code is its master
 * anyway.) Zeroed through a writable EL2 window while neither side
 * maps the memory, by DC ZVA where the CPU allows it (whole cache blocks,
 * no read of the old contents), then cleaned to the point of coherency
 * so that memory, not just the caches, holds the zeros.
 */
#include <arch/el2_map.h>
#include <arch/hv.h>
#include <arch/mem_scrub.h>

/* Scrubbed through windows of at most this. */
#define SCRUB_CHUNK 0x100000ULL

/* The DC ZVA block size in bytes, 0 if DC ZVA is prohibited. */
static uint64_t zva_block(void)
{
	uint64_t dczid = sysreg_read(dczid_el0);

	return dczid & (1 << 4) ? 0 : 4ULL << (dczid & 0xf);
}

static void zero(uint64_t va, uint64_t size)
{
	uint64_t block = zva_block(), end = va + size;
	uint64_t line = 4ULL << ((sysreg_read(ctr_el0) >> 16) & 0xf);
	uint64_t p = va;

	if (block)
		for (; p & (block - 1) && p < end; p += 8)
			*(volatile uint64_t *)p = 0;
	for (; block && p + block <= end; p += block)
		asm volatile("dc zva, %0" : : "r"(p) : "memory");
	for (; p < end; p += 8)
		*(volatile uint64_t *)p = 0;
	for (p = va & ~(line - 1); p < end; p += line)
		asm volatile("dc civac, %0" : : "r"(p) : "memory");
	dsb(sy);
}

uint64_t mem_scrub(uint64_t pa, uint64_t size)
{
	uint64_t done = 0, max = SCRUB_CHUNK;

	/* page-aligned regions only (the rule engine checks configs) */
	while (done < size) {
		uint64_t chunk = size - done < max ? size - done : max;
		void *w = el2_window_map_rw(pa + done, chunk);

		/*
		 * No free run that long in the window area: other CPUs hold
		 * one-page windows meanwhile (an instruction read for a
		 * syndrome-less GIC access; the root can make them at will).
		 * Smaller windows then, down to a page, rather than give
		 * the rest back unzeroed.
		 */
		if (!w && chunk > 4096) {
			max = chunk / 2 & ~0xfffULL;
			continue;
		}
		if (!w)
			break;
		zero((uint64_t)w, chunk);
		el2_window_unmap(w, chunk);
		done += chunk;
	}
	return done;
}
