// SPDX-License-Identifier: GPL-2.0
/* Self-check bookkeeping for test inmates. */
#include "printk.h"
#include "test.h"

static unsigned int test_checks, test_failures;

bool test_check(bool ok, const char *file, int line, const char *what)
{
	test_checks++;
	if (!ok) {
		test_failures++;
		printk("FAIL: %s:%d: %s\n", file, line, what);
	}
	return ok;
}

int test_report(void)
{
	if (test_failures) {
		printk("TEST FAIL (%u of %u checks failed)\n", test_failures,
		       test_checks);
		return 1;
	}
	printk("TEST PASS (%u checks)\n", test_checks);
	return 0;
}
