// SPDX-License-Identifier: GPL-2.0
/*
 * Rules for memory regions. Every region of every cell, the root's
 * included: page-aligned (nothing handles sub-page regions), no overlap
 * with itself, away from the hypervisor, the GIC and the IOMMUs by
 * physical address. The root's regions are identity-mapped; a new cell's
 * lie inside one root region each, of its kind (I/O or RAM) and writable
 * only where it is, and away from the live cells' memory unless both
 * sides share it.
 */
#include "rules_int.h"

#define RANGE "(0x%llx-0x%llx)"
#define R(start, size) \
	(unsigned long long)(start), (unsigned long long)rules_last(start, size)

static int is_comm(const struct jailhouse_memory *m)
{
	return !!(m->flags & JAILHOUSE_MEM_COMM_REGION);
}

static int is_shared(const struct jailhouse_memory *m)
{
	return !!(m->flags & JAILHOUSE_MEM_ROOTSHARED);
}

static __u64 later(__u64 a, __u64 b)
{
	return a > b ? a : b;
}

static const char *cell_word(const struct rules_env *env,
			     const struct warden_config *c)
{
	return rules_is_root(env, c) ? "root cell" : "cell";
}

static void region_shape(const struct rules_env *env,
			 const struct warden_config *c, unsigned int i,
			 struct rules_sink *s)
{
	const struct jailhouse_memory *m = &c->mem_regions[i];

	if ((m->virt_start | m->size) & RULES_PAGE_MASK ||
	    (!is_comm(m) && m->phys_start & RULES_PAGE_MASK))
		rules_emit(s, "unaligned", -EINVAL, c, i, m,
			   "region %u of %s \"%s\" (0x%llx, size 0x%llx) is "
			   "not page aligned: align phys_start, virt_start "
			   "and size to 4 KiB (sub-page regions are not "
			   "supported)",
			   i, cell_word(env, c), rules_name(c),
			   (unsigned long long)m->phys_start,
			   (unsigned long long)m->size);
	if (is_comm(m) && m->size != 0x1000)
		rules_emit(s, "comm-region", -EINVAL, c, i, NULL,
			   "the comm region (region %u) of cell \"%s\" is "
			   "0x%llx bytes: it must be one page (0x1000)",
			   i, rules_name(c), (unsigned long long)m->size);
	if (!is_comm(m) && rules_is_root(env, c) &&
	    m->virt_start != m->phys_start)
		rules_emit(s, "identity", -EINVAL, c, i, m,
			   "region %u of root cell \"%s\" maps 0x%llx at "
			   "guest address 0x%llx: root regions must be "
			   "identity-mapped, or the root could still reach "
			   "memory a cell takes; set virt_start to 0x%llx",
			   i, rules_name(c), (unsigned long long)m->phys_start,
			   (unsigned long long)m->virt_start,
			   (unsigned long long)m->phys_start);
}

/* Overlaps with the cell's own earlier regions: guest and physical. */
static void region_self(const struct warden_config *c, unsigned int i,
			struct rules_sink *s)
{
	const struct jailhouse_memory *m = &c->mem_regions[i];
	unsigned int j;

	for (j = 0; j < i; j++) {
		const struct jailhouse_memory *o = &c->mem_regions[j];

		if (warden_range_overlaps(m->virt_start, m->size, o->virt_start,
					  o->size))
			rules_emit(s, "overlap", -EINVAL, c, i, m,
				   "regions %u and %u of cell \"%s\" overlap "
				   "at guest address 0x%llx: move one of them",
				   j, i, rules_name(c),
				   (unsigned long long)later(m->virt_start,
							     o->virt_start));
		else if (!is_comm(m) && !is_comm(o) &&
			 warden_range_overlaps(m->phys_start, m->size,
					       o->phys_start, o->size))
			rules_emit(s, "overlap", -EINVAL, c, i, m,
				   "regions %u and %u of cell \"%s\" share "
				   "physical memory at 0x%llx: a cell's memory "
				   "must not overlap itself",
				   j, i, rules_name(c),
				   (unsigned long long)later(m->phys_start,
							     o->phys_start));
	}
}

static void region_gic(const struct rules_env *env,
		       const struct warden_config *c, unsigned int i,
		       struct rules_sink *s)
{
	const struct jailhouse_memory *m = &c->mem_regions[i];
	const typeof(env->root->system->platform_info.arm) *arm =
		&env->root->system->platform_info.arm;
	__u64 cpus = warden_config_cpu_limit(env->root);
	struct {
		const char *what;
		__u64 base, size;
	} f[6] = {
		{ "distributor", arm->gicd_base,
		  arm->gic_version == 2 ? RULES_GICD_V2_SIZE :
					  RULES_GICD_SIZE },
		{ "frames between distributor and redistributors (ITS)",
		  arm->gicd_base + RULES_GICD_SIZE, 0 },
		{ "redistributors", arm->gicr_base,
		  (cpus ? cpus : 1) * RULES_GICR_FRAME },
		{ "CPU interface", arm->gicc_base, RULES_GICC_SIZE },
		{ "hypervisor interface", arm->gich_base, RULES_GICC_SIZE },
		{ "virtual CPU interface", arm->gicv_base, RULES_GICC_SIZE },
	};
	unsigned int k;

