// SPDX-License-Identifier: GPL-2.0
/*
 * The root's management calls on non-root cells: create, set loadable
 * (load and shutdown), start, destroy, state. Called from the root's
 * hypercalls, one management operation at a time per cell (its busy
 * mark). Each operation checks everything first and changes the system
 * only once nothing can fail any more, or undoes what it did: a refused
 * request leaves the system as it was. What is allowed and what to do
 * (the plan) is core/lifecycle.c's; this file does the mechanism:
 * config copy-in, stage 2, root memory, caches, comm region protocol.
 *
 * A cell's CPUs come from the root off (Linux took them offline with
 * PSCI CPU_OFF) and go back off; in between they run the cell under its
 * own stage 2 (VMID = cell id). A CPU running in a cell is stopped with a
 * physical SGI, which traps to EL2, where cell_handle_events() (park.c)
 * parks it.
 *
 * Locks and waits (docs/hypervisor.md, "Cell and CPU lifecycle"):
 * - cell_lock serializes management calls on the registry: cells[]
 *   (cell_registry.c), each cell's busy mark. Taken before hv_lock,
 *   never after it.
 * - hv_lock guards every lc_* change (CPU states, owners, CPU_ON
 *   requests, cell states), for a few loads and stores at a time.
 * - No EL2 path waits for another CPU with either held. A call that must
 *   wait (for a cell's CPUs to park, for a cell's reply) marks the cell
 *   busy under cell_lock, drops the lock, waits, takes it again and goes
 *   on: a busy cell is neither managed nor destroyed by another call
 *   meanwhile, and a stopped cell starts no CPU, so what the call checked
 *   still holds, and stop_cpus() checks the CPUs once more.
 */
#include <arch/cell.h>
#include <arch/cell_console.h>
#include <arch/cell_irq.h>
#include <arch/direct_irq.h>
#include <arch/el1_state.h>
#include <arch/el2_map.h>
#include <arch/mem_scrub.h>
#include <arch/park.h>
#include <arch/pool.h>
#include <arch/rules_log.h>
#include <arch/stage2.h>
#include <arch/test_point.h>
#include <arch/vpci.h>
#include <warden/cell-flags.h>
#include <warden/cell_check.h>
#include <warden/el2_window.h>
#include <warden/errno.h>
#include <warden/hypercall.h>
#include <warden/pgtable_edit.h>
#include <warden/range.h>

/* Memory is cleaned from the caches through windows of at most this. */
#define CLEAN_CHUNK 0x100000ULL

#define STOP_TIMEOUT_US 5000000 /* generous for emulated CPUs on a busy host */
/*
 * A cell that never answers a shutdown request (msg_reply_timeout 0),
 * and the longest wait for any reply whatever msg_reply_timeout says
 * (up to 2^32 polls): the calling root CPU waits at EL2 with its
 * interrupts masked, and Linux reports a stall after some 20 s. Also
 * what reconfig_completed() spends on all cells before it skips the rest.
 */
#define REPLY_TIMEOUT_US 2000000

spinlock_t cell_lock; /* released by el2_locks_release() */

static void reconfig_completed(void);
static long reconfig_ok(const struct cell *excluded);

/*
 * Marks cell id busy (cell_lock held) with the claiming CPU plus 1, so that
 * the recovery from an exception at EL2 (cell_recover()) finds what that
 * CPU held. Returns 0 or -EBUSY as lc_claim().
 */
static long cell_claim(unsigned int id)
{
	long err = lc_claim(&hv_lc, id);

	if (!err)
		cells[id - 1].lc.busy = this_cpu() + 1;
	return err;
}

static void cell_unclaim(struct cell *c)
{
	spin_lock(&cell_lock);
	lc_unclaim(&hv_lc, c->id);
	spin_unlock(&cell_lock);
}

static unsigned int first_cpu(uint64_t set)
{
	return __builtin_ctzll(set);
}

static const struct jailhouse_memory *root_region_of(uint64_t phys);

/*
 * Whether the root may read [ipa, ipa + size) as its own normal memory:
 * the range does not wrap, and every 4 KiB page of it lies in a RAM region
 * of the root's config and is mapped to the root (not lent to a cell),
 * readable and identity-mapped. Checked before the window maps anything,
 * so that no address from the root can make EL2 fault.
 */
static int root_readable(uint64_t ipa, uint64_t size)
{
	uint64_t page, end, pa, attrs;
	const struct jailhouse_memory *r;
	unsigned int level;

	if (range_pages(ipa, size, &page, &end))
		return 0;
	for (; page != end; page += 0x1000) {
		r = root_region_of(page);
		if (!r || r->flags & JAILHOUSE_MEM_IO ||
		    !(r->flags & JAILHOUSE_MEM_READ))
			return 0;
		if (pgtable_lookup(stage2_root(), page, &pa, &attrs, &level) ||
		    pa != page || !(attrs & S2_AP_READ) ||
		    (attrs & (0xfULL << 2)) != S2_MEMATTR_NORMAL)
			return 0;
	}
	return 1;
}

static void config_landed(void)
{
	this_per_cpu()->config_copy_pa = 0;
}

