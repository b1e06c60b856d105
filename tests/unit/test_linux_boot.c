// SPDX-License-Identifier: GPL-2.0
/*
 * "warden cell linux": the arm64 Image header (linux_image_parse) and the
 * placement of loader, kernel, initrd and DTB in a cell's RAM
 * (linux_place), wrap-arounds and misfits included.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "linux_image.h"
#include "linux_place.h"

static void header(uint8_t *h, uint64_t text_offset, uint64_t image_size,
		   uint64_t flags)
{
	int i;

	memset(h, 0, 64);
	for (i = 0; i < 8; i++) {
		h[8 + i] = text_offset >> (8 * i);
		h[16 + i] = image_size >> (8 * i);
		h[24 + i] = flags >> (8 * i);
	}
	memcpy(h + 56, "ARM\x64", 4);
}

static void image_header_read(void **state)
{
	static uint8_t buf[4096];
	struct linux_image img;
	char err[300];

	header(buf, 0x80000, 0x2000000, 0xa);
	assert_int_equal(linux_image_parse(&img, "Image", buf, sizeof(buf), err,
					   sizeof(err)),
			 0);
	assert_true(img.text_offset == 0x80000);
	assert_true(img.image_size == 0x2000000);
	assert_ptr_equal(img.data, buf);
	/* pre-3.17: no image_size, text_offset 0x80000 assumed */
	header(buf, 0, 0, 0);
	assert_int_equal(linux_image_parse(&img, "Image", buf, sizeof(buf), err,
					   sizeof(err)),
			 0);
	assert_true(img.text_offset == 0x80000);
	assert_true(img.image_size >= sizeof(buf));
}

static void image_header_refused(void **state)
{
	static uint8_t buf[4096];
	struct linux_image img;
	char err[300];

	header(buf, 0, 0x2000000, 0);
	buf[59] = 0;
	assert_int_equal(linux_image_parse(&img, "vmlinux", buf, sizeof(buf),
					   err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "kernel vmlinux is not an arm64 Linux "
				    "Image"));
	assert_null(img.data);
	header(buf, 0, 0x2000000, 1);
	assert_int_equal(linux_image_parse(&img, "be", buf, sizeof(buf), err,
					   sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "big-endian"));
	assert_int_equal(linux_image_parse(&img, "short", buf, 63, err,
					   sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "too short"));
	/* text_offset past 2 MiB, unaligned; image smaller than the file */
	header(buf, 0x200000, 0x2000000, 0);
	assert_int_equal(linux_image_parse(&img, "x", buf, sizeof(buf), err,
					   sizeof(err)),
			 -1);
	header(buf, 0x80010, 0x2000000, 0);
	assert_int_equal(linux_image_parse(&img, "x", buf, sizeof(buf), err,
					   sizeof(err)),
			 -1);
	header(buf, 0, 100, 0);
	assert_int_equal(linux_image_parse(&img, "x", buf, sizeof(buf), err,
					   sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "inconsistent"));
}

static struct jailhouse_cell_desc cell;
static struct jailhouse_memory mem[2];
static struct warden_config cfg;

static void cell_with_ram(uint64_t reset, uint64_t start, uint64_t size)
{
	memset(&cell, 0, sizeof(cell));
	memset(mem, 0, sizeof(mem));
	cell.num_memory_regions = 2;
	cell.cpu_reset_address = reset;
	mem[0].phys_start = mem[0].virt_start = 0x09000000;
	mem[0].size = 0x1000;
	mem[0].flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		       JAILHOUSE_MEM_IO;
	mem[1].phys_start = 0x70000000;
	mem[1].virt_start = start;
	mem[1].size = size;
	mem[1].flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
		       JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE;
	cfg.cell = &cell;
	cfg.mem_regions = mem;
}

