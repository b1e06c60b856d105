// SPDX-License-Identifier: GPL-2.0
/*
 * The checks of "warden config check". Each one is a function over the
 * parsed configs that adds findings; docs/config-format.md explains them.
 * Regions are compared by physical address unless the check is about
 * what the cell sees (its IPA, virt_start).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config_check.h"
#include "numparse.h"

#define PAGE_SIZE 0x1000ULL
#define HV_ALIGN (2ULL << 20)
#define GICD_V3_SIZE 0x10000ULL
#define GICR_V3_FRAME 0x20000ULL /* RD_base + SGI_base, per CPU */
#define GIC_MAX_INTID 1019 /* 1020..1023 are special, not lines */
#define IVSHMEM_MAX_PEERS 12
#define PVU_MAX_VIRTID 7
#define PVU_TLB_ENTRIES 8
#define PVU_TLB_STRIDE 0x1000ULL

struct ctx {
	const struct warden_config *sys;
	const struct warden_config *const *cells;
	unsigned int num_cells;
	struct config_report *r;
};

static const char *name_of(const struct warden_config *c)
{
	return c->cell->name;
}

static void set_fix(struct config_finding *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_fix(struct config_finding *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->fix, sizeof(f->fix), fmt, ap);
	va_end(ap);
}

static void set_range(struct config_finding *f, uint64_t start, uint64_t size)
{
	if (!size)
		return;
	f->has_range = 1;
	f->start = start;
	f->size = size;
}

/* "0x1000-0x1fff (4 KiB)" into buf. */
static const char *range_str(uint64_t start, uint64_t size, char *buf,
			     size_t len)
{
	char human[32];

	snprintf(buf, len, "0x%llx-0x%llx (%s)", (unsigned long long)start,
		 (unsigned long long)(start + size - 1),
		 format_size(size, human, sizeof(human)));
	return buf;
}

static const struct jailhouse_memory *mem(const struct warden_config *c,
					  uint32_t i)
{
	return &c->mem_regions[i];
}

static int is_comm(const struct jailhouse_memory *m)
{
	return !!(m->flags & JAILHOUSE_MEM_COMM_REGION);
}

/* A region that occupies physical memory: not empty, not the comm page. */
static int has_phys(const struct jailhouse_memory *m)
{
	return m->size && !is_comm(m);
}

static int is_root(const struct ctx *x, const struct warden_config *c)
{
	return c == x->sys;
}

/* Is region i one of the shared-memory regions of an ivshmem device? */
static int is_shmem_region(const struct warden_config *c, uint32_t i)
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
static int root_covers(const struct ctx *x, uint64_t start, uint64_t size)
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
	if (arm->maintenance_irq < 16 || arm->maintenance_irq > 31) {
		f = config_report_add(x->r, FINDING_ERROR, "gic", "", -1,
				      "maintenance_irq %u is not a PPI (16-31)",
				      arm->maintenance_irq);
		set_fix(f, "use the GIC maintenance PPI from the device tree, "
			   "as an INTID: 25 on most boards (PPI 9)");
	}
}

/* ---- per-cell memory checks ---- */

static void check_overlaps(const struct ctx *x, const struct warden_config *c)
{
	uint32_t n = c->cell->num_memory_regions, i, j;
	char buf[64];

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			const struct jailhouse_memory *a = mem(c, i),
						      *b = mem(c, j);
			struct config_finding *f;

			if (has_phys(a) && has_phys(b) &&
			    warden_range_overlaps(a->phys_start, a->size,
						  b->phys_start, b->size)) {
				f = config_report_add(
					x->r, FINDING_ERROR, "overlap",
					name_of(c), i,
					"physically overlaps region %u at %s",
					j,
					range_str(b->phys_start, b->size, buf,
						  sizeof(buf)));
				set_range(f, a->phys_start, a->size);
				set_fix(f,
					"make the regions disjoint: one byte "
					"must have one set of flags");
			}
			if (!warden_range_overlaps(a->virt_start, a->size,
						   b->virt_start, b->size))
				continue;
			if (is_comm(a) || is_comm(b)) {
				const struct jailhouse_memory *o =
					is_comm(a) ? b : a;

				f = config_report_add(
					x->r, FINDING_ERROR, "comm-region",
					name_of(c), is_comm(a) ? i : j,
					"the comm region's IPA collides with "
					"region %u at IPA %s",
					is_comm(a) ? j : i,
					range_str(o->virt_start, o->size, buf,
						  sizeof(buf)));
				set_range(f,
					  is_comm(a) ? a->virt_start :
						       b->virt_start,
					  is_comm(a) ? a->size : b->size);
				set_fix(f, "move the comm region's virt_start "
					   "to an IPA the cell uses for "
					   "nothing else");
				continue;
			}
			f = config_report_add(
				x->r, FINDING_ERROR, "overlap", name_of(c), i,
				"overlaps region %u in the cell's address "
				"space (IPA %s)",
				j,
				range_str(b->virt_start, b->size, buf,
					  sizeof(buf)));
			set_range(f, a->virt_start, a->size);
			set_fix(f, "give the regions disjoint virt_start "
				   "ranges");
		}
}

