// SPDX-License-Identifier: GPL-2.0
/*
 * Rule "gic-bus-address": the Raspberry Pi 4's device tree puts the
 * GIC-400 at 0x40041000 in the SoC's bus view; /soc's "ranges" map
 * 0x40000000-0x407fffff to the CPU's 0xff800000. A GICv2 frame copied
 * from the DT as it is names what the CPU sees as RAM (or nothing): the
 * hypervisor would emulate a distributor and map a virtual CPU interface
 * where there is no GIC and never reach the real one. Any GICv2 frame in
 * that window is refused, with the CPU's address as the fix.
 */
#include "rules_int.h"

#define BCM2711_ARM_BUS 0x40000000ULL
#define BCM2711_ARM_CPU 0xff800000ULL
#define BCM2711_ARM_SIZE 0x00800000ULL

int rules_gic_bus(const struct rules_env *env, struct rules_sink *s)
{
	const struct warden_config *root = env->root;
	const typeof(root->system->platform_info.arm) *arm =
		&root->system->platform_info.arm;
	const struct {
		const char *name;
		__u64 base;
	} frames[] = {
		{ "gicd_base", arm->gicd_base },
		{ "gicc_base", arm->gicc_base },
		{ "gich_base", arm->gich_base },
		{ "gicv_base", arm->gicv_base },
	};
	unsigned int i;
	int found = 0;

	if (arm->gic_version != 2)
		return 0;
	for (i = 0; i < sizeof(frames) / sizeof(frames[0]); i++) {
		__u64 b = frames[i].base;

		if (b < BCM2711_ARM_BUS ||
		    b >= BCM2711_ARM_BUS + BCM2711_ARM_SIZE)
			continue;
		found++;
		rules_emit(s, "gic-bus-address", -EINVAL, root, -1, NULL,
			   "%s 0x%llx of system config \"%s\" is the "
			   "Raspberry Pi 4 device tree's GIC address, in the "
			   "SoC's bus view: the CPU sees 0x%llx-0x%llx at "
			   "0x%llx (/soc ranges) and finds no GIC at 0x%llx; "
			   "set %s to 0x%llx (GICD 0xff841000, GICC "
			   "0xff842000, GICH 0xff844000, GICV 0xff846000)",
			   frames[i].name, (unsigned long long)b,
			   rules_name(root), BCM2711_ARM_BUS,
			   BCM2711_ARM_BUS + BCM2711_ARM_SIZE - 1,
			   BCM2711_ARM_CPU, (unsigned long long)b,
			   frames[i].name,
			   (unsigned long long)(b - BCM2711_ARM_BUS +
						BCM2711_ARM_CPU));
	}
	return found;
}
