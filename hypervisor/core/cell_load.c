// SPDX-License-Identifier: GPL-2.0
/*
 * Placing an image in a cell. Only LOADABLE regions take images: the root
 * gets exactly those back while the cell is stopped, so a write anywhere
 * else would reach memory the root cannot see.
 */
#include <warden/cell_load.h>
#include <warden/errno.h>
#include <warden/format.h>

/* "64 KiB", "2 MiB", "70001 bytes": exact, as a user would write them. */
static const char *size_str(__u64 size, char *buf, size_t len)
{
	if (size && !(size & 0xfffff))
		format_string(buf, len, "%llu MiB",
			      (unsigned long long)(size >> 20));
	else if (size && !(size & 0x3ff))
		format_string(buf, len, "%llu KiB",
			      (unsigned long long)(size >> 10));
	else
		format_string(buf, len, "%llu bytes", (unsigned long long)size);
	return buf;
}

int cell_load_place(const struct warden_config *cell, __u64 addr, __u64 size,
		    struct cell_load_target *t, char *msg, size_t len)
{
	const char *name = cell->cell->name;
	char a[32], b[32];
	unsigned int i;

	for (i = 0; i < cell->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &cell->mem_regions[i];
		__u64 off;

		if (m->flags & JAILHOUSE_MEM_COMM_REGION || !m->size ||
		    addr < m->virt_start || addr - m->virt_start >= m->size)
			continue;
		if ((m->flags &
		     (JAILHOUSE_MEM_LOADABLE | JAILHOUSE_MEM_WRITE)) !=
		    (JAILHOUSE_MEM_LOADABLE | JAILHOUSE_MEM_WRITE)) {
			format_string(msg, len,
				      "address 0x%llx lies in region %u of "
				      "cell \"%s\", which is not LOADABLE and "
				      "writable: load into a region with "
				      "JAILHOUSE_MEM_LOADABLE",
				      (unsigned long long)addr, i, name);
			return -EINVAL;
		}
		off = addr - m->virt_start;
		if (size > m->size - off) {
			if (off)
				format_string(msg, len,
					      "image of %s at 0x%llx does not "
					      "fit region %u (%s at 0x%llx) of "
					      "cell \"%s\"",
					      size_str(size, a, sizeof(a)),
					      (unsigned long long)addr, i,
					      size_str(m->size, b, sizeof(b)),
					      (unsigned long long)m->virt_start,
					      name);
			else
				format_string(msg, len,
					      "image of %s does not fit region "
					      "%u (%s) of cell \"%s\"",
					      size_str(size, a, sizeof(a)), i,
					      size_str(m->size, b, sizeof(b)),
					      name);
			return -EINVAL;
		}
		t->region = i;
		t->phys = m->phys_start + off;
		return 0;
	}
	format_string(msg, len,
		      "address 0x%llx is in no memory region of cell \"%s\": "
		      "give an address inside a LOADABLE region (-a ADDR)",
		      (unsigned long long)addr, name);
	return -EINVAL;
}