/* Copies the root's config at ipa into pool pages and parses it. */
static long config_copy(struct cell *c, uint64_t ipa)
{
	const struct jailhouse_cell_desc *hdr;
	enum warden_config_status st;
	uint64_t size;
	long err;

	if (!root_readable(ipa, sizeof(*hdr))) {
		printk("ERROR: cell config at 0x%llx is not in the root cell's "
		       "RAM\n",
		       (unsigned long long)ipa);
		return -EINVAL;
	}
	hdr = el2_window_map(ipa, sizeof(*hdr));
	if (!hdr)
		return -EINVAL;
	size = warden_config_cell_size(hdr);
	el2_window_unmap(hdr, sizeof(*hdr));
	hdr = NULL;
	if (size > CELL_CONFIG_MAX_PAGES * 4096ULL) {
		printk("ERROR: cell config of %llu bytes: at most %llu are "
		       "accepted\n",
		       (unsigned long long)size,
		       CELL_CONFIG_MAX_PAGES * 4096ULL);
		err = -E2BIG;
		goto out;
	}
	if (!root_readable(ipa, size)) {
		printk("ERROR: cell config at 0x%llx (%llu bytes) is not in "
		       "the root cell's RAM\n",
		       (unsigned long long)ipa, (unsigned long long)size);
		err = -EINVAL;
		goto out;
	}
	hdr = el2_window_map(ipa, size);
	if (!hdr) {
		err = -EINVAL;
		goto out;
	}
	c->config_pages = (size + 4095) / 4096;
	err = pool_alloc_pages(c->config_pages, &c->config_pa);
	if (err) {
		printk("ERROR: hypervisor memory full: no room for the cell "
		       "config; " POOL_FIX "\n");
		goto out;
	}
	this_per_cpu()->config_copy_pages = c->config_pages;
	this_per_cpu()->config_copy_pa = c->config_pa;
	memcpy(pool_virt(c->config_pa), hdr, size);
	el2_test_point(TEST_CREATE_CONFIG);
	st = warden_config_parse(pool_virt(c->config_pa), size,
				 WARDEN_CONFIG_CELL, &c->cfg);
	if (st != WARDEN_CONFIG_OK) {
		char msg[RULES_TEXT_MAX];

		printk("ERROR: invalid cell config: %s\n",
		       warden_config_status_describe(st, &c->cfg, msg,
						     sizeof(msg)));
		config_landed();
		pool_free_pages(c->config_pa, c->config_pages);
		err = -EINVAL;
	}
out:
	el2_window_unmap(hdr, size);
	return err;
}

static const struct jailhouse_memory *root_region_of(uint64_t phys)
{
	uint32_t i;

	for (i = 0; i < root_config.cell->num_memory_regions; i++) {
		const struct jailhouse_memory *r = &root_config.mem_regions[i];

		if (!(r->flags & JAILHOUSE_MEM_COMM_REGION) &&
		    phys >= r->phys_start && phys - r->phys_start < r->size)
			return r;
	}
	return NULL;
}

static int build_stage2(struct cell *c)
{
	const struct pgtable *root = stage2_root();
	uint32_t i;
	int err;

	c->s2.start_level = root->start_level;
	c->s2.root_entries = root->root_entries;
	c->s2.alloc_page = pool_pgtable_alloc;
	c->s2.phys_to_ptr = pool_pgtable_ptr;
	err = pool_alloc_pages(1, &c->s2.root);
	if (!err)
		err = pool_alloc_pages(1, &c->comm_pa);
	if (err) {
		printk("ERROR: hypervisor memory full: no page for the stage-2 "
		       "table or communication region of cell \"%s\"; " POOL_FIX
		       "\n",
		       c->cfg.cell->name);
		return err;
	}
	c->comm = pool_virt(c->comm_pa);
	for (i = 0; !err && i < c->cfg.cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &c->cfg.mem_regions[i];

		if (m->flags & JAILHOUSE_MEM_COMM_REGION)
			err = pgtable_map(
				&c->s2, m->virt_start, c->comm_pa, 0x1000,
				stage2_attrs(m->flags & (JAILHOUSE_MEM_READ |
							 JAILHOUSE_MEM_WRITE)),
				PGTABLE_NO_BLOCKS);
		else
			err = pgtable_map(
				&c->s2, m->virt_start, m->phys_start, m->size,
				stage2_attrs(m->flags),
				m->flags & JAILHOUSE_MEM_NO_HUGEPAGES ?
					PGTABLE_NO_BLOCKS :
					0);
		if (err == -ENOMEM)
			printk("ERROR: hypervisor memory full: no page for the "
			       "stage-2 tables of region %u of cell \"%s\"; " POOL_FIX
			       "\n",
			       i, c->cfg.cell->name);
		else if (err)
			/* the rules checked alignment: the IPA size is left */
			printk("ERROR: region %u of cell \"%s\" (guest "
			       "0x%llx+0x%llx) lies beyond the %u-bit guest "
			       "address space of this CPU: give it a lower "
			       "virt_start\n",
			       i, c->cfg.cell->name,
			       (unsigned long long)m->virt_start,
			       (unsigned long long)m->size, stage2_ipa_bits());
	}
	if (!err)
		err = stage2_map_gicv(&c->s2);
	c->vttbr = c->s2.root | (uint64_t)c->id << 48;
	dsb(ish);
	return err;
}

/* Regions the root loses to the cell. */
static int taken_from_root(const struct jailhouse_memory *m)
{
	return !(m->flags &
		 (JAILHOUSE_MEM_COMM_REGION | JAILHOUSE_MEM_ROOTSHARED));
}

static void root_tlb_flush(void)
{
	/* Management runs on a root CPU: VMID 0 is the current one. */
	dsb(ishst);
	asm volatile("tlbi vmalls12e1is\n dsb ish\n isb" : : : "memory");
}

