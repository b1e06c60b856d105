// SPDX-License-Identifier: GPL-2.0
/*
 * warden console [-f]: the hypervisor's console as kept in memory; with -f
 * keep printing what it writes until interrupted.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "driver_dev.h"

static int copy_out(int fd)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (fwrite(buf, 1, n, stdout) != (size_t)n)
			return -1;
	fflush(stdout);
	return n < 0 ? -1 : 0;
}

int cmd_console(int argc, char **argv)
{
	int follow = argc == 2 && !strcmp(argv[1], "-f");
	int fd;

	if (argc > 2 || (argc == 2 && !follow)) {
		fprintf(stderr, "Usage: %s console [-f]\n", prog_name);
		return 2;
	}
	fd = driver_open();
	if (fd < 0)
		return 1;
	do {
		if (copy_out(fd)) {
			fprintf(stderr, "%s: reading the console: %s\n",
				prog_name, strerror(errno));
			close(fd);
			return 1;
		}
		if (follow)
			usleep(200000);
	} while (follow);
	close(fd);
	return 0;
}