/* Regions must not reach what the hypervisor keeps for itself. */
static void check_intercepted(const struct ctx *x,
			      const struct warden_config *c)
{
	const struct jailhouse_system *s = x->sys->system;
	const typeof(s->platform_info.arm) *arm = &s->platform_info.arm;
	uint64_t cpus = warden_config_cpu_limit(x->sys);
	uint32_t i;
	char buf[64];

	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);
		struct config_finding *f;
		uint64_t cpu, ecam;
		unsigned int u;

		if (!has_phys(m))
			continue;
		if (warden_range_overlaps(m->phys_start, m->size,
					  s->hypervisor_memory.phys_start,
					  s->hypervisor_memory.size)) {
			f = config_report_add(
				x->r, FINDING_ERROR, "hv-overlap", name_of(c),
				i, "overlaps the hypervisor's memory %s",
				range_str(s->hypervisor_memory.phys_start,
					  s->hypervisor_memory.size, buf,
					  sizeof(buf)));
			set_range(f, m->phys_start, m->size);
			set_fix(f,
				"end the region before 0x%llx or start it "
				"after 0x%llx: no cell may map the "
				"hypervisor",
				(unsigned long long)
					s->hypervisor_memory.phys_start,
				(unsigned long long)(s->hypervisor_memory
							     .phys_start +
						     s->hypervisor_memory.size -
						     1));
		}
		ecam = ((uint64_t)s->platform_info.pci_mmconfig_end_bus + 1)
		       << 20;
		if (s->platform_info.pci_mmconfig_base &&
		    warden_range_overlaps(m->phys_start, m->size,
					  s->platform_info.pci_mmconfig_base,
					  ecam)) {
			f = config_report_add(
				x->r, FINDING_ERROR, "ecam-overlap", name_of(c),
				i,
				"maps the PCI config space (ECAM) %s, which "
				"the hypervisor must intercept",
				range_str(s->platform_info.pci_mmconfig_base,
					  ecam, buf, sizeof(buf)));
			set_range(f, m->phys_start, m->size);
			set_fix(f, "split the region around the ECAM window");
		}
		for (u = 0; u < JAILHOUSE_MAX_IOMMU_UNITS; u++) {
			const struct jailhouse_iommu *io =
				&s->platform_info.iommu_units[u];
			int tlb = io->type == JAILHOUSE_IOMMU_PVU &&
				  warden_range_overlaps(m->phys_start, m->size,
							io->tipvu.tlb_base,
							io->tipvu.tlb_size);

			if (!io->base)
				break;
			if (!tlb &&
			    !warden_range_overlaps(m->phys_start, m->size,
						   io->base, io->size))
				continue;
			f = config_report_add(
				x->r, FINDING_ERROR, "iommu-overlap",
				name_of(c), i,
				"maps the registers of IOMMU unit %u at %s", u,
				tlb ? range_str(io->tipvu.tlb_base,
						io->tipvu.tlb_size, buf,
						sizeof(buf)) :
				      range_str(io->base, io->size, buf,
						sizeof(buf)));
			set_range(f, m->phys_start, m->size);
			set_fix(f, "split the region around the IOMMU: a cell "
				   "that can program it escapes isolation");
		}

		if (arm->gic_version == 2) {
			static const char *const names[] = { "distributor",
							     "CPU interface",
							     "hypervisor "
							     "interface",
							     "virtual CPU "
							     "interface" };
			const uint64_t base[] = { arm->gicd_base,
						  arm->gicc_base,
						  arm->gich_base,
						  arm->gicv_base };
			const uint64_t size[] = { 0x1000, 0x2000, 0x2000,
						  0x2000 };

			for (u = 0; u < 4; u++) {
				if (!base[u] || !warden_range_overlaps(
							m->phys_start, m->size,
							base[u], size[u]))
					continue;
				f = config_report_add(
					x->r, FINDING_ERROR, "gic-passthrough",
					name_of(c), i,
					"passes the GIC %s at %s through to "
					"the cell",
					names[u],
					range_str(base[u], size[u], buf,
						  sizeof(buf)));
				set_range(f, m->phys_start, m->size);
				set_fix(f, "split the region around the GIC: "
					   "the hypervisor emulates it");
			}
			continue;
		}
		if (arm->gic_version != 3)
			continue;
		if (arm->gicd_base &&
		    warden_range_overlaps(m->phys_start, m->size,
					  arm->gicd_base, GICD_V3_SIZE)) {
			f = config_report_add(
				x->r, FINDING_ERROR, "gic-passthrough",
				name_of(c), i,
				"passes the GIC distributor at %s through to "
				"the cell",
				range_str(arm->gicd_base, GICD_V3_SIZE, buf,
					  sizeof(buf)));
			set_range(f, m->phys_start, m->size);
			set_fix(f, "split the region around the distributor: "
				   "the hypervisor emulates it");
		}
		/* Every CPU's redistributor, not only the first one. */
		for (cpu = 0; arm->gicr_base && cpu < cpus; cpu++) {
			uint64_t rd = arm->gicr_base + cpu * GICR_V3_FRAME;

			if (!warden_range_overlaps(m->phys_start, m->size, rd,
						   GICR_V3_FRAME))
				continue;
			f = config_report_add(
				x->r, FINDING_ERROR, "gic-passthrough",
				name_of(c), i,
				"passes the GIC redistributor of CPU %llu at "
				"%s through to the cell",
				(unsigned long long)cpu,
				range_str(rd, GICR_V3_FRAME, buf, sizeof(buf)));
			set_range(f, m->phys_start, m->size);
			set_fix(f,
				"split the region around the "
				"redistributors 0x%llx-0x%llx (%llu CPUs x "
				"128 KiB)",
				(unsigned long long)arm->gicr_base,
				(unsigned long long)(arm->gicr_base +
						     cpus * GICR_V3_FRAME - 1),
				(unsigned long long)cpus);
		}
	}
}