/* Which regions root_remap() gives back. */
enum remap_which {
	REMAP_LOADABLE, /* the LOADABLE ones, for loading */
	REMAP_ALL, /* every region the root lent */
	REMAP_NOT_LOADABLE, /* the rest, when LOADABLE ones are back already */
};

static int remap_selected(const struct jailhouse_memory *m,
			  enum remap_which which)
{
	if (!taken_from_root(m))
		return 0;
	switch (which) {
	case REMAP_LOADABLE:
		return !!(m->flags & JAILHOUSE_MEM_LOADABLE);
	case REMAP_NOT_LOADABLE:
		return !(m->flags & JAILHOUSE_MEM_LOADABLE);
	default:
		return 1;
	}
}

/*
 * Gives regions [0, upto) back to the root, with the root's own rights,
 * merged into blocks again where the root had them. What the root maps
 * already stays: a call that an exception at EL2 cut short may have
 * given back or taken part of a region, and the next one completes it.
 */
/*
 * [pa, pa + size) back into the root's stage 2, by pages where the root
 * has none, one 2 MiB piece at a time, each merged into a block at once
 * (collapse): mapped whole first, a large region would need one page
 * table per 2 MiB at the peak (770 pages for 1.5 GiB, more than a 4 MiB
 * hypervisor's pool) before any merge gives them back.
 */
#define REMAP_PIECE 0x200000ULL /* a level-2 block: one page table */

static int remap_pieces(uint64_t pa, uint64_t size, uint64_t attrs,
			bool collapse)
{
	uint64_t end = pa + size, next, at;
	int err = 0;

	for (at = pa; at < end; at = next) {
		next = (at | (REMAP_PIECE - 1)) + 1;
		if (next > end || next < at)
			next = end;
		if (stage2_root_map(at, next - at, attrs,
				    PGTABLE_NO_BLOCKS | PGTABLE_KEEP_MAPPED))
			err = -ENOMEM;
		if (collapse)
			stage2_root_collapse(at, next - at);
	}
	/* the 2 MiB blocks into 1 GiB ones where the root had those */
	if (collapse)
		stage2_root_collapse(pa, size);
	return err;
}

static void root_remap(struct cell *c, enum remap_which which, uint32_t upto)
{
	uint32_t i;

	for (i = 0; i < upto; i++) {
		const struct jailhouse_memory *m = &c->cfg.mem_regions[i];
		const struct jailhouse_memory *r =
			root_region_of(m->phys_start);

		if (!remap_selected(m, which) || !r)
			continue;
		/* fail closed: what is not zeroed stays out of the root's reach */
		if (c->unscrubbed & 1ULL << (i < 63 ? i : 63) &&
		    m->flags & JAILHOUSE_MEM_WRITE) {
			printk("ERROR: region %u of cell \"%s\" (0x%llx+0x%llx) "
			       "could not be zeroed: kept from the root until "
			       "disable\n",
			       i, c->cfg.cell->name,
			       (unsigned long long)m->phys_start,
			       (unsigned long long)m->size);
			continue;
		}
		if (remap_pieces(m->phys_start, m->size, stage2_attrs(r->flags),
				 !(r->flags & JAILHOUSE_MEM_NO_HUGEPAGES)))
			printk("ERROR: region %u of cell \"%s\" could not be "
			       "given back to the root\n",
			       i, c->cfg.cell->name);
	}
	/*
	 * Valid entries only appeared; a merged table was replaced through
	 * an invalid entry already (break-before-make, stage2.c).
	 */
	root_tlb_flush();
}

/* Cleans and invalidates [va, va + size) to the point of coherency. */
static void dcache_clean_inval(uint64_t va, uint64_t size)
{
	/* CTR_EL0.DminLine: the smallest line of any data cache */
	uint64_t line = 4ULL << ((sysreg_read(ctr_el0) >> 16) & 0xf);
	uint64_t p;

	for (p = va & ~(line - 1); p < va + size; p += line)
		asm volatile("dc civac, %0" : : "r"(p) : "memory");
	dsb(sy);
}

/*
 * Memory that changes hands between the root and a cell: cleaned and
 * invalidated to the point of coherency by VA through the EL2 window,
 * while neither side can reach it (the cell's CPUs are parked, the root's
 * stage 2 does not map it). The cell starts with MMU and caches off and
 * reads memory, not caches: what the root (the driver's image copy
 * included) or the cell's last run left dirty must be in memory first.
 * The root reads through its caches again: lines older than what a
 * cell wrote with caches off must be gone, and dirty lines of the cell
 * must not be written back later over what the root writes meanwhile.
 * Set/way operations are no substitute: they are not broadcast, reach
 * only the caches of the CPU that issues them, and the architecture
 * reserves them for cache power management.
 */
