// SPDX-License-Identifier: GPL-2.0
/*
 * warden: manage the Warden hypervisor and its cells.
 *
 * Also installed as "jailhouse": the grammar is Jailhouse's, so scripts
 * written for it keep working.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static int cmd_version(int argc, char **argv)
{
	printf("warden %s\n", WARDEN_VERSION);
	return 0;
}

static int cmd_help(int argc, char **argv);

static const struct command commands[] = {
	{ NULL, "--version", cmd_version, "", "print the version" },
	{ NULL, "--help", cmd_help, "", "print this help" },
	{ NULL, "enable", cmd_enable, "[--skip-check] SYSCONFIG",
	  "start the hypervisor; Linux becomes the root cell" },
	{ NULL, "disable", cmd_disable, "", "stop the hypervisor" },
	{ NULL, "console", cmd_console, "[-f]",
	  "print the hypervisor's console (-f: follow)" },
	{ "cell", "create", cmd_cell_create, "CELLCONFIG",
	  "create a cell: its CPUs, memory and interrupts leave the root" },
	{ "cell", "load", cmd_cell_load,
	  "{ID|[--name] NAME} {IMAGE|-s STRING} [-a ADDR] ...",
	  "stop the cell and load images into its memory" },
	{ "cell", "start", cmd_cell_start, "{ID|[--name] NAME}",
	  "start the cell at its reset address" },
	{ "cell", "shutdown", cmd_cell_shutdown, "{ID|[--name] NAME}",
	  "stop the cell (it can be loaded and started again)" },
	{ "cell", "destroy", cmd_cell_destroy, "{ID|[--name] NAME}",
	  "destroy the cell: everything goes back to the root" },
	{ "cell", "list", cmd_cell_list, "", "list the cells" },
	{ "cell", "stats", cmd_cell_stats, "{ID|[--name] NAME} [-f]",
	  "exits per reason and CPU (-f: follow, with rates)" },
	{ NULL, "hypercall", cmd_hypercall, "[--stub|--smc] CODE [ARG1 [ARG2]]",
	  "issue one hypercall (tests, diagnosis)" },
	{ NULL, "decode", cmd_decode, "[--elf F]... [--config F]... [LOG]",
	  "explain fault reports" },
	{ "config", "check", cmd_config_check,
	  "[--json] SYSCONFIG [CELLCONFIG...]",
	  "find mistakes in cell configurations" },
	{ "config", "show", cmd_config_show, "FILE.cell...",
	  "print a cell configuration readably" },
};

#define NUM_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
	unsigned int i;

	fprintf(out, "Usage: %s COMMAND [ARGS]\n\nCommands:\n", prog_name);
	for (i = 0; i < NUM_COMMANDS; i++) {
		const struct command *c = &commands[i];
		char words[96];

		snprintf(words, sizeof(words), "%s%s%s %s",
			 c->group ? c->group : "", c->group ? " " : "", c->name,
			 c->args);
		/* Long synopses get their help on a line of its own. */
		if (strlen(words) > 40)
			fprintf(out, "  %s\n  %-40s %s\n", words, "", c->help);
		else
			fprintf(out, "  %-40s %s\n", words, c->help);
	}
}

static int cmd_help(int argc, char **argv)
{
	usage(stdout);
	return 0;
}

static int is_group(const char *word)
{
	unsigned int i;

	for (i = 0; i < NUM_COMMANDS; i++)
		if (commands[i].group && !strcmp(commands[i].group, word))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');
	unsigned int i;

	base = base ? base + 1 : argv[0];
	if (!strcmp(base, "jailhouse"))
		prog_name = "jailhouse";

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
		return cmd_help(argc - 1, argv + 1);

	for (i = 0; i < NUM_COMMANDS; i++) {
		const struct command *c = &commands[i];

		if (!c->group && !strcmp(c->name, argv[1]))
			return c->run(argc - 1, argv + 1);
		if (c->group && !strcmp(c->group, argv[1]) && argc > 2 &&
		    !strcmp(c->name, argv[2]))
			return c->run(argc - 2, argv + 2);
	}

	if (is_group(argv[1]))
		fprintf(stderr, "%s: unknown %s command \"%s\"\n", prog_name,
			argv[1], argc > 2 ? argv[2] : "");
	else
		fprintf(stderr, "%s: unknown command \"%s\"\n", prog_name,
			argv[1]);
	fprintf(stderr, "Run \"%s --help\" for the list of commands.\n",
		prog_name);
	return 2;
}
