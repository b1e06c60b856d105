// SPDX-License-Identifier: GPL-2.0
#include <warden/gic_filter.h>
#include <warden/gicv2_filter.h>

uint8_t gicv2_itargets_filter(uint8_t cur, uint8_t value, uint8_t allowed,
			      bool *refused)
{
	*refused = !!(value & ~allowed);
	if (value && !(value & allowed))
		return cur;
	return value & allowed;
}

#define SGIR_FILTER(v) (((v) >> 24) & 3)
#define SGIR_LIST(v) (((v) >> 16) & 0xff)

uint8_t gicv2_sgir_targets(uint32_t sgir, uint8_t self, uint8_t cell)
{
	switch (SGIR_FILTER(sgir)) {
	case 0:
		return SGIR_LIST(sgir) & cell;
	case 1:
		return cell & ~self;
	case 2:
		return self & cell;
	default:
		return 0;
	}
}

#define CTLR_ENABLE_GRP0 (1U << 0)
#define CTLR_ENABLE_GRP1 (1U << 1)

uint32_t gicv2_ctlr_filter(uint32_t cur, uint32_t value)
{
	uint32_t keep = CTLR_ENABLE_GRP0 | CTLR_ENABLE_GRP1;

	return (cur & keep) | (value & keep);
}

#define SZ_1 (1U << 0)
#define SZ_4 (1U << 2)
#define W1X (1U << 3)
#define RO (1U << 4)

static const struct {
	uint16_t start, end;
	const char *name;
	uint8_t sizes, flags, bits, intid;
} bank0[] = {
	{ 0x080, 0x084, "GICD_IGROUPR0", SZ_4, 0, 1, 0 },
	{ 0x100, 0x104, "GICD_ISENABLER0", SZ_4, W1X, 1, 0 },
	{ 0x180, 0x184, "GICD_ICENABLER0", SZ_4, W1X, 1, 0 },
	{ 0x200, 0x204, "GICD_ISPENDR0", SZ_4, W1X, 1, 0 },
	{ 0x280, 0x284, "GICD_ICPENDR0", SZ_4, W1X, 1, 0 },
	{ 0x300, 0x304, "GICD_ISACTIVER0", SZ_4, W1X, 1, 0 },
	{ 0x380, 0x384, "GICD_ICACTIVER0", SZ_4, W1X, 1, 0 },
	{ 0x400, 0x420, "GICD_IPRIORITYR", SZ_1 | SZ_4, 0, 8, 0 },
	{ 0x800, 0x820, "GICD_ITARGETSR", SZ_1 | SZ_4, RO, 8, 0 },
	{ 0xc00, 0xc04, "GICD_ICFGR0", SZ_4, 0, 2, 0 },
	{ 0xc04, 0xc08, "GICD_ICFGR1", SZ_4, 0, 2, 16 },
	{ 0xe00, 0xe08, "GICD_NSACR", SZ_4, 0, 2, 0 },
	/* a byte per SGI, a bit per sending CPU */
	{ 0xf10, 0xf20, "GICD_CPENDSGIR", SZ_1 | SZ_4, W1X, 8, 0 },
	{ 0xf20, 0xf30, "GICD_SPENDSGIR", SZ_1 | SZ_4, W1X, 8, 0 },
};

bool gicv2_bank0(unsigned int off)
{
	unsigned int i;

	for (i = 0; i < sizeof(bank0) / sizeof(bank0[0]); i++)
		if (off >= bank0[i].start && off < bank0[i].end)
			return true;
	return false;
}

struct allow_ctx {
	uint32_t reserved;
	unsigned int base;
};

static int allowed(void *ctx, uint64_t n)
{
	const struct allow_ctx *c = ctx;

	n += c->base;
	return n >= 32 || !(c->reserved & (1U << n));
}

void gicv2_bank0_filter(unsigned int off, unsigned int size, bool is_write,
			enum gicr_who who, uint32_t reserved,
			struct gicr_verdict *v)
{
	struct allow_ctx ctx = { reserved, 0 };
	unsigned int i;
	uint64_t first;

	*v = (struct gicr_verdict){ .action = GICR_RAZ_WI, .quiet = true };
	for (i = 0; i < sizeof(bank0) / sizeof(bank0[0]); i++)
		if (off >= bank0[i].start && off < bank0[i].end)
			break;
	if (i == sizeof(bank0) / sizeof(bank0[0]))
		return;
	if (size > 4 || !(bank0[i].sizes & size) || off & (size - 1)) {
		v->action = GICR_REFUSE;
		return;
	}
	v->action = GICR_PASS;
	v->reg = bank0[i].name;
	if (!is_write)
		return;
	v->w1x = bank0[i].flags & W1X;
	v->bits = bank0[i].bits;
	v->fields = size >= 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
	/* Linux as root writes whole registers (gicr_filter.h) */
	v->quiet = who == GICR_WHO_ROOT;
	v->why = "reserved for the hypervisor";
	ctx.base = bank0[i].intid;
	v->mask = gic_field_mask(off - bank0[i].start, size, bank0[i].bits,
				 allowed, &ctx, &first);
	v->first = bank0[i].intid + first;
	if (bank0[i].flags & RO) {
		v->mask = 0;
		v->fields = 0;
	}
	if (who == GICR_WHO_FOREIGN) {
		v->mask = 0;
		v->why = "not a CPU of the cell";
		v->quiet = false;
	}
}