static void regions_clean_inval(struct cell *c, enum remap_which which,
				bool scrub)
{
	uint64_t cleaned = 0, scrubbed = 0, scrub_us = 0;
	unsigned int skipped = 0;
	uint32_t i;

	for (i = 0; i < c->cfg.cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &c->cfg.mem_regions[i];
		uint64_t pa = m->phys_start, left = m->size, max = CLEAN_CHUNK;

		if (!remap_selected(m, which))
			continue;
		/* devices: not cached, and no normal mapping may show them */
		if (!el2_region_cache_maintained(m->flags)) {
			skipped++;
			continue;
		}
		/* what the cell could write goes back zeroed (mem_scrub.c) */
		if (scrub && m->flags & JAILHOUSE_MEM_WRITE) {
			uint64_t t0 = timer_now_us(),
				 done = mem_scrub(pa, left);

			scrub_us += timer_now_us() - t0;
			if (done != left)
				c->unscrubbed |= 1ULL << (i < 63 ? i : 63);
			scrubbed += done;
			cleaned += done; /* zeroed in memory, past the caches */
			pa += done;
			left -= done;
		}
		while (left) {
			uint64_t chunk = max - (pa & 0xfff);
			const void *w;

			if (chunk > left)
				chunk = left;
			w = el2_window_map(pa, chunk);
			/* as mem_scrub(): smaller windows, down to a page */
			if (!w && max > 4096) {
				max /= 2;
				continue;
			}
			if (!w) {
				printk("ERROR: region %u of cell \"%s\" not "
				       "cleaned from the caches\n",
				       i, c->cfg.cell->name);
				break;
			}
			dcache_clean_inval((uint64_t)w, chunk);
			el2_window_unmap(w, chunk);
			cleaned += chunk;
			pa += chunk;
			left -= chunk;
		}
	}
	printk("Cell \"%s\": 0x%llx bytes cleaned from the caches, %u IO "
	       "region(s) skipped; EL2 windows mapped: %u\n",
	       c->cfg.cell->name, (unsigned long long)cleaned, skipped,
	       el2_windows_mapped());
	if (scrub)
		printk("Cell \"%s\": 0x%llx bytes of its writable memory "
		       "zeroed for the root in %llu us\n",
		       c->cfg.cell->name, (unsigned long long)scrubbed,
		       (unsigned long long)scrub_us);
}

static int root_unmap(struct cell *c, enum remap_which which)
{
	uint32_t i;
	int err = 0;

	for (i = 0; !err && i < c->cfg.cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &c->cfg.mem_regions[i];

		if (remap_selected(m, which))
			err = stage2_root_unmap(m->phys_start, m->size);
	}
	if (err) {
		printk("ERROR: hypervisor memory full: cannot take the memory "
		       "of cell \"%s\" from the root; " POOL_FIX "\n",
		       c->cfg.cell->name);
		root_remap(c, which, i);
	}
	root_tlb_flush();
	return err;
}

static void cell_free(struct cell *c)
{
	if (c->id)
		cells_used &= ~(1U << (c->id - 1));
	if (c->s2.root)
		pgtable_destroy(&c->s2, pool_pgtable_free);
	if (c->comm_pa)
		pool_free_pages(c->comm_pa, 1);
	if (c->config_pa)
		pool_free_pages(c->config_pa, c->config_pages);
	memset(c, 0, sizeof(*c));
}

static const struct warden_config *others[MAX_CELLS];

static long check_against_system(struct cell *c, unsigned int caller)
{
	struct rules_env env = {
		.root = &root_config,
		.root_cpus = root_cpu_set,
		.cells = others,
		.max_cpus = HV_MAX_CPUS,
	};
	struct rules_sink sink = { .report = rules_log };
	uint64_t refused;
	unsigned int i;
	long err;

	/* the live cells, not what the root's config says */
	for (i = 0; i < MAX_CELLS; i++)
		if (cells[i].id)
			others[env.num_cells++] = &cells[i].cfg;
	err = rules_cell(&env, &c->cfg, &sink);
	if (err)
		return err;
	/* checked again under hv_lock by lc_create() */
	refused = lc_create_refused(&hv_lc, c->lc.cpus, caller);
	if (!refused)
		return 0;
	i = first_cpu(refused);
	if (i == caller)
		printk("ERROR: CPU %u is the calling CPU: take it offline in "
		       "Linux first\n",
		       i);
	else
		printk("ERROR: CPU %u is still running in the root cell: take "
		       "it offline first (echo 0 > "
		       "/sys/devices/system/cpu/cpu%u/online)\n",
		       i, i);
	return -EBUSY;
}

/*
 * The root's CPUs of the new cell become the cell's, parked; the cell is
 * published to them (cell_of()). Checked again under hv_lock, under which
 * the root's CPU_ON resolves its target: a CPU Linux brought back online
 * since check_against_system() is not taken. Returns 0 or -EBUSY.
 */
static long cpus_take(struct cell *c, unsigned int caller, struct lc_plan *plan)
{
	unsigned int cpu;
	long err;

	spin_lock(&hv_lock);
	err = lc_create(&hv_lc, c->id, c->lc.cpus, caller, plan);
	for (cpu = 0; !err && cpu < HV_MAX_CPUS; cpu++)
		if (c->lc.cpus & (1ULL << cpu))
			memset(per_cpu(cpu)->stats, 0,
			       sizeof(per_cpu(cpu)->stats));
	spin_unlock(&hv_lock);
	if (err)
		printk("ERROR: CPUs 0x%llx came back online in the root cell "
		       "while cell \"%s\" was created: take them offline "
		       "first\n",
		       (unsigned long long)lc_create_refused(&hv_lc, c->lc.cpus,
							     caller),
		       c->cfg.cell->name);
	return err;
}

/*
 * The cell's parked CPUs go back to the root, off (Linux' CPU_ON), and
 * the cell is unpublished: no CPU finds it any more.
 */
