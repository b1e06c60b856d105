/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Parsing a cell configuration file (include/jailhouse/cell-config.h)
 * that nobody vouches for: every count and offset is checked against the
 * file size before anything points into it. Portable C without libc: it
 * is built into the hypervisor, the CLI and the unit tests alike.
 */
#ifndef WARDEN_CONFIG_H
#define WARDEN_CONFIG_H

#ifndef __KERNEL__
#include <stddef.h>
#endif

#include <jailhouse/cell-config.h>

enum warden_config_kind {
	WARDEN_CONFIG_ANY, /* decided by the signature */
	WARDEN_CONFIG_SYSTEM, /* "JHSYS": hypervisor and root cell */
	WARDEN_CONFIG_CELL, /* "JHCLL": one non-root cell */
};

/* Why a file was refused; got/expected in struct warden_config say more. */
enum warden_config_status {
	WARDEN_CONFIG_OK = 0,
	WARDEN_CONFIG_TOO_SMALL, /* got bytes, expected at least */
	WARDEN_CONFIG_BAD_SIGNATURE, /* got: first 5 bytes, big-endian */
	WARDEN_CONFIG_WRONG_KIND, /* a cell config where a system one belongs */
	WARDEN_CONFIG_BAD_ARCH, /* got architecture, expected 2 */
	WARDEN_CONFIG_BAD_REVISION, /* got revision, expected 14 */
	WARDEN_CONFIG_BAD_NAME, /* the cell name has no NUL in 32 bytes */
	WARDEN_CONFIG_TRUNCATED, /* counts need expected bytes, file has got */
	WARDEN_CONFIG_REGION_WRAPS, /* region got ends beyond 2^64 */
	WARDEN_CONFIG_CPU_SET_SIZE, /* got bytes of CPU set, max expected */
};

/* Largest CPU bitmap accepted: one page, 32768 CPUs. */
#define WARDEN_CONFIG_MAX_CPU_SET 4096

struct warden_config {
	enum warden_config_kind kind;
	/* NULL for a cell config. */
	const struct jailhouse_system *system;
	/* The cell: the root cell of a system config, or the cell itself. */
	const struct jailhouse_cell_desc *cell;

	/* The arrays, each num_* long, all inside the file. */
	const __u8 *cpu_set;
	const struct jailhouse_memory *mem_regions;
	const struct jailhouse_cache *cache_regions;
	const struct jailhouse_irqchip *irqchips;
	const struct jailhouse_pio *pio_regions;
	const struct jailhouse_pci_device *pci_devices;
	const struct jailhouse_pci_capability *pci_caps;
	const __u8 *stream_ids; /* use warden_config_stream_id() */

	/* Bytes the header and its counts describe, and the file's size. */
	__u64 size;
	__u64 file_size;

	/* On failure: what was found and what was expected. */
	__u64 got;
	__u64 expected;
};

/*
 * Checks and indexes a configuration of file_size bytes at data. Returns
 * WARDEN_CONFIG_OK and fills cfg, or the first problem found. A file
 * longer than its counts describe is accepted (cfg->size < file_size);
 * "warden config check" reports that as the count/size mismatch it is.
 */
enum warden_config_status warden_config_parse(const void *data, __u64 file_size,
					      enum warden_config_kind kind,
					      struct warden_config *cfg);

/*
 * The sentence for a refusal (status not OK), naming the fix; the same
 * on the hypervisor's console and in "warden config check". Returns buf.
 */
char *warden_config_status_describe(enum warden_config_status status,
				    const struct warden_config *cfg, char *buf,
				    size_t len);

/* Bytes described by a cell descriptor, computed without overflow. */
__u64 warden_config_cell_size(const struct jailhouse_cell_desc *cell);

/* A stream id from the trailing array (which is not 4-byte aligned). */
__u32 warden_config_stream_id(const struct warden_config *cfg,
			      unsigned int index);

/* Whether CPU cpu is in the cell's set. False beyond the bitmap. */
int warden_config_has_cpu(const struct warden_config *cfg, __u64 cpu);

/* Number of CPUs set, and 1 + the highest one set (0 if none). */
unsigned int warden_config_cpu_count(const struct warden_config *cfg);
__u64 warden_config_cpu_limit(const struct warden_config *cfg);

/*
 * Whether the cell's irqchip entries for the distributor at gicd grant
 * the interrupt with this INTID.
 */
int warden_config_has_irq(const struct warden_config *cfg, __u64 gicd,
			  __u64 intid);

/*
 * Whether [a, a + a_size) and [b, b + b_size) share a byte. Empty ranges
 * share nothing; ranges reaching 2^64 are handled without wrapping.
 */
int warden_range_overlaps(__u64 a, __u64 a_size, __u64 b, __u64 b_size);

/* Whether [inner, inner + inner_size) lies inside [outer, + outer_size). */
int warden_range_contains(__u64 outer, __u64 outer_size, __u64 inner,
			  __u64 inner_size);

#endif
