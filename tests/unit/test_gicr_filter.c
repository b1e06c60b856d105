// SPDX-License-Identifier: GPL-2.0
/*
 * The redistributor policy: a cell changes its CPUs' SGIs and PPIs but
 * not the hypervisor's stop SGI (15) and maintenance interrupt (25), and
 * none of the redistributor's controls; the root keeps a few controls,
 * never LPIs; other CPUs' frames show only TYPER and the ID registers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <warden/gicr_filter.h>

#define RESERVED (1U << 15 | 1U << 25)
#define SGI(off) (GICR_SGI_BASE + (off))

/* Undefined behaviour (e.g. a shift past 63) fails the test. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
	return "halt_on_error=1:print_stacktrace=1";
}

static const char *const roles[32] = {
	[15] = "the hypervisor's stop SGI",
	[25] = "GIC maintenance",
};

static struct gicr_verdict filter(unsigned int off, unsigned int size,
				  bool is_write, enum gicr_who who)
{
	struct gicr_verdict v;

	gicr_filter(off, size, is_write, who, RESERVED, &v);
	return v;
}

static void enable_bits_keep_reserved(void **state)
{
	static const unsigned int offs[] = { 0x0100, 0x0180, 0x0200,
					     0x0280, 0x0300, 0x0380 };
	unsigned int i;

	for (i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		struct gicr_verdict v =
			filter(SGI(offs[i]), 4, true, GICR_WHO_CELL);

		assert_int_equal(v.action, GICR_PASS);
		assert_true(v.w1x);
		assert_true(v.mask == (0xffffffffULL & ~(uint64_t)RESERVED));
		assert_false(v.quiet);
		/* a zero bit of a set/clear register changes nothing */
		assert_true(gicr_refused(&v, 0xffffffff, 0) == RESERVED);
		assert_true(gicr_refused(&v, 0x6, ~0ULL) == 0);
		assert_true(gicr_intids(&v, RESERVED) == RESERVED);
		/* ~0 is a CPU's bring-up reset: refused in part, quietly */
		assert_true(gicr_bulk_write(&v, 0xffffffff));
		assert_false(gicr_bulk_write(&v, RESERVED));
		assert_false(gicr_bulk_write(&v, 0x7fffffff));
	}
	assert_string_equal(filter(SGI(0x0180), 4, true, GICR_WHO_CELL).reg,
			    "GICR_ICENABLER0");
	/* reads show the real state, reserved bits included */
	assert_int_equal(filter(SGI(0x0100), 4, false, GICR_WHO_CELL).action,
			 GICR_PASS);
}

/*
 * The ID registers span 0x30 bytes: a write deep into them has no fields
 * to change (found by tests/fuzz/gicr_filter_fuzz.c: the register's bits
 * were shifted by up to 0x2c * 8).
 */
static void id_block_write(void **state)
{
	static const enum gicr_who whos[] = { GICR_WHO_ROOT, GICR_WHO_CELL,
					      GICR_WHO_FOREIGN };
	unsigned int off, w;

	for (w = 0; w < 3; w++) {
		for (off = 0xffd0; off < 0x10000; off += 4) {
			struct gicr_verdict v = filter(off, 4, true, whos[w]);

			assert_int_equal(v.action, GICR_PASS);
			assert_true(v.mask == 0);
			assert_true(v.fields == 0);
			assert_true(gicr_refused(&v, ~0ULL, 0) == 0);
		}
	}
}

