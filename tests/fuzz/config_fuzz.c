// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the config parser and "config check": the input
 * is a system config, optionally followed by cell configs. Every piece
 * that parses is checked against the others and shown, so the fuzzer
 * reaches the checks with consistent-looking files. Build and run it with
 * tests/fuzz/run.sh config (docs/config-format.md).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "config_check.h"
#include "config_show.h"
#include "fuzz_config.h"

#define MAX_CELLS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct warden_config sys, cells[MAX_CELLS];
	const struct warden_config *cell_ptrs[MAX_CELLS];
	uint8_t *copies[MAX_CELLS + 1] = { 0 };
	struct config_report report = { 0 };
	unsigned int n = 0, i;
	FILE *null = fopen("/dev/null", "w");
	size_t used;

	if (!null ||
	    !fuzz_config(data, 0, size, WARDEN_CONFIG_ANY, &copies[0], &sys))
		goto out;
	config_show(&sys, null);
	if (sys.kind != WARDEN_CONFIG_SYSTEM)
		goto out;
	/* Cells follow the bytes the system config's counts describe. */
	used = sys.size;
	while (n < MAX_CELLS && used < size) {
		if (!fuzz_config(data, used, size, WARDEN_CONFIG_CELL,
				 &copies[n + 1], &cells[n]))
			break;
		/* Pretend each cell file ends where its counts say. */
		cells[n].file_size = cells[n].size;
		cell_ptrs[n] = &cells[n];
		config_show(&cells[n], null);
		used += cells[n].size;
		n++;
	}
	sys.file_size = sys.size;
	config_check(&sys, cell_ptrs, n, &report);
	config_report_print(&report, null);
	config_report_json(&report, null);
	config_report_free(&report);
out:
	for (i = 0; i <= MAX_CELLS; i++)
		free(copies[i]);
	if (null)
		fclose(null);
	return 0;
}
