/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the files of the rule engine (rules.c, rules_mem.c,
 * rules_irq.c, rules_pci.c, rules_gic_bus.c, rules_el2.c): reporting a
 * finding and small helpers.
 */
#ifndef WARDEN_RULES_INT_H
#define WARDEN_RULES_INT_H

#include <warden/errno.h>
#include <warden/rules.h>

#define RULES_PAGE_MASK 0xfffULL

void rules_emit(struct rules_sink *sink, const char *rule, int err,
		const struct warden_config *c, long region,
		const struct jailhouse_memory *m, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static inline const char *rules_name(const struct warden_config *c)
{
	return c->cell->name;
}

static inline int rules_is_root(const struct rules_env *env,
				const struct warden_config *c)
{
	return c == env->root;
}

/* Last byte of a region the parser accepted (it does not wrap). */
static inline __u64 rules_last(__u64 start, __u64 size)
{
	return start + (size - 1);
}

/* Whether region i is one of the shared-memory regions of an ivshmem. */
int rules_is_shmem(const struct warden_config *c, unsigned int i);

/* rules_mem.c: the memory regions of one config */
void rules_regions(const struct rules_env *env, const struct warden_config *c,
		   struct rules_sink *sink);

/*
 * rules_gic_bus.c: the Raspberry Pi 4 DT's bus address as GICv2 frame.
 * Returns how many frames it found there.
 */
int rules_gic_bus(const struct rules_env *env, struct rules_sink *sink);

/*
 * rules_el2.c: hypervisor memory and, if gic, the GIC frames as EL2 maps
 * them (not after a finding of rules_gic_bus(): its frames are misplaced
 * for one reason, said once).
 */
void rules_el2_place(const struct rules_env *env, int gic,
		     struct rules_sink *sink);

/* rules_pci.c: the virtual PCI host bridge and ivshmem devices */
void rules_pci(const struct rules_env *env, const struct warden_config *c,
	       struct rules_sink *sink);

/*
 * Whether region i of c and region j of p are one section of one ivshmem
 * link: section k of a device of c and of a device of p with the same bdf,
 * state table and peer count, at the same physical address and size.
 */
int rules_same_section(const struct warden_config *c, unsigned int i,
		       const struct warden_config *p, unsigned int j);

/* rules_irq.c: the irqchips of one config */
void rules_irqchips(const struct rules_env *env, const struct warden_config *c,
		    struct rules_sink *sink);

#endif
