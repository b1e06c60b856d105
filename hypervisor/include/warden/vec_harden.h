/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 vector hardening against Spectre-v2 (branch target injection) and,
 * through the same firmware call, Spectre-BHB: whether this CPU needs the
 * firmware's SMCCC_ARCH_WORKAROUND_3 or _1 on every exception entry from
 * a lower EL, by its MIDR, ID_AA64PFR0_EL1.CSV2 and what the firmware
 * answers. Portable, host-tested (test_vec_harden).
 */
#ifndef WARDEN_VEC_HARDEN_H
#define WARDEN_VEC_HARDEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SMCCC_VERSION_ID 0x80000000U
#define SMCCC_RET_NOT_SUPPORTED (-1)
/* SMCCC_ARCH_FEATURES for WORKAROUND_1: firmware says not affected */
#define SMCCC_ARCH_WORKAROUND_RET_UNAFFECTED 1

enum vh_affected {
	VH_UNAFFECTED, /* by CSV2 or by part number */
	VH_AFFECTED, /* a part known to need the firmware's workaround */
	VH_UNKNOWN, /* not in the lists: affected unless firmware says not */
};

enum vh_choice {
	VH_NOT_NEEDED,
	VH_FIRMWARE, /* call fid on every entry from EL1/EL0 */
	VH_NO_FIRMWARE, /* affected, but nothing to call */
};

/* What the firmware answered; only asked for when the CPU may be affected. */
struct vh_firmware {
	bool el3; /* ID_AA64PFR0_EL1.EL3: without it an SMC is undefined */
	int32_t version; /* SMCCC_VERSION, or NOT_SUPPORTED (SMCCC 1.0) */
	int32_t wa1, wa3; /* SMCCC_ARCH_FEATURES(WORKAROUND_1/_3) */
};

enum vh_bhb {
	VH_BHB_NOT_AFFECTED, /* ECBHB, or not in the lists */
	VH_BHB_BY_FIRMWARE, /* the firmware call clears the history too */
	VH_BHB_LOOP, /* bhb_loop taken branches on entry */
	VH_BHB_UNMITIGATED, /* affected, its firmware call not offered */
};

struct vh_verdict {
	enum vh_choice choice;
	uint32_t fid; /* VH_FIRMWARE or VH_BHB_BY_FIRMWARE: the call */
	const char *why; /* for the boot line */
	/* Spectre-BHB (CVE-2022-23960) */
	enum vh_bhb bhb;
	unsigned int bhb_loop; /* VH_BHB_LOOP: iterations */
	const char *bhb_why;
};

/* The CPU's name by MIDR_EL1 ("Cortex-A72"), NULL if unknown. */
const char *vh_cpu_name(uint64_t midr);
enum vh_affected vh_affected(uint64_t midr, uint64_t pfr0);
/* Whether Spectre-v2 alone may need the firmware's answers. */
static inline bool vh_ask_firmware(enum vh_affected a)
{
	return a != VH_UNAFFECTED;
}
/*
 * Whether the firmware should be asked (vh_choose needs fw then): for
 * Spectre-v2 (vh_ask_firmware), or for a part whose branch history only
 * the firmware clears (Cortex-A73/A75), CSV2 or not.
 */
bool vh_firmware_wanted(uint64_t midr, uint64_t pfr0);
/*
 * pfr0: ID_AA64PFR0_EL1 (CSV2), mmfr1: ID_AA64MMFR1_EL1 (ECBHB: the CPU
 * keeps branch history of one context from steering another).
 */
struct vh_verdict vh_choose(uint64_t midr, uint64_t pfr0, uint64_t mmfr1,
			    const struct vh_firmware *fw);
/*
 * The firmware call to make on every entry from EL1/EL0, 0 for none:
 * Spectre-v2's, which may clear the branch history too, or on an A73/A75
 * with CSV2 WORKAROUND_3 for Spectre-BHB alone.
 */
static inline uint32_t vh_entry_call(const struct vh_verdict *v)
{
	return v->choice == VH_FIRMWARE || v->bhb == VH_BHB_BY_FIRMWARE ?
		       v->fid :
		       0;
}
/*
 * The boot line, e.g. "EL2 vectors: Spectre-v2 workaround via firmware
 * (SMCCC_ARCH_WORKAROUND_3) on entry from EL1 (Cortex-A72)". Returns buf.
 */
char *vh_describe(const struct vh_verdict *v, uint64_t midr, char *buf,
		  size_t size);
/*
 * The Spectre-BHB line, e.g. "EL2 vectors: Spectre-BHB: branch history
 * loop (8) on entry from EL1 (Cortex-A57)". Returns buf.
 */
char *vh_describe_bhb(const struct vh_verdict *v, uint64_t midr, char *buf,
		      size_t size);

#endif
