// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * The configuration parser. The file comes from user space (or from a
 * user's disk), so nothing in it is trusted: sizes are computed in 64 bits
 * from 32-bit counts, where no sum can wrap, and compared with the file
 * size before any array pointer is formed.
 */
#include <warden/config.h>

/* Element sizes of the arrays, in file order after the CPU bitmap. */
static const __u64 elem_size[] = {
	sizeof(struct jailhouse_memory),
	sizeof(struct jailhouse_cache),
	sizeof(struct jailhouse_irqchip),
	sizeof(struct jailhouse_pio),
	sizeof(struct jailhouse_pci_device),
	sizeof(struct jailhouse_pci_capability),
	sizeof(__u32),
};

static void cell_counts(const struct jailhouse_cell_desc *cell, __u64 *n)
{
	n[0] = cell->num_memory_regions;
	n[1] = cell->num_cache_regions;
	n[2] = cell->num_irqchips;
	n[3] = cell->num_pio_regions;
	n[4] = cell->num_pci_devices;
	n[5] = cell->num_pci_caps;
	n[6] = cell->num_stream_ids;
}

/*
 * At most 132 + (2^32 - 1) * (1 + 32 + 12 + 32 + 4 + 56 + 8 + 4) < 2^42:
 * 64-bit arithmetic cannot overflow here.
 */
__u64 warden_config_cell_size(const struct jailhouse_cell_desc *cell)
{
	__u64 n[7], size = sizeof(*cell) + (__u64)cell->cpu_set_size;
	unsigned int i;

	cell_counts(cell, n);
	for (i = 0; i < 7; i++)
		size += n[i] * elem_size[i];
	return size;
}

static int bytes_are(const void *data, const char *expect, unsigned int len)
{
	const char *p = data;
	unsigned int i;

	for (i = 0; i < len; i++)
		if (p[i] != expect[i])
			return 0;
	return 1;
}

static int signature_is(const void *data, const char *sig)
{
	return bytes_are(data, sig, JAILHOUSE_SIGNATURE_SIZE);
}

static __u64 signature_value(const void *data)
{
	const __u8 *p = data;
	__u64 v = 0;
	unsigned int i;

	for (i = 0; i < JAILHOUSE_SIGNATURE_SIZE; i++)
		v = v << 8 | p[i];
	return v;
}

static void clear(struct warden_config *cfg)
{
	__u8 *p = (__u8 *)cfg;
	unsigned int i;

	for (i = 0; i < sizeof(*cfg); i++)
		p[i] = 0;
}

static enum warden_config_status fail(struct warden_config *cfg,
				      enum warden_config_status status,
				      __u64 got, __u64 expected)
{
	cfg->got = got;
	cfg->expected = expected;
	return status;
}

static int name_terminated(const struct jailhouse_cell_desc *cell)
{
	unsigned int i;

	for (i = 0; i < sizeof(cell->name); i++)
		if (!cell->name[i])
			return 1;
	return 0;
}

/* Does [start, start + size) run past the top of the address space? */
static int wraps(__u64 start, __u64 size)
{
	return size && start + (size - 1) < start;
}

enum warden_config_status warden_config_parse(const void *data, __u64 file_size,
					      enum warden_config_kind kind,
					      struct warden_config *cfg)
{
	const __u8 *base = data, *p;
	const struct jailhouse_cell_desc *cell;
	__u64 header, n[7], i;

	clear(cfg);
	cfg->file_size = file_size;

	if (file_size < JAILHOUSE_SIGNATURE_SIZE)
		return fail(cfg, WARDEN_CONFIG_TOO_SMALL, file_size,
			    sizeof(struct jailhouse_cell_desc));
	/*
	 * Revisions up to 13 began with 6-byte signatures; the revision
	 * field sits at offset 6 in every revision. Report such a file as
	 * what it is, an old config, not as a bad architecture byte.
	 */
	if (file_size >= 8 &&
	    (bytes_are(data, "JHSYST", 6) || bytes_are(data, "JHCELL", 6))) {
		cfg->kind = base[2] == 'S' ? WARDEN_CONFIG_SYSTEM :
					     WARDEN_CONFIG_CELL;
		return fail(cfg, WARDEN_CONFIG_BAD_REVISION,
			    base[6] | base[7] << 8, JAILHOUSE_CONFIG_REVISION);
	}
	if (signature_is(data, JAILHOUSE_SYSTEM_SIGNATURE))
		cfg->kind = WARDEN_CONFIG_SYSTEM;
	else if (signature_is(data, JAILHOUSE_CELL_DESC_SIGNATURE))
		cfg->kind = WARDEN_CONFIG_CELL;
	else
		return fail(cfg, WARDEN_CONFIG_BAD_SIGNATURE,
			    signature_value(data), 0);
	if (kind != WARDEN_CONFIG_ANY && kind != cfg->kind)
		return fail(cfg, WARDEN_CONFIG_WRONG_KIND, cfg->kind, kind);

	header = cfg->kind == WARDEN_CONFIG_SYSTEM ?
			 sizeof(struct jailhouse_system) :
			 sizeof(struct jailhouse_cell_desc);
	if (file_size < header)
		return fail(cfg, WARDEN_CONFIG_TOO_SMALL, file_size, header);

