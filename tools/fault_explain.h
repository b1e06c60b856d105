/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Turning a parsed fault report into sentences: the syndrome in words, the
 * address against the configs' memory maps, symbols for PC and LR, and the
 * likely cause with its fix.
 */
#ifndef WARDEN_TOOLS_FAULT_EXPLAIN_H
#define WARDEN_TOOLS_FAULT_EXPLAIN_H

#include <stdio.h>

#include <warden/config.h>

#include "fault_report.h"
#include "symbolize.h"

struct fault_context {
	/* Parsed configs: at most one system config, any cell configs. */
	const struct warden_config *configs;
	int num_configs;
	struct symbolizer *symbols; /* may be NULL */
};

void fault_explain(FILE *out, const struct fault_report *r,
		   const struct fault_context *ctx);

#endif
