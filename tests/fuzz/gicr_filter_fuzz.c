// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the redistributor policy (core/gicr_filter.c):
 * any access (offset, size, direction, value, the register's old value)
 * by any kind of cell, with any set of reserved interrupts. Beyond "no
 * crash", it asserts what the policy is for, against its own table of the
 * GICv3 redistributor's per-interrupt registers (Arm IHI 0069, 12.10):
 *   - a write never changes the field of a reserved interrupt, whether
 *     the register is read-modify-written (gicr_merge) or write-1 (mask);
 *   - a cell's own unreserved fields can be changed (the policy is not
 *     trivially "refuse everything");
 *   - writes to another CPU's frame change nothing; a non-root cell never
 *     changes a control register; nobody enables LPIs, sets the LPI
 *     tables or puts the redistributor to sleep;
 *   - no write mask reaches past the access's size;
 *   - gicr_describe() stays in its buffer and terminates it.
 */
#include <stdbool.h>
#include <string.h>

#include <warden/gicr_filter.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The SGI_base frame's per-interrupt registers: width, first INTID. */
static const struct {
	unsigned int start, len, bits, first;
} irq_regs[] = {
	{ 0x0080, 4, 1, 0 }, /* IGROUPR0 */
	{ 0x0100, 4, 1, 0 }, /* ISENABLER0 */
	{ 0x0180, 4, 1, 0 }, /* ICENABLER0 */
	{ 0x0200, 4, 1, 0 }, /* ISPENDR0 */
	{ 0x0280, 4, 1, 0 }, /* ICPENDR0 */
	{ 0x0300, 4, 1, 0 }, /* ISACTIVER0 */
	{ 0x0380, 4, 1, 0 }, /* ICACTIVER0 */
	{ 0x0400, 32, 8, 0 }, /* IPRIORITYR0-7 */
	{ 0x0c00, 4, 2, 0 }, /* ICFGR0 */
	{ 0x0c04, 4, 2, 16 }, /* ICFGR1 */
	{ 0x0d00, 4, 1, 0 }, /* IGRPMODR0 */
	{ 0x0e00, 4, 2, 0 }, /* NSACR */
};

/*
 * The bits of an access of size bytes at off that hold fields of INTIDs
 * in intids; *per_irq says whether the access hits such a register.
 */
static uint64_t field_bits(unsigned int off, unsigned int size, uint32_t intids,
			   bool *per_irq)
{
	uint64_t bits = 0;
	unsigned int b, r;

	*per_irq = false;
	for (b = 0; b < size * 8; b++) {
		unsigned int pos = off * 8 + b; /* bit in the frame pair */

		for (r = 0; r < sizeof(irq_regs) / sizeof(irq_regs[0]); r++) {
			unsigned int start =
				(GICR_SGI_BASE + irq_regs[r].start) * 8;
			unsigned int intid;

			if (pos < start || pos >= start + irq_regs[r].len * 8)
				continue;
			*per_irq = true;
			intid = irq_regs[r].first +
				(pos - start) / irq_regs[r].bits;
			if (intid < 32 && intids & (1U << intid))
				bits |= 1ULL << b;
		}
	}
	return bits;
}

static uint64_t size_mask(unsigned int size)
{
	return size >= 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}

/* Whether [off, off + size) overlaps [start, end). */
static bool hits(unsigned int off, unsigned int size, unsigned int start,
		 unsigned int end)
{
	return off < end && off + size > start;
}

