// SPDX-License-Identifier: GPL-2.0
/*
 * The nearest-region and owner lines of the hypervisor's fault reports,
 * against a layout like QEMU virt's: root RAM, a cell carved out of it,
 * the hypervisor's memory, the GIC.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/fault_where.h>

#define RW (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE)

static const struct jailhouse_memory root_mem[] = {
	{ .phys_start = 0x09000000,
	  .virt_start = 0x09000000,
	  .size = 0x1000,
	  .flags = RW | JAILHOUSE_MEM_IO },
	{ .phys_start = 0x40000000,
	  .virt_start = 0x40000000,
	  .size = 0x3fa00000,
	  .flags = RW | JAILHOUSE_MEM_EXECUTE },
	{ .phys_start = 0x7fa00000,
	  .virt_start = 0x7fa00000,
	  .size = 0x200000,
	  .flags = RW },
};

static const struct jailhouse_memory cell_mem[] = {
	{ .phys_start = 0x7fa00000,
	  .virt_start = 0,
	  .size = 0x100000,
	  .flags = RW | JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE },
	{ .phys_start = 0x7fb00000,
	  .virt_start = 0x100000,
	  .size = 0x1000,
	  .flags = JAILHOUSE_MEM_READ },
	{ .phys_start = 0x09040000,
	  .virt_start = 0x09040000,
	  .size = 0x1000,
	  .flags = RW | JAILHOUSE_MEM_IO },
};

static const struct fault_where_system sys = {
	.hv_start = 0x7fc00000,
	.hv_size = 0x400000,
	.gicd_base = 0x08000000,
	.gicd_size = 0x10000,
	.gicr_base = 0x080a0000,
	.gicr_size = 0x80000,
};

static const struct fault_where_cell cells[] = {
	{ "inmate", cell_mem, 3 },
	{ "root", root_mem, 3 },
};

static void check_near(const struct jailhouse_memory *mem, unsigned int n,
		       uint64_t addr, const char *expect)
{
	char buf[200];

	fault_where_describe_near(mem, n, addr, buf, sizeof(buf));
	assert_string_equal(buf, expect);
}

static void check_owner(uint64_t pa, const char *expect)
{
	char buf[200];

	fault_where_describe_owner(&sys, cells, 2, pa, buf, sizeof(buf));
	assert_string_equal(buf, expect);
}

static void test_near_below_end(void **state)
{
	(void)state;
	/* a read just past the cell's code page, into its read-only page */
	check_near(cell_mem, 3, 0x100010,
		   "inside region 1 (0x100000-0x100fff, READ), 0x10 bytes "
		   "from the start of it");
	check_near(cell_mem, 3, 0x101000,
		   "outside, nearest region 1 (0x100000-0x100fff, READ), "
		   "0x1 bytes above the end of it");
	check_near(cell_mem, 3, 0x09000000,
		   "outside, nearest region 2 (0x9040000-0x9040fff, "
		   "READ|WRITE|IO), 0x40000 bytes below it");
}

static void test_near_root(void **state)
{
	(void)state;
	/* hv-fault.sh: between the GIC distributor and the redistributors */
	check_near(root_mem, 3, 0x08080000,
		   "outside, nearest region 0 (0x9000000-0x9000fff, "
		   "READ|WRITE|IO), 0xf80000 bytes below it");
	check_near(root_mem, 3, 0x7fc00000,
		   "outside, nearest region 2 (0x7fa00000-0x7fbfffff, "
		   "READ|WRITE), 0x1 bytes above the end of it");
}

static void test_nearest_fields(void **state)
{
	struct fault_where_near near;

	(void)state;
	fault_where_nearest(root_mem, 3, 0x7fbfffff, &near);
	assert_int_equal(near.relation, FAULT_WHERE_INSIDE);
	assert_int_equal(near.index, 2);
	assert_int_equal(near.distance, 0x1fffff);
	fault_where_nearest(root_mem, 0, 0x1000, &near);
	assert_int_equal(near.relation, FAULT_WHERE_NO_REGION);
	assert_int_equal(near.index, -1);
	check_near(root_mem, 0, 0, "the cell has no regions");
}

static void test_near_top_of_space(void **state)
{
	static const struct jailhouse_memory top[] = {
		{ .virt_start = 0xfffffffffffff000ULL,
		  .size = 0x1000,
		  .flags = 0 },
	};
	struct fault_where_near near;

	(void)state;
	fault_where_nearest(top, 1, 0xffffffffffffffffULL, &near);
	assert_int_equal(near.relation, FAULT_WHERE_INSIDE);
	assert_int_equal(near.distance, 0xfff);
	check_near(top, 1, 0,
		   "outside, nearest region 0 (0xfffffffffffff000-"
		   "0xffffffffffffffff, no access), 0xfffffffffffff000 bytes "
		   "below it");
}

static void test_owner(void **state)
{
	(void)state;
	check_owner(0x7fc00000,
		    "the hypervisor's memory (0x7fc00000-0x7fffffff)");
	check_owner(0x08000100, "the GIC distributor (0x8000000)");
	check_owner(0x080b0000, "the GIC redistributors (0x80a0000-0x811ffff)");
	/* the cell's RAM is in the root's config too: the cell comes first */
	check_owner(
		0x7fa00000,
		"cell \"inmate\", region 0 (physical 0x7fa00000-0x7fafffff)");
	check_owner(0x40000000,
		    "cell \"root\", region 1 (physical 0x40000000-0x7f9fffff)");
	check_owner(0x08080000, "no cell, nor the hypervisor or the GIC");
}

static void test_flags(void **state)
{
	char buf[8];

	(void)state;
	/* truncated, but the full length is returned */
	assert_int_equal(fault_where_flags(RW, buf, sizeof(buf)), 10);
	assert_string_equal(buf, "READ|WR");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_near_below_end),
		cmocka_unit_test(test_near_root),
		cmocka_unit_test(test_nearest_fields),
		cmocka_unit_test(test_near_top_of_space),
		cmocka_unit_test(test_owner),
		cmocka_unit_test(test_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