static void check_alignment(const struct ctx *x, const struct warden_config *c)
{
	uint32_t i;

	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);
		int subpage = (m->virt_start | m->size) % PAGE_SIZE != 0;
		struct config_finding *f;

		if (!m->size)
			continue;
		if (subpage && !(m->flags & JAILHOUSE_MEM_IO)) {
			f = config_report_add(
				x->r, FINDING_ERROR, "unaligned", name_of(c), i,
				"memory region not page-aligned (virt_start "
				"0x%llx, size 0x%llx): only I/O regions may be "
				"sub-page, trapped access by access",
				(unsigned long long)m->virt_start,
				(unsigned long long)m->size);
			set_range(f, m->phys_start, m->size);
			set_fix(f, "align virt_start and size to 4 KiB, or add "
				   "JAILHOUSE_MEM_IO if this is a device");
		} else if (!subpage && !is_comm(m) &&
			   m->phys_start % PAGE_SIZE) {
			f = config_report_add(
				x->r, FINDING_ERROR, "unaligned", name_of(c), i,
				"phys_start 0x%llx is not page-aligned while "
				"virt_start and size are: the mapping would "
				"start at another address",
				(unsigned long long)m->phys_start);
			set_range(f, m->phys_start, m->size);
			set_fix(f, "align phys_start to 4 KiB (or make the "
				   "region sub-page I/O on purpose)");
		}
	}
}

static void check_comm_region(const struct ctx *x,
			      const struct warden_config *c)
{
	uint32_t i, count = 0;
	struct config_finding *f;

	for (i = 0; i < c->cell->num_memory_regions; i++)
		if (is_comm(mem(c, i)) && ++count == 2) {
			f = config_report_add(x->r, FINDING_ERROR,
					      "comm-region", name_of(c), i,
					      "a second comm region");
			set_fix(f, "keep one JAILHOUSE_MEM_COMM_REGION "
				   "region per cell");
		}
	if (is_root(x, c) || count ||
	    c->cell->flags & JAILHOUSE_CELL_PASSIVE_COMMREG)
		return;
	f = config_report_add(
		x->r, FINDING_WARNING, "comm-region", name_of(c), -1,
		"no comm region, yet the cell is not PASSIVE_COMMREG: the "
		"hypervisor will wait for answers the cell cannot give");
	set_fix(f, "add a JAILHOUSE_MEM_COMM_REGION region, or set "
		   "JAILHOUSE_CELL_PASSIVE_COMMREG in .flags");
}

