// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the GICv2 distributor policy (core/gicv2_filter.c)
 * and the GICv2 list register encoding (core/gic_lr.c). Beyond "no
 * crash", it asserts what the policy is for:
 *   - bank 0: a write never changes the field of a reserved interrupt
 *     (merge and write-1 forms), ITARGETSR0-7 never change, no mask past
 *     the access's size;
 *   - ITARGETSR: what is written is either the old value or within the
 *     cell's interfaces;
 *   - GICD_SGIR: the targets are always within the sender's cell;
 *   - GICD_CTLR: enabled groups stay enabled, no other bit is set;
 *   - a GICv2 list register decodes to what was encoded (priority to 5
 *     bits, the source only for SGIs without the hardware bit).
 */
#include <stdbool.h>
#include <string.h>

#include <warden/gic_lr.h>
#include <warden/gicv2_filter.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The byte-wide bank-0 registers: offset, length, first INTID. */
static const struct {
	unsigned int start, len, bits, first;
} regs[] = {
	{ 0x080, 4, 1, 0 },  { 0x100, 4, 1, 0 },  { 0x180, 4, 1, 0 },
	{ 0x200, 4, 1, 0 },  { 0x280, 4, 1, 0 },  { 0x300, 4, 1, 0 },
	{ 0x380, 4, 1, 0 },  { 0x400, 32, 8, 0 }, { 0x800, 32, 8, 0 },
	{ 0xc00, 4, 2, 0 },  { 0xc04, 4, 2, 16 }, { 0xe00, 8, 2, 0 },
	{ 0xf10, 16, 8, 0 }, { 0xf20, 16, 8, 0 },
};

/* The bits of an access of size bytes at off holding fields of intids. */
static uint64_t field_bits(unsigned int off, unsigned int size, uint32_t intids)
{
	uint64_t bits = 0;
	unsigned int b, r;

	for (b = 0; b < size * 8; b++) {
		unsigned int pos = off * 8 + b;

		for (r = 0; r < sizeof(regs) / sizeof(regs[0]); r++) {
			unsigned int start = regs[r].start * 8, intid;

			if (pos < start || pos >= start + regs[r].len * 8)
				continue;
			intid = regs[r].first + (pos - start) / regs[r].bits;
			if (intid < 32 && intids & (1U << intid))
				bits |= 1ULL << b;
		}
	}
	return bits;
}

static void bank0(struct fuzz_input *in)
{
	unsigned int off = fuzz_u16(in) & 0xfff, sz = 1U << (fuzz_u8(in) & 3);
	uint8_t ctl = fuzz_u8(in);
	uint32_t reserved = fuzz_u32(in);
	uint64_t value = fuzz_u64(in), old = fuzz_u64(in), merged, res;
	enum gicr_who who = ctl % 3;
	struct gicr_verdict v;

	gicv2_bank0_filter(off, sz, ctl & 4, who, reserved, &v);
	fuzz_check(v.action == GICR_REFUSE || v.action == GICR_RAZ_WI ||
			   v.action == GICR_PASS,
		   "action %d", v.action);
	fuzz_check(gicv2_bank0(off) || v.action == GICR_RAZ_WI,
		   "0x%x outside bank 0 not RAZ/WI", off);
	if (v.action != GICR_PASS || !(ctl & 4))
		return;
	fuzz_check(!(v.mask & ~(sz >= 8 ? ~0ULL : (1ULL << (sz * 8)) - 1)),
		   "mask past the access");
	res = field_bits(off, sz, reserved);
	fuzz_check(!(v.mask & res), "reserved fields writable at 0x%x", off);
	merged = gicr_merge(&v, value, old);
	if (!v.w1x)
		fuzz_check((merged & res) == (old & res),
			   "merge changed reserved fields");
	if (off >= 0x800 && off < 0x820)
		fuzz_check(!v.mask, "ITARGETSR0-7 writable");
	if (who == GICR_WHO_FOREIGN)
		fuzz_check(!v.mask, "foreign write passes");
}

static void routing(struct fuzz_input *in)
{
	uint8_t cur = fuzz_u8(in), value = fuzz_u8(in), allowed = fuzz_u8(in);
	uint8_t self = fuzz_u8(in), out;
	uint32_t sgir = fuzz_u32(in), c = fuzz_u32(in), w = fuzz_u32(in);
	bool refused;

	out = gicv2_itargets_filter(cur, value, allowed, &refused);
	fuzz_check(out == cur || !(out & ~allowed), "targets 0x%x outside 0x%x",
		   out, allowed);
	fuzz_check(refused == !!(value & ~allowed), "refusal not reported");
	out = gicv2_sgir_targets(sgir, self, allowed);
	fuzz_check(!(out & ~allowed), "SGI to 0x%x outside the cell 0x%x", out,
		   allowed);
	out = gicv2_ctlr_filter(c, w);
	fuzz_check((out & c & 3) == (c & 3), "a group was disabled");
	fuzz_check(!(out & ~3U), "GICD_CTLR bit beyond the groups");
}

static void lr(struct fuzz_input *in)
{
	struct gic_lr a = { 0 }, b;
	uint32_t raw = fuzz_u32(in);

	a.intid = fuzz_u16(in) & 0x3ff;
	a.source = fuzz_u8(in) & 7;
	a.prio = fuzz_u8(in);
	a.state = fuzz_u8(in) & 3;
	a.hw = fuzz_u8(in) & 1;
	a.group1 = fuzz_u8(in) & 1;
	gicv2_lr_decode(gicv2_lr_encode(&a), &b);
	fuzz_check(b.intid == a.intid && b.state == a.state &&
			   b.group1 == a.group1 && b.prio == (a.prio & 0xf8),
		   "LR round trip");
	fuzz_check(b.hw == (a.hw && a.intid >= 16), "HW bit");
	fuzz_check(b.source == (a.intid < 16 && !b.hw ? a.source : 0),
		   "source");
	/* any register value decodes and encodes to itself, EOI bit aside */
	gicv2_lr_decode(raw, &b);
	if (!(raw & (1U << 31)) && (raw & 0x3ff) < 16 &&
	    !(raw & (0x7fU << 13)) && !(raw & (0x7U << 20)))
		fuzz_check(gicv2_lr_encode(&b) == raw, "LR 0x%x", raw);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };

	bank0(&in);
	routing(&in);
	lr(&in);
	return 0;
}
