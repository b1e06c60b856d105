// SPDX-License-Identifier: GPL-2.0
/*
 * The load/store decoder against encodings produced by the GNU assembler
 * (aarch64-linux-gnu-as) for the instructions named in each case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/insn.h>

struct expect {
	uint32_t insn;
	const char *text;
	bool load, pair, sign_extend, dest_64;
	unsigned int size, rt, rt2, rn;
	enum insn_addressing addressing;
	int64_t offset;
};

static const struct expect cases[] = {
	{ 0xb8010c3f, "str wzr, [x1, #16]!", false, false, false, false, 4, 31,
	  0, 1, INSN_ADDR_PRE_INDEX, 16 },
	{ 0xb81f8462, "str w2, [x3], #-8", false, false, false, false, 4, 2, 0,
	  3, INSN_ADDR_POST_INDEX, -8 },
	{ 0xf8408ca4, "ldr x4, [x5, #8]!", true, false, false, true, 8, 4, 0, 5,
	  INSN_ADDR_PRE_INDEX, 8 },
	{ 0x384014e6, "ldrb w6, [x7], #1", true, false, false, false, 1, 6, 0,
	  7, INSN_ADDR_POST_INDEX, 1 },
	{ 0x789fed28, "ldrsh x8, [x9, #-2]!", true, false, true, true, 2, 8, 0,
	  9, INSN_ADDR_PRE_INDEX, -2 },
	{ 0xb880456a, "ldrsw x10, [x11], #4", true, false, true, true, 4, 10, 0,
	  11, INSN_ADDR_POST_INDEX, 4 },
	{ 0x38c01dac, "ldrsb w12, [x13, #1]!", true, false, true, false, 1, 12,
	  0, 13, INSN_ADDR_PRE_INDEX, 1 },
	{ 0x29010440, "stp w0, w1, [x2, #8]", false, true, false, false, 4, 0,
	  1, 2, INSN_ADDR_OFFSET, 8 },
	{ 0xa9bf10a3, "stp x3, x4, [x5, #-16]!", false, true, false, true, 8, 3,
	  4, 5, INSN_ADDR_PRE_INDEX, -16 },
	{ 0xa8c21d06, "ldp x6, x7, [x8], #32", true, true, false, true, 8, 6, 7,
	  8, INSN_ADDR_POST_INDEX, 32 },
	{ 0x69412969, "ldpsw x9, x10, [x11, #8]", true, true, true, true, 4, 9,
	  10, 11, INSN_ADDR_OFFSET, 8 },
	{ 0x29ff37ec, "ldp w12, w13, [sp, #-8]!", true, true, false, false, 4,
	  12, 13, 31, INSN_ADDR_PRE_INDEX, -8 },
	{ 0xb90ffdee, "str w14, [x15, #4092]", false, false, false, false, 4,
	  14, 0, 15, INSN_ADDR_OFFSET, 4092 },
	{ 0xf9400230, "ldr x16, [x17]", true, false, false, true, 8, 16, 0, 17,
	  INSN_ADDR_OFFSET, 0 },
	{ 0xb85fd272, "ldur w18, [x19, #-3]", true, false, false, false, 4, 18,
	  0, 19, INSN_ADDR_OFFSET, -3 },
	{ 0x78002ff7, "strh w23, [sp, #2]!", false, false, false, false, 2, 23,
	  0, 31, INSN_ADDR_PRE_INDEX, 2 },
};

static void decodes_assembled_instructions(void **state)
{
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct expect *c = &cases[i];
		struct insn_ldst d;

		assert_int_equal(insn_decode_ldst(c->insn, &d), INSN_OK);
		assert_int_equal(d.load, c->load);
		assert_int_equal(d.pair, c->pair);
		assert_int_equal(d.sign_extend, c->sign_extend);
		assert_int_equal(d.dest_64, c->dest_64);
		assert_int_equal(d.size, c->size);
		assert_int_equal(d.rt, c->rt);
		if (c->pair)
			assert_int_equal(d.rt2, c->rt2);
		assert_int_equal(d.rn, c->rn);
		assert_int_equal(d.addressing, c->addressing);
		if (d.offset != c->offset)
			fail_msg("%s: offset %lld", c->text,
				 (long long)d.offset);
	}
}

static void decodes_register_offset(void **state)
{
	struct insn_ldst d;
	uint64_t addr, base;

	/* ldr w20, [x21, x22, lsl #2] */
	assert_int_equal(insn_decode_ldst(0xb8767ab4, &d), INSN_OK);
	assert_int_equal(d.addressing, INSN_ADDR_REG_OFFSET);
	assert_int_equal(d.rm, 22);
	assert_int_equal(d.shift, 2);
	insn_ldst_address(&d, 0x9000000, 3, &addr, &base);
	assert_true(addr == 0x900000c);
	assert_true(base == 0x9000000);
}

