// SPDX-License-Identifier: GPL-2.0
/*
 * The redistributor policy (see gicr_filter.h): an allow-list of
 * registers, each with the accesses it takes and what each kind of cell
 * may read and change. Offsets not listed read as zero and ignore writes.
 */
#include <warden/format.h>
#include <warden/gic_filter.h>
#include <warden/gicr_filter.h>

/* Access sizes a register takes: bit n set for 2^n bytes. */
#define SZ_1 (1U << 0)
#define SZ_2 (1U << 1)
#define SZ_4 (1U << 2)
#define SZ_8 (1U << 3)

/* Who may read the register; everyone else reads zero. */
#define RD_ROOT (1U << 0)
#define RD_CELL (1U << 1)
#define RD_FOREIGN (1U << 2) /* to find one's own frame by affinity */
#define RD_OWN (RD_ROOT | RD_CELL)
#define W1X (1U << 3) /* write-1-to-set/clear, write-only: no RMW */

#define GICR_CTLR_ENABLE_LPIS (1ULL << 0)
#define GICR_CTLR_DPG (7ULL << 24) /* DPG0, DPG1NS, DPG1S */
#define GICR_STATUSR_ALL 0xfULL
#define GICR_WAKER_PROCESSOR_SLEEP (1ULL << 1)

#define WHY_LPI                                                           \
	"LPIs are not supported (the GIC would read and write memory at " \
	"physical addresses past stage 2)"
#define WHY_CONTROLS "the redistributor's controls are the hypervisor's"
#define WHY_AWAKE "the hypervisor keeps the redistributor awake"
#define WHY_RESERVED "reserved for the hypervisor"
#define WHY_FOREIGN "not a CPU of the cell"

struct gicr_reg {
	uint32_t start, end; /* [start, end) in the CPU's two frames */
	const char *name;
	uint8_t sizes;
	uint8_t flags;
	/* per-interrupt registers: field width and INTID at start */
	uint8_t bits, intid;
	/* control registers: the bits that do anything, and the root's */
	uint64_t fields, root_mask;
	/* why a refused write is refused (interrupt fields: reserved) */
	const char *why, *root_why;
};

/* Per-interrupt register: bits per INTID, INTID of the first field. */
#define IRQ_REG(off, len, nm, sz, fl, b, id)                                  \
	{                                                                     \
		GICR_SGI_BASE + (off), GICR_SGI_BASE + (off) + (len), nm, sz, \
			fl | RD_OWN, b, id, 0, 0, WHY_RESERVED, WHY_RESERVED  \
	}

