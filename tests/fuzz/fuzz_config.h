/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fuzz targets that take configs (config, rules) read their input as
 * a system config followed by cell configs, each starting where the one
 * before ends by its own counts.
 */
#ifndef WARDEN_FUZZ_CONFIG_H
#define WARDEN_FUZZ_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include <warden/config.h>

#include "fuzz_input.h"

/*
 * fuzz_config: parses the input's bytes from `from` to its end as a config
 * of KIND into *c, from a copy of its own (fuzz_piece) that *copy keeps
 * for the caller to free. True if it parses.
 */
static inline bool fuzz_config(const uint8_t *data, size_t from, size_t size,
			       enum warden_config_kind kind, uint8_t **copy,
			       struct warden_config *c)
{
	*copy = fuzz_piece(data + from, size - from);
	return *copy && warden_config_parse(*copy, size - from, kind, c) ==
				WARDEN_CONFIG_OK;
}

#endif