static long cpus_give_back(struct cell *c)
{
	unsigned int cpu;
	uint64_t cpus = c->lc.cpus;
	long err;

	spin_lock(&hv_lock);
	err = lc_destroy(&hv_lc, c->id);
	for (cpu = 0; !err && cpu < HV_MAX_CPUS; cpu++)
		if (cpus & (1ULL << cpu))
			memset(per_cpu(cpu)->stats, 0,
			       sizeof(per_cpu(cpu)->stats));
	spin_unlock(&hv_lock);
	return err;
}

/*
 * A create that an exception at EL2 interrupted (cell_recover(), cell_lock
 * held): the CPUs it took and the memory it unmapped go back to the root,
 * its pool pages are freed, the ID is free again. An edit of the root's
 * stage 2 that the exception cut in half was completed before its lock
 * was released (stage2_root_edit_finish()); a region taken only in part
 * is given back whole (root_remap() maps what is missing).
 */
static void create_undo(struct cell *c)
{
	uint64_t taken = 0;

	/*
	 * The CPUs are the cell's only once lc_create() published it, and
	 * root_unmap() comes after: before, the root lost nothing (and a
	 * region may overlap memory that is not the root's to get back).
	 */
	if (c->lc.state != CELL_NONE) {
		taken = c->lc.cpus;
		if (cpus_give_back(c))
			printk("ERROR: a CPU of cell \"%s\" left its park\n",
			       c->cfg.cell->name);
		root_remap(c, REMAP_ALL, c->cfg.cell->num_memory_regions);
	}
	printk("Cell \"%s\": the create is undone: CPUs 0x%llx back to the "
	       "root, its memory mapped to the root, its pool pages freed\n",
	       c->cfg.cell->name, (unsigned long long)taken);
	cell_free(c);
}

void cell_recover(unsigned int cpu)
{
	struct per_cpu *pc = per_cpu(cpu);
	uint64_t copy = pc->config_copy_pa;
	unsigned int i;

	spin_lock(&cell_lock);
	for (i = 0; i < MAX_CELLS; i++) {
		struct cell *c = &cells[i];

		if (copy && c->config_pa == copy)
			copy = 0; /* a slot holds it: freed with the slot */
		/* a create marks its slot busy before it sets the ID */
		if (c->lc.busy != (int)cpu + 1)
			continue;
		if (c->creating) {
			create_undo(c);
			continue;
		}
		printk("Cell \"%s\": released from the failed call; its "
		       "CPUs stay as they are (%s)\n",
		       c->cfg.cell->name,
		       c->lc.state == CELL_RUNNING ? "running" : "stopped");
		c->lc.busy = 0;
	}
	if (copy) {
		pool_free_pages(copy, pc->config_copy_pages);
		printk(" freed the %u pool pages of the cell config it was "
		       "copying\n",
		       pc->config_copy_pages);
	}
	pc->config_copy_pa = 0;
	spin_unlock(&cell_lock);
}

long cell_create(unsigned int caller, uint64_t config_ipa)
{
	struct cell new = { 0 }, *c;
	struct lc_plan plan;
	unsigned int id;
	uint64_t cpu;
	long err;

	spin_lock(&cell_lock);
	err = reconfig_ok(NULL);
	if (!err)
		err = config_copy(&new, config_ipa);
	if (err)
		goto unlock;
	/* The driver chose the id (Jailhouse's convention) and names by it. */
	id = new.cfg.cell->id;
	if (id < 1 || id > MAX_CELLS || cells[id - 1].id) {
		printk("ERROR: cell ID %u is %s\n", id,
		       id < 1 || id > MAX_CELLS ? "out of range" : "taken");
		config_landed();
		cell_free(&new);
		err = -EINVAL;
		goto unlock;
	}
	c = &cells[id - 1];
	*c = new; /* the parsed pointers point into the pool: still valid */
	/* half-built until the end: a failed call's recovery undoes it */
	c->lc.busy = caller + 1;
	c->creating = 1;
	config_landed(); /* the slot holds the copy now */
	for (cpu = 0; cpu < HV_MAX_CPUS; cpu++)
		if (warden_config_has_cpu(&c->cfg, cpu))
			c->lc.cpus |= 1ULL << cpu;
	/* c->id is still 0: the checks see only the other cells */
	err = check_against_system(c, caller);
	if (!err)
		err = direct_irq_check(&c->cfg);
	c->id = id;
	cells_used |= 1U << (id - 1);
	if (!err)
		err = build_stage2(c);
	if (!err)
		el2_test_point(TEST_CREATE_STAGE2);
	if (!err)
		err = cpus_take(c, caller, &plan);
	if (!err && plan.actions & LC_UNMAP_ALL) {
		err = root_unmap(c, REMAP_ALL);
		if (err)
			cpus_give_back(c); /* parked: cannot fail */
	}
	if (err) {
		cell_free(c);
		goto unlock;
	}
	el2_test_point(TEST_CREATE_BUILT);
	/* only now: a refused create leaves the GIC as it was */
	if (CELL_FLAGS_DIRECT_IRQ(c->cfg.cell->flags))
		direct_irq_grp0_enable();
	c->lc.busy = c->creating = 0;
	c->comm->cell_state = WARDEN_CELL_SHUT_DOWN;
	if (plan.actions & LC_IRQS_TAKE)
		cell_irqs_take(c, caller);
	cell_console_open(
		c->id, c->cfg.cell->name,
		CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(c->cfg.cell->flags));
	vpci_cell_add(c);
	printk("Created cell \"%s\" (ID %u, CPUs 0x%llx); %llu of %llu pool "
	       "pages used\n",
	       c->cfg.cell->name, c->id, (unsigned long long)c->lc.cpus,
	       (unsigned long long)pool_used, (unsigned long long)pool_pages);
unlock:
	spin_unlock(&cell_lock);
	if (!err)
		reconfig_completed(); /* the new cell is shut down: not asked */
	return err;
}

