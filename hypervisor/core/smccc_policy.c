// SPDX-License-Identifier: GPL-2.0
#include <warden/smccc_policy.h>

static bool is_workaround(uint32_t fid)
{
	return fid == SMCCC_ARCH_WORKAROUND_1 ||
	       fid == SMCCC_ARCH_WORKAROUND_2 || fid == SMCCC_ARCH_WORKAROUND_3;
}

enum smccc_arch_action smccc_arch_policy(uint32_t fid, uint32_t arg, bool el3)
{
	if (fid == SMCCC_ARCH_FEATURES_ID)
		return el3 && is_workaround(arg) ? SMCCC_ARCH_FORWARD :
						   SMCCC_ARCH_NOT_SUPPORTED;
	if (!is_workaround(fid))
		return SMCCC_ARCH_NOT_MINE;
	return el3 ? SMCCC_ARCH_FORWARD : SMCCC_ARCH_NOT_SUPPORTED;
}
