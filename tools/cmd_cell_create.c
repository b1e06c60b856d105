// SPDX-License-Identifier: GPL-2.0
/*
 * warden cell create CELLCONFIG: the config is parsed here first, so that
 * a file that is not a cell config is refused with the parser's reason
 * before the driver takes any CPU away from Linux.
 */
#include <stdio.h>
#include <unistd.h>

#include <warden/ioctl.h>

#include "commands.h"
#include "config_file.h"
#include "driver_dev.h"
#include "driver_log.h"

int cmd_cell_create(int argc, char **argv)
{
	struct jailhouse_cell_create args = { 0 };
	struct config_file f = { 0 };
	char what[96];
	int fd, err;

	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "Usage: %s cell create CELLCONFIG\n",
			prog_name);
		return 2;
	}
	if (config_file_load(&f, argv[1], WARDEN_CONFIG_CELL)) {
		fprintf(stderr, "%s: %s: %s\n", prog_name, argv[1], f.error);
		config_file_free(&f);
		return 1;
	}
	fd = driver_open();
	if (fd < 0) {
		config_file_free(&f);
		return 1;
	}
	args.config_address = (uintptr_t)f.data;
	args.config_size = f.cfg.file_size;
	snprintf(what, sizeof(what), "cannot create cell \"%s\"",
		 f.cfg.cell->name);
	err = driver_ioctl(fd, JAILHOUSE_CELL_CREATE, &args, what);
	if (!err)
		printf("Created cell \"%s\"\n", f.cfg.cell->name);
	close(fd);
	config_file_free(&f);
	return err ? 1 : 0;
}
