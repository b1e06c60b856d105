// SPDX-License-Identifier: GPL-2.0
/*
 * The rule engine: what the hypervisor refuses in a system config at
 * enable and in a cell config at create, and "warden config check" calls
 * as its errors. Every finding is one sentence that names the cell, the
 * region or CPU and the fix. Everything is decided before anything
 * changes. The memory rules are in rules_mem.c, the interrupts' in
 * rules_irq.c, the virtual PCI devices' in rules_pci.c, what EL2's own
 * mappings need in rules_el2.c.
 */
#include <warden/cell-flags.h>
#include <warden/format.h>

#include "rules_int.h"

void rules_emit(struct rules_sink *sink, const char *rule, int err,
		const struct warden_config *c, long region,
		const struct jailhouse_memory *m, const char *fmt, ...)
{
	struct rules_finding f = {
		.rule = rule,
		.cell = rules_name(c),
		.region = region,
		.err = err,
	};
	va_list ap;

	if (m && m->size) {
		f.has_range = 1;
		f.start = m->phys_start;
		f.size = m->size;
	}
	va_start(ap, fmt);
	format_vstring(f.text, sizeof(f.text), fmt, ap);
	va_end(ap);
	if (!sink->errors++)
		sink->first_err = err;
	sink->report(sink, &f);
}

int rules_is_shmem(const struct warden_config *c, unsigned int i)
{
	__u32 d;

	for (d = 0; d < c->cell->num_pci_devices; d++) {
		const struct jailhouse_pci_device *dev = &c->pci_devices[d];
		__u64 first = dev->shmem_regions_start;

		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM && i >= first &&
		    i < first + 2 + (__u64)dev->shmem_peers)
			return 1;
	}
	return 0;
}

__u64 rules_cpu_mask(const struct warden_config *cfg)
{
	__u64 mask = 0, cpu;

	for (cpu = 0; cpu < RULES_MAX_CPUS; cpu++)
		if (warden_config_has_cpu(cfg, cpu))
			mask |= 1ULL << cpu;
	return mask;
}

static int names_equal(const char *a, const char *b)
{
	unsigned int i;

	for (i = 0; i < JAILHOUSE_CELL_NAME_MAXLEN + 1; i++) {
		if (a[i] != b[i])
			return 0;
		if (!a[i])
			return 1;
	}
	return 1;
}

/* The first CPU of the set at or beyond max, or -1. */
static long cpu_beyond(const struct rules_env *env,
		       const struct warden_config *c)
{
	__u64 cpu, limit = warden_config_cpu_limit(c);

	for (cpu = env->max_cpus; cpu < limit; cpu++)
		if (warden_config_has_cpu(c, cpu))
			return (long)cpu;
	return -1;
}

