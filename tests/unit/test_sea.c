// SPDX-License-Identifier: GPL-2.0
/*
 * Injected synchronous external aborts: the vector, syndrome and PSTATE a
 * cell's EL1 sees for each mode it may be interrupted in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/sea.h>

/* data abort from a lower EL, stage-2 translation fault level 2 */
#define DABT_READ 0x92000006ULL
#define DABT_WRITE (DABT_READ | 1ULL << 6)
#define DABT_S1PTW_WRITE (DABT_WRITE | 1ULL << 7)
#define IABT 0x8200000fULL

struct sea_case {
	const char *what;
	uint64_t spsr, esr_el2;
	bool set_pan;
	uint64_t esr, vector, pstate;
};

static const struct sea_case cases[] = {
	/* the walk-gicd probe in cell-fault-report: EL1h, a walk's read */
	{ "EL1h walk", 0x600002c5, DABT_S1PTW_WRITE, false, 0x96000010, 0x200,
	  0x3c5 },
	{ "EL1h write", 0x5, DABT_WRITE, false, 0x96000050, 0x200, 0x3c5 },
	{ "EL1t read", 0x4, DABT_READ, false, 0x96000010, 0x000, 0x3c5 },
	{ "EL0 read, PAN", 0x0, DABT_READ, true, 0x92000010, 0x400,
	  0x3c5 | 1ULL << 22 },
	{ "AArch32 usr", 0x10, DABT_READ, false, 0x92000010, 0x600, 0x3c5 },
	{ "EL1h fetch", 0x3c5, IABT, false, 0x86000010, 0x200, 0x3c5 },
	{ "EL0 fetch", 0x0, IABT, false, 0x82000010, 0x400, 0x3c5 },
};

static void test_entries(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct sea_case *c = &cases[i];
		struct sea_entry e;

		print_message("%s\n", c->what);
		assert_int_equal(sea_entry(c->spsr, c->esr_el2, c->set_pan, &e),
				 0);
		assert_int_equal(e.esr, c->esr);
		assert_int_equal(e.vector, c->vector);
		assert_int_equal(e.pstate, c->pstate);
	}
}

static void test_aarch32_el1_refused(void **state)
{
	struct sea_entry e;

	(void)state;
	/* svc (0x13) and sys (0x1f) are AArch32 EL1 modes */
	assert_int_equal(sea_entry(0x13, DABT_READ, false, &e), -1);
	assert_int_equal(sea_entry(0x1f, DABT_READ, false, &e), -1);
	assert_int_equal(sea_entry(0x11, DABT_READ, false, &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_aarch32_el1_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