static void check_describe(const struct gicr_verdict *v, uint64_t value,
			   uint64_t refused, unsigned int cpu,
			   unsigned int buf_size, uint32_t named)
{
	static const char *const names[] = { "stop SGI", "maintenance", "x" };
	const char *roles[32];
	char full[2048], *buf = malloc(buf_size ? buf_size : 1);
	unsigned int i;
	int len;

	for (i = 0; i < 32; i++)
		roles[i] = named & (1U << i) ? names[i % 3] : NULL;
	len = gicr_describe(full, sizeof(full), v, value, refused, cpu, roles);
	fuzz_check(len >= 0 && (size_t)len < sizeof(full) &&
			   strlen(full) == (size_t)len,
		   "length %d", len);
	/* exactly buf_size bytes: ASan sees any write past them */
	len = gicr_describe(buf, buf_size, v, value, refused, cpu, roles);
	fuzz_check((size_t)len == strlen(full), "length %d for a buffer of %u",
		   len, buf_size);
	if (buf_size) {
		fuzz_check(memchr(buf, 0, buf_size) != NULL,
			   "not terminated in %u bytes", buf_size);
		fuzz_check(!strncmp(buf, full, buf_size - 1),
			   "truncated text differs");
	}
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };
	uint8_t ctl = fuzz_u8(&in);
	unsigned int off = fuzz_u32(&in);
	unsigned int sz = fuzz_u8(&in) & 15;
	uint32_t reserved = fuzz_u32(&in);
	uint64_t value = fuzz_u64(&in), old = fuzz_u64(&in);
	unsigned int buf_size = fuzz_u8(&in);
	uint32_t named = fuzz_u32(&in);
	bool is_write = ctl & 1;
	enum gicr_who who = (ctl >> 1) % 3;
	uint64_t reserved_bits, merged, refused;
	struct gicr_verdict v;
	bool per_irq;

	/* The caller's offsets lie in a CPU's two frames; rarely test others. */
	if (!(ctl & 0x80))
		off %= GICR_FRAME_STRIDE;
	if (sz > 8)
		sz = 1U << (sz & 3);
	gicr_filter(off, sz, is_write, who, reserved, &v);
	fuzz_check(v.action == GICR_REFUSE || v.action == GICR_RAZ_WI ||
			   v.action == GICR_PASS,
		   "action %d", v.action);
	if (off >= GICR_FRAME_STRIDE)
		return 0;
	if (!sz || sz > 8 || sz & (sz - 1) || off & (sz - 1))
		fuzz_check(v.action == GICR_REFUSE, "size %u at 0x%x accepted",
			   sz, off);
	if (v.action != GICR_PASS || !is_write) {
		/* another CPU's frame: only what finds one's own frame */
		if (v.action == GICR_PASS && who == GICR_WHO_FOREIGN)
			fuzz_check(hits(off, sz, 0x0008, 0x0010) ||
					   hits(off, sz, 0xffd0, 0x10000),
				   "foreign read of 0x%x passes", off);
		return 0;
	}

	fuzz_check(!(v.mask & ~size_mask(sz)),
		   "mask 0x%llx past a %u-byte access",
		   (unsigned long long)v.mask, sz);
	reserved_bits = field_bits(off, sz, reserved, &per_irq);
	merged = gicr_merge(&v, value, old);
	refused = gicr_refused(&v, value, old);
	/* The invariant: reserved interrupts' fields stay as they were. */
	fuzz_check(
		!(v.mask & reserved_bits),
		"write of 0x%x size %u by %d may change reserved fields 0x%llx (mask 0x%llx)",
		off, sz, who, (unsigned long long)reserved_bits,
		(unsigned long long)v.mask);
	if (v.w1x)
		fuzz_check(!(value & v.mask & reserved_bits), "w1x write");
	else
		fuzz_check(
			(merged & reserved_bits) == (old & reserved_bits),
			"merge of 0x%llx into 0x%llx changed reserved fields",
			(unsigned long long)value, (unsigned long long)old);
	fuzz_check(!(refused & v.mask), "refused bits were let through");

	if (who == GICR_WHO_FOREIGN)
		fuzz_check(!v.mask, "write to another CPU's frame passes");
	if (per_irq && who != GICR_WHO_FOREIGN) {
		uint64_t all = field_bits(off, sz, ~0U, &per_irq);

		/* the cell's own interrupts are its own */
		fuzz_check(v.mask == (all & ~reserved_bits),
			   "mask 0x%llx, own fields 0x%llx",
			   (unsigned long long)v.mask,
			   (unsigned long long)(all & ~reserved_bits));
	}
	if (!per_irq && who == GICR_WHO_CELL)
		fuzz_check(!v.mask, "a cell changes control register 0x%x",
			   off);
	/* GICR_CTLR.EnableLPIs, PROPBASER/PENDBASER, WAKER.ProcessorSleep */
	if (hits(off, sz, 0x0000, 0x0004))
		fuzz_check(!(v.mask & 1), "EnableLPIs writable");
	if (hits(off, sz, 0x0070, 0x0080))
		fuzz_check(!v.mask, "LPI tables writable");
	if (hits(off, sz, 0x0014, 0x0018))
		fuzz_check(!(v.mask & 2), "ProcessorSleep writable");

	check_describe(&v, value, refused, ctl, buf_size, named);
	return 0;
}
