// SPDX-License-Identifier: GPL-2.0
/*
 * EL2 vector hardening: by MIDR, CSV2 and the firmware's answers, which
 * CPUs call the firmware's workaround on every entry from EL1, and the
 * boot line that says so.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <warden/smccc_policy.h>
#include <warden/vec_harden.h>

/* MIDR_EL1 values as QEMU's and the Raspberry Pi 4's CPUs report them */
#define A53 0x410fd034ULL
#define A57 0x411fd070ULL
#define A72 0x410fd083ULL
#define A73 0x410fd090ULL
#define A75 0x412fd0a0ULL
#define A76 0x414fd0b1ULL
#define UNKNOWN 0x610f0220ULL /* not in the lists */
#define CSV2 (1ULL << 56)

static const struct vh_firmware no_el3 = { false, 0, 0, 0 };
static const struct vh_firmware tfa_wa1 = { true, 0x10002, 0, -1 };
static const struct vh_firmware tfa_wa3 = { true, 0x10002, 0, 0 };
static const struct vh_firmware tfa_none = { true, 0x10002, -1, -1 };
static const struct vh_firmware tfa_unaffected = { true, 0x10002, 1, -1 };
static const struct vh_firmware smccc_1_0 = { true, -1, 0, 0 };

static void affected_parts(void **state)
{
	(void)state;
	assert_int_equal(vh_affected(A57, 0), VH_AFFECTED);
	assert_int_equal(vh_affected(A72, 0), VH_AFFECTED);
	assert_int_equal(vh_affected(A73, 0), VH_AFFECTED);
	assert_int_equal(vh_affected(A75, 0), VH_AFFECTED);
	assert_int_equal(vh_affected(A53, 0), VH_UNAFFECTED);
	assert_int_equal(vh_affected(A76, CSV2), VH_UNAFFECTED);
	/* CSV2 decides, whatever the part */
	assert_int_equal(vh_affected(A72, CSV2), VH_UNAFFECTED);
	assert_int_equal(vh_affected(UNKNOWN, 0), VH_UNKNOWN);
	assert_true(vh_ask_firmware(VH_UNKNOWN));
	assert_false(vh_ask_firmware(VH_UNAFFECTED));
	assert_string_equal(vh_cpu_name(A72), "Cortex-A72");
	assert_null(vh_cpu_name(UNKNOWN));
}

static void firmware_choice(void **state)
{
	struct vh_verdict v;

	(void)state;
	v = vh_choose(A72, 0, 0, &tfa_wa1);
	assert_int_equal(v.choice, VH_FIRMWARE);
	assert_int_equal(v.fid, SMCCC_ARCH_WORKAROUND_1);
	/* WORKAROUND_3 covers Spectre-v2 and BHB: preferred */
	v = vh_choose(A72, 0, 0, &tfa_wa3);
	assert_int_equal(v.choice, VH_FIRMWARE);
	assert_int_equal(v.fid, SMCCC_ARCH_WORKAROUND_3);
	v = vh_choose(A57, 0, 0, &no_el3);
	assert_int_equal(v.choice, VH_NO_FIRMWARE);
	assert_string_equal(v.why, "no EL3");
	assert_int_equal(vh_choose(A57, 0, 0, NULL).choice, VH_NO_FIRMWARE);
	/* SMCCC 1.0 firmware has no ARCH_FEATURES: its answers mean nothing */
	assert_int_equal(vh_choose(A73, 0, 0, &smccc_1_0).choice,
			 VH_NO_FIRMWARE);
	assert_int_equal(vh_choose(A75, 0, 0, &tfa_none).choice,
			 VH_NO_FIRMWARE);
	/* an unknown part is affected unless the firmware says otherwise */
	assert_int_equal(vh_choose(UNKNOWN, 0, 0, &tfa_unaffected).choice,
			 VH_NOT_NEEDED);
	assert_int_equal(vh_choose(UNKNOWN, 0, 0, &tfa_wa1).choice,
			 VH_FIRMWARE);
	/* unaffected CPUs never call, whatever the firmware offers */
	assert_int_equal(vh_choose(A76, CSV2, 0, &tfa_wa3).choice,
			 VH_NOT_NEEDED);
	assert_int_equal(vh_choose(A53, 0, 0, &tfa_wa1).choice, VH_NOT_NEEDED);
}

static void boot_lines(void **state)
{
	struct vh_verdict v;
	char buf[160];

	(void)state;
	v = vh_choose(A72, 0, 0, &tfa_wa1);
	assert_string_equal(vh_describe(&v, A72, buf, sizeof(buf)),
			    "EL2 vectors: Spectre-v2 workaround via firmware "
			    "(SMCCC_ARCH_WORKAROUND_1) on entry from EL1 "
			    "(Cortex-A72)");
	v = vh_choose(A76, CSV2, 0, &no_el3);
	assert_string_equal(vh_describe(&v, A76, buf, sizeof(buf)),
			    "EL2 vectors: Spectre-v2 workaround not needed "
			    "(Cortex-A76: CSV2)");
	v = vh_choose(A57, 0, 0, &no_el3);
	assert_string_equal(vh_describe(&v, A57, buf, sizeof(buf)),
			    "EL2 vectors: Spectre-v2: affected, no firmware "
			    "workaround (Cortex-A57: no EL3)");
	v = vh_choose(UNKNOWN, 0, 0, &tfa_none);
	assert_string_equal(vh_describe(&v, UNKNOWN, buf, sizeof(buf)),
			    "EL2 vectors: Spectre-v2: affected, no firmware "
			    "workaround (MIDR 0x610f0220: firmware offers no "
			    "workaround)");
}

