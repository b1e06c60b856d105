// SPDX-License-Identifier: GPL-2.0
/*
 * Memory checks of "warden config check": each cell's regions on their
 * own, against what the hypervisor intercepts, and non-root cells against
 * the root and each other.
 */
#include "config_check_int.h"

/* ---- per-cell memory checks ---- */

void check_overlaps(const struct ctx *x, const struct warden_config *c)
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
void check_intercepted(const struct ctx *x, const struct warden_config *c)
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

void check_alignment(const struct ctx *x, const struct warden_config *c)
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

void check_comm_region(const struct ctx *x, const struct warden_config *c)
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

void check_reset_address(const struct ctx *x, const struct warden_config *c)
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

void check_root_exec(const struct ctx *x)
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

void check_console(const struct ctx *x, const struct warden_config *c)
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

/* ---- non-root memory against the root and each other ---- */

void check_against_root(const struct ctx *x, const struct warden_config *c)
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

void check_private_overlaps(const struct ctx *x)
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