static void check_reset_address(const struct ctx *x,
				const struct warden_config *c)
{
	uint64_t pc = c->cell->cpu_reset_address;
	struct config_finding *f;
	uint32_t i;

	if (is_root(x, c))
		return;
	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);
		uint64_t want = JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE;

		if (is_comm(m) ||
		    !warden_range_contains(m->virt_start, m->size, pc, 4))
			continue;
		if ((m->flags & want) == want)
			return;
		f = config_report_add(
			x->r, FINDING_ERROR, "reset-address", name_of(c), i,
			"cpu_reset_address 0x%llx lies in a region without "
			"%s%s",
			(unsigned long long)pc,
			m->flags & JAILHOUSE_MEM_EXECUTE ? "" : "EXECUTE ",
			m->flags & JAILHOUSE_MEM_LOADABLE ? "" : "LOADABLE");
		set_range(f, m->virt_start, m->size);
		set_fix(f, "flag the region JAILHOUSE_MEM_EXECUTE | "
			   "JAILHOUSE_MEM_LOADABLE so that an image can be "
			   "loaded there and run");
		return;
	}
	f = config_report_add(x->r, FINDING_ERROR, "reset-address", name_of(c),
			      -1,
			      "cpu_reset_address 0x%llx is in no region of "
			      "the cell: its first CPU faults at once",
			      (unsigned long long)pc);
	set_fix(f, "set cpu_reset_address to an IPA inside an executable, "
		   "loadable RAM region (where the image is loaded)");
}

static void check_root_exec(const struct ctx *x)
{
	const struct warden_config *c = x->sys;
	uint32_t i;

	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);
		struct config_finding *f;

		if (!has_phys(m) || m->flags & JAILHOUSE_MEM_IO ||
		    m->flags & JAILHOUSE_MEM_EXECUTE ||
		    !(m->flags & JAILHOUSE_MEM_WRITE) || is_shmem_region(c, i))
			continue;
		f = config_report_add(
			x->r, FINDING_ERROR, "root-ram-exec", name_of(c), i,
			"root RAM without JAILHOUSE_MEM_EXECUTE: Warden "
			"enforces execute permission, so Linux faults the "
			"first time it runs code from here");
		set_range(f, m->phys_start, m->size);
		set_fix(f, "add JAILHOUSE_MEM_EXECUTE, or JAILHOUSE_MEM_IO if "
			   "this is a device");
	}
}

static void check_console(const struct ctx *x, const struct warden_config *c)
{
	const struct jailhouse_console *con = &c->cell->console;
	uint64_t size = con->size ? con->size : 1;
	struct config_finding *f;
	uint32_t i;

	if (con->type == JAILHOUSE_CON_TYPE_NONE || !con->address ||
	    !(con->flags & JAILHOUSE_CON_ACCESS_MMIO) ||
	    c->cell->flags & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)
		return;
	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);

		if (!is_comm(m) && warden_range_contains(m->virt_start, m->size,
							 con->address, size))
			return;
	}
	f = config_report_add(x->r, FINDING_ERROR, "console", name_of(c), -1,
			      "the console at 0x%llx is in no region of the "
			      "cell: its first output faults",
			      (unsigned long long)con->address);
	set_range(f, con->address, size);
	set_fix(f, "add a JAILHOUSE_MEM_IO region for the UART (ROOTSHARED "
		   "if the root keeps using it), or set "
		   "JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE");
}

/* ---- interrupts ---- */

