// SPDX-License-Identifier: GPL-2.0
/*
 * Which CPUs need a firmware call on entry to EL2 (vec_harden.h). The
 * lists follow the Arm security advisories for CVE-2017-5715 and
 * CVE-2022-23960: Cortex-A57, A72, A73 and A75 rely on the firmware
 * (EL3) to invalidate their branch predictors; in-order cores (A35, A53,
 * A55 and their derivatives) are not affected; a CPU with
 * ID_AA64PFR0_EL1.CSV2 set (A76 and later) keeps branch targets of one
 * context from steering another. Any other CPU is treated as affected
 * unless its firmware says it is not, as Linux does.
 *
 * Spectre-BHB (Arm's advisory for CVE-2022-23960): a CPU without ECBHB
 * that is in the advisory's lists clears its branch history on entry
 * with a loop of k taken branches (k by part: 8 for A57/A72; 24 for
 * A76/A76AE/A77/N1; 32 for A78/A78AE/A78C/X1/X1C/A710/X2/N2/V1; 38 for
 * A715; 132 for A720/X3/V2), or through the firmware: WORKAROUND_3
 * clears it on any CPU that offers it, and on A73/A75 WORKAROUND_1 does
 * too. An A73/A75 with CSV2 (TF-A's advisory TFV-9 names such revisions)
 * needs no Spectre-v2 call, but its firmware is asked all the same and
 * its WORKAROUND_3, if offered, made for the branch history alone. Other
 * CPUs are not known to be affected. The parts and their k are those of
 * Linux's spectre_bhb_loop_affected() (arch/arm64/kernel/proton-pack.c),
 * which follows the advisory; TF-A's per-core loop counts, where it has
 * one, agree but for the A720 (Linux 38, TF-A 132), which gets 132.
 */
#include <warden/format.h>
#include <warden/smccc_policy.h>
#include <warden/vec_harden.h>

#define MIDR_IMPL(m) (((m) >> 24) & 0xff)
#define MIDR_PART(m) (((m) >> 4) & 0xfff)
#define PFR0_CSV2(p) (((p) >> 56) & 0xf)
#define SMCCC_1_1 0x10001

enum { IMPL_ARM = 0x41, IMPL_BRCM = 0x42, IMPL_QCOM = 0x51 };
#define BHB_FW 0xff /* cleared by the firmware's WORKAROUND_1 too */
#define MMFR1_ECBHB(m) (((m) >> 60) & 0xf)

static const struct part {
	uint8_t impl;
	uint16_t part;
	enum vh_affected affected;
	const char *name;
	uint8_t bhb; /* Spectre-BHB: loop count, BHB_FW, or 0 (not listed) */
} parts[] = {
	{ IMPL_ARM, 0xd03, VH_UNAFFECTED, "Cortex-A53", 0 },
	{ IMPL_ARM, 0xd04, VH_UNAFFECTED, "Cortex-A35", 0 },
	{ IMPL_ARM, 0xd05, VH_UNAFFECTED, "Cortex-A55", 0 },
	{ IMPL_ARM, 0xd07, VH_AFFECTED, "Cortex-A57", 8 },
	{ IMPL_ARM, 0xd08, VH_AFFECTED, "Cortex-A72", 8 },
	{ IMPL_ARM, 0xd09, VH_AFFECTED, "Cortex-A73", BHB_FW },
	{ IMPL_ARM, 0xd0a, VH_AFFECTED, "Cortex-A75", BHB_FW },
	/* CSV2 parts: named for the boot line, judged by CSV2 */
	{ IMPL_ARM, 0xd0b, VH_UNKNOWN, "Cortex-A76", 24 },
	{ IMPL_ARM, 0xd0c, VH_UNKNOWN, "Neoverse-N1", 24 },
	{ IMPL_ARM, 0xd0d, VH_UNKNOWN, "Cortex-A77", 24 },
	{ IMPL_ARM, 0xd0e, VH_UNKNOWN, "Cortex-A76AE", 24 },
	{ IMPL_ARM, 0xd40, VH_UNKNOWN, "Neoverse-V1", 32 },
	{ IMPL_ARM, 0xd41, VH_UNKNOWN, "Cortex-A78", 32 },
	{ IMPL_ARM, 0xd42, VH_UNKNOWN, "Cortex-A78AE", 32 },
	{ IMPL_ARM, 0xd44, VH_UNKNOWN, "Cortex-X1", 32 },
	{ IMPL_ARM, 0xd46, VH_UNAFFECTED, "Cortex-A510", 0 },
	{ IMPL_ARM, 0xd47, VH_UNKNOWN, "Cortex-A710", 32 },
	{ IMPL_ARM, 0xd48, VH_UNKNOWN, "Cortex-X2", 32 },
	{ IMPL_ARM, 0xd49, VH_UNKNOWN, "Neoverse-N2", 32 },
	{ IMPL_ARM, 0xd4b, VH_UNKNOWN, "Cortex-A78C", 32 },
	{ IMPL_ARM, 0xd4c, VH_UNKNOWN, "Cortex-X1C", 32 },
	{ IMPL_ARM, 0xd4d, VH_UNKNOWN, "Cortex-A715", 38 },
	{ IMPL_ARM, 0xd4e, VH_UNKNOWN, "Cortex-X3", 132 },
	{ IMPL_ARM, 0xd4f, VH_UNKNOWN, "Neoverse-V2", 132 },
	/* Linux 38, TF-A 132: the longer loop clears at least as much */
	{ IMPL_ARM, 0xd81, VH_UNKNOWN, "Cortex-A720", 132 },
	{ IMPL_BRCM, 0x100, VH_UNAFFECTED, "Brahma-B53", 0 },
	{ IMPL_QCOM, 0x801, VH_UNAFFECTED, "Kryo 2xx Silver", 0 },
	{ IMPL_QCOM, 0x803, VH_UNAFFECTED, "Kryo 3xx Silver", 0 },
	{ IMPL_QCOM, 0x805, VH_UNAFFECTED, "Kryo 4xx Silver", 0 },
};

