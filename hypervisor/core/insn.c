// SPDX-License-Identifier: GPL-2.0
/*
 * AArch64 load/store decoding for the emulation of accesses without
 * syndrome. Encodings: Arm ARM, "Loads and Stores" (C4.1.x): register
 * (immediate and register offset forms) and register pair classes.
 */
#include <warden/insn.h>

static int64_t sign_extend(uint64_t value, unsigned int bits)
{
	uint64_t sign = 1ULL << (bits - 1);

	return (int64_t)((value ^ sign) - sign);
}

static unsigned int bits(uint32_t insn, unsigned int hi, unsigned int lo)
{
	return (insn >> lo) & ((1u << (hi - lo + 1)) - 1);
}

/*
 * Single register, immediate or register offset. size = 1 << insn[31:30];
 * opc = insn[23:22]: 00 store, 01 load, 10 load signed to X, 11 load
 * signed to W.
 */
static enum insn_decode_status decode_single(uint32_t insn,
					     struct insn_ldst *out)
{
	unsigned int size_log = bits(insn, 31, 30);
	unsigned int opc = bits(insn, 23, 22);
	bool unsigned_imm = bits(insn, 25, 24) == 1;

	out->pair = false;
	out->size = 1u << size_log;
	out->rt = bits(insn, 4, 0);
	out->rt2 = 0;
	out->rn = bits(insn, 9, 5);
	out->rm = out->extend = out->shift = 0;
	out->offset = 0;

	switch (opc) {
	case 0:
		out->load = false;
		out->sign_extend = false;
		out->dest_64 = size_log == 3;
		break;
	case 1:
		out->load = true;
		out->sign_extend = false;
		out->dest_64 = size_log == 3;
		break;
	case 2:
		/* size 8 with opc 10 is PRFM: no access to emulate. */
		if (size_log == 3)
			return INSN_UNSUPPORTED;
		out->load = true;
		out->sign_extend = true;
		out->dest_64 = true;
		break;
	default:
		if (size_log >= 2)
			return INSN_UNALLOCATED;
		out->load = true;
		out->sign_extend = true;
		out->dest_64 = false;
		break;
	}

	if (unsigned_imm) {
		out->addressing = INSN_ADDR_OFFSET;
		out->offset = (int64_t)bits(insn, 21, 10) << size_log;
		return INSN_OK;
	}
	if (bits(insn, 21, 21)) {
		/* Register offset: only "10" in insn[11:10] is allocated. */
		if (bits(insn, 11, 10) != 2 || !(bits(insn, 15, 13) & 2))
			return INSN_UNALLOCATED;
		out->addressing = INSN_ADDR_REG_OFFSET;
		out->rm = bits(insn, 20, 16);
		out->extend = bits(insn, 15, 13);
		out->shift = bits(insn, 12, 12) ? size_log : 0;
		return INSN_OK;
	}
	out->offset = sign_extend(bits(insn, 20, 12), 9);
	switch (bits(insn, 11, 10)) {
	case 0: /* LDUR/STUR */
		out->addressing = INSN_ADDR_OFFSET;
		break;
	case 1:
		out->addressing = INSN_ADDR_POST_INDEX;
		break;
	case 3:
		out->addressing = INSN_ADDR_PRE_INDEX;
		break;
	default:
		/* LDTR/STTR: unprivileged, EL0 permissions; not emulated. */
		return INSN_UNSUPPORTED;
	}
	return INSN_OK;
}

/* Register pair: opc = insn[31:30], index = insn[24:23], L = insn[22]. */
static enum insn_decode_status decode_pair(uint32_t insn, struct insn_ldst *out)
{
	unsigned int opc = bits(insn, 31, 30);
	bool load = bits(insn, 22, 22);
	unsigned int size_log;

