/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small vsnprintf: %d %i %u %x %X %p %s %c %%, with the l, ll and z
 * length modifiers, '-' and '0' flags, a field width, and a precision
 * (".N" or ".*") for %s. Portable C with no
 * library calls, so the host unit tests link the same file.
 */
#ifndef INMATE_FORMAT_H
#define INMATE_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Like C99 vsnprintf: returns the length the full output would have. */
int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