static void check_irqchips(const struct ctx *x, const struct warden_config *c)
{
	uint64_t gicd = x->sys->system->platform_info.arm.gicd_base;
	struct config_finding *f;
	uint32_t i;

	for (i = 0; i < c->cell->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &c->irqchips[i];
		uint64_t top = 0;
		unsigned int w, low = 0;

		if (chip->address != gicd) {
			f = config_report_add(
				x->r, FINDING_WARNING, "irqchip", name_of(c),
				-1,
				"irqchip %u has address 0x%llx, not the GIC "
				"distributor 0x%llx: it is ignored",
				i, (unsigned long long)chip->address,
				(unsigned long long)gicd);
			set_fix(f, "set .address to the gicd_base of the "
				   "system config");
			continue;
		}
		if (chip->pin_base % 32) {
			f = config_report_add(
				x->r, FINDING_ERROR, "irqchip", name_of(c), -1,
				"irqchip %u has pin_base %u, not a multiple of "
				"32: the cell would be refused",
				i, chip->pin_base);
			set_fix(f,
				"use pin_base %u and shift the bitmap by %u "
				"bits",
				chip->pin_base & ~31u, chip->pin_base % 32);
		}
		for (w = 0; w < 4; w++) {
			uint32_t bits = chip->pin_bitmap[w];
			unsigned int b;

			for (b = 0; b < 32; b++) {
				uint64_t intid =
					(uint64_t)chip->pin_base + 32 * w + b;

				if (!((bits >> b) & 1))
					continue;
				if (intid < 32)
					low++;
				if (intid > GIC_MAX_INTID && intid > top)
					top = intid;
			}
		}
		if (low) {
			f = config_report_add(
				x->r, FINDING_WARNING, "irqchip", name_of(c),
				-1,
				"irqchip %u grants %u SGI/PPI line(s) (INTID < "
				"32): those are per CPU and always the cell's, "
				"the bits are ignored",
				i, low);
			set_fix(f, "start at pin_base 32: bit 0 of "
				   "pin_bitmap[0] is then INTID 32 (SPI 0)");
		}
		if (top) {
			f = config_report_add(
				x->r, FINDING_ERROR, "irqchip", name_of(c), -1,
				"irqchip %u grants INTIDs up to %llu, beyond the "
				"GIC's last line %u",
				i, (unsigned long long)top, GIC_MAX_INTID);
			set_fix(f,
				"clear the bits beyond INTID %u; bit b of "
				"pin_bitmap[w] is INTID pin_base + 32*w + b",
				GIC_MAX_INTID);
		}
	}
}

/* INTx of ivshmem devices: 32 + vpci_irq_base + (slot & 3). */
static void check_vpci_irqs(const struct ctx *x, const struct warden_config *c)
{
	uint64_t gicd = x->sys->system->platform_info.arm.gicd_base;
	uint32_t d;

	for (d = 0; d < c->cell->num_pci_devices; d++) {
		const struct jailhouse_pci_device *dev = &c->pci_devices[d];
		uint64_t intid = 32 + (uint64_t)c->cell->vpci_irq_base +
				 ((dev->bdf >> 3) & 3);
		struct config_finding *f;

		if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM ||
		    dev->num_msix_vectors ||
		    warden_config_has_irq(c, gicd, intid))
			continue;
		f = config_report_add(
			x->r, FINDING_ERROR, "vpci-irq", name_of(c), -1,
			"ivshmem device %02x:%02x.%x raises INTID %llu "
			"(vpci_irq_base %u), which the cell's irqchip does "
			"not grant: its interrupts never arrive",
			dev->bdf >> 8, (dev->bdf >> 3) & 0x1f, dev->bdf & 7,
			(unsigned long long)intid, c->cell->vpci_irq_base);
		if (intid >= 32)
			set_fix(f,
				"grant it: pin_base %llu, bit %llu of "
				"pin_bitmap[%llu]",
				(unsigned long long)((intid - 32) / 128 * 128 +
						     32),
				(unsigned long long)((intid - 32) % 32),
				(unsigned long long)((intid - 32) % 128 / 32));
	}
}

static void check_ivshmem(const struct ctx *x, const struct warden_config *c)
{
	uint32_t d;

	for (d = 0; d < c->cell->num_pci_devices; d++) {
		const struct jailhouse_pci_device *dev = &c->pci_devices[d];
		struct config_finding *f;

		if ((uint64_t)dev->caps_start + dev->num_caps >
		    c->cell->num_pci_caps) {
			f = config_report_add(
				x->r, FINDING_ERROR, "pci", name_of(c), -1,
				"PCI device %u uses capabilities %u..%u, the "
				"cell has %u",
				d, dev->caps_start,
				dev->caps_start + dev->num_caps - 1,
				c->cell->num_pci_caps);
			set_fix(f, "fix caps_start/num_caps or the pci_caps "
				   "array");
		}
		if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		if (dev->shmem_peers < 1 ||
		    dev->shmem_peers > IVSHMEM_MAX_PEERS ||
		    dev->shmem_dev_id >= dev->shmem_peers) {
			f = config_report_add(
				x->r, FINDING_ERROR, "ivshmem", name_of(c), -1,
				"ivshmem device %u: dev_id %u with %u peers "
				"(1..%u peers, dev_id below peers)",
				d, dev->shmem_dev_id, dev->shmem_peers,
				IVSHMEM_MAX_PEERS);
			set_fix(f, "give every peer of the link a distinct "
				   "shmem_dev_id below shmem_peers");
		}
		if ((uint64_t)dev->shmem_regions_start + 2 + dev->shmem_peers >
		    c->cell->num_memory_regions) {
			f = config_report_add(
				x->r, FINDING_ERROR, "ivshmem", name_of(c), -1,
				"ivshmem device %u needs regions %u..%llu "
				"(state, R/W, one output per peer), the cell "
				"has %u",
				d, dev->shmem_regions_start,
				(unsigned long long)dev->shmem_regions_start +
					1 + dev->shmem_peers,
				c->cell->num_memory_regions);
			set_fix(f, "point shmem_regions_start at the state "
				   "table region and list 2 + peers regions "
				   "from there");
		}
	}
}

