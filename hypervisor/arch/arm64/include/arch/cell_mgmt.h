/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The root's management calls on non-root cells (cell.c): create, set
 * loadable, start, destroy, state, and stopping every cell for the
 * root's SYSTEM_OFF/RESET. One at a time per cell (its busy mark).
 */
#ifndef WARDEN_ARCH_CELL_MGMT_H
#define WARDEN_ARCH_CELL_MGMT_H

#include <stdint.h>

#include <arch/spinlock.h>

long cell_create(unsigned int cpu, uint64_t config_ipa);
long cell_start(unsigned int cpu, uint64_t id);
long cell_set_loadable(unsigned int cpu, uint64_t id);
long cell_destroy(unsigned int cpu, uint64_t id);
long cell_get_state(uint64_t id);
/*
 * After an exception at EL2 in a management call of cpu (traps.c, its
 * locks released): the cells it claimed are released and a cell it was
 * creating is taken apart again.
 */
void cell_recover(unsigned int cpu);
/* The root powers off or resets the machine: every cell's CPUs park. */
void cell_stop_all(const char *why);

/* Management calls on the registry, one at a time (cell.c) */
extern spinlock_t cell_lock;

#endif
