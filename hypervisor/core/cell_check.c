// SPDX-License-Identifier: GPL-2.0
/*
 * A new cell against the running system. Everything here is decided
 * before anything changes, so that a refused cell leaves the system as it
 * was. The messages name the region, CPU or interrupt and the fix.
 */
#include <warden/cell_check.h>
#include <warden/errno.h>
#include <warden/format.h>

#define PAGE_MASK 0xfffULL

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

int cell_check_has_spi(const struct warden_config *cfg, __u64 gicd, __u64 intid)
{
	return intid >= 32 && warden_config_has_irq(cfg, gicd, intid);
}

static int check_cpus(const struct cell_check_env *env,
		      const struct warden_config *cell, char *msg, size_t len)
{
	const char *name = cell->cell->name;
	__u64 cpu, limit = warden_config_cpu_limit(cell);
	unsigned int i;

	if (!warden_config_cpu_count(cell)) {
		format_string(msg, len,
			      "cell \"%s\" has no CPUs: set one in its cpus "
			      "bitmap",
			      name);
		return -EINVAL;
	}
	for (cpu = 0; cpu < limit; cpu++) {
		if (!warden_config_has_cpu(cell, cpu))
			continue;
		if (cpu >= env->max_cpus) {
			format_string(msg, len,
				      "cell \"%s\" lists CPU %llu; this "
				      "hypervisor supports CPUs 0-%u",
				      name, (unsigned long long)cpu,
				      env->max_cpus - 1);
			return -EINVAL;
		}
		if (env->root_cpus & (1ULL << cpu))
			continue;
		for (i = 0; i < env->num_cells; i++) {
			if (warden_config_has_cpu(env->cells[i], cpu)) {
				format_string(msg, len,
					      "CPU %llu of cell \"%s\" belongs "
					      "to cell \"%s\": destroy that "
					      "cell or pick another CPU",
					      (unsigned long long)cpu, name,
					      env->cells[i]->cell->name);
				return -EBUSY;
			}
		}
		format_string(msg, len,
			      "CPU %llu of cell \"%s\" is not in the root "
			      "cell: pick one of the root's CPUs",
			      (unsigned long long)cpu, name);
		return -EINVAL;
	}
	return 0;
}

/* The root must keep at least one CPU. */
static int check_root_keeps_cpu(const struct cell_check_env *env,
				const struct warden_config *cell, char *msg,
				size_t len)
{
	__u64 cpu;

	for (cpu = 0; cpu < env->max_cpus && cpu < 64; cpu++)
		if (env->root_cpus & (1ULL << cpu) &&
		    !warden_config_has_cpu(cell, cpu))
			return 0;
	format_string(msg, len,
		      "cell \"%s\" would take every CPU of the root cell: "
		      "leave it at least one",
		      cell->cell->name);
	return -EINVAL;
}

static const struct jailhouse_memory *
root_region_of(const struct warden_config *root,
	       const struct jailhouse_memory *m)
{
	unsigned int i;

	for (i = 0; i < root->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *r = &root->mem_regions[i];

		if (r->flags & JAILHOUSE_MEM_COMM_REGION)
			continue;
		if (warden_range_contains(r->phys_start, r->size, m->phys_start,
					  m->size))
			return r;
	}
	return NULL;
}

static int check_region(const struct cell_check_env *env,
			const struct warden_config *cell, unsigned int i,
			char *msg, size_t len)
{
	const struct jailhouse_memory *m = &cell->mem_regions[i];
	const struct jailhouse_system *sys = env->root->system;
	const char *name = cell->cell->name;
	unsigned int j, k;

	if ((m->virt_start | m->size) & PAGE_MASK ||
	    (!(m->flags & JAILHOUSE_MEM_COMM_REGION) &&
	     m->phys_start & PAGE_MASK)) {
		format_string(msg, len,
			      "region %u of cell \"%s\" (0x%llx, size 0x%llx) "
			      "is not page aligned: align start and size to "
			      "4 KiB",
			      i, name, (unsigned long long)m->phys_start,
			      (unsigned long long)m->size);
		return -EINVAL;
	}
	for (j = 0; j < i; j++) {
		const struct jailhouse_memory *o = &cell->mem_regions[j];

		if (warden_range_overlaps(m->virt_start, m->size, o->virt_start,
					  o->size)) {
			format_string(msg, len,
				      "regions %u and %u of cell \"%s\" "
				      "overlap at guest address 0x%llx: "
				      "move one of them",
				      j, i, name,
				      (unsigned long long)m->virt_start);
			return -EINVAL;
		}
	}
	if (m->flags & JAILHOUSE_MEM_COMM_REGION) {
		if (m->size != 0x1000) {
			format_string(msg, len,
				      "the comm region (region %u) of cell "
				      "\"%s\" is 0x%llx bytes: it must be one "
				      "page (0x1000)",
				      i, name, (unsigned long long)m->size);
			return -EINVAL;
		}
		return 0;
	}
	if (warden_range_overlaps(m->phys_start, m->size,
				  sys->hypervisor_memory.phys_start,
				  sys->hypervisor_memory.size)) {
		format_string(
			msg, len,
			"region %u of cell \"%s\" (0x%llx-0x%llx) "
			"overlaps the hypervisor memory (0x%llx-0x%llx): "
			"move the region",
			i, name, (unsigned long long)m->phys_start,
			(unsigned long long)(m->phys_start + m->size - 1),
			(unsigned long long)sys->hypervisor_memory.phys_start,
			(unsigned long long)(sys->hypervisor_memory.phys_start +
					     sys->hypervisor_memory.size - 1));
		return -EINVAL;
	}
	if (!root_region_of(env->root, m)) {
		format_string(
			msg, len,
			"region %u of cell \"%s\" (0x%llx-0x%llx) is not "
			"inside one memory region of the root cell: "
			"only memory the root has can be given to a "
			"cell",
			i, name, (unsigned long long)m->phys_start,
			(unsigned long long)(m->phys_start + m->size - 1));
		return -EINVAL;
	}
	if (m->flags & JAILHOUSE_MEM_ROOTSHARED)
		return 0;
	for (j = 0; j < i; j++) {
		const struct jailhouse_memory *o = &cell->mem_regions[j];

		if (!(o->flags & JAILHOUSE_MEM_COMM_REGION) &&
		    warden_range_overlaps(m->phys_start, m->size, o->phys_start,
					  o->size)) {
			format_string(msg, len,
				      "regions %u and %u of cell \"%s\" share "
				      "physical memory at 0x%llx: a cell's "
				      "memory must not overlap itself",
				      j, i, name,
				      (unsigned long long)m->phys_start);
			return -EINVAL;
		}
	}
	for (k = 0; k < env->num_cells; k++) {
		const struct warden_config *c = env->cells[k];

		for (j = 0; j < c->cell->num_memory_regions; j++) {
			const struct jailhouse_memory *o = &c->mem_regions[j];

			if (o->flags & (JAILHOUSE_MEM_COMM_REGION |
					JAILHOUSE_MEM_ROOTSHARED))
				continue;
			if (warden_range_overlaps(m->phys_start, m->size,
						  o->phys_start, o->size)) {
				format_string(
					msg, len,
					"region %u of cell \"%s\" (0x%llx-"
					"0x%llx) overlaps region %u of cell "
					"\"%s\": destroy that cell or move "
					"the region",
					i, name,
					(unsigned long long)m->phys_start,
					(unsigned long long)(m->phys_start +
							     m->size - 1),
					j, c->cell->name);
				return -EBUSY;
			}
		}
	}
	return 0;
}