static void system_header(const struct rules_env *env, struct rules_sink *s)
{
	const struct warden_config *root = env->root;
	const struct jailhouse_system *sys = root->system;
	const struct jailhouse_memory *hv = &sys->hypervisor_memory;
	const char *name = rules_name(root);
	long cpu;

	if (root->size != root->file_size)
		rules_emit(s, "config-size", -EINVAL, root, -1, NULL,
			   "system config \"%s\" is %llu bytes but its header "
			   "and counts describe %llu: set every count with "
			   "ARRAY_SIZE() and cpu_set_size with "
			   "sizeof(config.cpus)",
			   name, (unsigned long long)root->file_size,
			   (unsigned long long)root->size);
	if (!hv->size || (hv->phys_start | hv->size) & 0x1fffff)
		rules_emit(s, "hv-memory", -EINVAL, root, -1, NULL,
			   "hypervisor memory 0x%llx, size 0x%llx of system "
			   "config \"%s\" is not a non-empty 2 MiB aligned "
			   "block: round phys_start down and size up to "
			   "multiples of 0x200000",
			   (unsigned long long)hv->phys_start,
			   (unsigned long long)hv->size, name);
	if (warden_range_overlaps(sys->debug_console.address, 0x1000,
				  hv->phys_start, hv->size))
		rules_emit(s, "debug-console", -EINVAL, root, -1, NULL,
			   "debug console 0x%llx of system config \"%s\" lies "
			   "in hypervisor memory: give the UART's address",
			   (unsigned long long)sys->debug_console.address,
			   name);
	if (sys->platform_info.arm.gic_version != 2 &&
	    sys->platform_info.arm.gic_version != 3)
		rules_emit(s, "gic-version", -EINVAL, root, -1, NULL,
			   "system config \"%s\" has GIC version %u: this "
			   "hypervisor supports GICv2 and GICv3 (and v4); set "
			   "gic_version to 2 or 3, as the device tree's GIC "
			   "node says (arm,gic-400 or arm,cortex-a15-gic: 2; "
			   "arm,gic-v3: 3)",
			   name, sys->platform_info.arm.gic_version);
	else if (sys->platform_info.arm.gic_version == 2 &&
		 (!sys->platform_info.arm.gicd_base ||
		  !sys->platform_info.arm.gicc_base ||
		  !sys->platform_info.arm.gich_base ||
		  !sys->platform_info.arm.gicv_base))
		rules_emit(
			s, "gic-base", -EINVAL, root, -1, NULL,
			"system config \"%s\" lacks a GICv2 frame "
			"(gicd_base 0x%llx, gicc_base 0x%llx, gich_base "
			"0x%llx, gicv_base 0x%llx): copy them from the "
			"device tree's GIC node, whose reg lists distributor, "
			"CPU interface, hypervisor interface and virtual CPU "
			"interface in this order",
			name,
			(unsigned long long)sys->platform_info.arm.gicd_base,
			(unsigned long long)sys->platform_info.arm.gicc_base,
			(unsigned long long)sys->platform_info.arm.gich_base,
			(unsigned long long)sys->platform_info.arm.gicv_base);
	else if (sys->platform_info.arm.gic_version == 3 &&
		 (!sys->platform_info.arm.gicd_base ||
		  !sys->platform_info.arm.gicr_base))
		rules_emit(
			s, "gic-base", -EINVAL, root, -1, NULL,
			"system config \"%s\" lacks the GIC distributor "
			"(gicd_base 0x%llx) or redistributor (gicr_base "
			"0x%llx) address: copy them from the device tree's "
			"GIC node",
			name,
			(unsigned long long)sys->platform_info.arm.gicd_base,
			(unsigned long long)sys->platform_info.arm.gicr_base);
	if (sys->platform_info.arm.maintenance_irq < 16 ||
	    sys->platform_info.arm.maintenance_irq > 31)
		rules_emit(
			s, "maintenance-irq", -EINVAL, root, -1, NULL,
			"maintenance_irq %u of system config \"%s\" is not "
			"a PPI (16-31): use the GIC maintenance interrupt "
			"from the device tree as an INTID, 25 on most boards",
			sys->platform_info.arm.maintenance_irq, name);
	if (!warden_config_cpu_count(root))
		rules_emit(s, "cpus", -EINVAL, root, -1, NULL,
			   "root cell \"%s\" has no CPUs: set every CPU Linux "
			   "runs on in its cpus bitmap",
			   name);
	cpu = cpu_beyond(env, root);
	if (cpu >= 0)
		rules_emit(s, "cpus", -EINVAL, root, -1, NULL,
			   "root cell \"%s\" lists CPU %ld; this hypervisor "
			   "supports CPUs 0-%u: clear the higher bits",
			   name, cpu, env->max_cpus - 1);
}

/*
 * WARDEN_CELL_DIRECT_IRQ: a non-root cell on a GICv3 only. The root's
 * CPUs stay trapped (its Linux shares the distributor with every cell);
 * a GICv2 has no way to route one interrupt group to EL2 and the other
 * to EL1 on the same CPU while the cell acknowledges at the physical CPU
 * interface (docs/hypervisor.md, "Direct interrupt delivery"). Whether
 * the GIC lets Non-secure software use Group 0 (GICD_CTLR.DS) is known
 * only on the machine: the hypervisor checks it at create.
 */
static void cell_flags(const struct rules_env *env,
		       const struct warden_config *c, struct rules_sink *s)
{
	if (!CELL_FLAGS_DIRECT_IRQ(c->cell->flags))
		return;
	if (rules_is_root(env, c))
		rules_emit(s, "direct-irq", -EINVAL, c, -1, NULL,
			   "root cell \"%s\" sets WARDEN_CELL_DIRECT_IRQ: "
			   "only a non-root cell can take its interrupts "
			   "directly; clear the flag in the system config",
			   rules_name(c));
	else if (env->root->system->platform_info.arm.gic_version != 3)
		rules_emit(s, "direct-irq", -EINVAL, c, -1, NULL,
			   "cell \"%s\" sets WARDEN_CELL_DIRECT_IRQ, but the "
			   "GIC is version %u: direct delivery needs a GICv3 "
			   "(a GICv2 cannot send the hypervisor's stop "
			   "interrupt to EL2 while the cell owns the CPU "
			   "interface); clear the flag",
			   rules_name(c),
			   env->root->system->platform_info.arm.gic_version);
}

