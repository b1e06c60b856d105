// SPDX-License-Identifier: GPL-2.0
/*
 * The EL2 address space's policy (hypervisor/core/el2_window.c): the
 * layout table of arch/layout.h, the window allocator, what a window may
 * show and which regions get cache maintenance.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <jailhouse/cell-config.h>
#include <warden/el2_window.h>
#include <warden/errno.h>

#include "../../hypervisor/arch/arm64/include/arch/layout.h"

static const struct el2_area layout[] = {
#define EL2_AREA(n, v, s, a) { #n, v, s, a },
	EL2_LAYOUT(EL2_AREA)
#undef EL2_AREA
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_layout_sound(void **state)
{
	char msg[120] = "";
	unsigned int i;

	(void)state;
	assert_int_equal(el2_layout_check(layout, N(layout), msg, sizeof(msg)),
			 0);
	for (i = 0; i < N(layout); i++) {
		if (strcmp(layout[i].name, "WINDOWS"))
			continue;
		/* one level-3 table: a window never allocates a table */
		assert_int_equal(layout[i].size, HV_WINDOW_PAGES * 0x1000ULL);
		assert_true(HV_WINDOW_PAGES <= EL2_WINDOW_MAX_PAGES);
		assert_int_equal(layout[i].va & 0x1fffff, 0);
		assert_int_equal(layout[i].attrs, EL2_UNMAPPED);
	}
	/* the hypervisor's memory ends where the UART's slot begins */
	assert_true(HV_VIRT_BASE + ((uint64_t)HV_MAX_BLOCKS << 21) <=
		    HV_UART_VIRT);
	/* CPU sets are 64-bit masks */
	assert_true(HV_MAX_CPUS >= 64 && HV_MAX_CPUS <= 64);
}

static void test_layout_refused(void **state)
{
	struct el2_area bad[] = {
		{ "A", 0xffff00000000ULL, 0x40000000, EL2_DEVICE },
		{ "B", 0xffff3fe00000ULL, 0x400000, EL2_RW },
	};
	char msg[120];

	(void)state;
	assert_int_equal(el2_layout_check(bad, 2, msg, sizeof(msg)), -EINVAL);
	assert_string_equal(msg, "EL2 areas A and B overlap");
	bad[1].va = 0x7f0000000000ULL;
	assert_int_equal(el2_layout_check(bad, 2, msg, sizeof(msg)), -EINVAL);
	assert_non_null(strstr(msg, "B (0x7f0000000000+0x400000) is not in"));
	bad[1].va = 0xfffe00000800ULL;
	assert_int_equal(el2_layout_check(bad, 2, msg, sizeof(msg)), -EINVAL);
	assert_non_null(strstr(msg, "not page aligned"));
	/* past the end of the 48-bit space */
	bad[1].va = 0xfffffff00000ULL;
	bad[1].size = 0x200000;
	assert_int_equal(el2_layout_check(bad, 2, msg, sizeof(msg)), -EINVAL);
}

static void test_window_pages(void **state)
{
	(void)state;
	/* an instruction: one page */
	assert_int_equal(el2_window_pages(0x40001ffc, 4), 1);
	/* a header across a page boundary: two */
	assert_int_equal(el2_window_pages(0x40001ff0, 0x20), 2);
	assert_int_equal(el2_window_pages(0x40000000, 0x100000), 256);
	assert_int_equal(el2_window_pages(0x40000800, 0x100000), 257);
	assert_int_equal(el2_window_pages(0x40000000, 0), 0);
	assert_int_equal(el2_window_pages(~0ULL - 0xfff, 0x2000), 0);
}

static void test_window_alloc(void **state)
{
	struct el2_windows w;
	uint64_t a, b, c;

	(void)state;
	el2_windows_init(&w, HV_WINDOW_VIRT, 8);
	assert_int_equal(el2_window_alloc(&w, 1, &a), 0);
	assert_int_equal(a, HV_WINDOW_VIRT);
	assert_int_equal(el2_window_alloc(&w, 4, &b), 0);
	assert_int_equal(b, HV_WINDOW_VIRT + 0x1000);
	assert_int_equal(w.in_use, 5);
	/* 3 left, not 4 */
	assert_int_equal(el2_window_alloc(&w, 4, &c), -ENOMEM);
	assert_int_equal(el2_window_alloc(&w, 0, &c), -ENOMEM);
	assert_int_equal(el2_window_alloc(&w, 9, &c), -ENOMEM);
	el2_window_free(&w, a, 1);
	/* the freed page and the 3 at the end are not contiguous */
	assert_int_equal(el2_window_alloc(&w, 4, &c), -ENOMEM);
	assert_int_equal(el2_window_alloc(&w, 3, &c), 0);
	assert_int_equal(c, HV_WINDOW_VIRT + 0x5000);
	el2_window_free(&w, b, 4);
	el2_window_free(&w, c, 3);
	assert_int_equal(w.in_use, 0);
	/* freeing twice or outside changes nothing */
	el2_window_free(&w, b, 4);
	el2_window_free(&w, HV_WINDOW_VIRT - 0x1000, 2);
	assert_int_equal(w.in_use, 0);
	assert_int_equal(el2_window_alloc(&w, 8, &c), 0);
	assert_int_equal(c, HV_WINDOW_VIRT);
}