static void refuses_what_it_cannot_emulate(void **state)
{
	struct insn_ldst d;

	/* ldxr w0, [x1] */
	assert_int_equal(insn_decode_ldst(0x885f7c20, &d), INSN_EXCLUSIVE);
	/* ldr q0, [x1, #16]! */
	assert_int_equal(insn_decode_ldst(0x3cc10c20, &d), INSN_SIMD_FP);
	/* stp q0, q1, [x2] */
	assert_int_equal(insn_decode_ldst(0xad000440, &d), INSN_SIMD_FP);
	/* ldr x0, <literal> */
	assert_int_equal(insn_decode_ldst(0x58000020, &d), INSN_UNSUPPORTED);
	/* nop */
	assert_int_equal(insn_decode_ldst(0xd503201f, &d), INSN_NOT_LDST);
	/* ldp x1, x1, [x2]: unpredictable */
	assert_int_equal(insn_decode_ldst(0xa9400441, &d), INSN_UNALLOCATED);
	/*
	 * opc 01 of the no-allocate pair class (as LDNP with LDPSW's opc):
	 * "undefined" to objdump, found by tests/fuzz/insn_fuzz.c.
	 */
	assert_int_equal(insn_decode_ldst(0x68400861, &d), INSN_UNALLOCATED);
	assert_int_equal(insn_decode_ldst(0x68000861, &d), INSN_UNALLOCATED);
	/* ldnp w1, w2, [x3] and ldpsw x1, x2, [x3, #8] still decode */
	assert_int_equal(insn_decode_ldst(0x28400861, &d), INSN_OK);
	assert_int_equal(insn_decode_ldst(0x69410861, &d), INSN_OK);
	assert_string_equal(insn_status_name(INSN_SIMD_FP),
			    "SIMD/floating-point load or store");
}

static void computes_addresses_and_writeback(void **state)
{
	struct insn_ldst d;
	uint64_t addr, base;

	/* str wzr, [x1, #16]!: the write goes to x1+16 and x1 becomes it. */
	insn_decode_ldst(0xb8010c3f, &d);
	insn_ldst_address(&d, 0x9000000, 0, &addr, &base);
	assert_true(addr == 0x9000010 && base == 0x9000010);
	/* str w2, [x3], #-8: write at x3, then x3 -= 8. */
	insn_decode_ldst(0xb81f8462, &d);
	insn_ldst_address(&d, 0x9000000, 0, &addr, &base);
	assert_true(addr == 0x9000000 && base == 0x8fffff8);
	/* stp w0, w1, [x2, #8]: no writeback. */
	insn_decode_ldst(0x29010440, &d);
	insn_ldst_address(&d, 0x9000000, 0, &addr, &base);
	assert_true(addr == 0x9000008 && base == 0x9000000);
}

static void extends_loaded_values(void **state)
{
	struct insn_ldst d;

	/* ldrsh x8: 0x8000 becomes 0xffff...8000. */
	insn_decode_ldst(0x789fed28, &d);
	assert_true(insn_load_value(&d, 0x8000) == 0xffffffffffff8000ULL);
	/* ldrsb w12: 0x80 becomes 0xffffff80, upper half clear. */
	insn_decode_ldst(0x38c01dac, &d);
	assert_true(insn_load_value(&d, 0x80) == 0xffffff80ULL);
	/* ldrb w6: zero-extends and ignores bytes beyond the size. */
	insn_decode_ldst(0x384014e6, &d);
	assert_true(insn_load_value(&d, 0x1234) == 0x34);
	/* ldpsw: each word sign-extended to 64 bits. */
	insn_decode_ldst(0x69412969, &d);
	assert_true(insn_load_value(&d, 0xfffffffe) == (uint64_t)-2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_assembled_instructions),
		cmocka_unit_test(decodes_register_offset),
		cmocka_unit_test(refuses_what_it_cannot_emulate),
		cmocka_unit_test(computes_addresses_and_writeback),
		cmocka_unit_test(extends_loaded_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
