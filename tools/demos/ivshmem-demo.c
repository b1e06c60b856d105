// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-demo: the root side of the ivshmem demo link, with the command
 * line and output of Jailhouse's tool of the same name.
 *
 *   ivshmem-demo [-d DEV] [-t TARGET]
 *
 * It maps the UIO device's five maps (registers, state table, R/W section,
 * input sections, own output section), sets its state to ID + 1, rings
 * TARGET's doorbell once a second and, on every interrupt, records the
 * interrupt count in rw[ID] and count * 10 in its output section, prints
 * the shared memory and re-arms the one-shot interrupt.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <unistd.h>

enum { REG_ID, REG_MAX_PEERS, REG_INT_CONTROL, REG_DOORBELL, REG_STATE };
enum { MAP_REGS, MAP_STATE, MAP_RW, MAP_INPUT, MAP_OUTPUT, NUM_MAPS };

struct demo {
	const char *dev;
	const char *uio; /* "uioN" */
	volatile uint32_t *map[NUM_MAPS];
	uint32_t id, peers, target;
	int fd;
};

static void __attribute__((noreturn, format(printf, 2, 3)))
die(int err, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "ivshmem-demo: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
	exit(1);
}

/* /sys/class/uio/uioN/maps/mapI/size, as UIO prints it ("0x..."). */
static size_t map_size(const struct demo *d, int i)
{
	char path[128];
	unsigned long long size;
	FILE *f;
	int n;

	snprintf(path, sizeof(path), "/sys/class/uio/%s/maps/map%d/size",
		 d->uio, i);
	f = fopen(path, "r");
	if (!f)
		die(errno, "%s (is %s an ivshmem UIO device?)", path, d->dev);
	n = fscanf(f, "%llx", &size);
	fclose(f);
	if (n != 1 || !size)
		die(EINVAL, "%s: no size", path);
	return size;
}

static void map_all(struct demo *d)
{
	static const int prot[NUM_MAPS] = {
		[MAP_REGS] = PROT_READ | PROT_WRITE,   [MAP_STATE] = PROT_READ,
		[MAP_RW] = PROT_READ | PROT_WRITE,     [MAP_INPUT] = PROT_READ,
		[MAP_OUTPUT] = PROT_READ | PROT_WRITE,
	};
	long page = sysconf(_SC_PAGESIZE);
	int i;

	for (i = 0; i < NUM_MAPS; i++) {
		void *p = mmap(NULL, map_size(d, i), prot[i], MAP_SHARED, d->fd,
			       (off_t)i * page);

		if (p == MAP_FAILED)
			die(errno, "mmap of map %d of %s", i, d->dev);
		d->map[i] = p;
	}
}

static uint32_t reg_read(const struct demo *d, int reg)
{
	return d->map[MAP_REGS][reg];
}

static void reg_write(const struct demo *d, int reg, uint32_t val)
{
	d->map[MAP_REGS][reg] = val;
}

static void show(const struct demo *d)
{
	const volatile uint32_t *in = d->map[MAP_INPUT];
	int i;

	for (i = 0; i < 3; i++)
		printf("state[%d] = %u\n", i, d->map[MAP_STATE][i]);
	for (i = 0; i < 3; i++)
		printf("rw[%d] = %u\n", i, d->map[MAP_RW][i]);
	/* each peer's output section is 8 KiB in the demo link */
	for (i = 0; i < 3; i++)
		printf("in@0x%04x = %u\n", i * 0x2000, in[i * 0x2000 / 4]);
	fflush(stdout);
}

static void usage(void)
{
	fprintf(stderr, "Usage: ivshmem-demo [-d DEV] [-t TARGET]\n");
	exit(1);
}

static void parse_args(struct demo *d, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (i + 1 < argc &&
		    (!strcmp(argv[i], "-t") || !strcmp(argv[i], "--target"))) {
			d->target = strtoul(argv[++i], NULL, 0);
		} else if (i + 1 < argc && (!strcmp(argv[i], "-d") ||
					    !strcmp(argv[i], "--device"))) {
			d->dev = argv[++i];
		} else {
			printf("Invalid argument '%s'\n", argv[i]);
			usage();
		}
	}
	d->uio = strrchr(d->dev, '/') ? strrchr(d->dev, '/') + 1 : d->dev;
}

int main(int argc, char **argv)
{
	struct demo d = { .dev = "/dev/uio0", .target = UINT32_MAX };
	struct signalfd_siginfo si;
	struct pollfd fds[2];
	char path[128];
	uint32_t count, vector;
	sigset_t alarm_set;
	int msix;

	setvbuf(stdout, NULL, _IOLBF, 0);
	parse_args(&d, argc, argv);
	d.fd = open(d.dev, O_RDWR);
	if (d.fd < 0)
		die(errno, "open %s", d.dev);
	snprintf(path, sizeof(path), "/sys/class/uio/%s/device/msi_irqs",
		 d.uio);
	msix = access(path, R_OK) == 0;
	map_all(&d);

	d.id = reg_read(&d, REG_ID);
	d.peers = reg_read(&d, REG_MAX_PEERS);
	printf("ID = %u\n", d.id);
	printf("Maximum peers = %u\n", d.peers);
	if (d.target == UINT32_MAX && d.peers)
		d.target = (d.id + 1) % d.peers;
	if (d.target >= d.peers || d.target == d.id)
		die(EINVAL, "invalid peer number %u (peers 0-%u, this is %u)",
		    d.target, d.peers ? d.peers - 1 : 0, d.id);

	reg_write(&d, REG_STATE, d.id + 1);
	d.map[MAP_RW][d.id] = 0;
	d.map[MAP_OUTPUT][0] = 0;

	/* the once-a-second doorbell comes through the same poll() */
	sigemptyset(&alarm_set);
	sigaddset(&alarm_set, SIGALRM);
	sigprocmask(SIG_BLOCK, &alarm_set, NULL);
	fds[0] = (struct pollfd){ .fd = d.fd, .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = signalfd(-1, &alarm_set, 0),
				  .events = POLLIN };
	if (fds[1].fd < 0)
		die(errno, "signalfd");

	reg_write(&d, REG_INT_CONTROL, 1);
	alarm(1);
	show(&d);

	for (;;) {
		if (poll(fds, 2, -1) < 0)
			die(errno, "poll");
		if (fds[0].revents & POLLIN) {
			if (read(d.fd, &count, sizeof(count)) != sizeof(count))
				die(errno, "read %s", d.dev);
			d.map[MAP_RW][d.id] = count;
			d.map[MAP_OUTPUT][0] = count * 10;
			printf("\nInterrupt #%u\n", count);
			show(&d);
			reg_write(&d, REG_INT_CONTROL, 1);
		}
		if (fds[1].revents & POLLIN) {
			if (read(fds[1].fd, &si, sizeof(si)) != sizeof(si))
				die(errno, "read signalfd");
			vector = msix ? d.id + 1 : 0;
			printf("\nSending interrupt %u to peer %u\n", vector,
			       d.target);
			reg_write(&d, REG_DOORBELL, vector | d.target << 16);
			alarm(1);
		}
	}
}