/* Report INTIDs shared by two non-root cells, as ranges. */
static void check_spi_conflicts(const struct ctx *x)
{
	uint64_t gicd = x->sys->system->platform_info.arm.gicd_base;
	unsigned int i, j;

	for (i = 0; i < x->num_cells; i++)
		for (j = i + 1; j < x->num_cells; j++) {
			const struct warden_config *a = x->cells[i],
						   *b = x->cells[j];
			char list[200] = "";
			size_t used = 0;
			uint64_t intid, first = 0;
			int in = 0;

			if (is_root(x, a) || is_root(x, b))
				continue;
			for (intid = 32; intid <= GIC_MAX_INTID + 1; intid++) {
				int both =
					intid <= GIC_MAX_INTID &&
					warden_config_has_irq(a, gicd, intid) &&
					warden_config_has_irq(b, gicd, intid);

				if (both && !in) {
					first = intid;
					in = 1;
				} else if (!both && in) {
					in = 0;
					if (used < sizeof(list))
						used += snprintf(
							list + used,
							sizeof(list) - used,
							first == intid - 1 ?
								"%s%llu" :
								"%s%llu-%llu",
							used ? ", " : "",
							(unsigned long long)
								first,
							(unsigned long long)
									intid -
								1);
				}
			}
			if (list[0]) {
				struct config_finding *f = config_report_add(
					x->r, FINDING_ERROR, "irq-conflict",
					name_of(b), -1,
					"interrupts granted to both \"%s\" and "
					"\"%s\": INTID %s",
					name_of(a), name_of(b), list);
				set_fix(f, "an SPI goes to one cell: clear it "
					   "from one of the two irqchip "
					   "bitmaps");
			}
		}
}

/* ---- CPUs ---- */

static void check_cpus(const struct ctx *x)
{
	const struct warden_config *root = x->sys;
	uint64_t limit = warden_config_cpu_limit(root), cpu;
	struct config_finding *f;
	unsigned int i, j, kept = 0;

	if (!limit) {
		f = config_report_add(x->r, FINDING_ERROR, "cpus",
				      name_of(root), -1,
				      "the root cell has no CPU");
		set_fix(f, "set the root's cpus bitmap to every CPU Linux "
			   "runs on");
	}
	for (i = 0; i < x->num_cells; i++) {
		const struct warden_config *c = x->cells[i];
		uint64_t n = (uint64_t)c->cell->cpu_set_size * 8;

		if (is_root(x, c))
			continue;
		if (!warden_config_cpu_count(c)) {
			f = config_report_add(x->r, FINDING_ERROR, "cpus",
					      name_of(c), -1,
					      "the cell has no CPU");
			set_fix(f, "set at least one bit in .cpus");
		}
		for (cpu = 0; cpu < n; cpu++) {
			if (!warden_config_has_cpu(c, cpu))
				continue;
			if (!warden_config_has_cpu(root, cpu)) {
				f = config_report_add(
					x->r, FINDING_ERROR, "cpus", name_of(c),
					-1,
					"CPU %llu is not a CPU of the root "
					"cell, which lends every CPU",
					(unsigned long long)cpu);
				set_fix(f, "use CPUs of the root cell's set");
			}
			for (j = 0; j < i; j++)
				if (!is_root(x, x->cells[j]) &&
				    warden_config_has_cpu(x->cells[j], cpu)) {
					f = config_report_add(
						x->r, FINDING_ERROR, "cpus",
						name_of(c), -1,
						"CPU %llu is also in cell "
						"\"%s\"",
						(unsigned long long)cpu,
						name_of(x->cells[j]));
					set_fix(f, "give each CPU to one "
						   "non-root cell");
				}
		}
	}
	for (cpu = 0; cpu < limit; cpu++) {
		int taken = 0;

		if (!warden_config_has_cpu(root, cpu))
			continue;
		for (i = 0; i < x->num_cells; i++)
			taken |= !is_root(x, x->cells[i]) &&
				 warden_config_has_cpu(x->cells[i], cpu);
		kept += !taken;
	}
	if (limit && !kept) {
		f = config_report_add(x->r, FINDING_ERROR, "cpus",
				      name_of(root), -1,
				      "the non-root cells take every CPU of "
				      "the root cell");
		set_fix(f, "leave at least one CPU to the root cell (Linux "
			   "cannot give away its last CPU)");
	}
}

