// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "cell_args.h"
#include "numparse.h"

int cell_ref_parse(int argc, char **argv, struct jailhouse_cell_id *id,
		   char *err, size_t len)
{
	const char *name;
	uint64_t n;
	int used = 1;

	memset(id, 0, sizeof(*id));
	if (argc < 1 || !argv[0][0]) {
		snprintf(err, len, "which cell? give its ID or name");
		return -1;
	}
	name = argv[0];
	if (!strcmp(name, "--name")) {
		if (argc < 2 || !argv[1][0]) {
			snprintf(err, len, "--name needs a cell name");
			return -1;
		}
		name = argv[1];
		used = 2;
	} else if (name[0] >= '0' && name[0] <= '9' && !parse_u64(name, &n)) {
		if (n > 0x7fffffff) {
			snprintf(err, len, "cell ID %s is out of range", name);
			return -1;
		}
		id->id = n;
		return used;
	} else if (name[0] == '-') {
		snprintf(err, len,
			 "\"%s\" is an option, not a cell: give the cell's "
			 "ID or name first",
			 name);
		return -1;
	}
	if (strlen(name) > JAILHOUSE_CELL_ID_NAMELEN) {
		snprintf(err, len,
			 "cell name \"%s\" is longer than %d characters", name,
			 JAILHOUSE_CELL_ID_NAMELEN);
		return -1;
	}
	id->id = JAILHOUSE_CELL_ID_UNUSED;
	strcpy(id->name, name);
	return used;
}

static int is_opt(const char *arg, const char *s, const char *l)
{
	return !strcmp(arg, s) || !strcmp(arg, l);
}

int cell_load_args_parse(int argc, char **argv, struct cell_load_args *a,
			 char *err, size_t len)
{
	int i = cell_ref_parse(argc, argv, &a->id, err, len);
	struct cell_image *img = NULL;

	a->num_images = 0;
	if (i < 0)
		return -1;
	for (; i < argc; i++) {
		const char *arg = argv[i];

		if (is_opt(arg, "-a", "--address")) {
			if (!img) {
				snprintf(err, len,
					 "%s must follow an image or -s "
					 "STRING",
					 arg);
				return -1;
			}
			if (i + 1 >= argc) {
				snprintf(err, len, "%s needs an address", arg);
				return -1;
			}
			if (parse_u64(argv[++i], &img->addr)) {
				snprintf(err, len,
					 "address \"%s\" is not a number (use "
					 "e.g. 0x1000)",
					 argv[i]);
				return -1;
			}
			img = NULL; /* one address per image */
			continue;
		}
		if (a->num_images >= CELL_MAX_IMAGES) {
			snprintf(err, len, "more than %d images",
				 CELL_MAX_IMAGES);
			return -1;
		}
		img = &a->image[a->num_images];
		memset(img, 0, sizeof(*img));
		if (is_opt(arg, "-s", "--string")) {
			if (i + 1 >= argc) {
				snprintf(err, len, "%s needs a string", arg);
				return -1;
			}
			img->string = argv[++i];
		} else if (arg[0] == '-' && arg[1]) {
			snprintf(err, len, "unknown option \"%s\"", arg);
			return -1;
		} else {
			img->file = arg;
		}
		a->num_images++;
	}
	return 0;
}

const char *cell_ref_str(const struct jailhouse_cell_id *id, char *buf,
			 size_t len)
{
	if (id->id >= 0)
		snprintf(buf, len, "cell %d", id->id);
	else
		snprintf(buf, len, "cell \"%s\"", id->name);
	return buf;
}