static void test_window_full_area(void **state)
{
	struct el2_windows w;
	uint64_t va;
	unsigned int i;

	(void)state;
	el2_windows_init(&w, HV_WINDOW_VIRT, HV_WINDOW_PAGES);
	/* one page per CPU, all at once, then a cleaning chunk */
	for (i = 0; i < HV_MAX_CPUS; i++)
		assert_int_equal(el2_window_alloc(&w, 1, &va), 0);
	assert_int_equal(el2_window_alloc(&w, 257, &va), 0);
	assert_int_equal(va, HV_WINDOW_VIRT + HV_MAX_CPUS * 0x1000ULL);
	assert_int_equal(w.in_use, HV_MAX_CPUS + 257);
}

static void test_window_allowed(void **state)
{
	const uint64_t hv = 0x7fc00000, hv_size = 0x400000;

	(void)state;
	assert_true(el2_window_allowed(0x40000000, 0x1000, hv, hv_size));
	assert_true(el2_window_allowed(hv - 0x1000, 0x1000, hv, hv_size));
	assert_true(el2_window_allowed(hv + hv_size, 4, hv, hv_size));
	assert_false(el2_window_allowed(hv - 4, 8, hv, hv_size));
	assert_false(el2_window_allowed(hv + 0x3ffffc, 4, hv, hv_size));
	assert_false(el2_window_allowed(0x40000000, 0x80000000, hv, hv_size));
	assert_false(el2_window_allowed(0x40000000, 0, hv, hv_size));
	assert_false(el2_window_allowed(~0ULL - 3, 8, hv, hv_size));
}

static struct jailhouse_memory regions[] = {
	{ .phys_start = 0x40000000,
	  .size = 0x100000,
	  .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE },
	{ .phys_start = 0x09000000,
	  .size = 0x1000,
	  .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		   JAILHOUSE_MEM_IO },
	{ .phys_start = 0x50000000,
	  .size = 0x1000,
	  .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_COMM_REGION },
	{ .phys_start = 0x40100000,
	  .size = 0x100000,
	  .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_LOADABLE },
};

static void ram_config(struct warden_config *cfg,
		       struct jailhouse_cell_desc *cell)
{
	memset(cfg, 0, sizeof(*cfg));
	memset(cell, 0, sizeof(*cell));
	cell->num_memory_regions = N(regions);
	cfg->cell = cell;
	cfg->mem_regions = regions;
}

static void test_ram_covers(void **state)
{
	struct jailhouse_cell_desc cell;
	struct warden_config cfg;

	(void)state;
	ram_config(&cfg, &cell);
	assert_true(el2_config_ram_covers(&cfg, 0x40000000, 4));
	assert_true(el2_config_ram_covers(&cfg, 0x400ffffc, 4));
	assert_true(el2_config_ram_covers(&cfg, 0x40100000, 0x100000));
	/* not across two regions, even adjacent ones */
	assert_false(el2_config_ram_covers(&cfg, 0x400ffffc, 8));
	/* a device or the comm region: never through a normal mapping */
	assert_false(el2_config_ram_covers(&cfg, 0x09000000, 4));
	assert_false(el2_config_ram_covers(&cfg, 0x50000000, 4));
	assert_false(el2_config_ram_covers(&cfg, 0x3ffffffc, 4));
	assert_false(el2_config_ram_covers(&cfg, 0x40000000, 0));
}

/* What regions_clean_inval() cleans of a cell with a device region. */
static void test_cache_maintenance(void **state)
{
	uint64_t cleaned = 0;
	unsigned int i, skipped = 0;

	(void)state;
	assert_true(el2_region_cache_maintained(JAILHOUSE_MEM_READ));
	assert_true(el2_region_cache_maintained(JAILHOUSE_MEM_LOADABLE |
						JAILHOUSE_MEM_WRITE));
	assert_false(el2_region_cache_maintained(JAILHOUSE_MEM_READ |
						 JAILHOUSE_MEM_IO));
	assert_false(el2_region_cache_maintained(JAILHOUSE_MEM_IO |
						 JAILHOUSE_MEM_IO_32));
	for (i = 0; i < N(regions); i++) {
		if (regions[i].flags & JAILHOUSE_MEM_COMM_REGION)
			continue;
		if (el2_region_cache_maintained(regions[i].flags))
			cleaned += regions[i].size;
		else
			skipped++;
	}
	assert_int_equal(cleaned, 0x200000);
	assert_int_equal(skipped, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_sound),
		cmocka_unit_test(test_layout_refused),
		cmocka_unit_test(test_window_pages),
		cmocka_unit_test(test_window_alloc),
		cmocka_unit_test(test_window_full_area),
		cmocka_unit_test(test_window_allowed),
		cmocka_unit_test(test_ram_covers),
		cmocka_unit_test(test_cache_maintenance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
