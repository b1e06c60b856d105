// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-echo [-d DEV] [-t TARGET] [-n COUNT]: the root's half of the
 * doorbell round trip (bench/inmates/ivshmem-rtt.c). On the ivshmem UIO
 * device DEV (default /dev/uio0) it sets its state to ID + 1 (the cell
 * waits for it), then answers every interrupt with a doorbell to TARGET
 * (default 1), re-arming its one-shot interrupt first so that no ring is
 * lost; after COUNT answers (default: for ever) it exits. Its doorbell
 * write sits between the vcpu-marks markers MARK_SEND and MARK_SENT
 * (bench/lib/pmu.h): pinned to one CPU (taskset), the plugin counts the
 * root CPU's instructions for it, the hypervisor's trap included.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define REG_INT_CONTROL 2
#define REG_DOORBELL 3
#define REG_STATE 4
#define REG_ID 0
/* bench/lib/pmu.h's markers 2 and 3, NOPs everywhere */
#define MARK_SEND() asm volatile("hint #0x72" : : : "memory")
#define MARK_SENT() asm volatile("hint #0x73" : : : "memory")

int main(int argc, char **argv)
{
	const char *dev = "/dev/uio0";
	unsigned long target = 1, n = 0, count = 0;
	volatile uint32_t *regs;
	uint32_t events;
	int fd, i;

	for (i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "-d"))
			dev = argv[i + 1];
		else if (!strcmp(argv[i], "-t"))
			target = strtoul(argv[i + 1], NULL, 0);
		else if (!strcmp(argv[i], "-n"))
			count = strtoul(argv[i + 1], NULL, 0);
		else
			break;
	}
	if (i < argc) {
		fprintf(stderr, "Usage: ivshmem-echo [-d DEV] [-t TARGET] "
				"[-n COUNT]\n");
		return 2;
	}
	fd = open(dev, O_RDWR);
	if (fd < 0) {
		fprintf(stderr, "ivshmem-echo: %s: %s\n", dev, strerror(errno));
		return 1;
	}
	/* map 0: the register page */
	regs = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (regs == MAP_FAILED) {
		fprintf(stderr, "ivshmem-echo: mmap: %s\n", strerror(errno));
		return 1;
	}
	regs[REG_INT_CONTROL] = 1;
	regs[REG_STATE] = regs[REG_ID] + 1;
	printf("ivshmem-echo: ID %u, answering peer %lu\n", regs[REG_ID],
	       target);
	fflush(stdout);
	while (!count || n < count) {
		if (read(fd, &events, sizeof(events)) != sizeof(events)) {
			fprintf(stderr, "ivshmem-echo: read: %s\n",
				strerror(errno));
			return 1;
		}
		regs[REG_INT_CONTROL] = 1;
		MARK_SEND();
		regs[REG_DOORBELL] = (uint32_t)target << 16;
		MARK_SENT();
		n++;
	}
	printf("ivshmem-echo: %lu answers\n", n);
	return 0;
}
