// SPDX-License-Identifier: GPL-2.0
/* warden config check [--json] SYSCONFIG [CELLCONFIG...] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "config_check.h"
#include "config_file.h"

static int usage(void)
{
	fprintf(stderr,
		"Usage: %s config check [--json] SYSCONFIG [CELLCONFIG...]\n",
		prog_name);
	return 2;
}

int cmd_config_check(int argc, char **argv)
{
	const struct warden_config **cells;
	struct config_report report = { 0 };
	struct config_file *files;
	int json = 0, first = 1, i, n, parsed = 0, status;

	if (argc > 1 && !strcmp(argv[1], "--json")) {
		json = 1;
		first = 2;
	}
	n = argc - first;
	if (n < 1)
		return usage();
	files = calloc(n, sizeof(*files));
	cells = calloc(n, sizeof(*cells));
	if (!files || !cells) {
		fprintf(stderr, "%s: out of memory\n", prog_name);
		return 1;
	}
	for (i = 0; i < n; i++) {
		struct config_file *f = &files[i];

		if (config_file_load(f, argv[first + i],
				     i ? WARDEN_CONFIG_CELL :
					 WARDEN_CONFIG_SYSTEM)) {
			struct config_finding *e = config_report_add(
				&report, FINDING_ERROR, "parse", "", -1, "%s",
				f->error);

			snprintf(e->file, sizeof(e->file), "%s", f->path);
			continue;
		}
		if (i)
			cells[parsed++] = &f->cfg;
	}
	/* Cross-checks need the system config; files checked alone do not. */
	if (files[0].status == WARDEN_CONFIG_OK)
		config_check(&files[0].cfg, cells, parsed, &report);

	if (json)
		config_report_json(&report, stdout);
	else
		config_report_print(&report, stdout);
	status = report.errors ? 1 : 0;
	config_report_free(&report);
	for (i = 0; i < n; i++)
		config_file_free(&files[i]);
	free(files);
	free(cells);
	return status;
}
