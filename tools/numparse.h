/* SPDX-License-Identifier: GPL-2.0 */
/* Number parsing and formatting shared by the warden tools. */
#ifndef WARDEN_TOOLS_NUMPARSE_H
#define WARDEN_TOOLS_NUMPARSE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parses a whole string as an unsigned 64-bit number: decimal, 0x hex or
 * 0 octal, with an optional K/M/G binary suffix (KiB, MiB, GiB). Returns 0,
 * or -1 for empty input, trailing junk, a sign, or overflow.
 */
int parse_u64(const char *s, uint64_t *out);

/*
 * Writes a human size ("4 KiB", "1.5 MiB", "768 MiB", "10 bytes") into buf
 * and returns buf. Exact binary units print without a fraction.
 */
char *format_size(uint64_t bytes, char *buf, size_t len);

#endif
