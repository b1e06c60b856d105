/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Addresses to function names and source lines, from ELF files with
 * DWARF. The host build uses elfutils (symbolize-dw.c); the static guest
 * build has no libdw and says so (symbolize-none.c).
 */
#ifndef WARDEN_TOOLS_SYMBOLIZE_H
#define WARDEN_TOOLS_SYMBOLIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct symbolizer;

/*
 * Opens the ELF files. Returns NULL with a reason in err if one cannot be
 * read. kernel_offset is added to vmlinux link addresses (KASLR); 0 if
 * unknown.
 */
struct symbolizer *symbolizer_open(char *const *paths, int count,
				   uint64_t kernel_offset, char *err,
				   size_t errlen);

/*
 * Writes "function+0x1c (file.c:42) in FILE" for addr into buf and returns
 * true, or false if no file has a symbol there.
 */
bool symbolizer_lookup(struct symbolizer *s, uint64_t addr, char *buf,
		       size_t len);

void symbolizer_close(struct symbolizer *s);

#endif
