/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Changing live translation tables (pgtable.h builds them): removing a
 * range, which splits blocks that reach beyond it; merging tables that
 * map one contiguous range with one set of attributes back into a block;
 * freeing a whole table. Cells need these: their memory leaves the root
 * cell's stage 2 at create and returns at destroy.
 *
 * A live block replaced by a table or a table by a block goes through an
 * invalid entry and pt->invalidate (break-before-make). Entries that are
 * only removed are not invalidated here: the caller flushes the TLBs once
 * the whole range is gone.
 */
#ifndef WARDEN_PGTABLE_EDIT_H
#define WARDEN_PGTABLE_EDIT_H

#include <warden/pgtable.h>

/* Gives a table page back to whoever allocated it. */
typedef void (*pgtable_free_fn)(void *ctx, uint64_t pa);

/*
 * Unmaps [va, va + size), page aligned; parts that were not mapped are
 * fine. A block reaching beyond the range becomes a table of smaller
 * blocks or pages first. Returns 0, -EINVAL or -ENOMEM (then part of the
 * range may be unmapped already).
 */
int pgtable_unmap(struct pgtable *pt, uint64_t va, uint64_t size);

/*
 * Replaces tables under [va, va + size) whose entries all map one aligned
 * contiguous range with equal attributes by a block, and frees them: what
 * pgtable_map() would have built, after an unmap and a map back.
 */
void pgtable_collapse(struct pgtable *pt, uint64_t va, uint64_t size,
		      pgtable_free_fn free_page);

/*
 * Completes the replacement of a live entry that was cut short between
 * its invalid entry and the new one (an exception inside pt->invalidate,
 * at EL2): invalidates again, writes the new entry and frees the table
 * it replaced, if any. The caller holds what serialized the edit. Returns
 * 1 if there was one, 0 if no edit was pending.
 */
int pgtable_edit_finish(struct pgtable *pt, pgtable_free_fn free_page);

/* Frees every table page, the first level included. */
void pgtable_destroy(struct pgtable *pt, pgtable_free_fn free_page);

#endif
