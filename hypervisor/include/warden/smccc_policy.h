/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The root cell's Arm architecture calls (SMCCC owner 0) that concern
 * the firmware's CPU vulnerability workarounds: which go to EL3 and which
 * are answered NOT_SUPPORTED. Portable, host-tested.
 */
#ifndef WARDEN_SMCCC_POLICY_H
#define WARDEN_SMCCC_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#define SMCCC_ARCH_FEATURES_ID 0x80000001U
#define SMCCC_ARCH_WORKAROUND_1 0x80008000U /* Spectre v2 (BP hardening) */
#define SMCCC_ARCH_WORKAROUND_2 0x80007fffU /* SSBD */
#define SMCCC_ARCH_WORKAROUND_3 0x80003fffU /* Spectre-BHB */

enum smccc_arch_action {
	SMCCC_ARCH_NOT_MINE, /* not a workaround call: other rules apply */
	SMCCC_ARCH_FORWARD, /* to EL3, x0-x7 in, x0-x3 back */
	SMCCC_ARCH_NOT_SUPPORTED, /* answered NOT_SUPPORTED here */
};

/*
 * fid: the function id (x0); arg: x1 (for SMCCC_ARCH_FEATURES the queried
 * function id); el3: whether the CPU has EL3 firmware. The workaround
 * calls, and SMCCC_ARCH_FEATURES queries for them, go to the firmware
 * where there is one, so that the root's Linux learns (and gets) the
 * mitigations of the machine; queries for anything else, and everything
 * without EL3, are answered as if no firmware offered it.
 */
enum smccc_arch_action smccc_arch_policy(uint32_t fid, uint32_t arg, bool el3);

/*
 * An argument register x of call fid as the callee must read it: an
 * SMC32/HVC32 call (function id bit 30 clear) passes 32-bit values, and
 * the upper halves of its registers are not part of the call (SMCCC).
 * A CPU_ON_32 with garbage there still names its CPU and entry point.
 */
static inline uint64_t smccc_arg(uint32_t fid, uint64_t x)
{
	return fid & (1U << 30) ? x : (uint32_t)x;
}

#endif