static void placed(void **state)
{
	struct linux_layout l;
	char err[400];

	cell_with_ram(0x70000000, 0x70000000, 128 << 20);
	assert_int_equal(linux_place(&cfg, "c.cell", 0x58, 0, 32 << 20, 300000,
				     &l, err, sizeof(err)),
			 0);
	assert_int_equal(l.region, 1);
	assert_true(l.loader == 0x70000000);
	assert_true(l.kernel == 0x70200000);
	assert_true(l.kernel_end == 0x72200000);
	assert_true(l.dtb == 0x77ff0000);
	assert_true(l.initrd == 0x77fa6000);
	/* at IPA 0 with text_offset: 0x200000 + 0x80000; no initrd */
	cell_with_ram(0, 0, 64 << 20);
	assert_int_equal(linux_place(&cfg, "c.cell", 0x58, 0x80000, 20 << 20, 0,
				     &l, err, sizeof(err)),
			 0);
	assert_true(l.kernel == 0x280000);
	assert_true(l.initrd == 0);
	assert_true(l.dtb == (64 << 20) - LINUX_DTB_MAX);
}

/* Jailhouse's linux-demo layout: the loader alone in 64 KiB at IPA 0 */
static void jailhouse_layout(void **state)
{
	struct jailhouse_memory m3[3];
	struct linux_layout l;
	char err[400];

	cell_with_ram(0, 0x74000000, 0x7ef0000);
	memcpy(m3, mem, sizeof(mem));
	m3[2] = mem[1];
	m3[2].phys_start = 0x7bef0000;
	m3[2].virt_start = 0;
	m3[2].size = 0x10000;
	cell.num_memory_regions = 3;
	cfg.mem_regions = m3;
	assert_int_equal(linux_place(&cfg, "c.cell", 0x58, 0, 32 << 20, 0, &l,
				     err, sizeof(err)),
			 0);
	assert_int_equal(l.loader_region, 2);
	assert_int_equal(l.region, 1);
	assert_true(l.loader == 0);
	assert_true(l.kernel == 0x74000000);
	assert_true(l.dtb == 0x74000000 + 0x7ef0000 - LINUX_DTB_MAX);
	/* a loader larger than its region */
	assert_int_equal(linux_place(&cfg, "c.cell", 0x10001, 0, 32 << 20, 0,
				     &l, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "does not fit in RAM region 2 after the "
				    "reset address 0x0"));
}

static void misfits_refused(void **state)
{
	struct linux_layout l;
	char err[400];

	cell_with_ram(0x70000000, 0x70000000, 128 << 20);
	assert_int_equal(linux_place(&cfg, "c.cell", 0x58, 0, 200 << 20, 0, &l,
				     err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "c.cell: the kernel (200 MiB"));
	assert_non_null(strstr(err, "give the cell more RAM"));
	/* a kernel that fits alone but not with the initrd */
	assert_int_equal(linux_place(&cfg, "c.cell", 0x58, 0, 32 << 20,
				     100 << 20, &l, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "initrd (100 MiB)"));
	/* sizes that wrap the address arithmetic */
	assert_int_equal(linux_place(&cfg, "c.cell", 0x58, 0, UINT64_MAX - 4, 0,
				     &l, err, sizeof(err)),
			 -1);
	assert_int_equal(linux_place(&cfg, "c.cell", 0x58, 0, 32 << 20,
				     UINT64_MAX - 0x1000, &l, err, sizeof(err)),
			 -1);
	assert_int_equal(linux_place(&cfg, "c.cell", UINT64_MAX - 8, 0, 1 << 20,
				     0, &l, err, sizeof(err)),
			 -1);
	/* RAM at the very top of the address space */
	cell_with_ram(0xffffffffff000000ULL, 0xffffffffff000000ULL, 16 << 20);
	assert_int_equal(linux_place(&cfg, "c.cell", 0x58, 0, 1 << 20, 0, &l,
				     err, sizeof(err)),
			 -1);
	/* the reset address in the UART, not in RAM */
	cell_with_ram(0x09000000, 0x70000000, 128 << 20);
	assert_int_equal(linux_place(&cfg, "c.cell", 0x58, 0, 32 << 20, 0, &l,
				     err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "reset address 0x9000000 is in no "
				    "loadable RAM region"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(image_header_read),
		cmocka_unit_test(image_header_refused),
		cmocka_unit_test(placed),
		cmocka_unit_test(jailhouse_layout),
		cmocka_unit_test(misfits_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
