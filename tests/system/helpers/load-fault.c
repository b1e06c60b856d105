// SPDX-License-Identifier: GPL-2.0
/*
 * load-fault CELL: a cell load that fails in the middle of an image, which
 * the warden CLI never issues. Two images: 4 KiB at 0x0, then 8 KiB at
 * 0x1000 whose source buffer's second page is unreadable, so that the
 * driver copies the first image and half of the second before it fails.
 * Exits 0 if the load failed with EFAULT, as it must.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <warden/ioctl.h>

#define PAGE 4096

int main(int argc, char **argv)
{
	struct jailhouse_cell_load *req;
	unsigned char *buf;
	int fd, ret;

	if (argc != 2) {
		fprintf(stderr, "usage: %s CELL\n", argv[0]);
		return 2;
	}
	req = calloc(1, sizeof(*req) + 2 * sizeof(req->image[0]));
	/* pages 0-1: image 1 and the readable half of image 2; page 2 not */
	buf = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!req || buf == MAP_FAILED ||
	    mprotect(buf + 2 * PAGE, PAGE, PROT_NONE)) {
		perror("load-fault: setting up");
		return 2;
	}
	memset(buf, 0xa5, 2 * PAGE);
	req->cell_id.id = -1;
	strncpy(req->cell_id.name, argv[1], sizeof(req->cell_id.name) - 1);
	req->num_preload_images = 2;
	req->image[0].source_address = (unsigned long)buf;
	req->image[0].size = PAGE;
	req->image[0].target_address = 0;
	req->image[1].source_address = (unsigned long)(buf + PAGE);
	req->image[1].size = 2 * PAGE;
	req->image[1].target_address = PAGE;
	fd = open("/dev/warden", O_RDWR);
	if (fd < 0) {
		perror("load-fault: /dev/warden");
		return 2;
	}
	ret = ioctl(fd, JAILHOUSE_CELL_LOAD, req);
	printf("load-fault: load of cell \"%s\": %s\n", argv[1],
	       ret ? strerror(errno) : "succeeded");
	return ret && errno == EFAULT ? 0 : 1;
}
