/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An arm64 Linux kernel "Image" for "warden cell linux": its header
 * (Documentation/arch/arm64/booting.rst: text_offset, image_size, the
 * "ARM\x64" magic) read from the file, a gzip'd Image unpacked first.
 */
#ifndef WARDEN_TOOLS_LINUX_IMAGE_H
#define WARDEN_TOOLS_LINUX_IMAGE_H

#include <stddef.h>
#include <stdint.h>

/* No kernel a cell can hold is larger once unpacked. */
#define LINUX_IMAGE_MAX_SIZE (256u << 20)

struct linux_image {
	uint8_t *data; /* the Image, unpacked; owned */
	size_t size;
	uint64_t text_offset; /* from a 2 MiB aligned base */
	uint64_t image_size; /* memory it takes from there, BSS included */
	int gzipped; /* the file was gzip'd */
};

/*
 * Checks the header of size bytes at data (kept) and fills img. Returns 0,
 * or -1 with a sentence naming path and the fix in err.
 */
int linux_image_parse(struct linux_image *img, const char *path, uint8_t *data,
		      size_t size, char *err, size_t len);

/* Reads path (unpacking gzip with "gzip -dc") and parses it. */
int linux_image_read(struct linux_image *img, const char *path, char *err,
		     size_t len);

void linux_image_free(struct linux_image *img);

/*
 * Reads a whole file of at most max bytes (a DTB, an initrd). Returns a
 * malloc'd buffer or NULL with the reason in err; what names the file's
 * role in messages ("initrd").
 */
uint8_t *file_read_all(const char *path, const char *what, size_t max,
		       size_t *size, char *err, size_t len);

#endif
