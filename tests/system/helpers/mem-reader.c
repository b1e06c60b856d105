// SPDX-License-Identifier: GPL-2.0
/*
 * mem-reader ADDR STOPFILE: reads the 32-bit word at physical ADDR through
 * /dev/mem in a loop until STOPFILE exists, then prints how often. Keeps a
 * root CPU walking the root's stage 2 near memory that cells take and give
 * back.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned long long addr, reads = 0;
	volatile uint32_t *p;
	uint32_t v = 0;
	void *map;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: %s ADDR STOPFILE\n", argv[0]);
		return 2;
	}
	addr = strtoull(argv[1], NULL, 0);
	fd = open("/dev/mem", O_RDONLY | O_SYNC);
	if (fd < 0) {
		perror("mem-reader: /dev/mem");
		return 2;
	}
	map = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, addr & ~4095ULL);
	if (map == MAP_FAILED) {
		perror("mem-reader: mmap");
		return 2;
	}
	p = (volatile uint32_t *)((char *)map + (addr & 4095));
	for (;;) {
		unsigned int i;

		for (i = 0; i < 4096; i++)
			v += *p;
		reads += 4096;
		if (!access(argv[2], F_OK))
			break;
	}
	printf("mem-reader: %llu reads of 0x%llx (sum 0x%x)\n", reads, addr, v);
	return 0;
}
