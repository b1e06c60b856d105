/* SPDX-License-Identifier: GPL-2.0 */
/* Stage-2 translation of the root and the cells (stage2.c). */
#ifndef WARDEN_ARCH_STAGE2_H
#define WARDEN_ARCH_STAGE2_H

#include <stdint.h>

#include <arch/spinlock.h>

struct pgtable;

int stage2_build_root(void);
/* The root's tables, for lookups and as the template of a cell's */
struct pgtable *stage2_root(void);
/* GICv2: GICV mapped at the GICC address into pt (no-op on GICv3) */
int stage2_map_gicv(struct pgtable *pt);
uint64_t stage2_vttbr(void);
uint64_t stage2_vtcr(void);
/*
 * Changes to the root's stage 2 while the root runs (cells take and give
 * back memory): break-before-make, under a lock that the fault path below
 * waits for.
 */
int stage2_root_map(uint64_t ipa, uint64_t size, uint64_t attrs,
		    unsigned int flags);
int stage2_root_unmap(uint64_t ipa, uint64_t size);
/* The IPA size of every stage 2 (the CPU's PARange, 39 for 40 or 42). */
unsigned int stage2_ipa_bits(void);
void stage2_root_collapse(uint64_t ipa, uint64_t size);
/*
 * Whether a stage-2 abort of a root CPU hit an entry that was invalid only
 * while it was being replaced: 1 if the address translates again, and the
 * CPU is to retry the access; 0 if it is a fault to handle or report.
 */
int stage2_root_fault_retry(unsigned int cpu);
/* Returns once no edit of the root's stage 2 is under way (its lock). */
void stage2_root_edits_wait(void);
/*
 * After an exception at EL2, before its locks are released: completes an
 * edit of the root's stage 2 that this CPU was in the middle of. 1 if it
 * did.
 */
int stage2_root_edit_finish(void);

/* Held while an entry of the root's stage 2 may be invalid (stage2.c) */
extern spinlock_t root_s2_lock;

#endif
