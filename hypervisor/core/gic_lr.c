// SPDX-License-Identifier: GPL-2.0
#include <warden/gic_lr.h>

#define V3_STATE_SHIFT 62
#define V3_HW (1ULL << 61)
#define V3_GROUP1 (1ULL << 60)
#define V3_PRIO_SHIFT 48
#define V3_PINTID_SHIFT 32

uint64_t gicv3_lr_encode(const struct gic_lr *lr)
{
	uint64_t v = lr->intid | (uint64_t)(lr->state & 3) << V3_STATE_SHIFT |
		     (uint64_t)lr->prio << V3_PRIO_SHIFT;

	if (lr->group1)
		v |= V3_GROUP1;
	/* SGIs cannot be hardware-linked (the caller deactivated them) */
	if (lr->hw && lr->intid >= 16)
		v |= V3_HW | (uint64_t)(lr->intid & 0x1fff) << V3_PINTID_SHIFT;
	return v;
}

void gicv3_lr_decode(uint64_t v, struct gic_lr *lr)
{
	lr->intid = v & 0xffffffff;
	lr->source = 0;
	lr->prio = (v >> V3_PRIO_SHIFT) & 0xff;
	lr->state = (v >> V3_STATE_SHIFT) & 3;
	lr->hw = !!(v & V3_HW);
	lr->group1 = !!(v & V3_GROUP1);
}

#define V2_HW (1U << 31)
#define V2_GROUP1 (1U << 30)
#define V2_STATE_SHIFT 28
#define V2_PRIO_SHIFT 23
#define V2_PHYS_SHIFT 10

uint32_t gicv2_lr_encode(const struct gic_lr *lr)
{
	uint32_t v = (lr->intid & 0x3ff) | (lr->state & 3) << V2_STATE_SHIFT |
		     (uint32_t)(lr->prio >> 3) << V2_PRIO_SHIFT;

	if (lr->group1)
		v |= V2_GROUP1;
	if (lr->hw && lr->intid >= 16)
		v |= V2_HW | (lr->intid & 0x3ff) << V2_PHYS_SHIFT;
	else if (lr->intid < 16)
		/* the sender, which the cell reads in GICV_IAR */
		v |= (lr->source & 7) << V2_PHYS_SHIFT;
	return v;
}

void gicv2_lr_decode(uint32_t v, struct gic_lr *lr)
{
	lr->intid = v & 0x3ff;
	lr->hw = !!(v & V2_HW);
	lr->source = !lr->hw && lr->intid < 16 ? (v >> V2_PHYS_SHIFT) & 7 : 0;
	lr->prio = ((v >> V2_PRIO_SHIFT) & 0x1f) << 3;
	lr->state = (v >> V2_STATE_SHIFT) & 3;
	lr->group1 = !!(v & V2_GROUP1);
}