static const struct gicr_reg regs[] = {
	{ 0x0000, 0x0004, "GICR_CTLR", SZ_4, RD_OWN, 0, 0,
	  GICR_CTLR_ENABLE_LPIS | GICR_CTLR_DPG, GICR_CTLR_DPG, WHY_CONTROLS,
	  WHY_LPI },
	{ 0x0004, 0x0008, "GICR_IIDR", SZ_4, RD_OWN, 0, 0, 0, 0, NULL, NULL },
	{ 0x0008, 0x0010, "GICR_TYPER", SZ_4 | SZ_8, RD_OWN | RD_FOREIGN, 0, 0,
	  0, 0, NULL, NULL },
	{ 0x0010, 0x0014, "GICR_STATUSR", SZ_4, RD_ROOT | W1X, 0, 0,
	  GICR_STATUSR_ALL, GICR_STATUSR_ALL, WHY_CONTROLS, NULL },
	{ 0x0014, 0x0018, "GICR_WAKER", SZ_4, RD_OWN, 0, 0,
	  GICR_WAKER_PROCESSOR_SLEEP, 0, WHY_AWAKE, WHY_AWAKE },
	{ 0x0040, 0x0048, "GICR_SETLPIR", SZ_4 | SZ_8, W1X, 0, 0, ~0ULL, 0,
	  WHY_LPI, WHY_LPI },
	{ 0x0048, 0x0050, "GICR_CLRLPIR", SZ_4 | SZ_8, W1X, 0, 0, ~0ULL, 0,
	  WHY_LPI, WHY_LPI },
	{ 0x0070, 0x0078, "GICR_PROPBASER", SZ_4 | SZ_8, RD_ROOT, 0, 0, ~0ULL,
	  0, WHY_LPI, WHY_LPI },
	{ 0x0078, 0x0080, "GICR_PENDBASER", SZ_4 | SZ_8, RD_ROOT, 0, 0, ~0ULL,
	  0, WHY_LPI, WHY_LPI },
	{ 0x00a0, 0x00a8, "GICR_INVLPIR", SZ_4 | SZ_8, W1X, 0, 0, ~0ULL, 0,
	  WHY_LPI, WHY_LPI },
	{ 0x00b0, 0x00b8, "GICR_INVALLR", SZ_4 | SZ_8, W1X, 0, 0, ~0ULL, 0,
	  WHY_LPI, WHY_LPI },
	{ 0x00c0, 0x00c4, "GICR_SYNCR", SZ_4, RD_OWN, 0, 0, 0, 0, NULL, NULL },
	{ 0xffd0, 0x10000, "GICR ID register", SZ_4, RD_OWN | RD_FOREIGN, 0, 0,
	  0, 0, NULL, NULL },
	IRQ_REG(0x0080, 4, "GICR_IGROUPR0", SZ_4, 0, 1, 0),
	IRQ_REG(0x0100, 4, "GICR_ISENABLER0", SZ_4, W1X, 1, 0),
	IRQ_REG(0x0180, 4, "GICR_ICENABLER0", SZ_4, W1X, 1, 0),
	IRQ_REG(0x0200, 4, "GICR_ISPENDR0", SZ_4, W1X, 1, 0),
	IRQ_REG(0x0280, 4, "GICR_ICPENDR0", SZ_4, W1X, 1, 0),
	IRQ_REG(0x0300, 4, "GICR_ISACTIVER0", SZ_4, W1X, 1, 0),
	IRQ_REG(0x0380, 4, "GICR_ICACTIVER0", SZ_4, W1X, 1, 0),
	IRQ_REG(0x0400, 32, "GICR_IPRIORITYR", SZ_1 | SZ_2 | SZ_4, 0, 8, 0),
	IRQ_REG(0x0c00, 4, "GICR_ICFGR0", SZ_4, 0, 2, 0),
	IRQ_REG(0x0c04, 4, "GICR_ICFGR1", SZ_4, 0, 2, 16),
	IRQ_REG(0x0d00, 4, "GICR_IGRPMODR0", SZ_4, 0, 1, 0),
	IRQ_REG(0x0e00, 4, "GICR_NSACR", SZ_4, 0, 2, 0),
};

struct field_ctx {
	uint32_t reserved;
	unsigned int base; /* INTID of the register's first field */
};

static int field_allowed(void *ctx, uint64_t intid)
{
	const struct field_ctx *c = ctx;

	intid += c->base;
	return intid >= 32 || !(c->reserved & (1U << intid));
}

static uint64_t size_mask(unsigned int size)
{
	return size >= 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}

/*
 * A register's bits from byte on, as an access there sees them. Registers
 * longer than 8 bytes (the ID block) reach past the 64 bits of fields:
 * a shift by 64 or more is undefined in C, and arm64 would shift by its
 * low 6 bits only, showing bits of the wrong byte.
 */
static uint64_t bits_from(uint64_t bits, unsigned int byte)
{
	return byte < 8 ? bits >> (byte * 8) : 0;
}

