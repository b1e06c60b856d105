// SPDX-License-Identifier: GPL-2.0
/*
 * Rules for irqchip entries. An entry that grants nothing is ignored
 * wherever it points (Jailhouse's configs end arrays with such). One that
 * grants lines must name the distributor, start at a multiple of 32 and
 * stay below INTID 1020. A new cell's lines are SPIs the root has and no
 * live cell has.
 */
#include <warden/cell_check.h>

#include "rules_int.h"

static int chip_empty(const struct jailhouse_irqchip *chip)
{
	return !(chip->pin_bitmap[0] | chip->pin_bitmap[1] |
		 chip->pin_bitmap[2] | chip->pin_bitmap[3]);
}

/* Highest INTID the entry grants (it grants at least one). */
static __u64 chip_top(const struct jailhouse_irqchip *chip)
{
	unsigned int w = 4;

	while (!chip->pin_bitmap[w - 1])
		w--;
	return chip->pin_base + 32ULL * (w - 1) + 31 -
	       __builtin_clz(chip->pin_bitmap[w - 1]);
}

static void chip_shape(const struct rules_env *env,
		       const struct warden_config *c, unsigned int i,
		       struct rules_sink *s)
{
	const struct jailhouse_irqchip *chip = &c->irqchips[i];
	__u64 gicd = env->root->system->platform_info.arm.gicd_base;
	__u64 top = chip_top(chip);

	if (chip->address != gicd)
		rules_emit(s, "irqchip", -EINVAL, c, -1, NULL,
			   "irqchip %u of cell \"%s\" is at 0x%llx, but the "
			   "GIC distributor is at 0x%llx: fix its address",
			   i, rules_name(c), (unsigned long long)chip->address,
			   (unsigned long long)gicd);
	if (chip->pin_base % 32)
		rules_emit(s, "irqchip", -EINVAL, c, -1, NULL,
			   "irqchip %u of cell \"%s\" has pin_base %u, not a "
			   "multiple of 32: use pin_base %u and shift the "
			   "bitmap by %u bits",
			   i, rules_name(c), chip->pin_base,
			   chip->pin_base & ~31u, chip->pin_base % 32);
	if (top > RULES_MAX_INTID)
		rules_emit(s, "irqchip", -EINVAL, c, -1, NULL,
			   "irqchip %u of cell \"%s\" grants INTIDs up to "
			   "%llu, beyond the GIC's last line %u: clear those "
			   "bits",
			   i, rules_name(c), (unsigned long long)top,
			   RULES_MAX_INTID);
}

/* The lines of a new cell's entry against the root and the live cells. */
static void chip_lines(const struct rules_env *env,
		       const struct warden_config *c, unsigned int i,
		       struct rules_sink *s)
{
	const struct jailhouse_irqchip *chip = &c->irqchips[i];
	__u64 gicd = env->root->system->platform_info.arm.gicd_base;
	int low = 0, foreign = 0, taken[RULES_MAX_CPUS] = { 0 };
	unsigned int bit, k;

	for (bit = 0; bit < 128; bit++) {
		__u64 intid = chip->pin_base + (__u64)bit;

		if (!((chip->pin_bitmap[bit / 32] >> (bit % 32)) & 1))
			continue;
		if (intid < 32) {
			if (!low++)
				rules_emit(s, "irq", -EINVAL, c, -1, NULL,
					   "cell \"%s\" lists interrupt %llu: "
					   "SGIs and PPIs belong to each CPU, "
					   "list SPIs (32 and up) only",
					   rules_name(c),
					   (unsigned long long)intid);
			continue;
		}
		for (k = 0; k < env->num_cells && k < RULES_MAX_CPUS; k++) {
			if (taken[k] ||
			    !cell_check_has_spi(env->cells[k], gicd, intid))
				continue;
			taken[k] = 1;
			rules_emit(s, "irq", -EBUSY, c, -1, NULL,
				   "interrupt %llu of cell \"%s\" belongs to "
				   "cell \"%s\": destroy that cell or remove "
				   "the interrupt",
				   (unsigned long long)intid, rules_name(c),
				   rules_name(env->cells[k]));
		}
		if (!foreign && !cell_check_has_spi(env->root, gicd, intid)) {
			foreign = 1;
			rules_emit(s, "irq", -EINVAL, c, -1, NULL,
				   "interrupt %llu of cell \"%s\" is not the "
				   "root cell's: add it to the root config's "
				   "irqchip or remove it from the cell",
				   (unsigned long long)intid, rules_name(c));
		}
	}
}

void rules_irqchips(const struct rules_env *env, const struct warden_config *c,
		    struct rules_sink *s)
{
	unsigned int i;

	for (i = 0; i < c->cell->num_irqchips; i++) {
		if (chip_empty(&c->irqchips[i]))
			continue;
		chip_shape(env, c, i, s);
		if (!rules_is_root(env, c) &&
		    c->irqchips[i].address ==
			    env->root->system->platform_info.arm.gicd_base)
			chip_lines(env, c, i, s);
	}
}
