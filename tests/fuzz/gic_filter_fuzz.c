// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the distributor's per-interrupt field mask
 * (core/gic_filter.c): a cell's access of any size at any offset into a
 * register block with 1, 2, 4, 8, 16, 32 or 64 bits per interrupt, and
 * any set of owned interrupts. The mask must hold exactly the whole
 * fields of the owned interrupts the access covers: never a bit of
 * another's field, never a bit past the access, never part of a field;
 * and ownership is asked only about those interrupts.
 */
#include <stdbool.h>
#include <string.h>

#include <warden/gic_filter.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INTIDS 1024

struct owner {
	uint8_t owned[MAX_INTIDS / 8];
	uint64_t lo, hi; /* the INTIDs that may be asked about: [lo, hi) */
	unsigned int asked;
};

static int owned(void *ctx, uint64_t intid)
{
	struct owner *o = ctx;

	fuzz_check(intid >= o->lo && intid < o->hi,
		   "asked about INTID %llu outside [%llu, %llu)",
		   (unsigned long long)intid, (unsigned long long)o->lo,
		   (unsigned long long)o->hi);
	o->asked++;
	return intid < MAX_INTIDS && o->owned[intid / 8] & (1U << intid % 8);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };
	uint8_t ctl = fuzz_u8(&in);
	unsigned int size_b = 1U << (ctl & 3);
	unsigned int bits = 1U << ((ctl >> 2) % 7);
	/* the distributor's per-interrupt blocks are at most 8 KiB */
	unsigned int off = fuzz_u16(&in) & 0x1fff;
	unsigned int b, n;
	struct owner o = { .asked = 0 };
	uint64_t mask, first, expect = 0;

	off &= ~(size_b - 1); /* the callers' alignment check */
	for (b = 0; b < sizeof(o.owned); b++)
		o.owned[b] = fuzz_u8(&in);
	o.lo = (uint64_t)off * 8 / bits;
	o.hi = ((uint64_t)off + size_b) * 8 / bits;
	mask = gic_field_mask(off, size_b, bits, owned, &o, &first);

	fuzz_check(first == o.lo, "first %llu for offset %u, %u bits",
		   (unsigned long long)first, off, bits);
	if (size_b < 8)
		fuzz_check(!(mask >> (size_b * 8)), "mask 0x%llx past %u bytes",
			   (unsigned long long)mask, size_b);
	/* the reference: bit by bit, whose field is it and is it whole? */
	for (b = 0; b < size_b * 8; b++) {
		uint64_t pos = (uint64_t)off * 8 + b, intid = pos / bits;
		uint64_t field_start = intid * bits;
		bool whole = field_start >= (uint64_t)off * 8 &&
			     field_start + bits <= ((uint64_t)off + size_b) * 8;

		if (whole && intid < MAX_INTIDS &&
		    o.owned[intid / 8] & (1U << intid % 8))
			expect |= 1ULL << b;
	}
	fuzz_check(
		mask == expect,
		"%u bytes at 0x%x, %u bits per IRQ: mask 0x%llx, expected 0x%llx",
		size_b, off, bits, (unsigned long long)mask,
		(unsigned long long)expect);
	n = size_b * 8 / bits;
	fuzz_check(o.asked == n, "asked %u times for %u fields", o.asked, n);
	return 0;
}
