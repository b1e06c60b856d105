// SPDX-License-Identifier: GPL-2.0
/*
 * The registry of non-root cells and who owns which CPU: what trap and
 * interrupt paths on any CPU ask (cell_of() and friends), apart from the
 * management calls that change it (cell.c), so that those paths depend
 * on this file only.
 *
 * Publication (docs/hypervisor.md, "Cell and CPU lifecycle"): a cell is
 * built completely (config copy, stage 2, comm region) while no CPU
 * names it; lc_create() then makes its CPUs its own under hv_lock, and
 * from then on cell_of() on those CPUs finds it. Destroy parks every CPU
 * first, hands the CPUs back under hv_lock (lc_destroy()), and only then
 * frees the cell: a CPU never finds a half-built or freed cell. The
 * slots are static, so a reader that raced with a destroy (the root's
 * `cell list` through CELL_GET_STATE, say) reads a cleared slot, never
 * freed memory; management calls read them under cell_lock.
 */
#include <arch/cell.h>

struct cell cells[MAX_CELLS];
/*
 * Bit id - 1: cells[id - 1] is in use (id set); kept with the ids so that
 * counting the cells (the null hypercall, cell_count()) does not walk
 * cells[]. Set and cleared by cell.c.
 */
uint32_t cells_used;

/* The policy's view of the CPUs and cells (core/lifecycle.c). */
struct lifecycle hv_lc = {
	.cpu_base = (char *)&per_cpu_data[0].lc,
	.cpu_stride = sizeof(per_cpu_data[0]),
	.ncpus = HV_MAX_CPUS,
	.cell_base = (char *)&cells[0].lc,
	.cell_stride = sizeof(cells[0]),
	.ncells = MAX_CELLS,
	.root_cpus = &root_cpu_set,
};

/*
 * A CPU's owner is published under hv_lock by lc_create() once the cell
 * is built, and taken back by lc_destroy() before it is freed: a CPU
 * that runs in a cell always finds it whole.
 */
struct cell *cell_of(unsigned int cpu)
{
	unsigned int id = cpu < HV_MAX_CPUS ? READ_ONCE(per_cpu(cpu)->lc.cell) :
					      LC_ROOT;

	return id == LC_ROOT ? NULL : &cells[id - 1];
}

uint64_t cell_cpus_of(unsigned int cpu)
{
	struct cell *c = cell_of(cpu);

	return c ? c->lc.cpus : root_cpu_set;
}

const char *cell_name_of(unsigned int cpu)
{
	struct cell *c = cell_of(cpu);

	return c ? c->cfg.cell->name : sys_config->root_cell.name;
}

uint64_t cell_all_cpus(void)
{
	uint64_t set = 0;
	unsigned int i;

	for (i = 0; i < MAX_CELLS; i++)
		if (cells[i].id)
			set |= cells[i].lc.cpus;
	return set;
}

struct cell *cell_by_id(uint64_t id)
{
	if (id < 1 || id > MAX_CELLS || !cells[id - 1].id)
		return NULL;
	return &cells[id - 1];
}
