// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the rule engine (hypervisor/core/rules*.c) alone,
 * as the hypervisor runs it: the first 8 bytes are the root's current CPU
 * set, then a system config and up to four cell configs, each checked
 * against the system with the cells before it live. Besides the
 * sanitizers it checks what callers rely on: a refusal has findings and
 * the first finding's errno, every sentence is terminated and non-empty,
 * regions named exist. Run with tests/fuzz/run.sh rules.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <warden/errno.h>
#include <warden/rules.h>

#include "fuzz_config.h"

#define MAX_CELLS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct warden_config *checked;
static unsigned int seen;

static void check_finding(struct rules_sink *sink,
			  const struct rules_finding *f)
{
	size_t len = strnlen(f->text, sizeof(f->text));

	if (len == 0 || len == sizeof(f->text) || !f->rule || !f->cell)
		abort();
	if (f->err != -EINVAL && f->err != -EBUSY && f->err != -EEXIST)
		abort();
	if (f->region >= (long)checked->cell->num_memory_regions)
		abort();
	seen++;
}

static void run(const struct rules_env *env, const struct warden_config *c,
		int system)
{
	struct rules_sink sink = { .report = check_finding };
	int err;

	checked = c;
	seen = 0;
	err = system ? rules_system(env, &sink) : rules_cell(env, c, &sink);
	if (seen != sink.errors || err != sink.first_err || !err != !seen)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct warden_config sys, cells[MAX_CELLS];
	const struct warden_config *live[MAX_CELLS];
	uint8_t *copies[MAX_CELLS + 1] = { 0 };
	struct rules_env env = { .cells = live, .max_cpus = RULES_MAX_CPUS };
	unsigned int n, i;
	size_t used;

	if (size < 8)
		return 0;
	memcpy(&env.root_cpus, data, 8);
	/* a small hypervisor now and then, as the arm64 build's 8 CPUs */
	if (env.root_cpus & 1)
		env.max_cpus = 8;
	data += 8;
	size -= 8;
	if (!fuzz_config(data, 0, size, WARDEN_CONFIG_SYSTEM, &copies[0], &sys))
		goto out;
	env.root = &sys;
	run(&env, &sys, 1);
	used = sys.size;
	for (n = 0; n < MAX_CELLS && used < size; n++) {
		if (!fuzz_config(data, used, size, WARDEN_CONFIG_CELL,
				 &copies[n + 1], &cells[n]))
			break;
		used += cells[n].size;
		run(&env, &cells[n], 0);
		/* live for the next one, refused or not: any state at all */
		live[env.num_cells++] = &cells[n];
	}
out:
	for (i = 0; i <= MAX_CELLS; i++)
		free(copies[i]);
	return 0;
}