/* Whether the cell takes part in the message protocol now. */
static int talks(struct cell *c)
{
	uint32_t state = c->comm->cell_state;

	return !(c->cfg.cell->flags & JAILHOUSE_CELL_PASSIVE_COMMREG) &&
	       (state == WARDEN_CELL_RUNNING ||
		state == WARDEN_CELL_RUNNING_LOCKED);
}

/*
 * A cell that set RUNNING_LOCKED in its comm region forbids creating and
 * destroying other cells (Jailhouse's rule): it relies on the system
 * staying as it is. Returns 0 or -EPERM.
 */
static long reconfig_ok(const struct cell *excluded)
{
	unsigned int i;

	for (i = 0; i < MAX_CELLS; i++) {
		const struct cell *c = &cells[i];

		if (!c->id || c == excluded ||
		    c->comm->cell_state != WARDEN_CELL_RUNNING_LOCKED)
			continue;
		printk("ERROR: cell \"%s\" is locked (running/locked): no "
		       "cell can be created or destroyed until it unlocks or "
		       "is shut down\n",
		       c->cfg.cell->name);
		return -EPERM;
	}
	return 0;
}

/*
 * Sends msg and waits for the reply, at most msg_reply_timeout polls, one
 * per microsecond at most, and never longer than REPLY_TIMEOUT_US. A cell that
 * stops or fails meanwhile has answered; one that does not answer in time
 * is marked failed. Returns the reply, or WARDEN_MSG_NONE. Called with c
 * busy and no lock held: the wait may be long.
 */
static uint32_t exchange(struct cell *c, uint32_t msg, const char *what)
{
	volatile struct warden_comm_region *comm = c->comm;
	uint64_t limit = c->cfg.cell->msg_reply_timeout;
	uint64_t now = timer_now_us(), polls = 0;
	uint64_t deadline = now + REPLY_TIMEOUT_US;
	uint32_t reply;

	comm->reply_from_cell = WARDEN_MSG_NONE;
	dsb(ishst);
	comm->msg_to_cell = msg;
	for (;;) {
		reply = comm->reply_from_cell;
		if (reply != WARDEN_MSG_NONE ||
		    comm->cell_state == WARDEN_CELL_SHUT_DOWN ||
		    comm->cell_state == WARDEN_CELL_FAILED)
			return reply;
		if ((limit && ++polls >= limit) || timer_now_us() > deadline) {
			printk("Timeout expired while waiting for a reply from "
			       "cell \"%s\" (%s): the cell is marked failed\n",
			       c->cfg.cell->name, what);
			comm->cell_state = WARDEN_CELL_FAILED;
			return WARDEN_MSG_NONE;
		}
		/*
		 * One poll a microsecond at most: a limit in polls then means
		 * the same time on a fast core, a slow one, and an emulated
		 * CPU whose sibling the host does not run for a while.
		 */
		while (timer_now_us() == now)
			cpu_relax();
		now = timer_now_us();
	}
}

/*
 * Asks a cell that takes part in the message protocol whether it may be
 * stopped. Returns 0 (approved, no answer, or nobody to ask) or -EPERM.
 */
static long ask_shutdown(struct cell *c)
{
	if (!talks(c) ||
	    exchange(c, WARDEN_MSG_SHUTDOWN_REQUEST, "shutdown request") !=
		    WARDEN_MSG_REQUEST_DENIED)
		return 0;
	printk("Cell \"%s\" denied the shutdown request\n", c->cfg.cell->name);
	return -EPERM;
}

/*
 * Tells the other running cells that cells were created or destroyed,
 * one at a time, each marked busy while cell_lock is dropped for the
 * wait. A cell another call is busy with is not told.
 */
static void reconfig_completed(void)
{
	uint64_t until = timer_now_us() + REPLY_TIMEOUT_US;
	struct cell *c;
	unsigned int i;
	int tell;

	for (i = 0; i < MAX_CELLS; i++) {
		c = &cells[i];
		spin_lock(&cell_lock);
		tell = c->id && talks(c);
		if (tell && timer_now_us() > until) {
			printk("Cell \"%s\" not told of the reconfiguration: "
			       "the other cells' replies took %u ms already\n",
			       c->cfg.cell->name, REPLY_TIMEOUT_US / 1000);
			tell = 0;
		}
		tell = tell && !cell_claim(c->id);
		spin_unlock(&cell_lock);
		if (!tell)
			continue;
		exchange(c, WARDEN_MSG_RECONFIG_COMPLETED, "reconfiguration");
		cell_unclaim(c);
	}
}

/*
 * Parks every CPU of the cell (c busy, no lock held: the wait is long).
 * The marks are made under hv_lock in one go with the cell stopped, so
 * that no CPU_ON of a sibling can start a CPU behind the stop's back, and
 * a CPU asked to stop stays asked (CPU_OFF parks it for good). Failed
 * CPUs end parked too. Returns 0, or -EBUSY if a CPU did not stop in
 * time (asked again by the next stop).
 */
