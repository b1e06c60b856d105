// SPDX-License-Identifier: GPL-2.0
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/esr.h>

static void decodes_data_abort_with_syndrome(void **state)
{
	struct esr_info e;

	/* str w3, [x1] to an unmapped IPA: ISV, SAS=2, SRT=3, WnR, DFSC 0x06 */
	esr_decode(0x93830046, &e);
	assert_int_equal(e.ec, ESR_EC_DABT_LOW);
	assert_true(e.is_abort && e.is_data && e.from_lower_el);
	assert_true(e.isv && e.write);
	assert_int_equal(e.access_size, 4);
	assert_int_equal(e.reg, 3);
	assert_int_equal(e.fault.kind, ESR_FAULT_TRANSLATION);
	assert_int_equal(e.fault.level, 2);
	assert_string_equal(e.fault.name, "translation fault");
	assert_string_equal(e.ec_name,
			    "data abort from a lower exception level");
}

static void decodes_data_abort_without_syndrome(void **state)
{
	struct esr_info e;

	/* stp to a read-only region: ISV=0, WnR, permission fault level 3 */
	esr_decode(0x9200004f, &e);
	assert_true(e.is_data);
	assert_false(e.isv);
	assert_int_equal(e.access_size, 0);
	assert_true(e.write);
	assert_int_equal(e.fault.kind, ESR_FAULT_PERMISSION);
	assert_int_equal(e.fault.level, 3);
}

static void decodes_instruction_abort_with_walk(void **state)
{
	struct esr_info e;

	/* The Raspberry Pi 4 report: "esr: 20 1 0000086". */
	esr_decode((uint64_t)0x20 << 26 | 1 << 25 | 0x86, &e);
	assert_int_equal(e.ec, ESR_EC_IABT_LOW);
	assert_true(e.is_abort);
	assert_false(e.is_data);
	assert_true(e.s1ptw);
	assert_int_equal(e.fault.kind, ESR_FAULT_TRANSLATION);
	assert_int_equal(e.fault.level, 2);
	assert_true(e.il32);
}

static void decodes_every_fault_status(void **state)
{
	static const struct {
		unsigned int fsc;
		enum esr_fault_kind kind;
		int level;
	} cases[] = {
		{ 0x00, ESR_FAULT_ADDRESS_SIZE, 0 },
		{ 0x07, ESR_FAULT_TRANSLATION, 3 },
		{ 0x09, ESR_FAULT_ACCESS_FLAG, 1 },
		{ 0x0d, ESR_FAULT_PERMISSION, 1 },
		{ 0x10, ESR_FAULT_EXTERNAL, -2 },
		{ 0x11, ESR_FAULT_TAG_CHECK, -2 },
		{ 0x15, ESR_FAULT_EXTERNAL_WALK, 1 },
		{ 0x13, ESR_FAULT_EXTERNAL_WALK, -1 },
		{ 0x18, ESR_FAULT_PARITY, -2 },
		{ 0x1e, ESR_FAULT_PARITY_WALK, 2 },
		{ 0x21, ESR_FAULT_ALIGNMENT, -2 },
		{ 0x2b, ESR_FAULT_TRANSLATION, -1 },
		{ 0x29, ESR_FAULT_ADDRESS_SIZE, -1 },
		{ 0x30, ESR_FAULT_TLB_CONFLICT, -2 },
		{ 0x31, ESR_FAULT_ATOMIC_HW_UPDATE, -2 },
		{ 0x34, ESR_FAULT_IMPDEF, -2 },
		{ 0x3f, ESR_FAULT_OTHER, -2 },
	};
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct esr_fault f;

		esr_fault_decode(cases[i].fsc, &f);
		assert_int_equal(f.kind, cases[i].kind);
		assert_int_equal(f.level, cases[i].level);
		assert_int_equal(f.code, cases[i].fsc);
		assert_non_null(f.name);
	}
}

static void decodes_sysreg_traps(void **state)
{
	struct esr_info e;
	/* msr ICC_SGI1R_EL1, x2: op0=3 op2=5 op1=0 crn=12 rt=2 crm=11 write */
	uint32_t iss = 3 << 20 | 5 << 17 | 0 << 14 | 12 << 10 | 2 << 5 |
		       11 << 1 | 0;

	esr_decode((uint64_t)ESR_EC_SYS64 << 26 | 1 << 25 | iss, &e);
	assert_int_equal(e.ec, ESR_EC_SYS64);
	assert_string_equal(e.sysreg.name, "ICC_SGI1R_EL1");
	assert_int_equal(e.sysreg.rt, 2);
	assert_false(e.sysreg.read);

	/* mrs x5, FPEXC32_EL2 (3, 4, c5, c3, 0), a read */
	iss = 3 << 20 | 0 << 17 | 4 << 14 | 5 << 10 | 5 << 5 | 3 << 1 | 1;
	esr_decode((uint64_t)ESR_EC_SYS64 << 26 | iss, &e);
	assert_string_equal(e.sysreg.name, "FPEXC32_EL2");
	assert_true(e.sysreg.read);

	/* Something we do not name. */
	assert_null(esr_sysreg_name(3, 7, 15, 15, 7));
}

static void decodes_calls_and_names(void **state)
{
	struct esr_info e;

	esr_decode((uint64_t)ESR_EC_HVC64 << 26 | 1 << 25 | 0x4a48, &e);
	assert_int_equal(e.imm16, 0x4a48);
	assert_string_equal(e.ec_name, "HVC from AArch64");
	esr_decode((uint64_t)ESR_EC_SMC64 << 26 | 1 << 25, &e);
	assert_string_equal(e.ec_name, "SMC from AArch64");
	assert_false(e.is_abort);
	esr_decode((uint64_t)ESR_EC_WFX << 26 | 1 << 25 | 1, &e);
	assert_string_equal(e.wfx, "WFE");
	assert_string_equal(esr_ec_name(0x3f), "reserved exception class");
	assert_string_equal(esr_ec_name(0x00),
			    "unknown reason (undefined instruction)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_data_abort_with_syndrome),
		cmocka_unit_test(decodes_data_abort_without_syndrome),
		cmocka_unit_test(decodes_instruction_abort_with_walk),
		cmocka_unit_test(decodes_every_fault_status),
		cmocka_unit_test(decodes_sysreg_traps),
		cmocka_unit_test(decodes_calls_and_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