/* ---- non-root memory against the root and each other ---- */

static void check_against_root(const struct ctx *x,
			       const struct warden_config *c)
{
	const struct warden_config *root = x->sys;
	uint32_t i, k;

	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);
		struct config_finding *f;

		if (!has_phys(m))
			continue;
		if (!root_covers(x, m->phys_start, m->size)) {
			int load = !!(m->flags & JAILHOUSE_MEM_LOADABLE);

			f = config_report_add(
				x->r, load ? FINDING_ERROR : FINDING_WARNING,
				load ? "loadable-outside-root" : "not-in-root",
				name_of(c), i,
				load ? "LOADABLE region outside the root "
				       "cell's memory: the root cannot map it "
				       "to load an image" :
				       "no root region covers it: nothing "
				       "maps it back to the root when the "
				       "cell is destroyed");
			set_range(f, m->phys_start, m->size);
			set_fix(f,
				"add a root region covering 0x%llx-0x%llx "
				"(reserved from Linux, e.g. by mem= or a "
				"reserved-memory node)",
				(unsigned long long)m->phys_start,
				(unsigned long long)(m->phys_start + m->size -
						     1));
			continue;
		}
		if (!(m->flags & JAILHOUSE_MEM_DMA))
			continue;
		for (k = 0; k < root->cell->num_memory_regions; k++) {
			const struct jailhouse_memory *rm = mem(root, k);

			if (!has_phys(rm) || rm->flags & JAILHOUSE_MEM_DMA ||
			    !warden_range_overlaps(m->phys_start, m->size,
						   rm->phys_start, rm->size))
				continue;
			f = config_report_add(
				x->r, FINDING_WARNING, "dma-mismatch",
				name_of(c), i,
				"the cell's region has JAILHOUSE_MEM_DMA, but "
				"root region %u at 0x%llx of \"%s\", which "
				"backs it, does not: the root's IOMMU context "
				"never maps this memory, so no root device "
				"can DMA into it: not a DMA engine loading "
				"the cell's image, nor any device after the "
				"cell is destroyed and the memory returns to "
				"the root",
				k, (unsigned long long)rm->phys_start,
				name_of(root));
			set_range(f, m->phys_start, m->size);
			set_fix(f,
				"if root devices must DMA there, add "
				"JAILHOUSE_MEM_DMA to root region %u; if "
				"not (e.g. memory reserved for the inmate "
				"only, on a TI PVU that cannot unmap at "
				"run time), this is intended and the "
				"warning can be ignored",
				k);
		}
	}
}

static void check_private_overlaps(const struct ctx *x)
{
	unsigned int a, b;
	uint32_t i, j;
	char buf[64];

	for (a = 0; a < x->num_cells; a++)
		for (b = a + 1; b < x->num_cells; b++) {
			const struct warden_config *ca = x->cells[a],
						   *cb = x->cells[b];

			if (is_root(x, ca) || is_root(x, cb))
				continue;
			for (i = 0; i < ca->cell->num_memory_regions; i++)
				for (j = 0; j < cb->cell->num_memory_regions;
				     j++) {
					const struct jailhouse_memory
						*ma = mem(ca, i),
						*mb = mem(cb, j);
					struct config_finding *f;
					uint64_t shared =
						JAILHOUSE_MEM_ROOTSHARED;

					if (!has_phys(ma) || !has_phys(mb) ||
					    (ma->flags & mb->flags & shared) ||
					    !warden_range_overlaps(
						    ma->phys_start, ma->size,
						    mb->phys_start, mb->size))
						continue;
					f = config_report_add(
						x->r, FINDING_ERROR,
						"private-overlap", name_of(cb),
						j,
						"overlaps region %u of cell "
						"\"%s\" at %s, and not both "
						"are ROOTSHARED",
						i, name_of(ca),
						range_str(ma->phys_start,
							  ma->size, buf,
							  sizeof(buf)));
					set_range(f, mb->phys_start, mb->size);
					set_fix(f, "give each cell its own "
						   "memory; memory meant to be "
						   "shared needs "
						   "JAILHOUSE_MEM_ROOTSHARED "
						   "in both cells");
				}
		}
}

