// SPDX-License-Identifier: GPL-2.0
/*
 * Rules "hv-memory" (its placement) and "gic-place": what the
 * hypervisor's own address space needs of the system config. EL2 maps
 * hypervisor memory in at most 511 2 MiB blocks and identity-maps one
 * page of it while the MMU goes on or off, so that page cannot lie in
 * the top 512 GiB, where its own addresses are. The GIC gets one 1 GiB
 * slot: every frame the hypervisor maps (the distributor, the
 * redistributors of up to RULES_MAX_CPUS CPUs or a GICv2's CPU, hypervisor
 * and virtual CPU interfaces) must lie in the distributor's 1 GiB, aligned
 * to its size, and none may be hypervisor memory, which EL2 maps as
 * normal memory. These depend on the config alone, so they are rules:
 * "config check" reports them before a board ever refuses to enable.
 */
#include "rules_int.h"

#define GIB 0x40000000ULL

static void hv_place(const struct warden_config *root, struct rules_sink *s)
{
	const struct jailhouse_memory *hv = &root->system->hypervisor_memory;

	if (hv->size > RULES_HV_MAX_SIZE)
		rules_emit(s, "hv-memory", -EINVAL, root, -1, NULL,
			   "hypervisor memory 0x%llx, size 0x%llx of system "
			   "config \"%s\" is larger than the %llu MiB the "
			   "hypervisor maps: make it at most 0x%llx (a few "
			   "MiB hold the hypervisor and its page pool)",
			   (unsigned long long)hv->phys_start,
			   (unsigned long long)hv->size, rules_name(root),
			   RULES_HV_MAX_SIZE >> 20, RULES_HV_MAX_SIZE);
	/* the parser refused a size that wraps */
	if (hv->phys_start + hv->size > RULES_HV_PHYS_END)
		rules_emit(s, "hv-memory", -EINVAL, root, -1, NULL,
			   "hypervisor memory 0x%llx, size 0x%llx of system "
			   "config \"%s\" reaches above 0x%llx: the top 512 "
			   "GiB of addresses are the hypervisor's own, where "
			   "it cannot identity-map its memory; reserve memory "
			   "lower down",
			   (unsigned long long)hv->phys_start,
			   (unsigned long long)hv->size, rules_name(root),
			   RULES_HV_PHYS_END);
}

/* A frame EL2 maps: aligned, in the distributor's 1 GiB, not its memory. */
static void gic_frame(const struct warden_config *root, const char *field,
		      __u64 base, __u64 size, __u64 align, struct rules_sink *s)
{
	const struct jailhouse_system *sys = root->system;
	const struct jailhouse_memory *hv = &sys->hypervisor_memory;
	__u64 slot = sys->platform_info.arm.gicd_base & ~(GIB - 1);

	if (!base)
		return; /* rule gic-base */
	if (base & (align - 1) || (base & ~(GIB - 1)) != slot ||
	    (rules_last(base, size) & ~(GIB - 1)) != slot)
		rules_emit(s, "gic-place", -EINVAL, root, -1, NULL,
			   "%s 0x%llx of system config \"%s\" is not a %llu "
			   "KiB aligned frame in the distributor's 1 GiB "
			   "(0x%llx-0x%llx): the hypervisor maps the GIC in "
			   "that 1 GiB alone; copy the address from the "
			   "device tree's GIC node (a GIC spread over two "
			   "1 GiB blocks is not supported)",
			   field, (unsigned long long)base, rules_name(root),
			   (unsigned long long)align >> 10,
			   (unsigned long long)slot,
			   (unsigned long long)(slot + GIB - 1));
	else if (warden_range_overlaps(base, size, hv->phys_start, hv->size))
		rules_emit(s, "gic-place", -EINVAL, root, -1, NULL,
			   "%s 0x%llx-0x%llx of system config \"%s\" overlaps "
			   "hypervisor memory 0x%llx-0x%llx: reserve "
			   "hypervisor memory in RAM, away from the GIC",
			   field, (unsigned long long)base,
			   (unsigned long long)rules_last(base, size),
			   rules_name(root), (unsigned long long)hv->phys_start,
			   (unsigned long long)rules_last(hv->phys_start,
							  hv->size));
}

static void gic_place(const struct warden_config *root, struct rules_sink *s)
{
	const typeof(root->system->platform_info.arm) *arm =
		&root->system->platform_info.arm;
	__u64 gicr = arm->gicr_base, end, cpus;

	if (arm->gic_version == 2) {
		gic_frame(root, "gicd_base", arm->gicd_base, RULES_GICD_V2_SIZE,
			  0x1000, s);
		gic_frame(root, "gicc_base", arm->gicc_base, RULES_GICC_SIZE,
			  0x1000, s);
		gic_frame(root, "gich_base", arm->gich_base, 0x1000, 0x1000, s);
		gic_frame(root, "gicv_base", arm->gicv_base, RULES_GICC_SIZE,
			  0x1000, s);
		return;
	}
	if (arm->gic_version != 3)
		return; /* rule gic-version */
	gic_frame(root, "gicd_base", arm->gicd_base, RULES_GICD_SIZE,
		  RULES_GICD_SIZE, s);
	/*
	 * The redistributors of RULES_MAX_CPUS CPUs, however many the
	 * machine has, as far as the distributor's 1 GiB goes: what EL2
	 * maps of them.
	 */
	end = (gicr & ~(GIB - 1)) + GIB;
	if (gicr && end - gicr > RULES_MAX_CPUS * RULES_GICR_FRAME)
		end = gicr + RULES_MAX_CPUS * RULES_GICR_FRAME;
	gic_frame(root, "gicr_base", gicr, end - gicr, RULES_GICD_SIZE, s);
	/* the hypervisor looks for each root CPU's redistributor in there */
	cpus = warden_config_cpu_limit(root);
	if (cpus > RULES_MAX_CPUS)
		cpus = RULES_MAX_CPUS; /* rule cpus */
	if (gicr && cpus &&
	    (rules_last(gicr, cpus * RULES_GICR_FRAME) & ~(GIB - 1)) !=
		    (gicr & ~(GIB - 1)))
		rules_emit(s, "gic-place", -EINVAL, root, -1, NULL,
			   "the redistributors of CPUs 0-%llu of system "
			   "config \"%s\" from gicr_base 0x%llx reach past "
			   "0x%llx, the end of the distributor's 1 GiB, where "
			   "the hypervisor maps the GIC: a GIC spread over "
			   "two 1 GiB blocks is not supported",
			   (unsigned long long)cpus - 1, rules_name(root),
			   (unsigned long long)gicr,
			   (unsigned long long)((gicr & ~(GIB - 1)) + GIB - 1));
}

void rules_el2_place(const struct rules_env *env, int gic,
		     struct rules_sink *sink)
{
	hv_place(env->root, sink);
	if (gic)
		gic_place(env->root, sink);
}
