// SPDX-License-Identifier: GPL-2.0
/* The inmate's own parameter buffer, placed at offset 0x1000 by inmate.lds. */
#include "cmdline.h"

extern const char cmdline_buffer[CMDLINE_SIZE];

const char *cmdline_buffer_get(size_t *len)
{
	size_t n = 0;

	while (n < CMDLINE_SIZE && cmdline_buffer[n])
		n++;
	*len = n;
	return cmdline_buffer;
}

long long cmdline_parse_int(const char *name, long long def)
{
	return cmdline_get_int(cmdline_buffer, CMDLINE_SIZE, name, def);
}

bool cmdline_parse_bool(const char *name, bool def)
{
	return cmdline_get_bool(cmdline_buffer, CMDLINE_SIZE, name, def);
}

const char *cmdline_parse_str(const char *name, char *buf, size_t size,
			      const char *def)
{
	return cmdline_get_str(cmdline_buffer, CMDLINE_SIZE, name, buf, size,
			       def);
}
