// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <warden/ioctl.h>

#include "commands.h"
#include "driver_dev.h"

int driver_open(void)
{
	int fd = open(WARDEN_DEVICE, O_RDWR), version;

	if (fd < 0) {
		fprintf(stderr, "%s: cannot open %s: %s%s\n", prog_name,
			WARDEN_DEVICE, strerror(errno),
			errno == ENOENT ?
				" (load the driver: modprobe warden)" :
				"");
		return -1;
	}
	version = ioctl(fd, WARDEN_IOCTL_GET_VERSION);
	if (version != WARDEN_ABI_VERSION) {
		fprintf(stderr,
			"%s: the warden driver speaks ABI %d, this tool %d: "
			"install a matching driver and tool\n",
			prog_name, version, WARDEN_ABI_VERSION);
		close(fd);
		return -1;
	}
	return fd;
}
