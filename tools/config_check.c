// SPDX-License-Identifier: GPL-2.0
/*
 * "warden config check": runs the checks (config_check_mem.c,
 * config_check_irq.c, config_check_pvu.c) and holds the ones on whole
 * files and the system; docs/config-format.md explains every check.
 * Regions are compared by physical address unless the check is about
 * what the cell sees (its IPA, virt_start).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config_check_int.h"
#include "numparse.h"

void set_fix(struct config_finding *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->fix, sizeof(f->fix), fmt, ap);
	va_end(ap);
}

void set_range(struct config_finding *f, uint64_t start, uint64_t size)
{
	if (!size)
		return;
	f->has_range = 1;
	f->start = start;
	f->size = size;
}

/* "0x1000-0x1fff (4 KiB)" into buf. */
const char *range_str(uint64_t start, uint64_t size, char *buf, size_t len)
{
	char human[32];

	snprintf(buf, len, "0x%llx-0x%llx (%s)", (unsigned long long)start,
		 (unsigned long long)(start + size - 1),
		 format_size(size, human, sizeof(human)));
	return buf;
}

/* Is region i one of the shared-memory regions of an ivshmem device? */
int is_shmem_region(const struct warden_config *c, uint32_t i)
{
	uint32_t d;

	for (d = 0; d < c->cell->num_pci_devices; d++) {
		const struct jailhouse_pci_device *dev = &c->pci_devices[d];
		uint64_t first = dev->shmem_regions_start;

		if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		if (i >= first && i < first + 2 + (uint64_t)dev->shmem_peers)
			return 1;
	}
	return 0;
}

/*
 * Whether the root cell's regions together cover [start, +size) of
 * physical memory, possibly through several adjacent regions.
 */
int root_covers(const struct ctx *x, uint64_t start, uint64_t size)
{
	const struct warden_config *root = x->sys;
	uint64_t pos = start, left = size;
	int progress = 1;

	while (left && progress) {
		uint32_t i;

		progress = 0;
		for (i = 0; i < root->cell->num_memory_regions && left; i++) {
			const struct jailhouse_memory *m = mem(root, i);
			uint64_t end, take;

			if (!has_phys(m) ||
			    !warden_range_contains(m->phys_start, m->size, pos,
						   1))
				continue;
			end = m->phys_start +
			      (m->size - 1); /* no wrap: parsed */
			take = end - pos + 1;
			if (!take || take >= left) /* !take: up to 2^64 */
				return 1;
			pos += take;
			left -= take;
			progress = 1;
		}
	}
	return !left;
}

/* ---- whole-file and system-wide checks ---- */

static void check_size(const struct ctx *x, const struct warden_config *c)
{
	struct config_finding *f;
	uint32_t i;

	if (c->size < c->file_size) {
		f = config_report_add(
			x->r, FINDING_ERROR, "size-mismatch", name_of(c), -1,
			"file is %llu bytes but its header and counts describe "
			"%llu: a count is smaller than its array (a region added "
			"without bumping num_memory_regions?), so the last "
			"%llu bytes are ignored",
			(unsigned long long)c->file_size,
			(unsigned long long)c->size,
			(unsigned long long)(c->file_size - c->size));
		set_fix(f, "set every count with ARRAY_SIZE(config.<array>) "
			   "and cpu_set_size with sizeof(config.cpus)");
	}
	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);

		if (m->size || m->flags || m->phys_start || m->virt_start ||
		    is_shmem_region(c, i))
			continue;
		f = config_report_add(x->r, FINDING_WARNING, "empty-region",
				      name_of(c), i,
				      "region %u is all zeros and maps nothing",
				      i);
		set_fix(f,
			"the array is declared larger than its initialisers: "
			"shrink it, or fill in the region you meant");
	}
	if (!c->cell->name[0]) {
		f = config_report_add(x->r, FINDING_ERROR, "name", "", -1,
				      "the cell has an empty name");
		set_fix(f, "set .name: the CLI and the driver select cells by "
			   "it");
	}
}

static void check_names(const struct ctx *x)
{
	unsigned int i, j;

	for (i = 0; i < x->num_cells; i++)
		for (j = 0; j < i; j++) {
			struct config_finding *f;

			if (strcmp(name_of(x->cells[i]), name_of(x->cells[j])))
				continue;
			f = config_report_add(x->r, FINDING_ERROR, "name",
					      name_of(x->cells[i]), -1,
					      "two cells are called \"%s\"",
					      name_of(x->cells[i]));
			set_fix(f, "give every cell a unique .name");
		}
}

