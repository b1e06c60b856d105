// SPDX-License-Identifier: GPL-2.0
/*
 * warden decode [--elf FILE]... [--config FILE.cell]... [--kaslr-offset N]
 *               [LOG]
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "config_file.h"
#include "fault_explain.h"
#include "numparse.h"

#define DECODE_MAX_FILES 16
#define DECODE_MAX_LOG (16u << 20)

static char *read_all(FILE *f, const char *name)
{
	size_t cap = 65536, used = 0;
	char *buf = malloc(cap);

	if (!buf)
		abort();
	for (;;) {
		size_t n = fread(buf + used, 1, cap - used - 1, f);

		used += n;
		if (n == 0)
			break;
		if (used + 1 == cap) {
			if (cap >= DECODE_MAX_LOG) {
				fprintf(stderr,
					"%s decode: %s is larger than %u MiB: pass only the part with the report\n",
					prog_name, name, DECODE_MAX_LOG >> 20);
				free(buf);
				return NULL;
			}
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "%s decode: cannot read %s: %s\n", prog_name,
			name, strerror(errno));
		free(buf);
		return NULL;
	}
	buf[used] = 0;
	return buf;
}

/* "Kernel Offset: 0x5d0843400000 from 0xffff800008000000" (panic output). */
static bool find_kernel_offset(const char *log, uint64_t *off)
{
	const char *p = strstr(log, "Kernel Offset: ");
	char *end;

	if (!p)
		return false;
	*off = strtoull(p + 15, &end, 16);
	return end != p + 15;
}

static int usage_error(const char *msg)
{
	fprintf(stderr, "%s decode: %s\n", prog_name, msg);
	fprintf(stderr,
		"Usage: %s decode [--elf FILE]... [--config FILE.cell]... [--kaslr-offset N] [LOG]\n",
		prog_name);
	return 2;
}

int cmd_decode(int argc, char **argv)
{
	struct config_file configs[DECODE_MAX_FILES];
	struct warden_config parsed[DECODE_MAX_FILES];
	struct fault_report reports[FAULT_REPORT_MAX];
	char *elfs[DECODE_MAX_FILES];
	struct fault_context ctx = { parsed, 0, NULL };
	int num_elfs = 0, num_configs = 0, n, i, ret = 1;
	uint64_t kaslr = 0;
	bool have_kaslr = false;
	const char *log_name = NULL;
	char *log = NULL;
	char err[400];

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if ((!strcmp(a, "--elf") || !strcmp(a, "--config") ||
		     !strcmp(a, "--kaslr-offset")) &&
		    i + 1 >= argc)
			return usage_error("option needs an argument");
		if (!strcmp(a, "--elf")) {
			if (num_elfs == DECODE_MAX_FILES)
				return usage_error("too many --elf files");
			elfs[num_elfs++] = argv[++i];
		} else if (!strcmp(a, "--config")) {
			if (num_configs == DECODE_MAX_FILES)
				return usage_error("too many --config files");
			if (config_file_load(&configs[num_configs], argv[++i],
					     WARDEN_CONFIG_ANY)) {
				fprintf(stderr, "%s decode: %s\n", prog_name,
					configs[num_configs].error);
				goto out;
			}
			parsed[num_configs] = configs[num_configs].cfg;
			num_configs++;
		} else if (!strcmp(a, "--kaslr-offset")) {
			if (parse_u64(argv[++i], &kaslr))
				return usage_error(
					"--kaslr-offset needs a number such as 0x5d0843400000");
			have_kaslr = true;
		} else if (a[0] == '-' && a[1]) {
			snprintf(err, sizeof(err), "unknown option %s", a);
			ret = usage_error(err);
			goto out;
		} else if (log_name) {
			ret = usage_error("only one LOG file");
			goto out;
		} else {
			log_name = a;
		}
	}
	ctx.num_configs = num_configs;

	if (!log_name || !strcmp(log_name, "-")) {
		log = read_all(stdin, "standard input");
		log_name = "standard input";
	} else {
		FILE *f = fopen(log_name, "r");

		if (!f) {
			fprintf(stderr, "%s decode: cannot open %s: %s\n",
				prog_name, log_name, strerror(errno));
			goto out;
		}
		log = read_all(f, log_name);
		fclose(f);
	}
	if (!log)
		goto out;

	if (!have_kaslr && find_kernel_offset(log, &kaslr))
		printf("Using KASLR offset 0x%" PRIx64
		       " from the log's \"Kernel Offset\" line\n\n",
		       kaslr);
	if (num_elfs) {
		ctx.symbols = symbolizer_open(elfs, num_elfs, kaslr, err,
					      sizeof(err));
		if (!ctx.symbols) {
			fprintf(stderr, "%s decode: %s\n", prog_name, err);
			goto out;
		}
	}

	n = fault_report_parse(log, reports, FAULT_REPORT_MAX);
	if (!n) {
		fprintf(stderr,
			"%s decode: no fault report in %s (looked for \"FATAL:\" lines)\n",
			prog_name, log_name);
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (i)
			printf("\n");
		fault_explain(stdout, &reports[i], &ctx);
	}
	ret = 0;
out:
	symbolizer_close(ctx.symbols);
	for (i = 0; i < num_configs; i++)
		config_file_free(&configs[i]);
	free(log);
	return ret;
}
