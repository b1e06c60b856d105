// SPDX-License-Identifier: GPL-2.0
/*
 * warden cell list: the cells the driver knows, from /sys/devices/warden,
 * with Jailhouse's columns.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "driver_dev.h"

static void read_attr(const char *cell, const char *attr, char *buf, size_t len)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), WARDEN_SYSFS "/cells/%s/%s", cell, attr);
	buf[0] = 0;
	f = fopen(path, "r");
	if (!f)
		return;
	if (!fgets(buf, len, f))
		buf[0] = 0;
	fclose(f);
	buf[strcspn(buf, "\n")] = 0;
}

static int by_number(const struct dirent **a, const struct dirent **b)
{
	return atoi((*a)->d_name) - atoi((*b)->d_name);
}

static int is_cell(const struct dirent *d)
{
	return d->d_name[0] >= '0' && d->d_name[0] <= '9';
}

int cmd_cell_list(int argc, char **argv)
{
	struct dirent **cells;
	int n, i;

	if (argc != 1) {
		fprintf(stderr, "Usage: %s cell list\n", prog_name);
		return 2;
	}
	n = scandir(WARDEN_SYSFS "/cells", &cells, is_cell, by_number);
	if (n < 0) {
		fprintf(stderr,
			"%s: no %s/cells: is the warden driver loaded? "
			"(modprobe warden)\n",
			prog_name, WARDEN_SYSFS);
		return 1;
	}
	/* Jailhouse's columns and widths */
	printf("%-8s%-24s%-18s%-24s%s\n", "ID", "Name", "State",
	       "Assigned CPUs", "Failed CPUs");
	for (i = 0; i < n; i++) {
		char name[64], state[32], cpus[128], failed[128];

		read_attr(cells[i]->d_name, "name", name, sizeof(name));
		read_attr(cells[i]->d_name, "state", state, sizeof(state));
		read_attr(cells[i]->d_name, "cpus_assigned_list", cpus,
			  sizeof(cpus));
		read_attr(cells[i]->d_name, "cpus_failed_list", failed,
			  sizeof(failed));
		printf("%-8s%-24s%-18s%-24s%s\n", cells[i]->d_name, name, state,
		       cpus, failed);
		free(cells[i]);
	}
	free(cells);
	return 0;
}
