// SPDX-License-Identifier: GPL-2.0
#include <jailhouse/cell-config.h>
#include <warden/format.h>
#include <warden/mem_flags.h>

static const struct {
	uint64_t flag;
	const char *name;
} flag_names[] = {
	{ JAILHOUSE_MEM_READ, "READ" },
	{ JAILHOUSE_MEM_WRITE, "WRITE" },
	{ JAILHOUSE_MEM_EXECUTE, "EXECUTE" },
	{ JAILHOUSE_MEM_DMA, "DMA" },
	{ JAILHOUSE_MEM_IO, "IO" },
	{ JAILHOUSE_MEM_COMM_REGION, "COMM_REGION" },
	{ JAILHOUSE_MEM_LOADABLE, "LOADABLE" },
	{ JAILHOUSE_MEM_ROOTSHARED, "ROOTSHARED" },
	{ JAILHOUSE_MEM_NO_HUGEPAGES, "NO_HUGEPAGES" },
	{ JAILHOUSE_MEM_IO_UNALIGNED, "IO_UNALIGNED" },
	{ JAILHOUSE_MEM_IO_8, "IO_8" },
	{ JAILHOUSE_MEM_IO_16, "IO_16" },
	{ JAILHOUSE_MEM_IO_32, "IO_32" },
	{ JAILHOUSE_MEM_IO_64, "IO_64" },
};

int mem_flags_format(uint64_t flags, char *buf, size_t size)
{
	uint64_t rest = flags;
	unsigned int i;
	int len = 0;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
		size_t at = (size_t)len < size ? (size_t)len : size;

		if (!(flags & flag_names[i].flag))
			continue;
		len += format_string(buf + at, size - at, "%s%s",
				     len ? "|" : "", flag_names[i].name);
		rest &= ~flag_names[i].flag;
	}
	if (rest) {
		size_t at = (size_t)len < size ? (size_t)len : size;

		len += format_string(buf + at, size - at, "%s0x%llx",
				     len ? "|" : "", (unsigned long long)rest);
	}
	return len;
}
