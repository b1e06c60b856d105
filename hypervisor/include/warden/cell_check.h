/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Whether a new cell's config fits the running system: its CPUs belong to
 * the root now, its memory lies inside root memory and away from the
 * hypervisor and from the other cells, its interrupts are the root's to
 * give. Portable: the hypervisor decides with it, the unit tests check it.
 */
#ifndef WARDEN_CELL_CHECK_H
#define WARDEN_CELL_CHECK_H

#ifndef __KERNEL__
#include <stddef.h>
#endif

#include <warden/config.h>

struct cell_check_env {
	const struct warden_config *root; /* the system config */
	__u64 root_cpus; /* CPUs the root cell has now */
	/* the other non-root cells' configs */
	const struct warden_config *const *cells;
	unsigned int num_cells;
	unsigned int max_cpus; /* CPUs the hypervisor supports */
};

/*
 * Returns 0, or a negative errno with a sentence naming the problem and
 * the fix in msg: -EEXIST (name taken), -EBUSY (CPU, memory or interrupt
 * taken by another cell), -EINVAL (anything else).
 */
int cell_check(const struct cell_check_env *env,
	       const struct warden_config *cell, char *msg, size_t len);

/* Whether the cell's irqchip entries grant SPI intid (>= 32). */
int cell_check_has_spi(const struct warden_config *cfg, __u64 gicd,
		       __u64 intid);

#endif