static long stop_cpus(struct cell *c)
{
	uint64_t deadline, waiting, left;
	struct lc_plan plan;
	int forced = 0;

	spin_lock(&hv_lock);
	lc_stop_begin(&hv_lc, c->id, CELL_STOPPING, 0, &plan);
	spin_unlock(&hv_lock);
	kick_cpus(&plan);
	deadline = timer_now_us() + STOP_TIMEOUT_US;
	while ((waiting = lc_stop_waiting(&hv_lc, plan.kick))) {
		if (timer_now_us() <= deadline) {
			cpu_relax();
			continue;
		}
		/* the one stop a cell can hold off: direct_irq.c, once */
		if (CELL_FLAGS_DIRECT_IRQ(c->cfg.cell->flags) && !forced++) {
			direct_irq_stop_timeout(c, waiting);
			continue;
		}
		printk("ERROR: CPUs 0x%llx of cell \"%s\" did not stop within "
		       "%u ms\n",
		       (unsigned long long)waiting, c->cfg.cell->name,
		       STOP_TIMEOUT_US / 1000);
		return -EBUSY;
	}
	/* re-validated: nothing may run (the cell is stopped) */
	spin_lock(&hv_lock);
	left = lc_stop_end(&hv_lc, c->id);
	spin_unlock(&hv_lock);
	if (left)
		printk("ERROR: CPUs 0x%llx of cell \"%s\" run again after "
		       "they were stopped\n",
		       (unsigned long long)left, c->cfg.cell->name);
	return left ? -EBUSY : 0;
}

void cell_stop_all(const char *why)
{
	unsigned int i;
	int mine;

	for (i = 0; i < MAX_CELLS; i++) {
		struct cell *c = &cells[i];

		spin_lock(&cell_lock);
		mine = c->id && !cell_claim(c->id);
		if (!mine && c->id)
			printk("Cell \"%s\" is busy with another management "
			       "call: system %s without stopping it\n",
			       c->cfg.cell->name, why);
		spin_unlock(&cell_lock);
		if (!mine)
			continue;
		if (stop_cpus(c))
			printk("Cell \"%s\" did not stop: system %s anyway\n",
			       c->cfg.cell->name, why);
		else
			printk("Stopped cell \"%s\" for system %s\n",
			       c->cfg.cell->name, why);
		c->comm->cell_state = WARDEN_CELL_SHUT_DOWN;
		cell_unclaim(c);
	}
}

/*
 * The cell a management call names, claimed (busy) for the call; NULL
 * with *err -ENOENT or -EBUSY. cell_lock held.
 */
static struct cell *managed_cell(uint64_t id, const char *what, long *err)
{
	struct cell *c = cell_by_id(id);

	*err = -ENOENT;
	if (!c) {
		printk("ERROR: %s: %s%llu\n", what,
		       id ? "no cell with ID " : "the root cell is ",
		       (unsigned long long)id);
		return NULL;
	}
	if (cell_claim(c->id)) {
		printk("ERROR: %s: cell \"%s\" is busy with another "
		       "management call; try again\n",
		       what, c->cfg.cell->name);
		*err = -EBUSY;
		return NULL;
	}
	return c;
}

/*
 * The part of a management call that waits: ask the cell, then park its
 * CPUs. c claimed; cell_lock is dropped meanwhile and held again after.
 */
static long shutdown_and_stop(struct cell *c)
{
	long err;

	spin_unlock(&cell_lock);
	err = ask_shutdown(c);
	if (!err)
		err = stop_cpus(c);
	spin_lock(&cell_lock);
	return err;
}

long cell_set_loadable(unsigned int caller, uint64_t id)
{
	struct lc_plan plan;
	struct cell *c;
	long err;

	spin_lock(&cell_lock);
	c = managed_cell(id, "cell set loadable", &err);
	if (!c)
		goto unlock;
	err = shutdown_and_stop(c);
	if (err)
		goto done;
	c->comm->cell_state = WARDEN_CELL_SHUT_DOWN;
	vpci_cell_reset(c);
	spin_lock(&hv_lock);
	lc_load(&hv_lc, c->id, &plan);
	spin_unlock(&hv_lock);
	/* not scrubbed: a cell may be started again without a load */
	if (plan.actions & LC_CLEAN)
		regions_clean_inval(c, REMAP_LOADABLE, false);
	if (plan.actions & LC_REMAP_LOADABLE)
		root_remap(c, REMAP_LOADABLE, c->cfg.cell->num_memory_regions);
	printk("Cell \"%s\" can be loaded\n", c->cfg.cell->name);
done:
	lc_unclaim(&hv_lc, c->id);
unlock:
	spin_unlock(&cell_lock);
	return err;
}

static void comm_init(struct cell *c)
{
	struct warden_comm_region *comm = c->comm;
	const struct jailhouse_system *sys = sys_config;

	memset(comm, 0, 4096);
	memcpy(comm->signature, WARDEN_COMM_SIGNATURE, 6);
	comm->revision = WARDEN_COMM_REVISION;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(c->cfg.cell->flags))
		comm->flags |= WARDEN_COMM_FLAG_DBG_PUTC_PERMITTED;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(c->cfg.cell->flags))
		comm->flags |= WARDEN_COMM_FLAG_DBG_PUTC_ACTIVE;
	memcpy(&comm->console, &c->cfg.cell->console, sizeof(comm->console));
	comm->pci_mmconfig_base = sys->platform_info.pci_mmconfig_base;
	comm->gic_version = sys->platform_info.arm.gic_version;
	comm->gicd_base = sys->platform_info.arm.gicd_base;
	comm->gicc_base = sys->platform_info.arm.gicc_base;
	comm->gicr_base = sys->platform_info.arm.gicr_base;
	comm->vpci_irq_base = c->cfg.cell->vpci_irq_base;
	comm->cell_state = WARDEN_CELL_RUNNING;
	dsb(ish);
}

