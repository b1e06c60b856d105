/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parameters: a string of space-separated "name=value" words that the
 * loader places at offset 0x1000 of the inmate (`cell load ... -s "k=v"
 * -a 0x1000`). The cmdline_get_* functions parse any buffer (host-tested);
 * cmdline_parse_* read the inmate's own buffer.
 */
#ifndef INMATE_CMDLINE_H
#define INMATE_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

#define CMDLINE_OFFSET 0x1000
#define CMDLINE_SIZE 256

/*
 * Finds "name=value" (or a bare "name") in the first len bytes of line,
 * which may lack a NUL. Returns the value and its length in *vlen, or
 * NULL. The last occurrence wins, like a later option overriding one set
 * earlier.
 */
const char *cmdline_find(const char *line, size_t len, const char *name,
			 size_t *vlen);
long long cmdline_get_int(const char *line, size_t len, const char *name,
			  long long def);
bool cmdline_get_bool(const char *line, size_t len, const char *name, bool def);
/* Copies the value (NUL-terminated, truncated to size) or def. */
const char *cmdline_get_str(const char *line, size_t len, const char *name,
			    char *buf, size_t size, const char *def);

long long cmdline_parse_int(const char *name, long long def);
bool cmdline_parse_bool(const char *name, bool def);
const char *cmdline_parse_str(const char *name, char *buf, size_t size,
			      const char *def);
/* The raw buffer, for printing it. */
const char *cmdline_buffer_get(size_t *len);

#endif
