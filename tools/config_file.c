// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_file.h"

int config_file_parse(struct config_file *f, const char *path, const void *data,
		      size_t size, enum warden_config_kind kind)
{
	f->path = path;
	f->status = warden_config_parse(data, size, kind, &f->cfg);
	if (f->status == WARDEN_CONFIG_OK)
		return 0;
	warden_config_status_describe(f->status, &f->cfg, f->error,
				      sizeof(f->error));
	return -1;
}

int config_file_load(struct config_file *f, const char *path,
		     enum warden_config_kind kind)
{
	FILE *in;
	long size;

	memset(f, 0, sizeof(*f));
	f->path = path;
	f->status = WARDEN_CONFIG_TOO_SMALL;
	in = fopen(path, "rb");
	if (!in) {
		snprintf(f->error, sizeof(f->error), "cannot open: %s",
			 strerror(errno));
		return -1;
	}
	if (fseek(in, 0, SEEK_END) || (size = ftell(in)) < 0 ||
	    fseek(in, 0, SEEK_SET)) {
		snprintf(f->error, sizeof(f->error),
			 "cannot find its size: %s (a regular file is needed)",
			 strerror(errno));
		fclose(in);
		return -1;
	}
	if (size > (long)CONFIG_FILE_MAX_SIZE) {
		snprintf(f->error, sizeof(f->error),
			 "file is %ld bytes, more than any config (limit %u): "
			 "not a .cell file",
			 size, CONFIG_FILE_MAX_SIZE);
		fclose(in);
		return -1;
	}
	/* One spare byte so that an empty file still gets a buffer. */
	f->data = malloc(size + 1);
	if (!f->data || fread(f->data, 1, size, in) != (size_t)size) {
		snprintf(f->error, sizeof(f->error), "cannot read: %s",
			 f->data ? strerror(errno) : "out of memory");
		fclose(in);
		return -1;
	}
	fclose(in);
	return config_file_parse(f, path, f->data, size, kind);
}

void config_file_free(struct config_file *f)
{
	free(f->data);
	f->data = NULL;
}
