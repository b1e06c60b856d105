// SPDX-License-Identifier: GPL-2.0
/* warden disable: the hypervisor leaves; Linux keeps every CPU and device. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <warden/ioctl.h>

#include "commands.h"
#include "driver_dev.h"
#include "driver_log.h"

int cmd_disable(int argc, char **argv)
{
	struct driver_log_mark log;
	int fd, err;

	if (argc != 1) {
		fprintf(stderr, "Usage: %s disable\n", prog_name);
		return 2;
	}
	fd = driver_open();
	if (fd < 0)
		return 1;
	driver_log_mark(&log);
	err = ioctl(fd, JAILHOUSE_DISABLE);
	if (err) {
		err = errno;
		fprintf(stderr, "%s: disable failed: %s%s\n", prog_name,
			strerror(err),
			err == EINVAL ? " (the hypervisor is not enabled)" :
					"");
		/* the driver's reasons: an offline root CPU, a cell that stays */
		driver_log_print(&log);
	} else {
		driver_log_free(&log);
	}
	close(fd);
	return err ? 1 : 0;
}
