// SPDX-License-Identifier: GPL-2.0
/*
 * warden console [-f] [--raw] [--cell CELL [-i]]: the hypervisor's console
 * as kept in memory, or a cell's virtual console (what the cell wrote by
 * hypercall, docs/cells.md); -f keeps printing what comes; -i sends input
 * to the cell: standard input until its end, or, on a terminal, each key
 * as typed until Ctrl-] (an interactive session).
 * What a ring holds is shown as the UART shows a cell's lines, printable
 * ASCII and newlines alone (warden/console_text.h), also into a pipe,
 * which often ends on a terminal ("| tail"): no cell sends escape
 * sequences to the terminal of whoever reads its console. --raw gives
 * the bytes as written (into a file, to a program); so does an
 * interactive session, which is a terminal attached to the cell (its
 * shell's line editing needs them).
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sys/ioctl.h>

#include <warden/console_text.h>
#include <warden/ioctl.h>

#include "cell_args.h"
#include "commands.h"
#include "driver_dev.h"
#include "driver_log.h"

#define KEY_QUIT 0x1d /* Ctrl-] as in telnet */

struct console_args {
	int follow, input, cell, raw;
	struct jailhouse_cell_id id;
};

static const char usage[] =
	"Usage: %s console [-f] [--raw] [--cell {ID|NAME} [-i]]\n";

static int parse(int argc, char **argv, struct console_args *a)
{
	char err[160];
	int i;

	memset(a, 0, sizeof(*a));
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-f") || !strcmp(argv[i], "--follow")) {
			a->follow = 1;
		} else if (!strcmp(argv[i], "--raw")) {
			a->raw = 1;
		} else if (!strcmp(argv[i], "-i") ||
			   !strcmp(argv[i], "--input")) {
			a->input = 1;
		} else if (!strcmp(argv[i], "--cell") && i + 1 < argc) {
			err[0] = 0;
			if (cell_ref_parse(1, argv + i + 1, &a->id, err,
					   sizeof(err)) != 1) {
				fprintf(stderr, "%s: console: %s\n", prog_name,
					err[0] ? err : "which cell?");
				return -1;
			}
			a->cell = 1;
			i++;
		} else {
			fprintf(stderr, "%s: console: unknown argument '%s'\n",
				prog_name, argv[i]);
			return -1;
		}
	}
	if (a->input && !a->cell) {
		fprintf(stderr,
			"%s: console: -i sends input to a cell: give it with "
			"--cell\n",
			prog_name);
		return -1;
	}
	return 0;
}

/*
 * What is new on the console to stdout, filtered unless raw; 1 when the
 * cell went away.
 */
static int copy_out(int fd, const struct console_args *a, int raw)
{
	char buf[4096], ref[64];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		size_t left = raw ? (size_t)n : console_text_filter(buf, n);

		if (fwrite(buf, 1, left, stdout) != left)
			return -1;
	}
	fflush(stdout);
	if (n < 0 && errno == ENOENT && a->cell) {
		fprintf(stderr, "%s: console: %s was destroyed\n", prog_name,
			cell_ref_str(&a->id, ref, sizeof(ref)));
		return 1;
	}
	if (n < 0) {
		fprintf(stderr, "%s: reading the console: %s\n", prog_name,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* All of buf to the cell; the driver waits while the cell's FIFO is full. */
static int send_input(int fd, const struct console_args *a, const char *buf,
		      size_t len)
{
	struct driver_log_mark mark;
	char ref[64];
	ssize_t n;

	while (len) {
		driver_log_mark(&mark);
		n = write(fd, buf, len);
		if (n <= 0) {
			int e = errno;

			fprintf(stderr,
				"%s: console: cannot send input to %s: "
				"%s\n",
				prog_name,
				cell_ref_str(&a->id, ref, sizeof(ref)),
				e == EAGAIN ? "it reads none (its input is "
					      "full; is warden_hvc loaded?)" :
					      strerror(e));
			driver_log_print(&mark);
			return -1;
		}
		driver_log_free(&mark);
		buf += n;
		len -= n;
	}
	return 0;
}

/* Standard input to the cell until it ends. */
static int input_stream(int fd, const struct console_args *a)
{
	char buf[1024];
	ssize_t n;

	while ((n = read(0, buf, sizeof(buf))) > 0)
		if (send_input(fd, a, buf, n))
			return -1;
	return n < 0 ? -1 : 0;
}

/* A terminal session: keys to the cell, its output to us, Ctrl-] ends. */
static int interactive(int fd, const struct console_args *a)
{
	struct termios saved, raw;
	struct pollfd p = { .fd = 0, .events = POLLIN };
	char buf[256], ref[64];
	int ret = 0;

	if (tcgetattr(0, &saved))
		return -1;
	fprintf(stderr, "[console of %s; Ctrl-] leaves]\r\n",
		cell_ref_str(&a->id, ref, sizeof(ref)));
	raw = saved;
	cfmakeraw(&raw);
	tcsetattr(0, TCSANOW, &raw);
	/* the UART may be this terminal: no second copy of each line */
	ioctl(fd, WARDEN_IOCTL_CONSOLE_MIRROR, 0);
	for (;;) {
		ssize_t n;
		char *quit;

		/* the cell's bytes as written: the terminal is the cell's */
		ret = copy_out(fd, a, 1);
		if (ret)
			break;
		if (poll(&p, 1, 50) <= 0)
			continue;
		n = read(0, buf, sizeof(buf));
		if (n <= 0)
			break;
		quit = memchr(buf, KEY_QUIT, n);
		if (quit)
			n = quit - buf;
		if (n && send_input(fd, a, buf, n)) {
			ret = -1;
			break;
		}
		if (quit)
			break;
	}
	ioctl(fd, WARDEN_IOCTL_CONSOLE_MIRROR, 1);
	tcsetattr(0, TCSANOW, &saved);
	fprintf(stderr, "\n");
	return ret;
}

int cmd_console(int argc, char **argv)
{
	struct console_args a;
	char what[96], ref[64];
	int fd, ret = 0;

	if (parse(argc, argv, &a)) {
		fprintf(stderr, usage, prog_name);
		return 2;
	}
	fd = driver_open();
	if (fd < 0)
		return 1;
	if (a.cell) {
		snprintf(what, sizeof(what), "no console of %s",
			 cell_ref_str(&a.id, ref, sizeof(ref)));
		if (driver_ioctl(fd, WARDEN_IOCTL_CONSOLE_CELL, &a.id, what)) {
			close(fd);
			return 1;
		}
	}
	if (a.input && isatty(0)) {
		ret = interactive(fd, &a);
		close(fd);
		return ret ? 1 : 0;
	}
	if (a.input && input_stream(fd, &a)) {
		close(fd);
		return 1;
	}
	if (a.input && !a.follow) {
		close(fd);
		return 0;
	}
	do {
		ret = copy_out(fd, &a, a.raw);
		if (ret)
			break;
		if (a.follow)
			usleep(200000);
	} while (a.follow);
	close(fd);
	return ret ? 1 : 0;
}
