/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which accesses a cell may make to a GIC redistributor, register by
 * register and bit by bit. A CPU's SGIs and PPIs belong to the cell that
 * owns the CPU, except the ones the hypervisor keeps for itself (its
 * stop SGI and the GIC maintenance interrupt): without them it could no
 * longer stop the CPU or refill its list registers. The redistributor's
 * controls (power, LPIs) stay the hypervisor's: LPI tables are physical
 * addresses the GIC reads and writes past stage 2. Pure logic,
 * host-tested; arch/arm64/gicr.c applies it.
 */
#ifndef WARDEN_GICR_FILTER_H
#define WARDEN_GICR_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One CPU's frames: RD_base, then SGI_base 64 KiB above it. */
#define GICR_FRAME_STRIDE 0x20000
#define GICR_SGI_BASE 0x10000

/* Who makes the access, and in whose frame. */
enum gicr_who {
	GICR_WHO_ROOT, /* the root cell, in a frame of one of its CPUs */
	GICR_WHO_CELL, /* a non-root cell, in a frame of one of its CPUs */
	GICR_WHO_FOREIGN, /* any cell, in a frame of a CPU not its own */
};

enum gicr_action {
	/* a size or alignment the register does not take: not emulated */
	GICR_REFUSE,
	/* reads as zero, writes are ignored */
	GICR_RAZ_WI,
	/* reads pass through; writes pass the bits in mask (maybe none) */
	GICR_PASS,
};

struct gicr_verdict {
	enum gicr_action action;
	const char *reg; /* e.g. "GICR_ICENABLER0"; NULL: no register here */
	/* write-1-to-set/clear or write-only: no read-modify-write */
	bool w1x;
	uint64_t mask; /* writes: the bits the access may change */
	uint64_t fields; /* writes: the bits that change anything */
	unsigned int bits; /* per-interrupt field width; 0: a control register */
	unsigned int first; /* per-interrupt: the INTID of the lowest field */
	/* a refused write is not worth a console line (see gicr_filter) */
	bool quiet;
	const char *why; /* why refused bits are refused */
};

/*
 * An access of size bytes at offset off into a CPU's two frames (0 to
 * GICR_FRAME_STRIDE - 1) by who; reserved has a bit set for each INTID
 * (0-31) the hypervisor keeps. Fills in *v.
 *
 * The root's refused writes to interrupt fields are quiet: Linux's CPU
 * bring-up writes whole registers (all ones to ICENABLER0 and ICACTIVER0,
 * a default priority to every SGI and PPI) as a matter of course.
 */
void gicr_filter(unsigned int off, unsigned int size, bool is_write,
		 enum gicr_who who, uint32_t reserved, struct gicr_verdict *v);

/*
 * The bits a write of value tried to change but may not; old is what the
 * register holds (unused for w1x registers, where a zero bit does
 * nothing).
 */
uint64_t gicr_refused(const struct gicr_verdict *v, uint64_t value,
		      uint64_t old);

/*
 * Whether a write sets every field of a per-interrupt write-1-to-set/clear
 * register the writer may change at all: the reset idiom of a CPU's
 * bring-up (Linux clears all enables and actives of its SGIs and PPIs
 * with ~0). It asks for no interrupt in particular, so the reserved bits
 * it cannot change are refused without a console line; a write aimed at
 * them, or any write to another CPU's frame, is still reported.
 */
bool gicr_bulk_write(const struct gicr_verdict *v, uint64_t value);

/* What a read-modify-write register holds after a write of value. */
uint64_t gicr_merge(const struct gicr_verdict *v, uint64_t value, uint64_t old);

/* The INTIDs (bit n: INTID n) whose fields have a bit set in bits. */
uint32_t gicr_intids(const struct gicr_verdict *v, uint64_t bits);

/*
 * One line (no newline) saying what of a write of value to the frame of
 * CPU frame_cpu was refused: the register, and the interrupts by number
 * and, where roles[intid] is not NULL, by role; otherwise the value.
 * Returns format_string()'s length.
 */
int gicr_describe(char *buf, size_t size, const struct gicr_verdict *v,
		  uint64_t value, uint64_t refused, unsigned int frame_cpu,
		  const char *const roles[32]);

#endif
