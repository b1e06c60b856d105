// SPDX-License-Identifier: GPL-2.0
/*
 * Placing a faulting address among the cell's regions and the system's
 * owners (see fault_where.h). Region ends are computed as the last byte so
 * that a region reaching 2^64 does not wrap.
 */
#include <warden/fault_where.h>
#include <warden/format.h>
#include <warden/mem_flags.h>

static int region_in(uint64_t start, uint64_t size, uint64_t addr)
{
	return size && addr >= start && addr - start <= size - 1;
}

void fault_where_nearest(const struct jailhouse_memory *mem, unsigned int n,
			 uint64_t addr, struct fault_where_near *out)
{
	unsigned int i;

	out->relation = FAULT_WHERE_NO_REGION;
	out->index = -1;
	out->distance = 0;
	for (i = 0; i < n; i++) {
		uint64_t start = mem[i].virt_start, size = mem[i].size;
		enum fault_where_relation rel;
		uint64_t d;

		if (!size)
			continue;
		if (region_in(start, size, addr)) {
			out->relation = FAULT_WHERE_INSIDE;
			out->index = i;
			out->distance = addr - start;
			return;
		}
		if (addr < start) {
			rel = FAULT_WHERE_BELOW;
			d = start - addr;
		} else {
			rel = FAULT_WHERE_ABOVE;
			d = addr - (start + (size - 1));
		}
		if (out->index < 0 || d < out->distance) {
			out->relation = rel;
			out->index = i;
			out->distance = d;
		}
	}
}

void fault_where_owner(const struct fault_where_system *sys,
		       const struct fault_where_cell *cells,
		       unsigned int ncells, uint64_t pa,
		       struct fault_where_owner *out)
{
	unsigned int c, r;

	out->cell = 0;
	out->region = 0;
	out->kind = FAULT_WHERE_OWNER_HV;
	if (region_in(sys->hv_start, sys->hv_size, pa))
		return;
	out->kind = FAULT_WHERE_OWNER_GICD;
	if (region_in(sys->gicd_base, sys->gicd_size, pa))
		return;
	out->kind = FAULT_WHERE_OWNER_GICR;
	if (region_in(sys->gicr_base, sys->gicr_size, pa))
		return;
	out->kind = FAULT_WHERE_OWNER_CELL;
	for (c = 0; c < ncells; c++) {
		for (r = 0; r < cells[c].n; r++) {
			const struct jailhouse_memory *m = &cells[c].mem[r];

			if (region_in(m->phys_start, m->size, pa)) {
				out->cell = c;
				out->region = r;
				return;
			}
		}
	}
	out->kind = FAULT_WHERE_OWNER_NONE;
}

int fault_where_flags(uint64_t flags, char *buf, size_t size)
{
	int len = mem_flags_format(flags, buf, size);

	return len ? len : format_string(buf, size, "no access");
}

int fault_where_describe_near(const struct jailhouse_memory *mem,
			      unsigned int n, uint64_t addr, char *buf,
			      size_t size)
{
	static const char *const where[] = {
		[FAULT_WHERE_INSIDE] = "from the start of",
		[FAULT_WHERE_BELOW] = "below",
		[FAULT_WHERE_ABOVE] = "above the end of",
	};
	struct fault_where_near near;
	const struct jailhouse_memory *m;
	char flags[80];

	fault_where_nearest(mem, n, addr, &near);
	if (near.relation == FAULT_WHERE_NO_REGION)
		return format_string(buf, size, "the cell has no regions");
	m = &mem[near.index];
	fault_where_flags(m->flags, flags, sizeof(flags));
	return format_string(
		buf, size,
		"%s region %d (0x%llx-0x%llx, %s), 0x%llx bytes %s it",
		near.relation == FAULT_WHERE_INSIDE ? "inside" :
						      "outside, nearest",
		near.index, (unsigned long long)m->virt_start,
		(unsigned long long)(m->virt_start + (m->size - 1)), flags,
		(unsigned long long)near.distance, where[near.relation]);
}

int fault_where_describe_owner(const struct fault_where_system *sys,
			       const struct fault_where_cell *cells,
			       unsigned int ncells, uint64_t pa, char *buf,
			       size_t size)
{
	struct fault_where_owner o;
	const struct jailhouse_memory *m;

	fault_where_owner(sys, cells, ncells, pa, &o);
	switch (o.kind) {
	case FAULT_WHERE_OWNER_HV:
		return format_string(
			buf, size, "the hypervisor's memory (0x%llx-0x%llx)",
			(unsigned long long)sys->hv_start,
			(unsigned long long)(sys->hv_start + sys->hv_size - 1));
	case FAULT_WHERE_OWNER_GICD:
		return format_string(buf, size, "the GIC distributor (0x%llx)",
				     (unsigned long long)sys->gicd_base);
	case FAULT_WHERE_OWNER_GICR:
		return format_string(buf, size,
				     "the GIC redistributors (0x%llx-0x%llx)",
				     (unsigned long long)sys->gicr_base,
				     (unsigned long long)(sys->gicr_base +
							  sys->gicr_size - 1));
	case FAULT_WHERE_OWNER_CELL:
		m = &cells[o.cell].mem[o.region];
		return format_string(
			buf, size,
			"cell \"%s\", region %u (physical 0x%llx-0x%llx)",
			cells[o.cell].name, o.region,
			(unsigned long long)m->phys_start,
			(unsigned long long)(m->phys_start + (m->size - 1)));
	default:
		return format_string(buf, size,
				     "no cell, nor the hypervisor or the GIC");
	}
}