/*
 * The cell's first CPU starts with MMU and caches off: everything it reads
 * must be in memory. Its regions were cleaned when they last changed hands,
 * but the root wrote LOADABLE ones since (the images), and a cell started
 * again without a load left its own dirty lines: all of its memory, then
 * the comm region the hypervisor just wrote. The instruction caches may
 * still hold code of an earlier image at the same addresses, which a cell
 * that turns its I-cache on would run: invalidated to the point of
 * unification on every CPU (the D-side clean to PoC covers PoU).
 */
static void caches_for_start(struct cell *c)
{
	regions_clean_inval(c, REMAP_ALL, false);
	dcache_clean_inval((uint64_t)c->comm, 4096);
	asm volatile("ic ialluis\n dsb ish\n isb" : : : "memory");
}

long cell_start(unsigned int caller, uint64_t id)
{
	struct lc_plan plan;
	struct cell *c;
	long err;

	spin_lock(&cell_lock);
	c = managed_cell(id, "cell start", &err);
	if (!c)
		goto unlock;
	err = shutdown_and_stop(c);
	if (err)
		goto done;
	el2_test_point(TEST_START_STOPPED);
	lc_start_plan(&hv_lc, c->id, &plan);
	if (plan.actions & LC_UNMAP_LOADABLE) {
		err = root_unmap(c, REMAP_LOADABLE);
		if (err)
			goto done;
	}
	if (plan.actions & LC_COMM_INIT)
		comm_init(c);
	vpci_cell_reset(c);
	if (plan.actions & LC_CLEAN)
		caches_for_start(c);
	if (plan.actions & LC_IRQS_QUIESCE)
		cell_irqs_quiesce(c, 1);
	/*
	 * The cell runs: its parked CPUs are off, so that its CPU_ON starts
	 * them; the first one starts now.
	 */
	spin_lock(&hv_lock);
	lc_start(&hv_lc, c->id, first_cpu(c->lc.cpus),
		 c->cfg.cell->cpu_reset_address, &plan);
	spin_unlock(&hv_lock);
	cpu_wake_up(&plan);
	printk("Started cell \"%s\"\n", c->cfg.cell->name);
done:
	lc_unclaim(&hv_lc, c->id);
unlock:
	spin_unlock(&cell_lock);
	return err;
}

long cell_destroy(unsigned int caller, uint64_t id)
{
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	enum remap_which which;
	struct lc_plan plan;
	struct cell *c;
	long err;

	spin_lock(&cell_lock);
	c = managed_cell(id, "cell destroy", &err);
	if (!c)
		goto unlock;
	err = reconfig_ok(c);
	if (!err)
		err = shutdown_and_stop(c);
	if (err) {
		lc_unclaim(&hv_lc, c->id);
		goto unlock;
	}
	printk("Closing cell \"%s\"\n", c->cfg.cell->name);
	vpci_cell_remove(c);
	c->comm->cell_state = WARDEN_CELL_SHUT_DOWN;
	lc_destroy_plan(&hv_lc, c->id, &plan);
	which = plan.actions & LC_REMAP_REST ? REMAP_NOT_LOADABLE : REMAP_ALL;
	if (plan.actions & LC_IRQS_RETURN)
		cell_irqs_return(c, caller);
	if (plan.actions & LC_CLEAN)
		regions_clean_inval(c, which, plan.actions & LC_SCRUB);
	root_remap(c, which, c->cfg.cell->num_memory_regions);
	/* parked since the stop, and nothing starts a CPU of a stopped cell */
	if (cpus_give_back(c))
		printk("ERROR: a CPU of cell \"%s\" left its park\n",
		       c->cfg.cell->name);
	memcpy(name, c->cfg.cell->name, sizeof(name));
	cell_free(c);
	cell_console_close(id);
	printk("Destroyed cell \"%s\"; %llu of %llu pool pages used\n", name,
	       (unsigned long long)pool_used, (unsigned long long)pool_pages);
unlock:
	spin_unlock(&cell_lock);
	if (!err)
		reconfig_completed();
	return err;
}

/*
 * Under cell_lock, which destroy holds from the moment it unpublishes the
 * cell until the slot is clear: the comm region read here is never a
 * freed page (cell list may run on one root CPU while another destroys).
 */
long cell_get_state(uint64_t id)
{
	struct cell *c;
	long state;

	if (id == 0)
		return WARDEN_CELL_RUNNING;
	spin_lock(&cell_lock);
	c = cell_by_id(id);
	if (!c) {
		state = -ENOENT;
		goto out;
	}
	state = c->comm->cell_state;
	if (state > WARDEN_CELL_FAILED_COMM_REV) {
		state = -EINVAL; /* the cell wrote nonsense */
		goto out;
	}
	/* every CPU stopped after a fault: the cell has failed */
	if (state == WARDEN_CELL_RUNNING && lc_cell_all_failed(&hv_lc, c->id)) {
		c->comm->cell_state = WARDEN_CELL_FAILED;
		state = WARDEN_CELL_FAILED;
	}
out:
	spin_unlock(&cell_lock);
	return state;
}