static const struct gicr_reg *find_reg(unsigned int off)
{
	unsigned int i;

	for (i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if (off >= regs[i].start && off < regs[i].end)
			return &regs[i];
	return NULL;
}

void gicr_filter(unsigned int off, unsigned int size, bool is_write,
		 enum gicr_who who, uint32_t reserved, struct gicr_verdict *v)
{
	const struct gicr_reg *r = find_reg(off);
	unsigned int byte, rd;

	*v = (struct gicr_verdict){ .action = GICR_RAZ_WI, .quiet = true };
	if (!size || size > 8 || size & (size - 1) || off & (size - 1)) {
		v->action = GICR_REFUSE;
		return;
	}
	if (!r)
		return;
	if (!(r->sizes & size) || off + size > r->end) {
		v->action = GICR_REFUSE;
		return;
	}
	v->reg = r->name;
	v->w1x = r->flags & W1X;
	byte = off - r->start;
	rd = who == GICR_WHO_ROOT ? RD_ROOT :
	     who == GICR_WHO_CELL ? RD_CELL :
				    RD_FOREIGN;
	if (!is_write) {
		if (r->flags & rd)
			v->action = GICR_PASS;
		return;
	}

	v->action = GICR_PASS;
	v->quiet = false;
	if (r->bits) {
		struct field_ctx ctx = { reserved, r->intid };
		uint64_t first;

		v->bits = r->bits;
		v->fields = size_mask(size);
		v->mask = gic_field_mask(byte, size, r->bits, field_allowed,
					 &ctx, &first);
		v->first = r->intid + first;
		v->why = r->why;
		/* Linux as root writes whole registers (gicr_filter.h). */
		v->quiet = who == GICR_WHO_ROOT;
	} else {
		v->fields = bits_from(r->fields, byte) & size_mask(size);
		if (who == GICR_WHO_ROOT)
			v->mask = bits_from(r->root_mask, byte) &
				  size_mask(size);
		v->why = who == GICR_WHO_ROOT && r->root_why ? r->root_why :
							       r->why;
	}
	if (who == GICR_WHO_FOREIGN) {
		v->mask = 0;
		v->why = WHY_FOREIGN;
		v->quiet = false;
	}
}

uint64_t gicr_refused(const struct gicr_verdict *v, uint64_t value,
		      uint64_t old)
{
	if (v->action != GICR_PASS)
		return 0;
	if (!v->w1x)
		value ^= old;
	return value & v->fields & ~v->mask;
}

bool gicr_bulk_write(const struct gicr_verdict *v, uint64_t value)
{
	return v->action == GICR_PASS && v->w1x && v->bits && v->mask &&
	       (value & v->fields) == v->fields;
}

uint64_t gicr_merge(const struct gicr_verdict *v, uint64_t value, uint64_t old)
{
	return (old & ~v->mask) | (value & v->mask);
}

uint32_t gicr_intids(const struct gicr_verdict *v, uint64_t bits)
{
	uint64_t field;
	uint32_t intids = 0;
	unsigned int i;

	if (!v->bits)
		return 0;
	field = (1ULL << v->bits) - 1;
	for (i = 0; i < 64 / v->bits; i++)
		if (bits & field << (i * v->bits) && v->first + i < 32)
			intids |= 1U << (v->first + i);
	return intids;
}

/* format_string() at buf + len, as far as size still allows. */
#define APPEND(buf, size, len, ...)                                    \
	((len) += format_string((len) < (size) ? (buf) + (len) : NULL, \
				(len) < (size) ? (size) - (len) : 0,   \
				__VA_ARGS__))

int gicr_describe(char *buf, size_t size, const struct gicr_verdict *v,
		  uint64_t value, uint64_t refused, unsigned int frame_cpu,
		  const char *const roles[32])
{
	uint32_t intids = gicr_intids(v, refused), named = 0;
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < 32; i++)
		if (intids & (1U << i) && roles[i])
			named |= 1U << i;
	APPEND(buf, size, len, "%s of CPU %u: ", v->reg ? v->reg : "GICR",
	       frame_cpu);
	/* Name the interrupts when each has a role; else show the value. */
	if (intids && named == intids) {
		const char *sep = "write to ";

		for (i = 0; i < 32; i++) {
			if (!(intids & (1U << i)))
				continue;
			intids &= ~(1U << i);
			APPEND(buf, size, len, "%sIRQ %u (%s)", sep, i,
			       roles[i]);
			sep = intids & (intids - 1) ? ", " : " and ";
		}
	} else {
		APPEND(buf, size, len, "write of 0x%llx",
		       (unsigned long long)value);
	}
	APPEND(buf, size, len, " ignored: %s", v->why ? v->why : WHY_RESERVED);
	return len;
}
