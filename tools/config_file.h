/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading a .cell file for the CLI: read it whole, parse it with the
 * hypervisor's own parser (hypervisor/core/config.c) and turn a refusal
 * into a sentence that says what is wrong and how to fix it.
 */
#ifndef WARDEN_TOOLS_CONFIG_FILE_H
#define WARDEN_TOOLS_CONFIG_FILE_H

#include <stddef.h>
#include <stdint.h>

#include <warden/config.h>

/*
 * Larger files are refused before reading: no config comes close (the
 * hypervisor takes cell configs of up to 64 KiB), and the checks compare
 * regions pairwise.
 */
#define CONFIG_FILE_MAX_SIZE (1u << 20)

struct config_file {
	const char *path;
	void *data; /* owned, freed by config_file_free() */
	struct warden_config cfg;
	enum warden_config_status status;
	char error[400]; /* when loading or parsing failed */
};

/* Reads and parses path. Returns 0, or -1 with the reason in f->error. */
int config_file_load(struct config_file *f, const char *path,
		     enum warden_config_kind kind);

/*
 * Parses size bytes at data (kept, not copied) under the name path, as
 * config_file_load() does after reading.
 */
int config_file_parse(struct config_file *f, const char *path, const void *data,
		      size_t size, enum warden_config_kind kind);

void config_file_free(struct config_file *f);

#endif
