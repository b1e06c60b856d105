// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the A64 load/store decoder (core/insn.c), which
 * the hypervisor runs on instruction words a cell wrote: any 32-bit word.
 * Beyond "no crash", for every word decoded as a load or store it asserts
 * that the fields are in range (registers < 32, sizes 1/2/4/8, offsets
 * within their immediates' reach) and encodes them back: each field must
 * be the bits of the word the Arm ARM puts it in (C4.1, "Loads and
 * Stores"), and the word must be a general-purpose register load or store
 * at all (no SIMD/FP, exclusive, atomic or unallocated form taken for
 * one). Then the address and load-value helpers on random registers.
 */
#include <string.h>

#include <warden/insn.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned int field(uint32_t w, unsigned int hi, unsigned int lo)
{
	return (w >> lo) & ((1U << (hi - lo + 1)) - 1);
}

static int64_t sext(uint64_t v, unsigned int bits)
{
	uint64_t sign = 1ULL << (bits - 1);

	return (int64_t)((v ^ sign) - sign);
}

static unsigned int log2_of(unsigned int size)
{
	return size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;
}

/* Register (immediate, unscaled, pre/post-indexed, register offset). */
static void check_single(uint32_t w, const struct insn_ldst *d)
{
	unsigned int size_log = log2_of(d->size), opc;

	fuzz_check(field(w, 29, 27) == 7 && !field(w, 26, 26) &&
			   !field(w, 25, 25),
		   "0x%08x: not a single-register class", w);
	fuzz_check(field(w, 31, 30) == size_log, "0x%08x: size %u", w, d->size);
	opc = !d->load ? 0 : !d->sign_extend ? 1 : d->dest_64 ? 2 : 3;
	fuzz_check(field(w, 23, 22) == opc, "0x%08x: opc", w);
	/* PRFM is no access; opc 11 exists for bytes and halves only */
	fuzz_check(opc < 2 || size_log < (opc == 2 ? 3U : 2U),
		   "0x%08x: prefetch or unallocated taken for a load", w);
	if (!d->sign_extend)
		fuzz_check(d->dest_64 == (d->size == 8), "0x%08x: dest_64", w);
	fuzz_check(d->rt == field(w, 4, 0) && d->rn == field(w, 9, 5),
		   "0x%08x: rt/rn", w);
	fuzz_check(d->rt2 == 0, "0x%08x: rt2 of a single access", w);
	if (field(w, 24, 24)) {
		fuzz_check(d->addressing == INSN_ADDR_OFFSET &&
				   d->offset == (int64_t)field(w, 21, 10)
							<< size_log,
			   "0x%08x: unsigned offset", w);
		return;
	}
	if (field(w, 21, 21)) {
		unsigned int option = field(w, 15, 13);

		/* atomics have [11:10] = 00, PAC loads x1: not these */
		fuzz_check(field(w, 11, 10) == 2 && (option & 2),
			   "0x%08x: not a register offset form", w);
		fuzz_check(d->addressing == INSN_ADDR_REG_OFFSET &&
				   d->rm == field(w, 20, 16) &&
				   d->extend == option &&
				   d->shift ==
					   (field(w, 12, 12) ? size_log : 0) &&
				   d->offset == 0,
			   "0x%08x: register offset fields", w);
		return;
	}
	fuzz_check(d->offset == sext(field(w, 20, 12), 9) &&
			   d->offset >= -256 && d->offset <= 255,
		   "0x%08x: 9-bit offset %lld", w, (long long)d->offset);
	switch (field(w, 11, 10)) {
	case 0:
		fuzz_check(d->addressing == INSN_ADDR_OFFSET, "0x%08x", w);
		break;
	case 1:
		fuzz_check(d->addressing == INSN_ADDR_POST_INDEX, "0x%08x", w);
		break;
	case 3:
		fuzz_check(d->addressing == INSN_ADDR_PRE_INDEX, "0x%08x", w);
		break;
	default:
		fuzz_check(0, "0x%08x: unprivileged form taken", w);
	}
}

static void check_pair(uint32_t w, const struct insn_ldst *d)
{
	unsigned int opc = field(w, 31, 30), index = field(w, 24, 23);
	static const enum insn_addressing modes[] = { INSN_ADDR_OFFSET,
						      INSN_ADDR_POST_INDEX,
						      INSN_ADDR_OFFSET,
						      INSN_ADDR_PRE_INDEX };

	fuzz_check(field(w, 29, 27) == 5 && !field(w, 26, 26) &&
			   !field(w, 25, 25),
		   "0x%08x: not a pair class", w);
	fuzz_check(d->pair && d->load == field(w, 22, 22), "0x%08x: L", w);
	/* 00: 32-bit, 01: LDPSW (loads only), 10: 64-bit, 11 unallocated */
	fuzz_check(opc != 3 && (opc != 1 || d->load), "0x%08x: opc", w);
	/* no LDNP form of LDPSW (Arm ARM: unallocated) */
	fuzz_check(opc != 1 || index != 0, "0x%08x: LDNPSW", w);
	fuzz_check(d->size == (opc == 2 ? 8U : 4U) &&
			   d->sign_extend == (opc == 1) &&
			   d->dest_64 == (opc != 0),
		   "0x%08x: size/sign", w);
	fuzz_check(d->rt == field(w, 4, 0) && d->rt2 == field(w, 14, 10) &&
			   d->rn == field(w, 9, 5),
		   "0x%08x: registers", w);
	fuzz_check(!d->load || d->rt != d->rt2,
		   "0x%08x: load into one register twice", w);
	fuzz_check(d->addressing == modes[index], "0x%08x: index", w);
	fuzz_check(d->offset == sext(field(w, 21, 15), 7) * (int64_t)d->size &&
			   d->offset >= -64 * (int64_t)d->size &&
			   d->offset <= 63 * (int64_t)d->size,
		   "0x%08x: 7-bit offset", w);
}

static void check_helpers(const struct insn_ldst *d, uint64_t base,
			  uint64_t index, uint64_t raw)
{
	uint64_t addr, new_base, v, size_mask;

	insn_ldst_address(d, base, index, &addr, &new_base);
	switch (d->addressing) {
	case INSN_ADDR_PRE_INDEX:
		fuzz_check(addr == base + (uint64_t)d->offset &&
				   new_base == addr,
			   "pre-index");
		break;
	case INSN_ADDR_POST_INDEX:
		fuzz_check(addr == base &&
				   new_base == base + (uint64_t)d->offset,
			   "post-index");
		break;
	case INSN_ADDR_OFFSET:
		fuzz_check(addr == base + (uint64_t)d->offset &&
				   new_base == base,
			   "offset");
		break;
	case INSN_ADDR_REG_OFFSET: {
		uint64_t x =
			d->extend == 2 ? (uint32_t)index :
			d->extend == 6 ? (uint64_t)(int64_t)(int32_t)index :
					 index;

		fuzz_check(addr == base + (x << d->shift) && new_base == base,
			   "register offset");
		break;
	}
	default:
		fuzz_check(0, "addressing %d", d->addressing);
	}
	if (!d->load)
		return;
	size_mask = d->size == 8 ? ~0ULL : (1ULL << (d->size * 8)) - 1;
	v = insn_load_value(d, raw & size_mask);
	if (!d->dest_64)
		fuzz_check(v <= 0xffffffffULL, "W register above 32 bits");
	fuzz_check((v & size_mask) == (raw & size_mask), "loaded bits lost");
	if (!d->sign_extend)
		fuzz_check(v == (raw & size_mask), "zero extension");
	else if (d->size < 8)
		/* the bits above are copies of the sign bit */
		fuzz_check((v & ~size_mask &
			    (d->dest_64 ? ~0ULL : 0xffffffffULL)) ==
				   ((raw >> (d->size * 8 - 1) & 1) ?
					    ~size_mask &
						    (d->dest_64 ?
							     ~0ULL :
							     0xffffffffULL) :
					    0),
			   "sign extension");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };
	uint32_t w = fuzz_u32(&in);
	uint64_t base = fuzz_u64(&in), index = fuzz_u64(&in);
	uint64_t raw = fuzz_u64(&in);
	struct insn_ldst d, before;
	enum insn_decode_status st;

	memset(&d, 0xa5, sizeof(d));
	before = d;
	st = insn_decode_ldst(w, &d);
	fuzz_check(st >= INSN_OK && st <= INSN_UNALLOCATED, "status %d", st);
	fuzz_check(insn_status_name(st) && *insn_status_name(st), "no name");
	if (st != INSN_OK) {
		fuzz_check(!memcmp(&d, &before, sizeof(d)),
			   "0x%08x: output written for status %d", w, st);
		return 0;
	}
	/* The load/store group (op0 x1x0), general-purpose registers. */
	fuzz_check((w & 0x0a000000) == 0x08000000, "0x%08x: not a load/store",
		   w);
	fuzz_check(d.size == 1 || d.size == 2 || d.size == 4 || d.size == 8,
		   "0x%08x: size %u", w, d.size);
	fuzz_check(d.rt < 32 && d.rt2 < 32 && d.rn < 32 && d.rm < 32,
		   "0x%08x: register number", w);
	fuzz_check(!d.sign_extend || d.load, "0x%08x: signed store", w);
	fuzz_check(d.addressing == INSN_ADDR_REG_OFFSET ||
			   (d.rm == 0 && d.extend == 0 && d.shift == 0),
		   "0x%08x: register fields of an immediate form", w);
	if (d.pair)
		check_pair(w, &d);
	else
		check_single(w, &d);
	check_helpers(&d, base, index, raw);
	return 0;
}
