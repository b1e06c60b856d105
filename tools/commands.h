/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The warden CLI's commands. Each lives in its own cmd_*.c file and is
 * listed in the table in warden.c. A command gets argv without the words
 * that selected it (argv[0] is the last of them) and returns the exit
 * status: 0 success, 1 failure, 2 usage error.
 */
#ifndef WARDEN_TOOLS_COMMANDS_H
#define WARDEN_TOOLS_COMMANDS_H

struct command {
	const char *group; /* "cell", "config" or NULL for top level */
	const char *name;
	int (*run)(int argc, char **argv);
	const char *args; /* usage synopsis after the command words */
	const char *help; /* one line */
	const char *details; /* more for "--help", or NULL */
};

/* The name the tool was called by ("warden" or "jailhouse"). */
extern const char *prog_name;

int cmd_decode(int argc, char **argv);

int cmd_config_check(int argc, char **argv);
int cmd_config_show(int argc, char **argv);
int cmd_config_create(int argc, char **argv);
int cmd_config_collect(int argc, char **argv);

int cmd_enable(int argc, char **argv);
int cmd_disable(int argc, char **argv);
int cmd_console(int argc, char **argv);
int cmd_cell_list(int argc, char **argv);
int cmd_cell_create(int argc, char **argv);
int cmd_cell_load(int argc, char **argv);
int cmd_cell_linux(int argc, char **argv);
int cmd_cell_start(int argc, char **argv);
int cmd_cell_shutdown(int argc, char **argv);
int cmd_cell_destroy(int argc, char **argv);
int cmd_cell_stats(int argc, char **argv);
int cmd_hypercall(int argc, char **argv);

#endif
