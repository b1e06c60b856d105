// SPDX-License-Identifier: GPL-2.0
/*
 * warden cell load CELL IMAGE [-a ADDR] [-s STRING [-a ADDR]]... and
 * warden cell shutdown CELL, which is a load of no images (Jailhouse's
 * definition): the hypervisor stops the cell and hands its LOADABLE
 * memory to the root, where the driver copies the images.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <warden/ioctl.h>

#include "cell_args.h"
#include "commands.h"
#include "config_file.h"
#include "driver_dev.h"
#include "driver_log.h"

/* Images are raw binaries for a cell's RAM: no cell has 256 MiB. */
#define IMAGE_MAX_SIZE (256u << 20)

static void *read_image(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	long n;
	void *buf;

	if (!f) {
		fprintf(stderr, "%s: cannot open image %s: %s\n", prog_name,
			path, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		fprintf(stderr,
			"%s: %s: cannot find its size (a regular file "
			"is needed)\n",
			prog_name, path);
		fclose(f);
		return NULL;
	}
	if ((unsigned long)n > IMAGE_MAX_SIZE) {
		fprintf(stderr,
			"%s: image %s is %ld bytes, more than any cell "
			"can hold\n",
			prog_name, path, n);
		fclose(f);
		return NULL;
	}
	buf = malloc(n ? n : 1);
	if (!buf || fread(buf, 1, n, f) != (size_t)n) {
		fprintf(stderr, "%s: cannot read image %s\n", prog_name, path);
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

static int load(struct cell_load_args *a, const char *verb)
{
	struct jailhouse_cell_load *req;
	void *data[CELL_MAX_IMAGES] = { 0 };
	char ref[64], what[96];
	unsigned int i;
	int fd, err = -1;

	req = calloc(1, sizeof(*req) + a->num_images * sizeof(req->image[0]));
	if (!req)
		return 1;
	req->cell_id = a->id;
	req->num_preload_images = a->num_images;
	for (i = 0; i < a->num_images; i++) {
		struct jailhouse_preload_image *img = &req->image[i];
		size_t size;

		if (a->image[i].string) {
			/* the NUL goes too: the inmate reads a C string */
			img->source_address = (uintptr_t)a->image[i].string;
			img->size = strlen(a->image[i].string) + 1;
		} else {
			data[i] = read_image(a->image[i].file, &size);
			if (!data[i])
				goto out;
			img->source_address = (uintptr_t)data[i];
			img->size = size;
		}
		img->target_address = a->image[i].addr;
	}
	fd = driver_open();
	if (fd < 0)
		goto out;
	snprintf(what, sizeof(what), "cannot %s %s", verb,
		 cell_ref_str(&a->id, ref, sizeof(ref)));
	err = driver_ioctl(fd, JAILHOUSE_CELL_LOAD, req, what);
	close(fd);
	/* the driver counts images; say which file or string each is */
	for (i = 0; err && i < a->num_images; i++) {
		const char *str = a->image[i].string;

		if (str)
			fprintf(stderr,
				"  image %u: string \"%.40s%s\" at 0x%llx\n",
				i + 1, str, strlen(str) > 40 ? "..." : "",
				(unsigned long long)a->image[i].addr);
		else
			fprintf(stderr, "  image %u: %s at 0x%llx\n", i + 1,
				a->image[i].file,
				(unsigned long long)a->image[i].addr);
	}
out:
	for (i = 0; i < a->num_images; i++)
		free(data[i]);
	free(req);
	return err ? 1 : 0;
}

static const char *parse(int argc, char **argv, struct cell_load_args *a,
			 char *err, size_t len)
{
	if (argc < 2)
		return "which cell? give its ID or name";
	if (cell_load_args_parse(argc - 1, argv + 1, a, err, len))
		return err;
	return NULL;
}

int cmd_cell_load(int argc, char **argv)
{
	struct cell_load_args a;
	const char *why;
	char err[160];

	why = parse(argc, argv, &a, err, sizeof(err));
	if (!why && !a.num_images)
		why = "no image given (cell shutdown stops a cell without "
		      "loading one)";
	if (why) {
		fprintf(stderr,
			"%s: cell load: %s\n"
			"Usage: %s cell load {ID|[--name] NAME} "
			"{IMAGE|-s STRING} [-a ADDR] ...\n",
			prog_name, why, prog_name);
		return 2;
	}
	return load(&a, "load");
}

int cmd_cell_shutdown(int argc, char **argv)
{
	struct cell_load_args a;
	const char *why;
	char err[160];

	why = parse(argc, argv, &a, err, sizeof(err));
	if (!why && a.num_images)
		why = "takes no images (cell load loads them)";
	if (why) {
		fprintf(stderr,
			"%s: cell shutdown: %s\n"
			"Usage: %s cell shutdown {ID|[--name] NAME}\n",
			prog_name, why, prog_name);
		return 2;
	}
	return load(&a, "shut down");
}