int rules_system(const struct rules_env *env, struct rules_sink *sink)
{
	int gic_bus;

	sink->errors = 0;
	sink->first_err = 0;
	system_header(env, sink);
	gic_bus = rules_gic_bus(env, sink);
	rules_el2_place(env, !gic_bus, sink);
	cell_flags(env, env->root, sink);
	rules_regions(env, env->root, sink);
	rules_irqchips(env, env->root, sink);
	rules_pci(env, env->root, sink);
	return sink->first_err;
}

static void cell_name(const struct rules_env *env,
		      const struct warden_config *cell, struct rules_sink *s)
{
	const char *name = rules_name(cell);
	unsigned int i;

	if (!name[0]) {
		rules_emit(s, "name", -EINVAL, cell, -1, NULL,
			   "the cell has no name: set .name");
		return;
	}
	if (names_equal(name, rules_name(env->root)))
		rules_emit(s, "name", -EEXIST, cell, -1, NULL,
			   "\"%s\" is the root cell's name: give the cell "
			   "another name",
			   name);
	for (i = 0; i < env->num_cells; i++)
		if (names_equal(name, rules_name(env->cells[i])))
			rules_emit(s, "name", -EEXIST, cell, -1, NULL,
				   "a cell named \"%s\" exists already: "
				   "destroy it first or rename the new one",
				   name);
}

static void cell_cpus(const struct rules_env *env,
		      const struct warden_config *cell, struct rules_sink *s)
{
	const char *name = rules_name(cell);
	unsigned int i, before = s->errors;
	__u64 cpu, mask;
	long beyond;

	if (!warden_config_cpu_count(cell)) {
		rules_emit(s, "cpus", -EINVAL, cell, -1, NULL,
			   "cell \"%s\" has no CPUs: set one in its cpus "
			   "bitmap",
			   name);
		return;
	}
	beyond = cpu_beyond(env, cell);
	if (beyond >= 0) {
		rules_emit(s, "cpus", -EINVAL, cell, -1, NULL,
			   "cell \"%s\" lists CPU %ld; this hypervisor "
			   "supports CPUs 0-%u: pick one of those",
			   name, beyond, env->max_cpus - 1);
		return;
	}
	mask = rules_cpu_mask(cell);
	for (cpu = 0; cpu < env->max_cpus; cpu++) {
		int taken = 0;

		if (!(mask & (1ULL << cpu)) || env->root_cpus & (1ULL << cpu))
			continue;
		for (i = 0; i < env->num_cells; i++) {
			if (!warden_config_has_cpu(env->cells[i], cpu))
				continue;
			rules_emit(s, "cpus", -EBUSY, cell, -1, NULL,
				   "CPU %llu of cell \"%s\" belongs to cell "
				   "\"%s\": destroy that cell or pick another "
				   "CPU",
				   (unsigned long long)cpu, name,
				   rules_name(env->cells[i]));
			taken = 1;
		}
		if (!taken)
			rules_emit(s, "cpus", -EINVAL, cell, -1, NULL,
				   "CPU %llu of cell \"%s\" is not in the root "
				   "cell: pick one of the root's CPUs",
				   (unsigned long long)cpu, name);
	}
	if (s->errors == before && !(env->root_cpus & ~mask))
		rules_emit(s, "cpus", -EINVAL, cell, -1, NULL,
			   "cell \"%s\" would take every CPU of the root "
			   "cell: leave it at least one",
			   name);
}

int rules_cell(const struct rules_env *env, const struct warden_config *cell,
	       struct rules_sink *sink)
{
	sink->errors = 0;
	sink->first_err = 0;
	cell_name(env, cell, sink);
	cell_cpus(env, cell, sink);
	cell_flags(env, cell, sink);
	rules_regions(env, cell, sink);
	rules_irqchips(env, cell, sink);
	rules_pci(env, cell, sink);
	return sink->first_err;
}