static int check_irqs(const struct cell_check_env *env,
		      const struct warden_config *cell, char *msg, size_t len)
{
	__u64 gicd = env->root->system->platform_info.arm.gicd_base;
	const char *name = cell->cell->name;
	unsigned int i, j, k, bit;

	for (i = 0; i < cell->cell->num_irqchips; i++) {
		const struct jailhouse_irqchip *c = &cell->irqchips[i];

		if (c->address != gicd) {
			format_string(msg, len,
				      "irqchip %u of cell \"%s\" is at 0x%llx, "
				      "but the GIC distributor is at 0x%llx: "
				      "fix its address",
				      i, name, (unsigned long long)c->address,
				      (unsigned long long)gicd);
			return -EINVAL;
		}
		for (j = 0; j < 4; j++) {
			for (bit = 0; bit < 32; bit++) {
				__u64 intid = c->pin_base + j * 32 + bit;

				if (!(c->pin_bitmap[j] & (1U << bit)))
					continue;
				if (intid < 32) {
					format_string(
						msg, len,
						"cell \"%s\" lists interrupt "
						"%llu: SGIs and PPIs belong "
						"to each CPU, list SPIs (32 "
						"and up) only",
						name,
						(unsigned long long)intid);
					return -EINVAL;
				}
				for (k = 0; k < env->num_cells; k++) {
					if (!cell_check_has_spi(env->cells[k],
								gicd, intid))
						continue;
					format_string(
						msg, len,
						"interrupt %llu of cell \"%s\" "
						"belongs to cell \"%s\": "
						"destroy that cell or remove "
						"the interrupt",
						(unsigned long long)intid, name,
						env->cells[k]->cell->name);
					return -EBUSY;
				}
				if (!cell_check_has_spi(env->root, gicd,
							intid)) {
					format_string(
						msg, len,
						"interrupt %llu of cell \"%s\" "
						"is not the root cell's: add "
						"it to the root config's "
						"irqchip or remove it from the "
						"cell",
						(unsigned long long)intid,
						name);
					return -EINVAL;
				}
			}
		}
	}
	return 0;
}

int cell_check(const struct cell_check_env *env,
	       const struct warden_config *cell, char *msg, size_t len)
{
	const char *name = cell->cell->name;
	unsigned int i, comm = 0;
	int err;

	msg[0] = 0;
	if (!name[0]) {
		format_string(msg, len, "the cell has no name: set .name");
		return -EINVAL;
	}
	if (names_equal(name, env->root->cell->name)) {
		format_string(msg, len,
			      "\"%s\" is the root cell's name: give the cell "
			      "another name",
			      name);
		return -EEXIST;
	}
	for (i = 0; i < env->num_cells; i++) {
		if (names_equal(name, env->cells[i]->cell->name)) {
			format_string(msg, len,
				      "a cell named \"%s\" exists already: "
				      "destroy it first or rename the new one",
				      name);
			return -EEXIST;
		}
	}
	err = check_cpus(env, cell, msg, len);
	if (!err)
		err = check_root_keeps_cpu(env, cell, msg, len);
	for (i = 0; !err && i < cell->cell->num_memory_regions; i++) {
		if (cell->mem_regions[i].flags & JAILHOUSE_MEM_COMM_REGION &&
		    comm++) {
			format_string(msg, len,
				      "cell \"%s\" has more than one comm "
				      "region: keep one",
				      name);
			return -EINVAL;
		}
		err = check_region(env, cell, i, msg, len);
	}
	if (!err)
		err = check_irqs(env, cell, msg, len);
	return err;
}
