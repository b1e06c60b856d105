/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a faulting address lies: which of the cell's memory regions is
 * nearest and by how much the address misses it, and who owns the address
 * when taken as a physical one (another cell, the hypervisor, the GIC).
 * The hypervisor adds this to its stage-2 fault reports so that a missing
 * or misplaced region is named without a look at the config. Pure logic,
 * host-tested.
 */
#ifndef WARDEN_FAULT_WHERE_H
#define WARDEN_FAULT_WHERE_H

#include <stddef.h>
#include <stdint.h>

#include <jailhouse/cell-config.h>

enum fault_where_relation {
	FAULT_WHERE_NO_REGION, /* the cell has no regions */
	FAULT_WHERE_INSIDE, /* distance: offset from the region's start */
	FAULT_WHERE_BELOW, /* distance: bytes below the region's start */
	FAULT_WHERE_ABOVE, /* distance: bytes beyond the region's last byte */
};

struct fault_where_near {
	enum fault_where_relation relation;
	int index; /* into the region array; -1 with NO_REGION */
	uint64_t distance;
};

/*
 * The region of mem[0..n) holding addr (by its guest address, virt_start),
 * or else the one whose edge is closest; ties go to the lower index.
 */
void fault_where_nearest(const struct jailhouse_memory *mem, unsigned int n,
			 uint64_t addr, struct fault_where_near *out);

/* What the hypervisor itself owns in the physical address space. */
struct fault_where_system {
	uint64_t hv_start, hv_size;
	uint64_t gicd_base, gicd_size;
	uint64_t gicr_base, gicr_size;
};

/* A cell's regions, by physical address; the root cell comes last. */
struct fault_where_cell {
	const char *name;
	const struct jailhouse_memory *mem;
	unsigned int n;
};

enum fault_where_owner_kind {
	FAULT_WHERE_OWNER_NONE,
	FAULT_WHERE_OWNER_HV,
	FAULT_WHERE_OWNER_GICD,
	FAULT_WHERE_OWNER_GICR,
	FAULT_WHERE_OWNER_CELL,
};

struct fault_where_owner {
	enum fault_where_owner_kind kind;
	unsigned int cell; /* index into the cell array, with OWNER_CELL */
	unsigned int region; /* index into that cell's regions */
};

/*
 * Who owns physical address pa: the hypervisor and the GIC first, then
 * the first cell (in array order) with a region holding it.
 */
void fault_where_owner(const struct fault_where_system *sys,
		       const struct fault_where_cell *cells,
		       unsigned int ncells, uint64_t pa,
		       struct fault_where_owner *out);

/* The region flags in words: "READ|WRITE|IO". */
int fault_where_flags(uint64_t flags, char *buf, size_t size);

/*
 * One line each, without a trailing newline: "inside region 2
 * (0x...-0x..., READ|WRITE), 0x10 bytes from its start", "0x1000 bytes
 * above region 1 (...)", "the hypervisor's memory (0x...-0x...)", ...
 * Return what format_string() returns.
 */
int fault_where_describe_near(const struct jailhouse_memory *mem,
			      unsigned int n, uint64_t addr, char *buf,
			      size_t size);
int fault_where_describe_owner(const struct fault_where_system *sys,
			       const struct fault_where_cell *cells,
			       unsigned int ncells, uint64_t pa, char *buf,
			       size_t size);

#endif
