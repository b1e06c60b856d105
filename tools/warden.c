// SPDX-License-Identifier: GPL-2.0
/*
 * warden: manage the Warden hypervisor and its cells.
 *
 * Also installed as "jailhouse": the grammar is Jailhouse's, so scripts
 * written for it keep working.
 */
#include <ctype.h>
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
	{ NULL, "--version", cmd_version, "", "print the version", NULL },
	{ NULL, "--help", cmd_help, "", "print this help", NULL },
	{ NULL, "enable", cmd_enable, "[--skip-check] SYSCONFIG",
	  "start the hypervisor; Linux becomes the root cell", NULL },
	{ NULL, "disable", cmd_disable, "", "stop the hypervisor", NULL },
	{ NULL, "console", cmd_console, "[-f] [--cell CELL [-i]]",
	  "print the hypervisor's console or a cell's (-f: follow)",
	  "Without --cell: the hypervisor's console, cells' lines prefixed "
	  "[NAME].\n--cell CELL: everything the cell wrote to its virtual "
	  "console (a Linux\ncell: /dev/hvc0, warden_hvc.ko). -i sends "
	  "standard input to the cell; on a\nterminal, an interactive "
	  "session that Ctrl-] ends." },
	{ "cell", "create", cmd_cell_create, "CELLCONFIG",
	  "create a cell: its CPUs, memory and interrupts leave the root",
	  NULL },
	{ "cell", "load", cmd_cell_load,
	  "{ID|[--name] NAME} {IMAGE|-s STRING} [-a ADDR] ...",
	  "stop the cell and load images into its memory", NULL },
	{ "cell", "linux", cmd_cell_linux,
	  "CELLCONFIG KERNEL [-d DTB] [-i INITRD] [-c \"ARGS\"] [-w FILE]",
	  "create a cell and boot a Linux kernel Image in it",
	  "Loads the Linux loader, the kernel, the initrd and a device tree "
	  "into the\ncell's RAM and starts it. Without -d the device tree is "
	  "written from the\ncell config (GIC and CPU facts from the root's, "
	  "--root-dtb FILE to give\nanother). -w FILE writes FILE (the load "
	  "plan), FILE.dtb and FILE.loader\ninstead of loading. --loader FILE "
	  "gives another linux-loader.bin. A cell\nwith PCI devices gets its "
	  "virtual PCI host bridge from the enabled\nsystem's config "
	  "(--system-config FILE to give one)." },
	{ "cell", "start", cmd_cell_start, "{ID|[--name] NAME}",
	  "start the cell at its reset address", NULL },
	{ "cell", "shutdown", cmd_cell_shutdown, "{ID|[--name] NAME}",
	  "stop the cell (it can be loaded and started again)", NULL },
	{ "cell", "destroy", cmd_cell_destroy, "{ID|[--name] NAME}",
	  "destroy the cell: everything goes back to the root", NULL },
	{ "cell", "list", cmd_cell_list, "", "list the cells", NULL },
	{ "cell", "stats", cmd_cell_stats, "{ID|[--name] NAME} [-f]",
	  "exits per reason and CPU (-f: follow, with rates)", NULL },
	{ NULL, "hypercall", cmd_hypercall, "[--stub|--smc] CODE [ARG1 [ARG2]]",
	  "issue one hypercall (tests, diagnosis)", NULL },
	{ NULL, "decode", cmd_decode,
	  "[--elf F]... [--config F]... [--kaslr-offset N] [LOG]",
	  "explain fault reports",
	  "Reads LOG (or standard input: \"-\" or none) for Jailhouse's and "
	  "Warden's\nfault reports and explains each: the exception, the "
	  "faulting address\nagainst the configs' regions, the code against "
	  "the ELF files' symbols." },
	{ "config", "check", cmd_config_check,
	  "[--json] SYSCONFIG [CELLCONFIG...]",
	  "find mistakes in cell configurations",
	  "Checks a system config and the cell configs meant to run on it "
	  "with the\nhypervisor's own rules: an error is what enable or cell "
	  "create would refuse,\nadvice is what a person may ignore. Exit "
	  "status 1 on any error. Every rule,\nevery advice and its fix: "
	  "docs/config-format.md" },
	{ "config", "show", cmd_config_show, "FILE.cell...",
	  "print a cell configuration readably", NULL },
	{ "config", "create", cmd_config_create,
	  "[-r DIR|TARBALL] [--mem-hv SIZE] [--mem-inmates SIZE] "
	  "[--overlay DTS] OUT.c",
	  "generate a root-cell config from the device tree and /proc/iomem",
	  "Reads /sys/firmware/fdt and /proc/iomem (or what \"config "
	  "collect\" gathered,\nwith -r) and writes OUT.c, a Jailhouse-format "
	  "config source, and OUT.cell.\nMore options: --console DEV, --cell "
	  "OUT.cell, --name NAME, --dtb FILE,\n--iomem FILE. "
	  "docs/config-create.md" },
	{ "config", "collect", cmd_config_collect, "OUT.tar",
	  "gather what \"config create\" needs into a tarball (as root)",
	  NULL },
};

#define NUM_COMMANDS (sizeof(commands) / sizeof(commands[0]))

/* All commands, or those of one group ("cell", "config"). */
static void usage(FILE *out, const char *group)
{
	unsigned int i;

	fprintf(out, "Usage: %s %s%sCOMMAND [ARGS]\n\nCommands:\n", prog_name,
		group ? group : "", group ? " " : "");
	for (i = 0; i < NUM_COMMANDS; i++) {
		const struct command *c = &commands[i];
		char words[96];

		if (group && (!c->group || strcmp(c->group, group)))
			continue;

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
	usage(stdout, NULL);
	return 0;
}

/* Options whose next word is their value: "-s -h" loads the string "-h". */
static int takes_value(const char *word)
{
	static const char *const valued[] = { "-s",	  "--string",
					      "-a",	  "--address",
					      "--name",	  "--elf",
					      "--config", "--kaslr-offset" };
	unsigned int i;

	for (i = 0; i < sizeof(valued) / sizeof(valued[0]); i++)
		if (!strcmp(word, valued[i]))
			return 1;
	return 0;
}

/* Whether a command's arguments ask for its help (-h or --help). */
static int wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
		if (takes_value(argv[i]))
			i++;
	}
	return 0;
}

/* "warden COMMAND --help": its synopsis and what it does, on stdout. */
static int command_help(const struct command *c)
{
	printf("Usage: %s %s%s%s%s%s\n\n%c%s.\n", prog_name,
	       c->group ? c->group : "", c->group ? " " : "", c->name,
	       *c->args ? " " : "", c->args, toupper(c->help[0]), c->help + 1);
	if (c->details)
		printf("%s\n", c->details);
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
		usage(stderr, NULL);
		return 2;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
		return cmd_help(argc - 1, argv + 1);

	for (i = 0; i < NUM_COMMANDS; i++) {
		const struct command *c = &commands[i];

		int words = c->group ? 2 : 1;

		if (c->group ? !strcmp(c->group, argv[1]) && argc > 2 &&
				       !strcmp(c->name, argv[2]) :
			       !strcmp(c->name, argv[1])) {
			/* every command, before it takes --help for a file */
			if (c->name[0] != '-' &&
			    wants_help(argc - words + 1, argv + words - 1))
				return command_help(c);
			return c->run(argc - words, argv + words);
		}
	}

	if (is_group(argv[1]) && argc > 2 &&
	    (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h"))) {
		usage(stdout, argv[1]);
		return 0;
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
