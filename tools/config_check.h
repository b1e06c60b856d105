/* SPDX-License-Identifier: GPL-2.0 */
/*
 * "warden config check": consistency checks over a system config and the
 * cell configs meant to run on it. Pure logic on parsed configs; the
 * findings say what is wrong, where, and how to fix it.
 * docs/config-format.md lists every check.
 */
#ifndef WARDEN_TOOLS_CONFIG_CHECK_H
#define WARDEN_TOOLS_CONFIG_CHECK_H

#include <stdint.h>
#include <stdio.h>

#include <warden/config.h>

/*
 * An error is a finding of the rule engine (hypervisor/core/rules*.c):
 * the hypervisor refuses the config for it, with the same sentence.
 * Advice is the CLI's own: a likely mistake that enable and cell create
 * never refuse.
 */
enum finding_severity {
	FINDING_ERROR,
	FINDING_ADVICE,
};

struct config_finding {
	enum finding_severity severity;
	const char *check; /* stable identifier, e.g. "hv-overlap" */
	char cell[JAILHOUSE_CELL_NAME_MAXLEN + 1]; /* "" for the system */
	char file[256]; /* for a file that did not parse, else "" */
	long region; /* memory region index, -1 if none */
	int has_range;
	uint64_t start, size; /* the region or object concerned */
	char message[400]; /* for an error, the rule engine's sentence */
	char fix[400];
};

struct config_report {
	struct config_finding *findings;
	unsigned int count, capacity;
	unsigned int errors, advice;
};

/*
 * Errors, then advice. The errors are what the rule engine finds when the
 * system config is enabled and the cells are created one after the other
 * in this order (a refused cell is not there for the next ones). The cell
 * names in findings come from cells[i]->cell->name.
 */
void config_check(const struct warden_config *system,
		  const struct warden_config *const *cells,
		  unsigned int num_cells, struct config_report *report);

/* The errors alone: what the hypervisor would refuse, in that order. */
void config_check_rules(const struct warden_config *system,
			const struct warden_config *const *cells,
			unsigned int num_cells, struct config_report *report);

/*
 * Records a finding; message and fix are printf formats separated by the
 * fix's own argument list (fix may be NULL). For callers outside the
 * checks, e.g. a file that did not parse.
 */
struct config_finding *config_report_add(struct config_report *report,
					 enum finding_severity severity,
					 const char *check, const char *cell,
					 long region, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Number of findings of one check, for tests. */
unsigned int config_report_count(const struct config_report *report,
				 const char *check);

void config_report_free(struct config_report *report);

/* Human-readable, one finding per paragraph, then a summary line. */
void config_report_print(const struct config_report *report, FILE *out);

/* One JSON object: {"errors": N, "advice": N, "findings": [...]}. */
void config_report_json(const struct config_report *report, FILE *out);

#endif
