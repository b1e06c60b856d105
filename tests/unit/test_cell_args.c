// SPDX-License-Identifier: GPL-2.0
/* The cell commands' grammar (tools/cell_args.c), Jailhouse's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cell_args.h"

static char err[160];

#define ARGV(...) ((char *[]){ __VA_ARGS__ })
#define ARGC(...) ((int)(sizeof(ARGV(__VA_ARGS__)) / sizeof(char *)))

static void test_id_and_name(void **state)
{
	struct jailhouse_cell_id id;

	assert_int_equal(cell_ref_parse(1, ARGV("3"), &id, err, sizeof(err)),
			 1);
	assert_int_equal(id.id, 3);
	assert_int_equal(cell_ref_parse(1, ARGV("0x2"), &id, err, sizeof(err)),
			 1);
	assert_int_equal(id.id, 2);
	assert_int_equal(cell_ref_parse(1, ARGV("inmate-demo"), &id, err,
					sizeof(err)),
			 1);
	assert_int_equal(id.id, JAILHOUSE_CELL_ID_UNUSED);
	assert_string_equal(id.name, "inmate-demo");
	/* a name that looks like a number, with --name */
	assert_int_equal(cell_ref_parse(2, ARGV("--name", "7"), &id, err,
					sizeof(err)),
			 2);
	assert_int_equal(id.id, JAILHOUSE_CELL_ID_UNUSED);
	assert_string_equal(id.name, "7");
	/* digits then letters: a name */
	assert_int_equal(cell_ref_parse(1, ARGV("2nd"), &id, err, sizeof(err)),
			 1);
	assert_string_equal(id.name, "2nd");
}

static void test_ref_errors(void **state)
{
	struct jailhouse_cell_id id;

	assert_int_equal(cell_ref_parse(0, NULL, &id, err, sizeof(err)), -1);
	assert_string_equal(err, "which cell? give its ID or name");
	assert_int_equal(
		cell_ref_parse(1, ARGV("--name"), &id, err, sizeof(err)), -1);
	assert_string_equal(err, "--name needs a cell name");
	assert_int_equal(cell_ref_parse(1, ARGV("99999999999"), &id, err,
					sizeof(err)),
			 -1);
	assert_string_equal(err, "cell ID 99999999999 is out of range");
	assert_int_equal(cell_ref_parse(1,
					ARGV("a-name-much-longer-than-"
					     "thirty-one-chars"),
					&id, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "is longer than 31 characters"));
	assert_int_equal(cell_ref_parse(1, ARGV("-a"), &id, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "is an option, not a cell"));
}

static void test_load_items(void **state)
{
	struct cell_load_args a;

	assert_int_equal(
		cell_load_args_parse(
			ARGC("inmate-demo", "gic.bin", "-s", "k=v", "-a",
			     "0x1000", "other.bin", "--address", "4K"),
			ARGV("inmate-demo", "gic.bin", "-s", "k=v", "-a",
			     "0x1000", "other.bin", "--address", "4K"),
			&a, err, sizeof(err)),
		0);
	assert_string_equal(a.id.name, "inmate-demo");
	assert_int_equal(a.num_images, 3);
	assert_string_equal(a.image[0].file, "gic.bin");
	assert_int_equal(a.image[0].addr, 0);
	assert_null(a.image[1].file);
	assert_string_equal(a.image[1].string, "k=v");
	assert_int_equal(a.image[1].addr, 0x1000);
	assert_string_equal(a.image[2].file, "other.bin");
	assert_int_equal(a.image[2].addr, 4096);

	/* shutdown: no images */
	assert_int_equal(
		cell_load_args_parse(1, ARGV("1"), &a, err, sizeof(err)), 0);
	assert_int_equal(a.num_images, 0);
	assert_int_equal(a.id.id, 1);
}

static void test_load_errors(void **state)
{
	struct cell_load_args a;

	assert_int_equal(cell_load_args_parse(3, ARGV("1", "-a", "0x1000"), &a,
					      err, sizeof(err)),
			 -1);
	assert_string_equal(err, "-a must follow an image or -s STRING");
	assert_int_equal(cell_load_args_parse(3, ARGV("1", "x.bin", "-a"), &a,
					      err, sizeof(err)),
			 -1);
	assert_string_equal(err, "-a needs an address");
	assert_int_equal(cell_load_args_parse(4, ARGV("1", "x.bin", "-a", "zz"),
					      &a, err, sizeof(err)),
			 -1);
	assert_string_equal(err, "address \"zz\" is not a number (use e.g. "
				 "0x1000)");
	assert_int_equal(cell_load_args_parse(2, ARGV("1", "-s"), &a, err,
					      sizeof(err)),
			 -1);
	assert_string_equal(err, "-s needs a string");
	assert_int_equal(cell_load_args_parse(2, ARGV("1", "-x"), &a, err,
					      sizeof(err)),
			 -1);
	assert_string_equal(err, "unknown option \"-x\"");
	/* one address per image */
	assert_int_equal(cell_load_args_parse(
				 6, ARGV("1", "x.bin", "-a", "0", "-a", "4"),
				 &a, err, sizeof(err)),
			 -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_and_name),
		cmocka_unit_test(test_ref_errors),
		cmocka_unit_test(test_load_items),
		cmocka_unit_test(test_load_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
