// SPDX-License-Identifier: GPL-2.0
/*
 * TI PVU advice of "warden config check" (Warden programs no IOMMU yet,
 * so nothing here decides acceptance). The capacity model: each DMA
 * region is cut greedily into the largest PVU page both its addresses are
 * aligned to; each stream id of a cell walks its own chain of TLBs of
 * PVU_TLB_ENTRIES entries; a unit has tlb_size / PVU_TLB_STRIDE TLBs.
 */
#include "config_check_int.h"

#define PVU_MAX_VIRTID 7
#define PVU_TLB_ENTRIES 8
#define PVU_TLB_STRIDE 0x1000ULL

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

/*
 * The system's PVU, if any. *other: whether it has another kind of IOMMU
 * as well (an SMMU), behind which stream ids are not PVU virtual ids.
 */
static const struct jailhouse_iommu *find_pvu(const struct ctx *x, int *other)
{
	const struct jailhouse_system *s = x->sys->system;
	const struct jailhouse_iommu *pvu = NULL;
	unsigned int u;

	*other = 0;
	for (u = 0; u < JAILHOUSE_MAX_IOMMU_UNITS; u++) {
		const struct jailhouse_iommu *io =
			&s->platform_info.iommu_units[u];

		if (!io->base)
			break;
		if (io->type != JAILHOUSE_IOMMU_PVU)
			*other = 1;
		else if (!pvu)
			pvu = io;
	}
	return pvu;
}

void check_pvu(const struct ctx *x)
{
	uint64_t tlbs_used = 0, tlbs;
	struct config_finding *f;
	unsigned int i;
	int smmu;
	const struct jailhouse_iommu *pvu = find_pvu(x, &smmu);

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

			if (id <= PVU_MAX_VIRTID || smmu)
				continue;
			f = config_report_add(
				x->r, FINDING_ADVICE, "pvu", name_of(c), -1,
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
					x->r, FINDING_ADVICE, "pvu", name_of(c),
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
				x->r, FINDING_ADVICE, "pvu", name_of(c), -1,
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
