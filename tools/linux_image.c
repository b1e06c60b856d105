// SPDX-License-Identifier: GPL-2.0
/* The arm64 Image header: see linux_image.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "linux_image.h"
#include "numparse.h"

#define IMAGE_HEADER_SIZE 64
#define IMAGE_MAGIC 0x644d5241 /* "ARM\x64" at offset 56 */
#define IMAGE_FLAG_BE 1
/* booting.rst: an image_size of 0 means a pre-3.17 kernel at 0x80000 */
#define IMAGE_OLD_TEXT_OFFSET 0x80000

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

int linux_image_parse(struct linux_image *img, const char *path, uint8_t *data,
		      size_t size, char *err, size_t len)
{
	uint64_t flags;

	memset(img, 0, sizeof(*img));
	if (size < IMAGE_HEADER_SIZE) {
		snprintf(err, len,
			 "kernel %s is %zu bytes, too short for an arm64 "
			 "Image header (64 bytes): give the kernel's Image "
			 "(arch/arm64/boot/Image or /boot/vmlinuz-*)",
			 path, size);
		return -1;
	}
	if ((uint32_t)le64(data + 56) != IMAGE_MAGIC) {
		snprintf(err, len,
			 "kernel %s is not an arm64 Linux Image (no "
			 "\"ARM\\x64\" magic at offset 56): give the "
			 "Image, not vmlinux (ELF) or a U-Boot uImage",
			 path);
		return -1;
	}
	flags = le64(data + 24);
	if (flags & IMAGE_FLAG_BE) {
		snprintf(err, len,
			 "kernel %s is a big-endian Image: cells run "
			 "little-endian kernels",
			 path);
		return -1;
	}
	img->text_offset = le64(data + 8);
	img->image_size = le64(data + 16);
	if (!img->image_size) {
		img->text_offset = IMAGE_OLD_TEXT_OFFSET;
		/* no BSS size given: leave as much again for it */
		img->image_size = 2 * (uint64_t)size;
	}
	if (img->text_offset >= (2u << 20) || img->text_offset & 0xfff ||
	    img->image_size < size) {
		snprintf(err, len,
			 "kernel %s: its header is inconsistent "
			 "(text_offset 0x%llx, image_size 0x%llx, file %zu "
			 "bytes): the file is damaged or not an Image",
			 path, (unsigned long long)img->text_offset,
			 (unsigned long long)img->image_size, size);
		return -1;
	}
	img->data = data;
	img->size = size;
	return 0;
}

/* Reads fd to its end, at most max bytes. */
static uint8_t *read_fd(int fd, size_t max, size_t *size, int *too_big)
{
	size_t cap = 1 << 20, n = 0;
	uint8_t *buf = malloc(cap), *b;
	ssize_t r;

	*too_big = 0;
	while (buf) {
		if (n == cap) {
			if (cap > max) {
				*too_big = 1;
				break;
			}
			cap *= 2;
			b = realloc(buf, cap);
			if (!b)
				break;
			buf = b;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		if (r == 0) {
			if (n > max) {
				*too_big = 1;
				break;
			}
			*size = n;
			return buf;
		}
		n += r;
	}
	free(buf);
	return NULL;
}

uint8_t *file_read_all(const char *path, const char *what, size_t max,
		       size_t *size, char *err, size_t len)
{
	int fd = open(path, O_RDONLY), too_big;
	uint8_t *buf;
	char sz[32];

	if (fd < 0) {
		snprintf(err, len, "cannot open %s %s: %s", what, path,
			 strerror(errno));
		return NULL;
	}
	buf = read_fd(fd, max, size, &too_big);
	close(fd);
	if (!buf && too_big)
		snprintf(err, len, "%s %s is larger than %s: no cell holds it",
			 what, path, format_size(max, sz, sizeof(sz)));
	else if (!buf)
		snprintf(err, len, "cannot read %s %s", what, path);
	return buf;
}

/* "gzip -dc <path": busybox has it in the guest, Debian on the host. */
static uint8_t *gunzip(const char *path, size_t *size, char *err, size_t len)
{
	int p[2], in, status, too_big = 0;
	uint8_t *buf;
	pid_t pid;

	in = open(path, O_RDONLY);
	if (in < 0 || pipe(p)) {
		snprintf(err, len, "cannot unpack kernel %s: %s", path,
			 strerror(errno));
		if (in >= 0)
			close(in);
		return NULL;
	}
	pid = fork();
	if (pid == 0) {
		dup2(in, 0);
		dup2(p[1], 1);
		close(p[0]);
		execlp("gzip", "gzip", "-dc", (char *)NULL);
		_exit(127);
	}
	close(in);
	close(p[1]);
	buf = pid < 0 ? NULL :
			read_fd(p[0], LINUX_IMAGE_MAX_SIZE, size, &too_big);
	close(p[0]);
	if (pid > 0 && (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
			WEXITSTATUS(status))) {
		free(buf);
		buf = NULL;
	}
	if (!buf)
		snprintf(err, len,
			 too_big ? "kernel %s unpacks to more than 256 MiB: "
				   "no cell holds it" :
				   "cannot unpack gzip'd kernel %s with "
				   "\"gzip -dc\" (is gzip installed? is the "
				   "file complete?): unpack it yourself and "
				   "give the Image",
			 path);
	return buf;
}

int linux_image_read(struct linux_image *img, const char *path, char *err,
		     size_t len)
{
	size_t size = 0;
	uint8_t *data;

	data = file_read_all(path, "kernel", LINUX_IMAGE_MAX_SIZE, &size, err,
			     len);
	if (!data)
		return -1;
	if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) {
		free(data);
		data = gunzip(path, &size, err, len);
		if (!data)
			return -1;
		if (linux_image_parse(img, path, data, size, err, len)) {
			free(data);
			return -1;
		}
		img->gzipped = 1;
		return 0;
	}
	if (linux_image_parse(img, path, data, size, err, len)) {
		free(data);
		return -1;
	}
	return 0;
}

void linux_image_free(struct linux_image *img)
{
	free(img->data);
	img->data = NULL;
}
