// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/klog.h>

#include "commands.h"
#include "driver_log.h"

#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10

static char *kernel_log(int *len)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	char *buf;

	*len = 0;
	if (size <= 0)
		return NULL;
	buf = malloc(size + 1);
	if (!buf)
		return NULL;
	*len = klogctl(SYSLOG_ACTION_READ_ALL, buf, size);
	if (*len < 0) {
		free(buf);
		*len = 0;
		return NULL;
	}
	buf[*len] = 0;
	return buf;
}

void driver_log_mark(struct driver_log_mark *m)
{
	m->log = kernel_log(&m->len);
}

void driver_log_free(struct driver_log_mark *m)
{
	free(m->log);
	m->log = NULL;
}

void driver_log_print(struct driver_log_mark *m)
{
	int len;
	char *after = kernel_log(&len), *p, *line, *save;
	const char *last = NULL;

	if (!after) {
		driver_log_free(m);
		return;
	}
	/* The old log's last line, found again in the new one. */
	if (m->log && m->len > 0) {
		const char *end = m->log + m->len;
		const char *start = end - 1;

		while (start > m->log && start[-1] != '\n')
			start--;
		if (end > start && (last = strstr(after, start)))
			last += end - start;
	}
	p = last ? (char *)last : after;
	for (line = strtok_r(p, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		const char *w = strstr(line, "warden: ");

		if (w)
			fprintf(stderr, "  %s\n", w);
	}
	free(after);
	driver_log_free(m);
}

int driver_ioctl(int fd, unsigned long req, void *arg, const char *what)
{
	struct driver_log_mark m;
	int err;

	driver_log_mark(&m);
	if (!ioctl(fd, req, arg)) {
		driver_log_free(&m);
		return 0;
	}
	err = errno;
	fprintf(stderr, "%s: %s: %s%s\n", prog_name, what, strerror(err),
		err == ENODEV ? " (the hypervisor is not enabled: warden "
				"enable SYSCONFIG)" :
				"");
	driver_log_print(&m);
	errno = err;
	return -1;
}
