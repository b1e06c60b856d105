// SPDX-License-Identifier: GPL-2.0
/*
 * Parameter parsing over an explicit buffer. The loader may leave the
 * string without a NUL or shorter than the buffer, so every scan is
 * bounded by len as well as by NUL.
 */
#include <stdint.h>

#include "cmdline.h"

static bool cmdline_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char *cmdline_find(const char *line, size_t len, const char *name,
			 size_t *vlen)
{
	const char *found = NULL;
	size_t i = 0;

	while (i < len && line[i]) {
		size_t start, n = 0;

		while (i < len && line[i] && cmdline_is_space(line[i]))
			i++;
		start = i;
		while (i < len && line[i] && !cmdline_is_space(line[i]))
			i++;
		if (i == start)
			break;
		while (name[n] && start + n < i && line[start + n] == name[n])
			n++;
		if (name[n] || !n)
			continue;
		if (start + n == i) {
			found = line + i;
			*vlen = 0;
		} else if (line[start + n] == '=') {
			found = line + start + n + 1;
			*vlen = i - (start + n + 1);
		}
	}
	return found;
}

static int cmdline_digit(char c, unsigned int base)
{
	int d;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	else
		return -1;
	return d < (int)base ? d : -1;
}

/* Decimal, 0x hex or leading-0 octal, optionally negative; all or nothing. */
static bool cmdline_to_int(const char *s, size_t n, long long *out)
{
	unsigned long long val = 0;
	unsigned int base = 10;
	bool negative = false;
	size_t i = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		negative = s[i++] == '-';
	if (i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
		base = 16;
		i += 2;
	} else if (i + 1 < n && s[i] == '0') {
		base = 8;
		i++;
	}
	if (i >= n)
		return false;
	for (; i < n; i++) {
		int d = cmdline_digit(s[i], base);

		if (d < 0)
			return false;
		val = val * base + (unsigned int)d;
	}
	*out = negative ? -(long long)val : (long long)val;
	return true;
}

long long cmdline_get_int(const char *line, size_t len, const char *name,
			  long long def)
{
	const char *v;
	size_t n;
	long long val;

	v = cmdline_find(line, len, name, &n);
	if (v && cmdline_to_int(v, n, &val))
		return val;
	return def;
}

static bool cmdline_is_word(const char *v, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n && word[i]; i++)
		if (v[i] != word[i])
			return false;
	return i == n && !word[i];
}

bool cmdline_get_bool(const char *line, size_t len, const char *name, bool def)
{
	static const char *const yes[] = { "1", "y", "yes", "true", "on" };
	static const char *const no[] = { "0", "n", "no", "false", "off" };
	const char *v;
	size_t n, i;

	v = cmdline_find(line, len, name, &n);
	if (!v)
		return def;
	if (!n)
		return true;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (cmdline_is_word(v, n, yes[i]))
			return true;
		if (cmdline_is_word(v, n, no[i]))
			return false;
	}
	return def;
}

const char *cmdline_get_str(const char *line, size_t len, const char *name,
			    char *buf, size_t size, const char *def)
{
	const char *v;
	size_t n, i;

	v = cmdline_find(line, len, name, &n);
	if (!v)
		return def;
	if (!size)
		return buf;
	for (i = 0; i < n && i + 1 < size; i++)
		buf[i] = v[i];
	buf[i] = '\0';
	return buf;
}
