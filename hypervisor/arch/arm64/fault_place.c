// SPDX-License-Identifier: GPL-2.0
/*
 * The report of a guest's fault (the FATAL line, the syndrome, the
 * registers) and parking the CPU as failed; and the report's "region:"
 * and "owner:" lines of a stage-2 abort: the running configuration's view
 * of the faulting address, so that a missing region or a pointer into
 * someone else's memory is obvious from the console alone. The logic is
 * in core/fault_where.c; this gathers its inputs.
 */
#include <arch/cell.h>
#include <arch/fault_place.h>
#include <arch/gicd.h>
#include <arch/gicr.h>
#include <arch/hv.h>
#include <arch/park.h>
#include <arch/vpci.h>
#include <warden/esr.h>
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
	 * they took from it. Under hv_lock: a destroy gives a cell's CPUs
	 * back under it before it frees the cell's config, so none read
	 * here goes away before the lines are made; printed after.
	 */
	spin_lock(&hv_lock);
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
		spin_unlock(&hv_lock);
		printk(" owner: 0x%llx is physical address 0x%llx: %s\n",
		       (unsigned long long)ipa, (unsigned long long)pa, buf);
		return;
	}
	fault_where_describe_owner(&sys, cells, n, ipa, buf, sizeof(buf));
	spin_unlock(&hv_lock);
	printk(" owner: 0x%llx as a physical address: %s\n",
	       (unsigned long long)ipa, buf);
}

static void report_regs(struct frame *f)
{
	unsigned int i;

	printk(" pc: %016llx  spsr: %08llx  sp_el0: %016llx  sp_el1: "
	       "%016llx\n",
	       (unsigned long long)sysreg_read(elr_el2),
	       (unsigned long long)sysreg_read(spsr_el2),
	       (unsigned long long)sysreg_read(sp_el0),
	       (unsigned long long)sysreg_read(sp_el1));
	for (i = 0; i < 30; i += 3)
		printk(" x%-2u: %016llx  x%-2u: %016llx  x%-2u: %016llx\n", i,
		       (unsigned long long)f->x[i], i + 1,
		       (unsigned long long)f->x[i + 1], i + 2,
		       (unsigned long long)f->x[i + 2]);
	printk(" x30: %016llx\n", (unsigned long long)f->x[30]);
}

void fault_report(struct frame *f, unsigned int cpu, const char *what)
{
	uint64_t esr = sysreg_read(esr_el2);
	uint64_t hpfar = sysreg_read(hpfar_el2);
	char desc[160];

	printk("FATAL: %s by cell \"%s\" on CPU %u\n", what, cell_name_of(cpu),
	       cpu);
	printk(" esr: 0x%08llx: %s\n", (unsigned long long)esr,
	       esr_describe(esr, desc, sizeof(desc)));
	printk(" far: 0x%016llx  hpfar: 0x%llx  (IPA 0x%llx)\n",
	       (unsigned long long)sysreg_read(far_el2),
	       (unsigned long long)hpfar,
	       (unsigned long long)((hpfar >> 4) << 12 |
				    (sysreg_read(far_el2) & 0xfff)));
	if (ESR_EC(esr) == EC_DABT_LOW || ESR_EC(esr) == EC_IABT_LOW)
		fault_report_where(cpu, (hpfar >> 4) << 12 |
						(sysreg_read(far_el2) & 0xfff));
	report_regs(f);
}

void park_failed(struct frame *f, unsigned int cpu, const char *what)
{
	fault_report(f, cpu, what);
	printk("Parking CPU %u (cell \"%s\")\n", cpu, cell_name_of(cpu));
	/* its ivshmem peers learn that it is gone */
	vpci_cpu_failed(cpu);
	spin_lock(&hv_lock);
	lc_cpu_fault(&hv_lc, cpu);
	spin_unlock(&hv_lock);
	cpu_park_loop(cpu);
}