static void check_hypervisor(const struct ctx *x)
{
	const struct jailhouse_memory *hv = &x->sys->system->hypervisor_memory;
	struct config_finding *f;

	if (!hv->size || hv->phys_start % HV_ALIGN || hv->size % HV_ALIGN) {
		f = config_report_add(
			x->r, FINDING_ERROR, "hv-align", "", -1,
			"hypervisor memory must be a non-empty, 2 MiB aligned "
			"block (Warden maps it with 2 MiB pages)");
		set_range(f, hv->phys_start, hv->size);
		set_fix(f, "round phys_start down and size up to multiples "
			   "of 0x200000, and reserve that range from Linux");
	}
}

static void check_gic_setup(const struct ctx *x)
{
	const typeof(x->sys->system->platform_info.arm) *arm =
		&x->sys->system->platform_info.arm;
	struct config_finding *f;

	if (arm->gic_version != 2 && arm->gic_version != 3) {
		f = config_report_add(x->r, FINDING_ERROR, "gic", "", -1,
				      "GIC version %u is not supported",
				      arm->gic_version);
		set_fix(f, "set platform_info.arm.gic_version to 2 or 3, as "
			   "the device tree's interrupt controller says");
		return;
	}
	if (!arm->gicd_base || (arm->gic_version == 3 && !arm->gicr_base) ||
	    (arm->gic_version == 2 &&
	     (!arm->gicc_base || !arm->gich_base || !arm->gicv_base))) {
		f = config_report_add(
			x->r, FINDING_ERROR, "gic", "", -1,
			"a GICv%u base address is 0 (gicd_base 0x%llx, "
			"gicr_base 0x%llx, gicc/gich/gicv 0x%llx/0x%llx/0x%llx)",
			arm->gic_version, (unsigned long long)arm->gicd_base,
			(unsigned long long)arm->gicr_base,
			(unsigned long long)arm->gicc_base,
			(unsigned long long)arm->gich_base,
			(unsigned long long)arm->gicv_base);
		set_fix(f, "copy the addresses from the device tree's GIC node "
			   "(reg property)");
	}
	/*
	 * A valid Jailhouse config, but this Warden cannot run it yet: say so
	 * here rather than let `warden enable` be the first to tell.
	 */
	if (arm->gic_version == 2) {
		f = config_report_add(x->r, FINDING_WARNING, "gic-v2", "", -1,
				      "GICv2: Warden supports GICv3 only so "
				      "far; warden enable refuses this system "
				      "config");
		set_fix(f, "use a board with a GICv3 (or GICv4) interrupt "
			   "controller; GICv2 support is planned");
	}
	if (arm->maintenance_irq < 16 || arm->maintenance_irq > 31) {
		f = config_report_add(x->r, FINDING_ERROR, "gic", "", -1,
				      "maintenance_irq %u is not a PPI (16-31)",
				      arm->maintenance_irq);
		set_fix(f, "use the GIC maintenance PPI from the device tree, "
			   "as an INTID: 25 on most boards (PPI 9)");
	}
}

void config_check(const struct warden_config *system,
		  const struct warden_config *const *cells,
		  unsigned int num_cells, struct config_report *report)
{
	const struct warden_config **all;
	struct ctx x = {
		.sys = system,
		.num_cells = num_cells + 1,
		.r = report,
	};
	unsigned int i;

	/* The root cell first, then the others: most checks cover all. */
	all = malloc(x.num_cells * sizeof(*all));
	if (!all) {
		config_report_add(report, FINDING_ERROR, "internal", "", -1,
				  "out of memory");
		return;
	}
	all[0] = system;
	for (i = 0; i < num_cells; i++)
		all[i + 1] = cells[i];
	x.cells = all;

	check_hypervisor(&x);
	check_gic_setup(&x);
	check_names(&x);
	for (i = 0; i < x.num_cells; i++) {
		const struct warden_config *c = all[i];

		check_size(&x, c);
		check_overlaps(&x, c);
		check_intercepted(&x, c);
		check_alignment(&x, c);
		check_comm_region(&x, c);
		check_console(&x, c);
		check_irqchips(&x, c);
		check_vpci_irqs(&x, c);
		check_ivshmem(&x, c);
		if (is_root(&x, c))
			continue;
		check_reset_address(&x, c);
		check_against_root(&x, c);
	}
	check_root_exec(&x);
	check_cpus(&x);
	check_spi_conflicts(&x);
	check_private_overlaps(&x);
	check_pvu(&x);
	free(all);
}
