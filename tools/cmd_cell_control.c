// SPDX-License-Identifier: GPL-2.0
/* warden cell start CELL and warden cell destroy CELL. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <warden/ioctl.h>

#include "cell_args.h"
#include "commands.h"
#include "driver_dev.h"
#include "driver_log.h"

static int simple(int argc, char **argv, unsigned long req, const char *verb,
		  const char *done)
{
	struct jailhouse_cell_id id;
	char err[160], ref[64], what[96];
	int used = -1, fd, ret;

	err[0] = 0;
	if (argc >= 2)
		used = cell_ref_parse(argc - 1, argv + 1, &id, err,
				      sizeof(err));
	if (used < 0 || used != argc - 1) {
		fprintf(stderr,
			"%s: cell %s: %s\nUsage: %s cell %s {ID|[--name] "
			"NAME}\n",
			prog_name, verb,
			used < 0 ? (err[0] ? err :
					     "which cell? give its ID "
					     "or name") :
				   "too many arguments",
			prog_name, verb);
		return 2;
	}
	fd = driver_open();
	if (fd < 0)
		return 1;
	snprintf(what, sizeof(what), "cannot %s %s", verb,
		 cell_ref_str(&id, ref, sizeof(ref)));
	ret = driver_ioctl(fd, req, &id, what);
	close(fd);
	if (ret)
		return 1;
	printf("%s %s\n", done, cell_ref_str(&id, ref, sizeof(ref)));
	return 0;
}

int cmd_cell_start(int argc, char **argv)
{
	return simple(argc, argv, JAILHOUSE_CELL_START, "start", "Started");
}

int cmd_cell_destroy(int argc, char **argv)
{
	return simple(argc, argv, JAILHOUSE_CELL_DESTROY, "destroy",
		      "Destroyed");
}