static void priorities(void **state)
{
	struct gicr_verdict v;

	/* INTIDs 12-15: the top byte is the stop SGI's */
	v = filter(SGI(0x040c), 4, true, GICR_WHO_CELL);
	assert_int_equal(v.action, GICR_PASS);
	assert_false(v.w1x);
	assert_true(v.mask == 0x00ffffff);
	assert_int_equal(v.first, 12);
	assert_true(gicr_refused(&v, 0xf0a0a0a0, 0xa0a0a0a0) == 0x50000000);
	assert_true(gicr_refused(&v, 0xa0101010, 0xa0a0a0a0) == 0);
	assert_true(gicr_merge(&v, 0xf0101010, 0xa0a0a0a0) == 0xa0101010);
	assert_true(gicr_intids(&v, 0x50000000) == 1U << 15);
	/* INTIDs 24-27: byte 1 is the maintenance interrupt's */
	v = filter(SGI(0x0418), 4, true, GICR_WHO_CELL);
	assert_true(v.mask == 0xffff00ff);
	/* a priority of all ones is a choice, not a reset: reported */
	assert_false(gicr_bulk_write(&v, 0xffffffff));
	/* byte accesses: 15 refused, 14 allowed */
	assert_true(filter(SGI(0x040f), 1, true, GICR_WHO_CELL).mask == 0);
	assert_true(filter(SGI(0x040e), 1, true, GICR_WHO_CELL).mask == 0xff);
	v = filter(SGI(0x040e), 2, true, GICR_WHO_CELL);
	assert_int_equal(v.action, GICR_PASS);
	assert_true(v.mask == 0xff);
	assert_int_equal(v.first, 14);
	/* the last priority register is 0x41c */
	assert_int_equal(filter(SGI(0x0420), 4, true, GICR_WHO_CELL).action,
			 GICR_RAZ_WI);
}

static void group_and_config(void **state)
{
	struct gicr_verdict v;

	/* IGROUPR0: read-modify-write, refused only what would change */
	v = filter(SGI(0x0080), 4, true, GICR_WHO_CELL);
	assert_false(v.w1x);
	assert_true(gicr_refused(&v, 0, 0xffffffff) == RESERVED);
	assert_true(gicr_refused(&v, 0xffffffff, 0xffffffff) == 0);
	assert_true(gicr_merge(&v, 0, 0xffffffff) == RESERVED);
	/* ICFGR1: PPIs 16-31, two bits each; 25 is field 9 */
	v = filter(SGI(0x0c04), 4, true, GICR_WHO_CELL);
	assert_true(v.mask == (0xffffffffULL & ~(3ULL << 18)));
	assert_int_equal(v.first, 16);
	assert_true(gicr_intids(&v, 2ULL << 18) == 1U << 25);
	assert_string_equal(v.reg, "GICR_ICFGR1");
	/* ICFGR0: SGIs, 15 is field 15 */
	v = filter(SGI(0x0c00), 4, true, GICR_WHO_CELL);
	assert_true(v.mask == 0x3fffffff);
	/* IGRPMODR0 and NSACR keep the reserved fields too */
	assert_true(filter(SGI(0x0d00), 4, true, GICR_WHO_CELL).mask ==
		    (0xffffffffULL & ~(uint64_t)RESERVED));
	assert_true(filter(SGI(0x0e00), 4, true, GICR_WHO_CELL).mask ==
		    0x3fffffff);
}

