// SPDX-License-Identifier: GPL-2.0
/*
 * "warden config check": the errors are the rule engine's
 * (hypervisor/core/rules*.c), the very functions the hypervisor refuses
 * configs with; the advice comes from config_check_mem.c,
 * config_check_irq.c and config_check_pvu.c and never decides anything.
 * docs/config-format.md lists every rule and every advice.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <warden/rules.h>

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

/* ---- errors: the rule engine ---- */

struct report_sink {
	struct rules_sink sink; /* first: the engine passes its address */
	struct config_report *r;
};

static void report_rule(struct rules_sink *sink, const struct rules_finding *f)
{
	struct report_sink *rs = (struct report_sink *)sink;
	struct config_finding *e = config_report_add(rs->r, FINDING_ERROR,
						     f->rule, f->cell,
						     f->region, "%s", f->text);

	if (f->has_range)
		set_range(e, f->start, f->size);
}

void config_check_rules(const struct warden_config *system,
			const struct warden_config *const *cells,
			unsigned int num_cells, struct config_report *report)
{
	const struct warden_config **live =
		calloc(num_cells + 1, sizeof(*live));
	struct report_sink rs = { .sink.report = report_rule, .r = report };
	/* The hypervisor with the most CPUs the format side allows. */
	struct rules_env env = {
		.root = system,
		.root_cpus = rules_cpu_mask(system),
		.cells = live,
		.max_cpus = RULES_MAX_CPUS,
	};
	unsigned int i;

	if (!live) {
		config_report_add(report, FINDING_ERROR, "internal", "", -1,
				  "out of memory");
		return;
	}
	rules_system(&env, &rs.sink);
	/* Created in order: each one that passes is live for the next. */
	for (i = 0; i < num_cells; i++) {
		if (rules_cell(&env, cells[i], &rs.sink))
			continue;
		live[env.num_cells++] = cells[i];
		env.root_cpus &= ~rules_cpu_mask(cells[i]);
	}
	free(live);
}

/* ---- advice on whole files ---- */

static void check_size(const struct ctx *x, const struct warden_config *c)
{
	struct config_finding *f;
	uint32_t i;

	/* A system config's is the rule "config-size". */
	if (c->size < c->file_size && !is_root(x, c)) {
		f = config_report_add(
			x->r, FINDING_ADVICE, "size-mismatch", name_of(c), -1,
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
		f = config_report_add(x->r, FINDING_ADVICE, "empty-region",
				      name_of(c), i,
				      "region %u is all zeros and maps nothing",
				      i);
		set_fix(f,
			"the array is declared larger than its initialisers: "
			"shrink it, or fill in the region you meant");
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

	config_check_rules(system, cells, num_cells, report);

	/* The root cell first, then the others: most advice covers all. */
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

	for (i = 0; i < x.num_cells; i++) {
		const struct warden_config *c = all[i];

		check_size(&x, c);
		check_ecam(&x, c);
		check_comm_region(&x, c);
		check_console(&x, c);
		check_irqchips(&x, c);
		check_pci(&x, c);
		if (is_root(&x, c))
			continue;
		check_reset_address(&x, c);
		check_dma(&x, c);
	}
	check_root_exec(&x);
	check_debug_uart(&x);
	check_pvu(&x);
	free(all);
}
