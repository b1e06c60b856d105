// SPDX-License-Identifier: GPL-2.0
/*
 * SError attribution: the root's goes back to it as a virtual SError with
 * the same syndrome (with RAS), a cell's stops the cell, one at EL2 is the
 * hypervisor's; and the syndrome in words.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/serror.h>

/* EC 0x2f, IL, asynchronous SError (DFSC 0x11), AET "restartable" (2) */
#define ESR_RAS_UEO (0x2fULL << 26 | 1 << 25 | 2 << 10 | 0x11)
#define ESR_IDS (0x2fULL << 26 | 1 << 25 | 1 << 24 | 0x1234)

static void root_gets_virtual_serror(void **state)
{
	struct serror_verdict v;

	(void)state;
	v = serror_attribute(ESR_RAS_UEO, true, true, true);
	assert_int_equal(v.action, SERROR_TO_ROOT);
	assert_true(v.set_vsesr);
	/* IDS and ISS only: VSESR_EL2 has no EC or IL */
	assert_int_equal(v.vsesr, 2 << 10 | 0x11);
	v = serror_attribute(ESR_IDS, true, true, true);
	assert_int_equal(v.vsesr, 1 << 24 | 0x1234);
	/* without RAS there is no VSESR_EL2 to write */
	v = serror_attribute(ESR_RAS_UEO, true, true, false);
	assert_int_equal(v.action, SERROR_TO_ROOT);
	assert_false(v.set_vsesr);
}

static void cell_is_stopped(void **state)
{
	struct serror_verdict v;

	(void)state;
	v = serror_attribute(ESR_RAS_UEO, true, false, true);
	assert_int_equal(v.action, SERROR_STOP_CELL);
	/* never handed on: nothing reaches the root's Linux */
	assert_false(v.set_vsesr);
	v = serror_attribute(ESR_IDS, true, false, false);
	assert_int_equal(v.action, SERROR_STOP_CELL);
}

static void at_el2_is_fatal(void **state)
{
	(void)state;
	assert_int_equal(
		serror_attribute(ESR_RAS_UEO, false, true, true).action,
		SERROR_HV_FATAL);
	assert_int_equal(
		serror_attribute(ESR_RAS_UEO, false, false, true).action,
		SERROR_HV_FATAL);
}

static void described(void **state)
{
	char buf[80];

	(void)state;
	assert_string_equal(serror_describe(ESR_RAS_UEO, buf, sizeof(buf)),
			    "asynchronous SError, restartable");
	assert_string_equal(serror_describe((ESR_RAS_UEO ^ 2 << 10) | 6 << 10,
					    buf, sizeof(buf)),
			    "asynchronous SError, corrected");
	assert_string_equal(serror_describe(ESR_IDS, buf, sizeof(buf)),
			    "implementation defined syndrome 0x1234");
	assert_string_equal(serror_describe(0x2fULL << 26, buf, sizeof(buf)),
			    "uncategorized SError");
	/* a short buffer is cut, never overrun */
	assert_string_equal(serror_describe(ESR_IDS, buf, 8), "impleme");
}

static void deferred_by_esb(void **state)
{
	/* DISR_EL1: A, AET restartable, DFSC asynchronous SError */
	uint64_t disr = 1ULL << 31 | 2 << 10 | 0x11;

	(void)state;
	assert_true(serror_disr_pending(disr));
	assert_false(serror_disr_pending(disr & ~(1ULL << 31)));
	/* the ESR it would have had: what the report and VSESR_EL2 get */
	assert_int_equal(serror_esr_from_disr(disr), ESR_RAS_UEO);
	assert_int_equal(serror_attribute(serror_esr_from_disr(disr), true,
					  true, true)
				 .vsesr,
			 2 << 10 | 0x11);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(root_gets_virtual_serror),
		cmocka_unit_test(cell_is_stopped),
		cmocka_unit_test(at_el2_is_fatal),
		cmocka_unit_test(described),
		cmocka_unit_test(deferred_by_esb),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