/* ---- TI PVU ---- */

static const uint64_t pvu_page_sizes[] = {
	16ULL << 30, 1ULL << 30,  512ULL << 20, 32ULL << 20,
	2ULL << 20,  64ULL << 10, 16ULL << 10,	4ULL << 10,
};

/*
 * Entries a region needs: greedily the largest page size to which both
 * addresses are aligned and that fits. 0 if it cannot be expressed.
 * Counting stops past PVU_COUNT_LIMIT, far beyond any PVU's capacity, so
 * that a huge region of small pages costs no time.
 */
#define PVU_COUNT_LIMIT 100000
static uint64_t pvu_entries(const struct jailhouse_memory *m)
{
	uint64_t virt = m->virt_start, phys = m->phys_start, left = m->size;
	uint64_t n = 0;
	unsigned int i;

	while (left) {
		for (i = 0; i < ARRAY_SIZE(pvu_page_sizes); i++) {
			uint64_t p = pvu_page_sizes[i];

			if (!(virt % p) && !(phys % p) && left >= p)
				break;
		}
		if (i == ARRAY_SIZE(pvu_page_sizes))
			return 0;
		virt += pvu_page_sizes[i];
		phys += pvu_page_sizes[i];
		left -= pvu_page_sizes[i];
		if (++n > PVU_COUNT_LIMIT)
			break;
	}
	return n;
}

static const struct jailhouse_iommu *find_pvu(const struct ctx *x)
{
	const struct jailhouse_system *s = x->sys->system;
	unsigned int u;

	for (u = 0; u < JAILHOUSE_MAX_IOMMU_UNITS; u++) {
		if (!s->platform_info.iommu_units[u].base)
			break;
		if (s->platform_info.iommu_units[u].type == JAILHOUSE_IOMMU_PVU)
			return &s->platform_info.iommu_units[u];
	}
	return NULL;
}

static void check_pvu(const struct ctx *x)
{
	const struct jailhouse_iommu *pvu = find_pvu(x);
	uint64_t tlbs_used = 0, tlbs;
	struct config_finding *f;
	unsigned int i;

	if (!pvu)
		return;
	tlbs = pvu->tipvu.tlb_size / PVU_TLB_STRIDE;
	for (i = 0; i < x->num_cells; i++) {
		const struct warden_config *c = x->cells[i];
		uint64_t entries = 0, n;
		uint32_t s, r;

		if (!c->cell->num_stream_ids)
			continue;
		for (s = 0; s < c->cell->num_stream_ids; s++) {
			uint32_t id = warden_config_stream_id(c, s);

			if (id <= PVU_MAX_VIRTID)
				continue;
			f = config_report_add(
				x->r, FINDING_ERROR, "pvu", name_of(c), -1,
				"stream id %u is above %u, the last virtual "
				"id a TI PVU has",
				id, PVU_MAX_VIRTID);
			set_fix(f,
				"use the device's PVU virtid (0..%u) as "
				"its stream id",
				PVU_MAX_VIRTID);
		}
		for (r = 0; r < c->cell->num_memory_regions; r++) {
			const struct jailhouse_memory *m = mem(c, r);

			if (!has_phys(m) || !(m->flags & JAILHOUSE_MEM_DMA))
				continue;
			n = pvu_entries(m);
			if (!n) {
				f = config_report_add(
					x->r, FINDING_ERROR, "pvu", name_of(c),
					r,
					"DMA region cannot be expressed in TI "
					"PVU pages (4K, 16K, 64K, 2M, 32M, "
					"512M, 1G, 16G)");
				set_range(f, m->phys_start, m->size);
				set_fix(f, "align phys_start, virt_start and "
					   "size to at least 4 KiB");
			}
			entries += n;
		}
		/* Each stream id walks its own chain of TLBs. */
		tlbs_used += (entries + PVU_TLB_ENTRIES - 1) / PVU_TLB_ENTRIES *
			     c->cell->num_stream_ids;
		if (tlbs && tlbs_used > tlbs) {
			f = config_report_add(
				x->r, FINDING_ERROR, "pvu", name_of(c), -1,
				"DMA regions need %llu PVU entries per stream "
				"id; with the cells before it that is %llu "
				"TLBs of %u entries, the PVU has %llu",
				(unsigned long long)entries,
				(unsigned long long)tlbs_used, PVU_TLB_ENTRIES,
				(unsigned long long)tlbs);
			set_fix(f, "use fewer, larger and better aligned DMA "
				   "regions (e.g. 2 MiB or 32 MiB aligned)");
		}
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
