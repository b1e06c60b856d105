// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "numparse.h"

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

int parse_u64(const char *s, uint64_t *out)
{
	unsigned int base = 10, shift = 0;
	uint64_t value = 0;
	const char *p = s;
	int digits = 0;

	if (!s || !*s)
		return -1;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (p[0] == '0' && p[1]) {
		base = 8;
		p++;
	}
	for (; *p; p++, digits++) {
		int d = digit_value(*p);

		if (d >= (int)base)
			break;
		if (value > (UINT64_MAX - d) / base)
			return -1;
		value = value * base + d;
	}
	if (!digits)
		return -1;
	if (*p) {
		switch (*p) {
		case 'k':
		case 'K':
			shift = 10;
			break;
		case 'm':
		case 'M':
			shift = 20;
			break;
		case 'g':
		case 'G':
			shift = 30;
			break;
		default:
			return -1;
		}
		p++;
		/* Accept "K", "KB" is ambiguous and refused, "KiB" is fine. */
		if (p[0] == 'i' && p[1] == 'B')
			p += 2;
		if (*p)
			return -1;
		if (value > (UINT64_MAX >> shift))
			return -1;
		value <<= shift;
	}
	*out = value;
	return 0;
}

char *format_size(uint64_t bytes, char *buf, size_t len)
{
	static const char *const units[] = { "KiB", "MiB", "GiB",
					     "TiB", "PiB", "EiB" };
	unsigned int unit = 0;
	uint64_t scale = 1024;

	if (bytes < 1024) {
		snprintf(buf, len, "%llu byte%s", (unsigned long long)bytes,
			 bytes == 1 ? "" : "s");
		return buf;
	}
	while (unit + 1 < sizeof(units) / sizeof(units[0]) &&
	       bytes / scale >= 1024) {
		scale <<= 10;
		unit++;
	}
	if (bytes % scale == 0) {
		snprintf(buf, len, "%llu %s",
			 (unsigned long long)(bytes / scale), units[unit]);
	} else {
		/* One decimal, truncated: a size is never overstated. */
		unsigned long long whole = bytes / scale;
		unsigned long long tenth = (bytes % scale) * 10 / scale;

		snprintf(buf, len, "%llu.%llu %s", whole, tenth, units[unit]);
	}
	return buf;
}