#define ECBHB (1ULL << 60)

static void bhb(void **state)
{
	struct vh_verdict v;
	char buf[160];

	(void)state;
	/* no firmware: A57 loops 8 times, A76 (CSV2, but BHB) 24 */
	v = vh_choose(A57, 0, 0, &no_el3);
	assert_int_equal(v.bhb, VH_BHB_LOOP);
	assert_int_equal(v.bhb_loop, 8);
	assert_string_equal(vh_describe_bhb(&v, A57, buf, sizeof(buf)),
			    "EL2 vectors: Spectre-BHB: branch history loop (8) "
			    "on entry from EL1 (Cortex-A57)");
	v = vh_choose(A76, CSV2, 0, &no_el3);
	assert_int_equal(v.choice, VH_NOT_NEEDED);
	assert_int_equal(v.bhb, VH_BHB_LOOP);
	assert_int_equal(v.bhb_loop, 24);
	/* ECBHB: nothing to clear */
	v = vh_choose(A76, CSV2, ECBHB, &no_el3);
	assert_int_equal(v.bhb, VH_BHB_NOT_AFFECTED);
	assert_string_equal(vh_describe_bhb(&v, A76, buf, sizeof(buf)),
			    "EL2 vectors: Spectre-BHB workaround not needed "
			    "(Cortex-A76: ECBHB)");
	/* WORKAROUND_3 clears the history: no loop besides */
	v = vh_choose(A72, 0, 0, &tfa_wa3);
	assert_int_equal(v.bhb, VH_BHB_BY_FIRMWARE);
	assert_string_equal(vh_describe_bhb(&v, A72, buf, sizeof(buf)),
			    "EL2 vectors: Spectre-BHB: cleared by the "
			    "firmware's SMCCC_ARCH_WORKAROUND_3 on entry from "
			    "EL1 (Cortex-A72)");
	/* WORKAROUND_1 alone: the call and the loop on A72 */
	v = vh_choose(A72, 0, 0, &tfa_wa1);
	assert_int_equal(v.choice, VH_FIRMWARE);
	assert_int_equal(v.bhb, VH_BHB_LOOP);
	/* on A73/A75 WORKAROUND_1 clears it; without firmware nothing does */
	assert_int_equal(vh_choose(A73, 0, 0, &tfa_wa1).bhb,
			 VH_BHB_BY_FIRMWARE);
	assert_int_equal(vh_choose(A75, 0, 0, &no_el3).bhb, VH_BHB_UNMITIGATED);
	/* in-order cores and unlisted parts: not known to be affected */
	assert_int_equal(vh_choose(A53, 0, 0, &no_el3).bhb,
			 VH_BHB_NOT_AFFECTED);
	assert_int_equal(vh_choose(UNKNOWN, 0, 0, &tfa_wa1).bhb,
			 VH_BHB_NOT_AFFECTED);
}

/*
 * Every part that Arm's Spectre-BHB advisory mitigates with a loop, with
 * its k (Linux's spectre_bhb_loop_affected() lists, TF-A's per-core loop
 * counts): MIDR_EL1 as r0p0 but for the A57 and A72 above, CSV2 as the
 * parts have it (the A72 from r1p0).
 */
static const struct {
	uint64_t midr, pfr0;
	const char *name;
	unsigned int k;
} loop_parts[] = {
	{ A57, 0, "Cortex-A57", 8 },
	{ A72, 0, "Cortex-A72", 8 },
	{ 0x410fd0b0, CSV2, "Cortex-A76", 24 },
	{ 0x410fd0c0, CSV2, "Neoverse-N1", 24 },
	{ 0x410fd0d0, CSV2, "Cortex-A77", 24 },
	{ 0x410fd0e0, CSV2, "Cortex-A76AE", 24 },
	{ 0x410fd400, CSV2, "Neoverse-V1", 32 },
	{ 0x410fd410, CSV2, "Cortex-A78", 32 },
	{ 0x410fd420, CSV2, "Cortex-A78AE", 32 },
	{ 0x410fd440, CSV2, "Cortex-X1", 32 },
	{ 0x410fd470, CSV2, "Cortex-A710", 32 },
	{ 0x410fd480, CSV2, "Cortex-X2", 32 },
	{ 0x410fd490, CSV2, "Neoverse-N2", 32 },
	{ 0x410fd4b0, CSV2, "Cortex-A78C", 32 },
	{ 0x410fd4c0, CSV2, "Cortex-X1C", 32 },
	{ 0x410fd4d0, CSV2, "Cortex-A715", 38 },
	{ 0x410fd4e0, CSV2, "Cortex-X3", 132 },
	{ 0x410fd4f0, CSV2, "Neoverse-V2", 132 },
	{ 0x410fd810, CSV2, "Cortex-A720", 132 },
};