static const struct part *part_of(uint64_t midr)
{
	size_t i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (parts[i].impl == MIDR_IMPL(midr) &&
		    parts[i].part == MIDR_PART(midr))
			return &parts[i];
	return NULL;
}

const char *vh_cpu_name(uint64_t midr)
{
	const struct part *p = part_of(midr);

	return p ? p->name : NULL;
}

enum vh_affected vh_affected(uint64_t midr, uint64_t pfr0)
{
	const struct part *p = part_of(midr);

	if (PFR0_CSV2(pfr0))
		return VH_UNAFFECTED;
	return p ? p->affected : VH_UNKNOWN;
}

bool vh_firmware_wanted(uint64_t midr, uint64_t pfr0)
{
	const struct part *p = part_of(midr);

	return vh_ask_firmware(vh_affected(midr, pfr0)) ||
	       (p && p->bhb == BHB_FW);
}

static bool wa3_offered(const struct vh_firmware *fw)
{
	return fw && fw->el3 && fw->version >= SMCCC_1_1 && fw->wa3 == 0;
}

static void choose_bhb(struct vh_verdict *v, const struct part *p,
		       uint64_t mmfr1, const struct vh_firmware *fw)
{
	if (MMFR1_ECBHB(mmfr1)) {
		v->bhb = VH_BHB_NOT_AFFECTED;
		v->bhb_why = "ECBHB";
	} else if (v->choice == VH_FIRMWARE &&
		   (v->fid == SMCCC_ARCH_WORKAROUND_3 ||
		    (p && p->bhb == BHB_FW))) {
		v->bhb = VH_BHB_BY_FIRMWARE;
	} else if (p && p->bhb && p->bhb != BHB_FW) {
		v->bhb = VH_BHB_LOOP;
		v->bhb_loop = p->bhb;
	} else if (p && p->bhb == BHB_FW && v->choice == VH_NOT_NEEDED &&
		   wa3_offered(fw)) {
		/* an A73/A75 with CSV2: no Spectre-v2 call, but this one */
		v->bhb = VH_BHB_BY_FIRMWARE;
		v->fid = SMCCC_ARCH_WORKAROUND_3;
	} else if (p && p->bhb == BHB_FW) {
		v->bhb = VH_BHB_UNMITIGATED;
		v->bhb_why = "its firmware call is not offered";
	} else {
		v->bhb = VH_BHB_NOT_AFFECTED;
		v->bhb_why = "not in Arm's lists";
	}
}

