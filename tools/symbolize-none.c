// SPDX-License-Identifier: GPL-2.0
/* The static guest CLI has no DWARF library: symbols need the host tool. */
#include <stdio.h>

#include "symbolize.h"

struct symbolizer *symbolizer_open(char *const *paths, int count,
				   uint64_t kernel_offset, char *err,
				   size_t errlen)
{
	snprintf(
		err, errlen,
		"this build of warden cannot read ELF files: run \"warden decode --elf ...\" on the build host (build/host/warden)");
	return NULL;
}

bool symbolizer_lookup(struct symbolizer *s, uint64_t addr, char *buf,
		       size_t len)
{
	return false;
}

void symbolizer_close(struct symbolizer *s)
{
}