	if (arm->gicr_base > f[1].base &&
	    arm->gicr_base - arm->gicd_base <= RULES_GIC_BLOCK_MAX)
		f[1].size = arm->gicr_base - f[1].base;
	for (k = 0; k < 6; k++) {
		if (!f[k].base || !f[k].size ||
		    !warden_range_overlaps(m->phys_start, m->size, f[k].base,
					   f[k].size))
			continue;
		rules_emit(s, "gic-overlap", -EINVAL, c, i, m,
			   "region %u of %s \"%s\" " RANGE
			   " maps the GIC %s " RANGE
			   ", which the hypervisor emulates or keeps: "
			   "split the region around it",
			   i, cell_word(env, c), rules_name(c),
			   R(m->phys_start, m->size), f[k].what,
			   R(f[k].base, f[k].size));
		return;
	}
}

static void region_iommu(const struct rules_env *env,
			 const struct warden_config *c, unsigned int i,
			 struct rules_sink *s)
{
	const struct jailhouse_memory *m = &c->mem_regions[i];
	const struct jailhouse_system *sys = env->root->system;
	unsigned int u;

	for (u = 0; u < JAILHOUSE_MAX_IOMMU_UNITS; u++) {
		const struct jailhouse_iommu *io =
			&sys->platform_info.iommu_units[u];
		__u64 base = io->base, size = io->size;

		if (!io->base)
			break;
		if (io->type == JAILHOUSE_IOMMU_PVU &&
		    warden_range_overlaps(m->phys_start, m->size,
					  io->tipvu.tlb_base,
					  io->tipvu.tlb_size)) {
			base = io->tipvu.tlb_base;
			size = io->tipvu.tlb_size;
		} else if (!warden_range_overlaps(m->phys_start, m->size, base,
						  size)) {
			continue;
		}
		rules_emit(s, "iommu-overlap", -EINVAL, c, i, m,
			   "region %u of %s \"%s\" " RANGE " maps the "
			   "registers of IOMMU unit %u " RANGE ": whoever "
			   "programs it escapes isolation; split the region "
			   "around it",
			   i, cell_word(env, c), rules_name(c),
			   R(m->phys_start, m->size), u, R(base, size));
	}
}

/* The root region wholly containing m, or -1. */
static long root_region_of(const struct warden_config *root,
			   const struct jailhouse_memory *m)
{
	unsigned int i;

	for (i = 0; i < root->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *r = &root->mem_regions[i];

		if (!is_comm(r) && r->size &&
		    warden_range_contains(r->phys_start, r->size, m->phys_start,
					  m->size))
			return i;
	}
	return -1;
}

static int is_io(const struct jailhouse_memory *m)
{
	return !!(m->flags & JAILHOUSE_MEM_IO);
}

static int is_writable(const struct jailhouse_memory *m)
{
	return !!(m->flags & JAILHOUSE_MEM_WRITE);
}

/*
 * Region i of cell c against root region k, from which it comes: of the
 * same kind (the hypervisor scrubs and cleans what it gives back through
 * a cacheable window by the region's kind, and maps it back with the
 * root's flags: device registers must not be written as RAM, RAM not
 * skipped as a device), and writable only where the root may write. The
 * one exception: the cell's own output section of an ivshmem link of the
 * root, which the root maps read-only (device_regions() checks that only
 * that section of the link is writable).
 */
static void region_rights(const struct warden_config *c, unsigned int i,
			  const struct warden_config *root, long k,
			  struct rules_sink *s)
{
	const struct jailhouse_memory *m = &c->mem_regions[i];
	const struct jailhouse_memory *r = &root->mem_regions[k];