static void cell_controls(void **state)
{
	struct gicr_verdict v;

	/* PROPBASER: the GIC would DMA there; a cell does not even see it */
	v = filter(0x0070, 8, true, GICR_WHO_CELL);
	assert_int_equal(v.action, GICR_PASS);
	assert_true(v.mask == 0);
	assert_true(gicr_refused(&v, 0x7fc00000, 0) == 0x7fc00000);
	assert_non_null(strstr(v.why, "LPIs are not supported"));
	assert_int_equal(filter(0x0070, 8, false, GICR_WHO_CELL).action,
			 GICR_RAZ_WI);
	assert_int_equal(filter(0x007c, 4, false, GICR_WHO_CELL).action,
			 GICR_RAZ_WI);
	assert_true(filter(0x0078, 8, true, GICR_WHO_CELL).mask == 0);
	/* the upper half of PENDBASER on its own */
	v = filter(0x007c, 4, true, GICR_WHO_CELL);
	assert_true(v.fields == 0xffffffff && v.mask == 0);
	/* CTLR: nothing, EnableLPIs included */
	v = filter(0x0000, 4, true, GICR_WHO_CELL);
	assert_true(v.mask == 0);
	assert_true(gicr_refused(&v, 1, 0) == 1);
	assert_int_equal(filter(0x0000, 4, false, GICR_WHO_CELL).action,
			 GICR_PASS);
	/* WAKER: ProcessorSleep stays clear; a write that keeps it is fine */
	v = filter(0x0014, 4, true, GICR_WHO_CELL);
	assert_true(gicr_refused(&v, 0x2, 0) == 0x2);
	assert_true(gicr_refused(&v, 0, 0) == 0);
	assert_non_null(strstr(v.why, "awake"));
	/* STATUSR and the LPI commands */
	assert_int_equal(filter(0x0010, 4, false, GICR_WHO_CELL).action,
			 GICR_RAZ_WI);
	assert_true(filter(0x0010, 4, true, GICR_WHO_CELL).mask == 0);
	v = filter(0x0040, 8, true, GICR_WHO_CELL);
	assert_true(v.w1x && v.mask == 0);
	assert_true(gicr_refused(&v, 8192, 0) == 8192);
	assert_int_equal(filter(0x0048, 8, false, GICR_WHO_CELL).action,
			 GICR_RAZ_WI);
	assert_true(filter(0x00a0, 8, true, GICR_WHO_CELL).mask == 0);
	assert_true(filter(0x00b0, 8, true, GICR_WHO_CELL).mask == 0);
	/* what a cell reads to find and use its frame */
	assert_int_equal(filter(0x0008, 8, false, GICR_WHO_CELL).action,
			 GICR_PASS);
	assert_int_equal(filter(0x00c0, 4, false, GICR_WHO_CELL).action,
			 GICR_PASS);
	assert_int_equal(filter(0xffe8, 4, false, GICR_WHO_CELL).action,
			 GICR_PASS);
}

static void root(void **state)
{
	struct gicr_verdict v;

	/* Linux's CPU bring-up: masked, but quietly */
	v = filter(SGI(0x0180), 4, true, GICR_WHO_ROOT);
	assert_true(v.mask == (0xffffffffULL & ~(uint64_t)RESERVED));
	assert_true(v.quiet);
	/* CTLR: the DPG bits, never EnableLPIs, and that is said */
	v = filter(0x0000, 4, true, GICR_WHO_ROOT);
	assert_true(v.mask == 7ULL << 24);
	assert_false(v.quiet);
	assert_true(gicr_refused(&v, 1, 0) == 1);
	assert_true(gicr_refused(&v, 1ULL << 25, 0) == 0);
	assert_non_null(strstr(v.why, "LPIs are not supported"));
	/* WAKER: Linux clears ProcessorSleep, which is clear: no change */
	v = filter(0x0014, 4, true, GICR_WHO_ROOT);
	assert_true(v.mask == 0);
	assert_true(gicr_refused(&v, 0, 0) == 0);
	/* LPI tables: readable, not writable */
	assert_int_equal(filter(0x0070, 8, false, GICR_WHO_ROOT).action,
			 GICR_PASS);
	v = filter(0x0078, 8, true, GICR_WHO_ROOT);
	assert_true(v.mask == 0);
	assert_false(v.quiet);
	/* STATUSR: the root clears its error bits */
	assert_int_equal(filter(0x0010, 4, false, GICR_WHO_ROOT).action,
			 GICR_PASS);
	assert_true(filter(0x0010, 4, true, GICR_WHO_ROOT).mask == 0xf);
}

static void foreign(void **state)
{
	struct gicr_verdict v;

	assert_int_equal(filter(0x0008, 8, false, GICR_WHO_FOREIGN).action,
			 GICR_PASS);
	assert_int_equal(filter(0x000c, 4, false, GICR_WHO_FOREIGN).action,
			 GICR_PASS);
	assert_int_equal(filter(0xffe8, 4, false, GICR_WHO_FOREIGN).action,
			 GICR_PASS);
	assert_int_equal(filter(0x0014, 4, false, GICR_WHO_FOREIGN).action,
			 GICR_RAZ_WI);
	assert_int_equal(filter(SGI(0x0100), 4, false, GICR_WHO_FOREIGN).action,
			 GICR_RAZ_WI);
	v = filter(SGI(0x0180), 4, true, GICR_WHO_FOREIGN);
	assert_true(v.mask == 0);
	assert_false(v.quiet);
	assert_true(gicr_refused(&v, 1U << 27, 0) == 1U << 27);
	assert_string_equal(v.why, "not a CPU of the cell");
	/* another CPU's frame: even ~0 is reported */
	assert_false(gicr_bulk_write(&v, 0xffffffff));
	/* the root is no different in another CPU's frame */
	assert_true(filter(SGI(0x0400), 4, true, GICR_WHO_FOREIGN).mask == 0);
	/* nothing to change in a read-only register */
	v = filter(0x0008, 8, true, GICR_WHO_FOREIGN);
	assert_true(gicr_refused(&v, ~0ULL, 0) == 0);
}

