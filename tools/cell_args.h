/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Arguments of the "cell" commands, with Jailhouse's grammar: a cell is
 * "ID" (a non-negative number), "NAME" or "--name NAME"; cell load takes
 * "IMAGE [-a ADDR]" and "-s STRING [-a ADDR]" items.
 */
#ifndef WARDEN_TOOLS_CELL_ARGS_H
#define WARDEN_TOOLS_CELL_ARGS_H

#include <stddef.h>
#include <stdint.h>

#include <warden/ioctl.h>

/* More images than anyone loads; the driver has the same limit. */
#define CELL_MAX_IMAGES 16

struct cell_image {
	const char *file; /* a file to load, or NULL */
	const char *string; /* a literal string (NUL included), or NULL */
	uint64_t addr; /* guest-physical target, 0 unless -a */
};

struct cell_load_args {
	struct jailhouse_cell_id id;
	unsigned int num_images;
	struct cell_image image[CELL_MAX_IMAGES];
};

/*
 * Parses the cell at argv[0] (and argv[1] after --name). Returns the
 * number of words used, or -1 with the reason in err.
 */
int cell_ref_parse(int argc, char **argv, struct jailhouse_cell_id *id,
		   char *err, size_t len);

/*
 * Parses "CELL ITEM..." of cell load (argv without the command word);
 * zero items is allowed (cell shutdown). Returns 0 or -1 with err.
 */
int cell_load_args_parse(int argc, char **argv, struct cell_load_args *a,
			 char *err, size_t len);

/* "cell 3" or "cell \"name\"", for messages. */
const char *cell_ref_str(const struct jailhouse_cell_id *id, char *buf,
			 size_t len);

#endif