	/* Architecture and revision sit at the same offsets in both. */
	cell = data;
	if (cell->architecture != JAILHOUSE_ARM64)
		return fail(cfg, WARDEN_CONFIG_BAD_ARCH, cell->architecture,
			    JAILHOUSE_ARM64);
	if (cell->revision != JAILHOUSE_CONFIG_REVISION)
		return fail(cfg, WARDEN_CONFIG_BAD_REVISION, cell->revision,
			    JAILHOUSE_CONFIG_REVISION);

	if (cfg->kind == WARDEN_CONFIG_SYSTEM) {
		cfg->system = data;
		cell = &cfg->system->root_cell;
	}
	cfg->cell = cell;
	if (!name_terminated(cell))
		return fail(cfg, WARDEN_CONFIG_BAD_NAME, 0, 0);

	if (cell->cpu_set_size > WARDEN_CONFIG_MAX_CPU_SET)
		return fail(cfg, WARDEN_CONFIG_CPU_SET_SIZE, cell->cpu_set_size,
			    WARDEN_CONFIG_MAX_CPU_SET);

	cfg->size = header - sizeof(*cell) + warden_config_cell_size(cell);
	if (cfg->size > file_size)
		return fail(cfg, WARDEN_CONFIG_TRUNCATED, file_size, cfg->size);

	p = base + header;
	cfg->cpu_set = p;
	p += cell->cpu_set_size;
	cell_counts(cell, n);
	cfg->mem_regions = (const void *)p;
	p += n[0] * elem_size[0];
	cfg->cache_regions = (const void *)p;
	p += n[1] * elem_size[1];
	cfg->irqchips = (const void *)p;
	p += n[2] * elem_size[2];
	cfg->pio_regions = (const void *)p;
	p += n[3] * elem_size[3];
	cfg->pci_devices = (const void *)p;
	p += n[4] * elem_size[4];
	cfg->pci_caps = (const void *)p;
	p += n[5] * elem_size[5];
	cfg->stream_ids = p;

	for (i = 0; i < n[0]; i++) {
		const struct jailhouse_memory *mem = &cfg->mem_regions[i];

		/* The comm region's phys_start is not used. */
		if ((!(mem->flags & JAILHOUSE_MEM_COMM_REGION) &&
		     wraps(mem->phys_start, mem->size)) ||
		    wraps(mem->virt_start, mem->size))
			return fail(cfg, WARDEN_CONFIG_REGION_WRAPS, i, 0);
	}
	if (cfg->system && wraps(cfg->system->hypervisor_memory.phys_start,
				 cfg->system->hypervisor_memory.size))
		return fail(cfg, WARDEN_CONFIG_REGION_WRAPS, ~0ULL, 0);

	return WARDEN_CONFIG_OK;
}

__u32 warden_config_stream_id(const struct warden_config *cfg,
			      unsigned int index)
{
	const __u8 *p = cfg->stream_ids + (__u64)index * 4;

	return p[0] | p[1] << 8 | p[2] << 16 | (__u32)p[3] << 24;
}

int warden_config_has_cpu(const struct warden_config *cfg, __u64 cpu)
{
	if (cpu / 8 >= cfg->cell->cpu_set_size)
		return 0;
	return (cfg->cpu_set[cpu / 8] >> (cpu % 8)) & 1;
}

unsigned int warden_config_cpu_count(const struct warden_config *cfg)
{
	unsigned int count = 0;
	__u64 i;

	for (i = 0; i < (__u64)cfg->cell->cpu_set_size * 8; i++)
		count += warden_config_has_cpu(cfg, i);
	return count;
}

__u64 warden_config_cpu_limit(const struct warden_config *cfg)
{
	__u64 i = (__u64)cfg->cell->cpu_set_size * 8;

	while (i > 0 && !warden_config_has_cpu(cfg, i - 1))
		i--;
	return i;
}

int warden_config_has_irq(const struct warden_config *cfg, __u64 gicd,
			  __u64 intid)
{
	__u32 i;

	for (i = 0; i < cfg->cell->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &cfg->irqchips[i];
		__u64 bit;

		if (chip->address != gicd || intid < chip->pin_base)
			continue;
		bit = intid - chip->pin_base;
		if (bit < 128 && (chip->pin_bitmap[bit / 32] >> (bit % 32)) & 1)
			return 1;
	}
	return 0;
}

/* Last byte of a non-empty range, saturating at the top of memory. */
static __u64 range_last(__u64 start, __u64 size)
{
	return wraps(start, size) ? ~0ULL : start + (size - 1);
}

int warden_range_overlaps(__u64 a, __u64 a_size, __u64 b, __u64 b_size)
{
	if (!a_size || !b_size)
		return 0;
	return a <= range_last(b, b_size) && b <= range_last(a, a_size);
}

int warden_range_contains(__u64 outer, __u64 outer_size, __u64 inner,
			  __u64 inner_size)
{
	if (!inner_size)
		return 1;
	if (!outer_size)
		return 0;
	return inner >= outer &&
	       range_last(inner, inner_size) <= range_last(outer, outer_size);
}
