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

int cmd_disable(int argc, char **argv)
{
	int fd, err;

	if (argc != 1) {
		fprintf(stderr, "Usage: %s disable\n", prog_name);
		return 2;
	}
	fd = driver_open();
	if (fd < 0)
		return 1;
	err = ioctl(fd, JAILHOUSE_DISABLE);
	if (err) {
		err = errno;
		fprintf(stderr, "%s: disable failed: %s%s\n", prog_name,
			strerror(err),
			err == EINVAL ? " (the hypervisor is not enabled)" :
			err == EBUSY  ? " (a root CPU is offline: bring it "
					"online first; see dmesg)" :
					" (see dmesg)");
	}
	close(fd);
	return err ? 1 : 0;
}
