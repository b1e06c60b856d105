// SPDX-License-Identifier: GPL-2.0
/*
 * Trapped system-register accesses: which ones are debug registers (read
 * as zero), IMPLEMENTATION DEFINED (TIDCP) or ACTLR_EL1 (TAC), and the
 * UNDEFINED exception's entry into EL1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/sysreg_class.h>

/* ISS of an MSR/MRS: Op0, Op2, Op1, CRn, Rt, CRm, direction */
static uint32_t iss(unsigned int op0, unsigned int op1, unsigned int crn,
		    unsigned int crm, unsigned int op2, unsigned int rt,
		    int read)
{
	return op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 |
	       crm << 1 | !!read;
}

static enum sysreg_class classify(uint32_t i)
{
	struct sysreg_access a;

	sysreg_decode(i, &a);
	return sysreg_classify(&a);
}

static void test_decode(void **state)
{
	struct sysreg_access a;

	(void)state;
	/* mrs x7, dbgbcr5_el1: S2_0_C0_C5_5 */
	sysreg_decode(iss(2, 0, 0, 5, 5, 7, 1), &a);
	assert_int_equal(a.op0, 2);
	assert_int_equal(a.op1, 0);
	assert_int_equal(a.crn, 0);
	assert_int_equal(a.crm, 5);
	assert_int_equal(a.op2, 5);
	assert_int_equal(a.rt, 7);
	assert_true(a.is_read);
}

static void test_classes(void **state)
{
	(void)state;
	/* MDSCR_EL1, OSLAR_EL1, DBGWVR0_EL1, MDCCSR_EL0 */
	assert_int_equal(classify(iss(2, 0, 0, 2, 2, 0, 0)), SYSREG_DEBUG);
	assert_int_equal(classify(iss(2, 0, 1, 0, 4, 0, 0)), SYSREG_DEBUG);
	assert_int_equal(classify(iss(2, 0, 0, 0, 6, 0, 1)), SYSREG_DEBUG);
	assert_int_equal(classify(iss(2, 3, 0, 1, 0, 0, 1)), SYSREG_DEBUG);
	/* S3_1_C15_C2_1 (CPUECTLR-like), S3_0_C11_C0_0 */
	assert_int_equal(classify(iss(3, 1, 15, 2, 1, 0, 1)), SYSREG_IMPDEF);
	assert_int_equal(classify(iss(3, 0, 11, 0, 0, 0, 0)), SYSREG_IMPDEF);
	/* ACTLR_EL1; SCTLR_EL1 and CPACR_EL1 next to it are not */
	assert_int_equal(classify(iss(3, 0, 1, 0, 1, 3, 1)), SYSREG_ACTLR);
	assert_int_equal(classify(iss(3, 0, 1, 0, 0, 3, 1)), SYSREG_OTHER);
	assert_int_equal(classify(iss(3, 0, 1, 0, 2, 3, 1)), SYSREG_OTHER);
	/* ICC_SGI1R_EL1 (the GIC traps) */
	assert_int_equal(classify(iss(3, 0, 12, 11, 5, 1, 0)), SYSREG_OTHER);
	/* ERRIDR_EL1, ERRSELR_EL1, ERXCTLR_EL1, ERXMISC3_EL1 */
	assert_int_equal(classify(iss(3, 0, 5, 3, 0, 1, 1)), SYSREG_RAS);
	assert_int_equal(classify(iss(3, 0, 5, 3, 1, 1, 0)), SYSREG_RAS);
	assert_int_equal(classify(iss(3, 0, 5, 4, 1, 1, 0)), SYSREG_RAS);
	assert_int_equal(classify(iss(3, 0, 5, 5, 3, 1, 1)), SYSREG_RAS);
	/* AFSR0_EL1 (CRm 1) and ESR_EL1 (CRm 2) beside them are not */
	assert_int_equal(classify(iss(3, 0, 5, 1, 0, 1, 1)), SYSREG_OTHER);
	assert_int_equal(classify(iss(3, 0, 5, 2, 0, 1, 1)), SYSREG_OTHER);
	/* LORSA_EL1, LORC_EL1, LORID_EL1; MAIR_EL1 (CRm 2) is not */
	assert_int_equal(classify(iss(3, 0, 10, 4, 0, 1, 0)), SYSREG_LOR);
	assert_int_equal(classify(iss(3, 0, 10, 4, 3, 1, 0)), SYSREG_LOR);
	assert_int_equal(classify(iss(3, 0, 10, 4, 7, 1, 1)), SYSREG_LOR);
	assert_int_equal(classify(iss(3, 0, 10, 2, 0, 1, 1)), SYSREG_OTHER);
}

static void test_undef_entry(void **state)
{
	struct undef_entry e;

	(void)state;
	assert_int_equal(undef_entry(0x3c5, false, &e), 0);
	assert_int_equal(e.esr, 1ULL << 25);
	assert_int_equal(e.vector, 0x200);
	assert_int_equal(e.pstate, 0x3c5);
	assert_int_equal(undef_entry(0x4, false, &e), 0);
	assert_int_equal(e.vector, 0x000);
	assert_int_equal(undef_entry(0x0, true, &e), 0);
	assert_int_equal(e.vector, 0x400);
	assert_int_equal(e.pstate, 0x3c5 | 1ULL << 22);
	assert_int_equal(undef_entry(0x10, false, &e), 0);
	assert_int_equal(e.vector, 0x600);
	/* AArch32 svc mode: not handled */
	assert_int_equal(undef_entry(0x13, false, &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_undef_entry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