static void bhb_loop_parts(void **state)
{
	unsigned int wrong = 0;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(loop_parts) / sizeof(loop_parts[0]); i++) {
		uint64_t midr = loop_parts[i].midr;
		uint64_t pfr0 = loop_parts[i].pfr0;
		const char *name = vh_cpu_name(midr);
		struct vh_verdict v = vh_choose(midr, pfr0, 0, &no_el3);
		struct vh_verdict fw = vh_choose(midr, pfr0, 0, &tfa_wa3);
		bool ok = name && !strcmp(name, loop_parts[i].name) &&
			  v.bhb == VH_BHB_LOOP && v.bhb_loop == loop_parts[i].k;

		/* CSV2: the loop and no call, whatever the firmware offers */
		if (pfr0 == CSV2)
			ok = ok && fw.choice == VH_NOT_NEEDED &&
			     fw.bhb == VH_BHB_LOOP;
		if (!ok) {
			print_error("MIDR 0x%08llx: %s, BHB %d, loop %u; want "
				    "%s, loop %u\n",
				    (unsigned long long)midr,
				    name ? name : "(unknown)", v.bhb,
				    v.bhb_loop, loop_parts[i].name,
				    loop_parts[i].k);
			wrong++;
		}
	}
	/* every part that is wrong is named above */
	assert_int_equal(wrong, 0);
}

/*
 * Cortex-A73/A75 revisions with CSV2 (TF-A's advisory TFV-9): Spectre-v2
 * needs no call, but the branch history is cleared only by the firmware,
 * so it is asked and its WORKAROUND_3 made on entry.
 */
static void bhb_firmware_on_csv2(void **state)
{
	struct vh_verdict v;
	char buf[160];

	(void)state;
	assert_true(vh_firmware_wanted(A75, CSV2));
	assert_true(vh_firmware_wanted(A73, CSV2));
	assert_true(vh_firmware_wanted(A72, 0));
	assert_true(vh_firmware_wanted(UNKNOWN, 0));
	/* as before: CSV2 loop parts, unlisted CSV2 parts, in-order parts */
	assert_false(vh_firmware_wanted(A76, CSV2));
	assert_false(vh_firmware_wanted(UNKNOWN, CSV2));
	assert_false(vh_firmware_wanted(A53, 0));

	v = vh_choose(A75, CSV2, 0, &tfa_wa3);
	assert_int_equal(v.choice, VH_NOT_NEEDED);
	assert_int_equal(v.bhb, VH_BHB_BY_FIRMWARE);
	assert_int_equal(vh_entry_call(&v), SMCCC_ARCH_WORKAROUND_3);
	assert_string_equal(vh_describe(&v, A75, buf, sizeof(buf)),
			    "EL2 vectors: Spectre-v2 workaround not needed "
			    "(Cortex-A75: CSV2)");
	assert_string_equal(vh_describe_bhb(&v, A75, buf, sizeof(buf)),
			    "EL2 vectors: Spectre-BHB: cleared by the "
			    "firmware's SMCCC_ARCH_WORKAROUND_3 on entry from "
			    "EL1 (Cortex-A75)");
	/* WORKAROUND_1 alone, no EL3, SMCCC 1.0: nothing to call */
	v = vh_choose(A73, CSV2, 0, &tfa_wa1);
	assert_int_equal(v.bhb, VH_BHB_UNMITIGATED);
	assert_int_equal(vh_entry_call(&v), 0);
	assert_int_equal(vh_choose(A73, CSV2, 0, &no_el3).bhb,
			 VH_BHB_UNMITIGATED);
	assert_int_equal(vh_choose(A75, CSV2, 0, &smccc_1_0).bhb,
			 VH_BHB_UNMITIGATED);
	/* ECBHB: no call at all */
	v = vh_choose(A75, CSV2, ECBHB, &tfa_wa3);
	assert_int_equal(v.bhb, VH_BHB_NOT_AFFECTED);
	assert_int_equal(vh_entry_call(&v), 0);

	/* the call on entry elsewhere: Spectre-v2's, or none */
	v = vh_choose(A72, 0, 0, &tfa_wa1);
	assert_int_equal(vh_entry_call(&v), SMCCC_ARCH_WORKAROUND_1);
	v = vh_choose(A73, 0, 0, &tfa_wa3);
	assert_int_equal(vh_entry_call(&v), SMCCC_ARCH_WORKAROUND_3);
	v = vh_choose(A76, CSV2, 0, &tfa_wa3);
	assert_int_equal(vh_entry_call(&v), 0);
	assert_int_equal(v.bhb, VH_BHB_LOOP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(affected_parts),
		cmocka_unit_test(firmware_choice),
		cmocka_unit_test(boot_lines),
		cmocka_unit_test(bhb),
		cmocka_unit_test(bhb_loop_parts),
		cmocka_unit_test(bhb_firmware_on_csv2),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