	switch (opc) {
	case 0:
		size_log = 2;
		out->sign_extend = false;
		out->dest_64 = false;
		break;
	case 1:
		/* no non-temporal (LDNP/STNP) form of LDPSW or STGP */
		if (bits(insn, 24, 23) == 0)
			return INSN_UNALLOCATED;
		/* LDPSW; opc 01 with L=0 is STGP (memory tagging). */
		if (!load)
			return INSN_UNSUPPORTED;
		size_log = 2;
		out->sign_extend = true;
		out->dest_64 = true;
		break;
	case 2:
		size_log = 3;
		out->sign_extend = false;
		out->dest_64 = true;
		break;
	default:
		return INSN_UNALLOCATED;
	}
	switch (bits(insn, 24, 23)) {
	case 1:
		out->addressing = INSN_ADDR_POST_INDEX;
		break;
	case 2:
		out->addressing = INSN_ADDR_OFFSET;
		break;
	case 3:
		out->addressing = INSN_ADDR_PRE_INDEX;
		break;
	default:
		/* LDNP/STNP: non-temporal pair, same access, no writeback. */
		out->addressing = INSN_ADDR_OFFSET;
		break;
	}
	out->load = load;
	out->pair = true;
	out->size = 1u << size_log;
	out->rt = bits(insn, 4, 0);
	out->rt2 = bits(insn, 14, 10);
	out->rn = bits(insn, 9, 5);
	out->offset = sign_extend(bits(insn, 21, 15), 7) * (int64_t)out->size;
	out->rm = out->extend = out->shift = 0;
	/* A load of both halves into one register is unpredictable. */
	if (load && out->rt == out->rt2)
		return INSN_UNALLOCATED;
	return INSN_OK;
}

enum insn_decode_status insn_decode_ldst(uint32_t insn, struct insn_ldst *out)
{
	struct insn_ldst d;
	enum insn_decode_status status;

	/* Loads and stores: op0 = insn[28:25] = x1x0. */
	if ((insn & 0x0a000000) != 0x08000000)
		return INSN_NOT_LDST;

	if (bits(insn, 29, 27) == 7) {
		if (bits(insn, 26, 26))
			return INSN_SIMD_FP;
		/* Atomic memory operations share this class: insn[21]=1, [11:10]=00. */
		if (bits(insn, 25, 24) == 0 && bits(insn, 21, 21) &&
		    bits(insn, 11, 10) == 0)
			return INSN_EXCLUSIVE;
		status = decode_single(insn, &d);
	} else if (bits(insn, 29, 27) == 5) {
		if (bits(insn, 26, 26))
			return INSN_SIMD_FP;
		status = decode_pair(insn, &d);
	} else if (bits(insn, 29, 24) == 8) {
		/* Exclusive and acquire/release: insn[29:24] = 001000. */
		return INSN_EXCLUSIVE;
	} else {
		/* Literal loads, tag and SIMD structure forms. */
		return bits(insn, 26, 26) ? INSN_SIMD_FP : INSN_UNSUPPORTED;
	}
	if (status == INSN_OK)
		*out = d;
	return status;
}

const char *insn_status_name(enum insn_decode_status status)
{
	switch (status) {
	case INSN_OK:
		return "load or store";
	case INSN_NOT_LDST:
		return "not a load or store";
	case INSN_SIMD_FP:
		return "SIMD/floating-point load or store";
	case INSN_EXCLUSIVE:
		return "exclusive, acquire/release or atomic access";
	case INSN_UNSUPPORTED:
		return "load/store form that cannot be emulated";
	default:
		return "unallocated encoding";
	}
}

static uint64_t extend_index(const struct insn_ldst *in, uint64_t index)
{
	uint64_t v;

	/* option: 010 UXTW, 011 LSL/UXTX, 110 SXTW, 111 SXTX. */
	switch (in->extend) {
	case 2:
		v = (uint32_t)index;
		break;
	case 6:
		v = (uint64_t)(int64_t)(int32_t)index;
		break;
	default:
		v = index;
		break;
	}
	return v << in->shift;
}

void insn_ldst_address(const struct insn_ldst *in, uint64_t base,
		       uint64_t index, uint64_t *address, uint64_t *new_base)
{
	switch (in->addressing) {
	case INSN_ADDR_PRE_INDEX:
		*address = base + (uint64_t)in->offset;
		*new_base = *address;
		break;
	case INSN_ADDR_POST_INDEX:
		*address = base;
		*new_base = base + (uint64_t)in->offset;
		break;
	case INSN_ADDR_REG_OFFSET:
		*address = base + extend_index(in, index);
		*new_base = base;
		break;
	default:
		*address = base + (uint64_t)in->offset;
		*new_base = base;
		break;
	}
}

uint64_t insn_load_value(const struct insn_ldst *in, uint64_t raw)
{
	uint64_t value = raw;

	if (in->size < 8)
		value &= (1ULL << (in->size * 8)) - 1;
	if (in->sign_extend)
		value = (uint64_t)sign_extend(value, in->size * 8);
	if (!in->dest_64)
		value = (uint32_t)value;
	return value;
}
