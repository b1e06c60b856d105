/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rules a config must follow to be accepted: one engine, portable C.
 * The hypervisor runs them on every enable (rules_system) and cell create
 * (rules_cell) and refuses on any finding; "warden config check" runs the
 * same functions on the host and reports their findings as its errors,
 * word for word. Everything else the CLI says is advice.
 * docs/config-format.md lists every rule.
 */
#ifndef WARDEN_RULES_H
#define WARDEN_RULES_H

#ifndef __KERNEL__
#include <stddef.h>
#endif

#include <warden/config.h>

/* CPU sets are 64-bit masks on this side of the format. */
#define RULES_MAX_CPUS 64
/* GICv3 frame sizes: distributor, one redistributor (RD + SGI frames). */
#define RULES_GICD_SIZE 0x10000ULL
#define RULES_GICR_FRAME 0x20000ULL
/* A GICv2 distributor (GIC-400) is 4 KiB. */
#define RULES_GICD_V2_SIZE 0x1000ULL
/* GICv2-style CPU, hypervisor and virtual CPU interfaces. */
#define RULES_GICC_SIZE 0x2000ULL
/*
 * The config has no ITS field. GIC-500/600 and QEMU's virt place ITS
 * frames between the distributor and the redistributors; when GICR
 * follows GICD within this distance, that whole gap counts as GIC.
 */
#define RULES_GIC_BLOCK_MAX (16ULL << 20)
#define RULES_MAX_INTID 1019
/*
 * Hypervisor memory as EL2 maps it (rules_el2.c): at most 511 2 MiB
 * blocks, ending at or below the top 512 GiB of addresses (arch/layout.h
 * holds the hypervisor's side of both).
 */
#define RULES_HV_MAX_SIZE (511ULL << 21)
#define RULES_HV_PHYS_END 0xff8000000000ULL
#define RULES_TEXT_MAX 320

struct rules_env {
	const struct warden_config *root; /* the system config */
	__u64 root_cpus; /* CPUs the root cell has now */
	const struct warden_config *const *cells; /* the live non-root cells */
	unsigned int num_cells;
	unsigned int max_cpus; /* CPUs the hypervisor supports, <= 64 */
};

/* One broken rule: the sentence names the thing and the fix. */
struct rules_finding {
	const char *rule; /* stable identifier, e.g. "gic-overlap" */
	const char *cell; /* the cell's name */
	long region; /* memory region index, -1 if none */
	int has_range;
	__u64 start, size; /* the region concerned (physical) */
	int err; /* -EINVAL, -EBUSY or -EEXIST */
	char text[RULES_TEXT_MAX];
};

/* Receives every finding; the rules keep going after one. */
struct rules_sink {
	void (*report)(struct rules_sink *sink, const struct rules_finding *f);
	unsigned int errors;
	int first_err; /* of the first finding, 0 if none */
};

/*
 * The system config env->root on its own (env->cells is not used). Returns
 * 0 or the first finding's negative errno.
 */
int rules_system(const struct rules_env *env, struct rules_sink *sink);

/*
 * A new cell against the running system: the system config, the CPUs
 * the root has now and the live cells. Returns 0 or the first finding's
 * negative errno: -EEXIST (name taken), -EBUSY (CPU, memory or interrupt
 * of another cell), -EINVAL (anything else).
 */
int rules_cell(const struct rules_env *env, const struct warden_config *cell,
	       struct rules_sink *sink);

/* The CPUs of a config as a mask (those below RULES_MAX_CPUS). */
__u64 rules_cpu_mask(const struct warden_config *cfg);

#endif