static struct vh_verdict choose_v2(uint64_t midr, uint64_t pfr0,
				   const struct vh_firmware *fw)
{
	struct vh_verdict v = {
		VH_NOT_NEEDED, 0, "", VH_BHB_NOT_AFFECTED, 0, ""
	};
	const struct part *p = part_of(midr);

	if (PFR0_CSV2(pfr0)) {
		v.why = "CSV2";
		return v;
	}
	if (p && p->affected == VH_UNAFFECTED) {
		v.why = "not affected";
		return v;
	}
	v.choice = VH_NO_FIRMWARE;
	if (!fw || !fw->el3) {
		v.why = "no EL3";
		return v;
	}
	if (fw->version < SMCCC_1_1) {
		v.why = "firmware older than SMCCC 1.1";
		return v;
	}
	/* WORKAROUND_3 does WORKAROUND_1's work and also clears the BHB */
	if (fw->wa3 == 0) {
		v.choice = VH_FIRMWARE;
		v.fid = SMCCC_ARCH_WORKAROUND_3;
		return v;
	}
	if (fw->wa1 == 0) {
		v.choice = VH_FIRMWARE;
		v.fid = SMCCC_ARCH_WORKAROUND_1;
		return v;
	}
	if (fw->wa1 == SMCCC_ARCH_WORKAROUND_RET_UNAFFECTED) {
		v.choice = VH_NOT_NEEDED;
		v.why = "firmware says not affected";
		return v;
	}
	v.why = "firmware offers no workaround";
	return v;
}

struct vh_verdict vh_choose(uint64_t midr, uint64_t pfr0, uint64_t mmfr1,
			    const struct vh_firmware *fw)
{
	struct vh_verdict v = choose_v2(midr, pfr0, fw);

	choose_bhb(&v, part_of(midr), mmfr1, fw);
	return v;
}

static void cpu_name(uint64_t midr, char *cpu, size_t size)
{
	const char *name = vh_cpu_name(midr);

	if (name)
		format_string(cpu, size, "%s", name);
	else
		format_string(cpu, size, "MIDR 0x%08llx",
			      (unsigned long long)(midr & 0xffffffff));
}

char *vh_describe(const struct vh_verdict *v, uint64_t midr, char *buf,
		  size_t size)
{
	char cpu[40];

	cpu_name(midr, cpu, sizeof(cpu));
	switch (v->choice) {
	case VH_FIRMWARE:
		format_string(buf, size,
			      "EL2 vectors: Spectre-v2 workaround via firmware "
			      "(%s) on entry from EL1 (%s)",
			      v->fid == SMCCC_ARCH_WORKAROUND_3 ?
				      "SMCCC_ARCH_WORKAROUND_3" :
				      "SMCCC_ARCH_WORKAROUND_1",
			      cpu);
		break;
	case VH_NOT_NEEDED:
		format_string(buf, size,
			      "EL2 vectors: Spectre-v2 workaround not needed "
			      "(%s: %s)",
			      cpu, v->why);
		break;
	case VH_NO_FIRMWARE:
		format_string(buf, size,
			      "EL2 vectors: Spectre-v2: affected, no firmware "
			      "workaround (%s: %s)",
			      cpu, v->why);
		break;
	}
	return buf;
}

char *vh_describe_bhb(const struct vh_verdict *v, uint64_t midr, char *buf,
		      size_t size)
{
	char cpu[40];

	cpu_name(midr, cpu, sizeof(cpu));
	switch (v->bhb) {
	case VH_BHB_NOT_AFFECTED:
		format_string(buf, size,
			      "EL2 vectors: Spectre-BHB workaround not needed "
			      "(%s: %s)",
			      cpu, v->bhb_why);
		break;
	case VH_BHB_BY_FIRMWARE:
		format_string(buf, size,
			      "EL2 vectors: Spectre-BHB: cleared by the "
			      "firmware's %s on entry from EL1 (%s)",
			      v->fid == SMCCC_ARCH_WORKAROUND_3 ?
				      "SMCCC_ARCH_WORKAROUND_3" :
				      "SMCCC_ARCH_WORKAROUND_1",
			      cpu);
		break;
	case VH_BHB_LOOP:
		format_string(buf, size,
			      "EL2 vectors: Spectre-BHB: branch history loop "
			      "(%u) on entry from EL1 (%s)",
			      v->bhb_loop, cpu);
		break;
	case VH_BHB_UNMITIGATED:
		format_string(buf, size,
			      "EL2 vectors: Spectre-BHB: affected, no "
			      "workaround (%s: %s)",
			      cpu, v->bhb_why);
		break;
	}
	return buf;
}
