// SPDX-License-Identifier: GPL-2.0
#include <warden/gic_filter.h>

uint64_t gic_field_mask(unsigned int off, unsigned int size, unsigned int bits,
			int (*owned)(void *ctx, uint64_t intid), void *ctx,
			uint64_t *first)
{
	uint64_t field = bits >= 64 ? ~0ULL : (1ULL << bits) - 1, mask = 0;
	unsigned int n = size * 8 / bits, i;

	*first = (uint64_t)off * 8 / bits;
	for (i = 0; i < n; i++)
		if (owned(ctx, *first + i))
			mask |= field << (i * bits);
	return mask;
}

/*
 * GICD_CTLR as the root may change it (GICv3 architecture, IHI 0069): in a
 * GIC with one security state (DS = 1, as on QEMU without EL3) bit 0 is
 * EnableGrp0, bit 1 EnableGrp1 and bit 4 ARE; seen from Non-secure with
 * two security states (DS = 0) bit 0 is EnableGrp1, bit 1 EnableGrp1A and
 * bit 4 ARE_NS. The hypervisor takes its interrupts (and hands the cells
 * theirs) as Non-secure Group 1 with affinity routing: the root may set
 * those bits but never clear them while the hypervisor runs. Only Group 0
 * (DS = 1) stays the root's to turn on and off; DS, E1NWF, nASSGIreq and
 * RWP are not the root's to write (gicd.c reports a refusal once).
 */
#define CTLR_GRP0_DS1 (1U << 0)
#define CTLR_GRP1_NS_DS0 (1U << 0)
#define CTLR_GRP1 (1U << 1)
#define CTLR_ARE (1U << 4)
#define CTLR_DS (1U << 6)
#define CTLR_RWP (1U << 31)

uint32_t gic_ctlr_filter(uint32_t cur, uint32_t value)
{
	uint32_t keep_set = CTLR_GRP1 | CTLR_ARE, root = 0;

	if (cur & CTLR_DS)
		root = CTLR_GRP0_DS1;
	else
		keep_set |= CTLR_GRP1_NS_DS0;
	cur &= ~CTLR_RWP;
	return (cur & ~root) | (value & (root | keep_set));
}

uint32_t gic_ctlr_filter_grp0(uint32_t cur, uint32_t value, int keep_grp0)
{
	uint32_t v = gic_ctlr_filter(cur, value);

	if (keep_grp0 && cur & CTLR_DS)
		v |= CTLR_GRP0_DS1;
	return v;
}
