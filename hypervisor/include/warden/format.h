/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small printf for the hypervisor, which has no C library. Supports
 * %c %s %d %i %u %x %X %p %% with the flags '0' and '-', a field width and
 * the length modifiers l, ll and z. Portable: the host tests exercise it.
 */
#ifndef WARDEN_FORMAT_H
#define WARDEN_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Writes at most size - 1 characters and a NUL into buf (nothing if size
 * is 0) and returns the length the whole output would have had.
 */
int format_vstring(char *buf, size_t size, const char *fmt, va_list ap);
int format_string(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
