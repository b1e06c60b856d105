/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The driver explains a refusal in the kernel log ("warden: ..." lines,
 * the hypervisor's own reasons included); the CLI shows those lines with
 * its error, so that the user sees why without running dmesg.
 */
#ifndef WARDEN_TOOLS_DRIVER_LOG_H
#define WARDEN_TOOLS_DRIVER_LOG_H

struct driver_log_mark {
	char *log;
	int len;
};

/* Remembers where the kernel log ends now. */
void driver_log_mark(struct driver_log_mark *m);

/* Prints the "warden: " lines logged since the mark to stderr, frees it. */
void driver_log_print(struct driver_log_mark *m);

void driver_log_free(struct driver_log_mark *m);

/*
 * One ioctl with the driver's explanation on failure: "PROG: WHAT:
 * strerror" and the new log lines. Returns 0 or -1 (errno kept).
 */
int driver_ioctl(int fd, unsigned long req, void *arg, const char *what);

#endif
