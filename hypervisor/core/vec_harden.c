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
 */
#include <warden/format.h>
#include <warden/smccc_policy.h>
#include <warden/vec_harden.h>

#define MIDR_IMPL(m) (((m) >> 24) & 0xff)
#define MIDR_PART(m) (((m) >> 4) & 0xfff)
#define PFR0_CSV2(p) (((p) >> 56) & 0xf)
#define SMCCC_1_1 0x10001

enum { IMPL_ARM = 0x41, IMPL_BRCM = 0x42, IMPL_QCOM = 0x51 };

static const struct part {
	uint8_t impl;
	uint16_t part;
	enum vh_affected affected;
	const char *name;
} parts[] = {
	{ IMPL_ARM, 0xd03, VH_UNAFFECTED, "Cortex-A53" },
	{ IMPL_ARM, 0xd04, VH_UNAFFECTED, "Cortex-A35" },
	{ IMPL_ARM, 0xd05, VH_UNAFFECTED, "Cortex-A55" },
	{ IMPL_ARM, 0xd07, VH_AFFECTED, "Cortex-A57" },
	{ IMPL_ARM, 0xd08, VH_AFFECTED, "Cortex-A72" },
	{ IMPL_ARM, 0xd09, VH_AFFECTED, "Cortex-A73" },
	{ IMPL_ARM, 0xd0a, VH_AFFECTED, "Cortex-A75" },
	/* CSV2 parts: named for the boot line, judged by CSV2 */
	{ IMPL_ARM, 0xd0b, VH_UNKNOWN, "Cortex-A76" },
	{ IMPL_ARM, 0xd0c, VH_UNKNOWN, "Neoverse-N1" },
	{ IMPL_ARM, 0xd0d, VH_UNKNOWN, "Cortex-A77" },
	{ IMPL_ARM, 0xd40, VH_UNKNOWN, "Neoverse-V1" },
	{ IMPL_ARM, 0xd41, VH_UNKNOWN, "Cortex-A78" },
	{ IMPL_ARM, 0xd44, VH_UNKNOWN, "Cortex-X1" },
	{ IMPL_ARM, 0xd46, VH_UNAFFECTED, "Cortex-A510" },
	{ IMPL_ARM, 0xd47, VH_UNKNOWN, "Cortex-A710" },
	{ IMPL_ARM, 0xd49, VH_UNKNOWN, "Neoverse-N2" },
	{ IMPL_BRCM, 0x100, VH_UNAFFECTED, "Brahma-B53" },
	{ IMPL_QCOM, 0x801, VH_UNAFFECTED, "Kryo 2xx Silver" },
	{ IMPL_QCOM, 0x803, VH_UNAFFECTED, "Kryo 3xx Silver" },
	{ IMPL_QCOM, 0x805, VH_UNAFFECTED, "Kryo 4xx Silver" },
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

struct vh_verdict vh_choose(uint64_t midr, uint64_t pfr0,
			    const struct vh_firmware *fw)
{
	struct vh_verdict v = { VH_NOT_NEEDED, 0, "" };
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

char *vh_describe(const struct vh_verdict *v, uint64_t midr, char *buf,
		  size_t size)
{
	const char *name = vh_cpu_name(midr);
	char cpu[40];

	if (name)
		format_string(cpu, sizeof(cpu), "%s", name);
	else
		format_string(cpu, sizeof(cpu), "MIDR 0x%08llx",
			      (unsigned long long)(midr & 0xffffffff));
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
