// SPDX-License-Identifier: GPL-2.0
/* Inmate parameter parsing (inmates/lib/cmdline.c) on the host. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cmdline.h"

#define LINE(s) s, sizeof(s) - 1

static void parses_integers(void **state)
{
	const char line[] = "pause-ms=10 count=0x20 neg=-7 oct=010 plus=+3";

	assert_int_equal(cmdline_get_int(LINE(line), "pause-ms", 1), 10);
	assert_int_equal(cmdline_get_int(LINE(line), "count", 1), 32);
	assert_int_equal(cmdline_get_int(LINE(line), "neg", 1), -7);
	assert_int_equal(cmdline_get_int(LINE(line), "oct", 1), 8);
	assert_int_equal(cmdline_get_int(LINE(line), "plus", 1), 3);
	assert_int_equal(cmdline_get_int(LINE(line), "missing", 99), 99);
}

static void keeps_default_on_junk(void **state)
{
	const char line[] = "a=12x b= c=0x d=- e";

	assert_int_equal(cmdline_get_int(LINE(line), "a", 5), 5);
	assert_int_equal(cmdline_get_int(LINE(line), "b", 5), 5);
	assert_int_equal(cmdline_get_int(LINE(line), "c", 5), 5);
	assert_int_equal(cmdline_get_int(LINE(line), "d", 5), 5);
	assert_int_equal(cmdline_get_int(LINE(line), "e", 5), 5);
}

static void matches_whole_names_only(void **state)
{
	const char line[] = "counter=1 count2=2 xcount=3 count=4";
	size_t n;

	assert_int_equal(cmdline_get_int(LINE(line), "count", 0), 4);
	assert_int_equal(cmdline_get_int(LINE(line), "counter", 0), 1);
	assert_null(cmdline_find(LINE(line), "coun", &n));
	assert_null(cmdline_find(LINE(line), "", &n));
}

static void last_occurrence_wins(void **state)
{
	const char line[] = "x=1 x=2  \t x=3";

	assert_int_equal(cmdline_get_int(LINE(line), "x", 0), 3);
}

static void parses_booleans(void **state)
{
	const char line[] = "flag on=on off=off t=true f=0 y=yes odd=maybe";

	assert_true(cmdline_get_bool(LINE(line), "flag", false));
	assert_true(cmdline_get_bool(LINE(line), "on", false));
	assert_false(cmdline_get_bool(LINE(line), "off", true));
	assert_true(cmdline_get_bool(LINE(line), "t", false));
	assert_false(cmdline_get_bool(LINE(line), "f", true));
	assert_true(cmdline_get_bool(LINE(line), "y", false));
	assert_true(cmdline_get_bool(LINE(line), "odd", true));
	assert_false(cmdline_get_bool(LINE(line), "odd", false));
	assert_false(cmdline_get_bool(LINE(line), "missing", false));
}

static void copies_strings(void **state)
{
	const char line[] = "name=inmate-demo long=abcdefghij empty=";
	char buf[8];

	assert_string_equal(cmdline_get_str(LINE(line), "name", buf,
					    sizeof(buf), "d"),
			    "inmate-");
	assert_string_equal(cmdline_get_str(LINE(line), "empty", buf,
					    sizeof(buf), "d"),
			    "");
	assert_string_equal(cmdline_get_str(LINE(line), "none", buf,
					    sizeof(buf), "d"),
			    "d");
}

/* The loader may leave no NUL: nothing past len may be read. */
static void stays_inside_the_buffer(void **state)
{
	char line[CMDLINE_SIZE];
	char *heap;

	memset(line, 'a', sizeof(line));
	memcpy(line, "n=5 ", 4);
	assert_int_equal(cmdline_get_int(line, sizeof(line), "n", 0), 5);

	heap = malloc(6);
	memcpy(heap, "k=1234", 6);
	/* ASan reports any read of heap[6]. */
	assert_int_equal(cmdline_get_int(heap, 6, "k", 0), 1234);
	assert_int_equal(cmdline_get_int(heap, 4, "k", 0), 12);
	free(heap);

	/* A NUL ends the string before len does. */
	assert_int_equal(cmdline_get_int("a=1\0b=2", 7, "b", 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_integers),
		cmocka_unit_test(keeps_default_on_junk),
		cmocka_unit_test(matches_whole_names_only),
		cmocka_unit_test(last_occurrence_wins),
		cmocka_unit_test(parses_booleans),
		cmocka_unit_test(copies_strings),
		cmocka_unit_test(stays_inside_the_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
