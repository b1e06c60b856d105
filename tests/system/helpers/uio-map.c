// SPDX-License-Identifier: GPL-2.0
/*
 * uio-map DEV MAP {r|w|p}: maps map MAP of the UIO device DEV for reading
 * (r), for writing (w), or for reading and then asks mprotect() to make it
 * writable (p); prints "mapped" or "refused: ERRNO-TEXT", nothing else.
 * The ivshmem tests check which maps the driver lets a process write.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long page = sysconf(_SC_PAGESIZE);
	int prot, fd;
	void *p;

	if (argc != 4 || !strchr("rwp", argv[3][0])) {
		fprintf(stderr, "usage: uio-map DEV MAP {r|w|p}\n");
		return 2;
	}
	prot = argv[3][0] == 'w' ? PROT_READ | PROT_WRITE : PROT_READ;
	fd = open(argv[1], O_RDWR);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	p = mmap(NULL, page, prot, MAP_SHARED, fd, atol(argv[2]) * page);
	if (p == MAP_FAILED) {
		printf("refused: %s\n", strerror(errno));
		return 0;
	}
	if (argv[3][0] == 'p' && mprotect(p, page, PROT_READ | PROT_WRITE))
		printf("refused: %s\n", strerror(errno));
	else
		printf("mapped\n");
	return 0;
}