	if (is_io(m) != is_io(r))
		rules_emit(s, "root-flags", -EINVAL, c, i, m,
			   "region %u of cell \"%s\" " RANGE " is %s, root "
			   "region %ld " RANGE " it comes from %s: the "
			   "hypervisor maps, cleans and scrubs memory by its "
			   "kind; %s JAILHOUSE_MEM_IO as the root region does",
			   i, rules_name(c), R(m->phys_start, m->size),
			   is_io(m) ? "I/O (JAILHOUSE_MEM_IO)" : "RAM", k,
			   R(r->phys_start, r->size), is_io(r) ? "I/O" : "RAM",
			   is_io(r) ? "set" : "clear");
	if (is_writable(m) && !is_writable(r) &&
	    !rules_same_section(c, i, root, (unsigned int)k))
		rules_emit(s, "root-flags", -EINVAL, c, i, m,
			   "region %u of cell \"%s\" " RANGE " is writable, "
			   "root region %ld " RANGE " it comes from is not: "
			   "a cell gets no right the root does not have; "
			   "clear JAILHOUSE_MEM_WRITE or let the root write "
			   "there",
			   i, rules_name(c), R(m->phys_start, m->size), k,
			   R(r->phys_start, r->size));
}

static void region_in_root(const struct rules_env *env,
			   const struct warden_config *c, unsigned int i,
			   struct rules_sink *s)
{
	const struct jailhouse_memory *m = &c->mem_regions[i];
	const struct warden_config *root = env->root;
	long k = root_region_of(root, m);
	const struct jailhouse_memory *r;

	if (k < 0) {
		rules_emit(
			s, "not-in-root", -EINVAL, c, i, m,
			"region %u of cell \"%s\" " RANGE " is not inside "
			"one memory region of the root cell: only memory "
			"the root has can be given to a cell, each region "
			"from one root region; split it or add a root region",
			i, rules_name(c), R(m->phys_start, m->size));
		return;
	}
	r = &root->mem_regions[k];
	if (!is_shared(m) && (is_shared(r) || rules_is_shmem(root, k)))
		rules_emit(s, "root-shared", -EINVAL, c, i, m,
			   "region %u of cell \"%s\" " RANGE " would take "
			   "shared memory of the root cell (root region %ld, "
			   "ROOTSHARED or ivshmem): flag the region "
			   "JAILHOUSE_MEM_ROOTSHARED to share it, or move it",
			   i, rules_name(c), R(m->phys_start, m->size), k);
	region_rights(c, i, root, k, s);
}

/*
 * Memory of live cells: shared only where both regions say ROOTSHARED.
 * Either side's flag alone would let one cell map what the other owns.
 */
static void region_cells(const struct rules_env *env,
			 const struct warden_config *c, unsigned int i,
			 struct rules_sink *s)
{
	const struct jailhouse_memory *m = &c->mem_regions[i];
	unsigned int k, j;

	for (k = 0; k < env->num_cells; k++) {
		const struct warden_config *o = env->cells[k];

		for (j = 0; j < o->cell->num_memory_regions; j++) {
			const struct jailhouse_memory *om = &o->mem_regions[j];

			if (is_comm(om) || (is_shared(m) && is_shared(om)) ||
			    !warden_range_overlaps(m->phys_start, m->size,
						   om->phys_start, om->size))
				continue;
			rules_emit(
				s, "cell-overlap", -EBUSY, c, i, m,
				"region %u of cell \"%s\" " RANGE " overlaps "
				"region %u of cell \"%s\" " RANGE ", and not "
				"both are ROOTSHARED: destroy that cell or "
				"move the region",
				i, rules_name(c), R(m->phys_start, m->size), j,
				rules_name(o), R(om->phys_start, om->size));
		}
	}
}

static void region_hv(const struct rules_env *env,
		      const struct warden_config *c, unsigned int i,
		      struct rules_sink *s)
{
	const struct jailhouse_memory *m = &c->mem_regions[i];
	const struct jailhouse_memory *hv =
		&env->root->system->hypervisor_memory;

	if (warden_range_overlaps(m->phys_start, m->size, hv->phys_start,
				  hv->size))
		rules_emit(s, "hv-overlap", -EINVAL, c, i, m,
			   "region %u of %s \"%s\" " RANGE " overlaps the "
			   "hypervisor memory " RANGE ": move the region",
			   i, cell_word(env, c), rules_name(c),
			   R(m->phys_start, m->size),
			   R(hv->phys_start, hv->size));
}

void rules_regions(const struct rules_env *env, const struct warden_config *c,
		   struct rules_sink *s)
{
	unsigned int i, comm = 0;

	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &c->mem_regions[i];

		if (!m->size)
			continue; /* maps nothing: an empty ivshmem section */
		if (is_comm(m) && comm++)
			rules_emit(s, "comm-region", -EINVAL, c, i, NULL,
				   "cell \"%s\" has more than one comm region "
				   "(region %u): keep one",
				   rules_name(c), i);
		region_shape(env, c, i, s);
		region_self(c, i, s);
		if (is_comm(m))
			continue;
		region_hv(env, c, i, s);
		region_gic(env, c, i, s);
		region_iommu(env, c, i, s);
		if (rules_is_root(env, c))
			continue;
		region_in_root(env, c, i, s);
		region_cells(env, c, i, s);
	}
}
