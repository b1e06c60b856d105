/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Self-checks for test inmates. Each failed check prints a FAIL line; the
 * summary line "TEST PASS" or "TEST FAIL" is what tests look for.
 */
#ifndef INMATE_TEST_H
#define INMATE_TEST_H

#include <stdbool.h>

#define TEST_EXPECT(cond) test_check(cond, __FILE__, __LINE__, #cond)

bool test_check(bool ok, const char *file, int line, const char *what);
/* Prints the summary; returns 0 on pass, 1 on failure. */
int test_report(void);

#endif