static void sizes(void **state)
{
	/* 32-bit registers take 32-bit accesses */
	assert_int_equal(filter(SGI(0x0100), 8, true, GICR_WHO_CELL).action,
			 GICR_REFUSE);
	assert_int_equal(filter(SGI(0x0100), 1, false, GICR_WHO_CELL).action,
			 GICR_REFUSE);
	assert_int_equal(filter(0x0014, 2, false, GICR_WHO_ROOT).action,
			 GICR_REFUSE);
	/* priorities also bytes and halves, not doublewords */
	assert_int_equal(filter(SGI(0x0400), 8, true, GICR_WHO_CELL).action,
			 GICR_REFUSE);
	/* misaligned */
	assert_int_equal(filter(SGI(0x0402), 4, true, GICR_WHO_CELL).action,
			 GICR_REFUSE);
	assert_int_equal(filter(0x0070, 3, true, GICR_WHO_CELL).action,
			 GICR_REFUSE);
	/* offsets with no register (here: extended PPIs) */
	assert_int_equal(filter(SGI(0x0104), 4, true, GICR_WHO_CELL).action,
			 GICR_RAZ_WI);
	assert_true(filter(SGI(0x0104), 4, true, GICR_WHO_CELL).quiet);
	assert_int_equal(filter(0x0100, 8, false, GICR_WHO_ROOT).action,
			 GICR_RAZ_WI);
}

static void messages(void **state)
{
	struct gicr_verdict v = filter(SGI(0x0180), 4, true, GICR_WHO_CELL);
	char line[200];
	int n;

	n = gicr_describe(line, sizeof(line), &v, 0xffffffff, RESERVED, 2,
			  roles);
	assert_string_equal(line, "GICR_ICENABLER0 of CPU 2: write to IRQ 15 "
				  "(the hypervisor's stop SGI) and IRQ 25 "
				  "(GIC maintenance) ignored: reserved for the "
				  "hypervisor");
	assert_int_equal(n, strlen(line));
	gicr_describe(line, sizeof(line), &v, 0x8000, 0x8000, 3, roles);
	assert_string_equal(line, "GICR_ICENABLER0 of CPU 3: write to IRQ 15 "
				  "(the hypervisor's stop SGI) ignored: "
				  "reserved for the hypervisor");
	/* an interrupt without a role: the value */
	v = filter(SGI(0x0180), 4, true, GICR_WHO_FOREIGN);
	gicr_describe(line, sizeof(line), &v, 1U << 27, 1U << 27, 3, roles);
	assert_string_equal(line,
			    "GICR_ICENABLER0 of CPU 3: write of 0x8000000 "
			    "ignored: not a CPU of the cell");
	v = filter(0x0070, 8, true, GICR_WHO_CELL);
	gicr_describe(line, sizeof(line), &v, 0x7fc00000, 0x7fc00000, 2, roles);
	assert_non_null(strstr(line, "GICR_PROPBASER of CPU 2: write of "
				     "0x7fc00000 ignored: LPIs are not "
				     "supported"));
	/* truncated, NUL-terminated, full length returned */
	n = gicr_describe(line, 16, &v, 0x7fc00000, 0x7fc00000, 2, roles);
	assert_int_equal(strlen(line), 15);
	assert_true(n > 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(enable_bits_keep_reserved),
		cmocka_unit_test(id_block_write),
		cmocka_unit_test(priorities),
		cmocka_unit_test(group_and_config),
		cmocka_unit_test(cell_controls),
		cmocka_unit_test(root),
		cmocka_unit_test(foreign),
		cmocka_unit_test(sizes),
		cmocka_unit_test(messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
