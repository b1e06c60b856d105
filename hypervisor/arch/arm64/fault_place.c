// SPDX-License-Identifier: GPL-2.0
/*
 * The "region:" and "owner:" lines of a stage-2 abort report: the running
 * configuration's view of the faulting address, so that a missing region
 * or a pointer into someone else's memory is obvious from the console
 * alone. The logic is in core/fault_where.c; this gathers its inputs.
 */
#include <arch/cell.h>
#include <arch/hv.h>
#include <warden/fault_where.h>

void fault_report_where(unsigned int cpu, uint64_t ipa)
{
	struct fault_where_cell cells[MAX_CELLS + 1];
	struct fault_where_system sys = {
		.hv_start = sys_config->hypervisor_memory.phys_start,
		.hv_size = sys_config->hypervisor_memory.size,
		.gicd_base = sys_config->platform_info.arm.gicd_base,
		.gicd_size = gicd_frame_size(),
		.gicr_base = sys_config->platform_info.arm.gicr_base,
		.gicr_size = gicr_region_size(),
	};
	const struct cell *own = cell_of(cpu);
	const struct warden_config *cfg = own ? &own->cfg : &root_config;
	struct fault_where_near near;
	unsigned int i, n = 0;
	uint64_t seen = 0;
	char buf[160];

	fault_where_describe_near(cfg->mem_regions,
				  cfg->cell->num_memory_regions, ipa, buf,
				  sizeof(buf));
	printk(" region: %s\n", buf);

	/*
	 * Cells are found through their CPUs: every cell has at least one.
	 * They come before the root, whose config still lists the memory
	 * they took from it.
	 */
	for (i = 0; i < HV_MAX_CPUS && n < MAX_CELLS; i++) {
		const struct cell *c = cell_of(i);

		if (!c || seen & 1ULL << c->id)
			continue;
		seen |= 1ULL << c->id;
		cells[n].name = c->cfg.cell->name;
		cells[n].mem = c->cfg.mem_regions;
		cells[n++].n = c->cfg.cell->num_memory_regions;
	}
	cells[n].name = root_config.cell->name;
	cells[n].mem = root_config.mem_regions;
	cells[n++].n = root_config.cell->num_memory_regions;
	/*
	 * Inside one of the cell's own regions (a permission fault), the
	 * region says where the IPA lands; elsewhere the IPA is taken as a
	 * physical address, as cells usually see devices where they are.
	 */
	fault_where_nearest(cfg->mem_regions, cfg->cell->num_memory_regions,
			    ipa, &near);
	if (near.relation == FAULT_WHERE_INSIDE) {
		uint64_t pa =
			cfg->mem_regions[near.index].phys_start + near.distance;

		fault_where_describe_owner(&sys, cells, n, pa, buf,
					   sizeof(buf));
		printk(" owner: 0x%llx is physical address 0x%llx: %s\n",
		       (unsigned long long)ipa, (unsigned long long)pa, buf);
		return;
	}
	fault_where_describe_owner(&sys, cells, n, ipa, buf, sizeof(buf));
	printk(" owner: 0x%llx as a physical address: %s\n",
	       (unsigned long long)ipa, buf);
}
