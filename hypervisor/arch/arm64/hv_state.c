// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's global state, declared in arch/hv.h: defined here, at
 * the bottom of the layers (docs/hypervisor.md, "Layers"), so that every
 * file that reads it depends on this file only and not on setup.c, which
 * fills it in at enable and calls nearly every other file.
 */
#include <arch/hv.h>

uint64_t hv_phys;
spinlock_t hv_lock;
struct per_cpu per_cpu_data[HV_MAX_CPUS];
const struct jailhouse_system *sys_config;
struct warden_config root_config;
uint64_t root_cpu_set;
