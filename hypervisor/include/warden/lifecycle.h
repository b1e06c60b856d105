/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lifecycle of cells and CPUs: which state each is in, which event is
 * allowed in which state, and what the architecture code must do about
 * it. Portable and pure: every function reads and writes only the state
 * it is given (struct lifecycle), and the caller holds the lock the
 * function names. The mechanism (SGIs, stage 2, caches, EL1 registers,
 * the GIC) is arch code's; it asks here first and does what the answer
 * says. Host-tested by test_lifecycle, which drives every pair of
 * concurrent events in every order. docs/hypervisor.md, "Cell and CPU
 * lifecycle", has the tables.
 *
 * Locks (the caller's): cell_lock for the busy mark (lc_claim,
 * lc_unclaim); hv_lock for everything else. cell_lock is taken before
 * hv_lock, never after.
 */
#ifndef WARDEN_LIFECYCLE_H
#define WARDEN_LIFECYCLE_H

#include <stddef.h>
#include <stdint.h>

/* The owner id of the root cell; non-root cells are 1..ncells. */
#define LC_ROOT 0

/* What a CPU does. */
enum cpu_state {
	CPU_ABSENT = 0, /* not under the hypervisor */
	CPU_RUNNING, /* runs its owner (the root or a cell) at EL1 */
	CPU_STOPPING, /* running, asked to park by a stop (SGI sent) */
	CPU_OFF, /* parked by its own CPU_OFF: its owner's CPU_ON starts it */
	CPU_PARKED, /* parked by the hypervisor: a management call frees it */
	CPU_FAILED, /* stopped after a fault */
};

/* What a non-root cell is. */
enum cell_state {
	CELL_NONE = 0, /* no cell: never created, or destroyed */
	CELL_CREATED, /* created, never started: its CPUs parked */
	CELL_LOADING, /* set loadable: parked, LOADABLE memory the root's */
	CELL_RUNNING, /* started: runs, its CPU_ON starts its CPUs */
	CELL_STOPPING, /* a management call stops it: its CPUs park */
	CELL_SHUT_DOWN, /* stopped itself (SYSTEM_OFF) or for the root's */
	CELL_FAILED, /* stopped after an error of the whole cell (SError) */
};

/* The lifecycle part of a CPU, embedded in the arch's per-CPU data. */
struct lc_cpu {
	volatile enum cpu_state state;
	unsigned int cell; /* owner: LC_ROOT or a cell id */
	uint32_t generation; /* counts changes of owner */
	/* a PSCI CPU_ON request, handed over with the state CPU_OFF */
	volatile int on_pending;
	uint64_t on_entry;
	uint64_t on_context;
};

/* The lifecycle part of a cell, embedded in the arch's cell. */
struct lc_cell {
	enum cell_state state;
	uint64_t cpus;
	int busy; /* a management call works on it (cell_lock) */
	int loadable; /* its LOADABLE regions are lent to the root */
};

/*
 * A view of the arch's state: CPU i's struct lc_cpu at cpu_base + i *
 * cpu_stride, cell id's at cell_base + (id - 1) * cell_stride, so that
 * both stay where the arch keeps its per-CPU data and its cells.
 */
struct lifecycle {
	char *cpu_base;
	size_t cpu_stride;
	unsigned int ncpus;
	char *cell_base;
	size_t cell_stride;
	unsigned int ncells;
	uint64_t *root_cpus; /* the CPUs the root owns */
};

static inline struct lc_cpu *lc_cpu(const struct lifecycle *lc,
				    unsigned int cpu)
{
	return cpu < lc->ncpus ?
		       (struct lc_cpu *)(lc->cpu_base + cpu * lc->cpu_stride) :
		       NULL;
}

/* NULL for the root and ids out of range. */
static inline struct lc_cell *lc_cell(const struct lifecycle *lc,
				      unsigned int id)
{
	return id >= 1 && id <= lc->ncells ?
		       (struct lc_cell *)(lc->cell_base +
					  (id - 1) * lc->cell_stride) :
		       NULL;
}

/* What arch code does for an answer; bits of struct lc_plan.actions. */
enum lc_action {
	LC_KICK = 1 << 0, /* stop SGI to each CPU of .kick */
	LC_WAKE = 1 << 1, /* wake parked CPUs (SEV): a CPU_ON is pending */
	LC_PARK = 1 << 2, /* the calling CPU parks (the park loop) */
	LC_UNMAP_ALL = 1 << 3, /* take every region of the cell from the root */
	LC_UNMAP_LOADABLE = 1 << 4, /* take the LOADABLE ones back (start) */
	LC_REMAP_LOADABLE = 1 << 5, /* lend the LOADABLE ones to the root */
	LC_REMAP_REST = 1 << 6, /* give back all but LOADABLE (they are) */
	LC_REMAP_ALL = 1 << 7, /* give back every region */
	LC_CLEAN = 1 << 8, /* clean+invalidate what changes hands to PoC */
	LC_SCRUB = 1 << 9, /* zero the cell's writable memory first */
	LC_IRQS_TAKE = 1 << 10, /* the cell takes its SPIs (create) */
	LC_IRQS_QUIESCE = 1 << 11, /* its SPIs masked and idle (start) */
	LC_IRQS_RETURN = 1 << 12, /* its SPIs back to the root (destroy) */
	LC_COMM_INIT = 1 << 13, /* a fresh comm region (start) */
};

struct lc_plan {
	uint32_t actions;
	uint64_t kick; /* CPUs to send the stop SGI (LC_KICK) */
	unsigned int cpu; /* LC_WAKE: the CPU that got a CPU_ON */
};

/* Results of PSCI CPU_ON and AFFINITY_INFO, as PSCI names them. */
enum lc_on {
	LC_ON_SUCCESS,
	LC_ON_INVALID, /* no such CPU */
	LC_ON_NOT_MINE, /* another owner's CPU: denied */
	LC_ON_DENIED, /* not startable now */
	LC_ON_ALREADY_ON,
	LC_ON_PENDING,
};

enum lc_affinity {
	LC_AFF_NOT_MINE, /* another owner's CPU: denied */
	LC_AFF_ON,
	LC_AFF_OFF,
	LC_AFF_ON_PENDING,
};

/* enable and disable */
void lc_cpu_arrive(struct lifecycle *lc, unsigned int cpu);
/* 0 if every root CPU runs; else -EBUSY and *bad the first that does not */
long lc_disable_ok(const struct lifecycle *lc, unsigned int *bad);
void lc_cpu_leave(struct lifecycle *lc, unsigned int cpu);

/*
 * cell_lock held. Marks cell id busy for a management call: -ENOENT if
 * there is no such cell, -EBUSY if another call has it.
 */
long lc_claim(struct lifecycle *lc, unsigned int id);
void lc_unclaim(struct lifecycle *lc, unsigned int id);

/*
 * Create, under hv_lock: the CPUs of the new cell that the root cannot
 * give now (not the root's, not off, a CPU_ON pending, the caller).
 */
uint64_t lc_create_refused(const struct lifecycle *lc, uint64_t cpus,
			   unsigned int caller);
/*
 * Cell id takes cpus, all parked; -EBUSY (nothing changed) if
 * lc_create_refused() finds any. The plan: take memory and SPIs.
 */
long lc_create(struct lifecycle *lc, unsigned int id, uint64_t cpus,
	       unsigned int caller, struct lc_plan *plan);

/*
 * A stop begins (hv_lock): the cell goes to state to (STOPPING for a
 * management call, SHUT_DOWN, FAILED), from which its CPU_ON starts
 * nothing; each of its CPUs but those in keep that runs is asked to stop
 * (plan->kick), each off one is parked with its CPU_ON request withdrawn.
 * All in one section, so that no sibling's CPU_ON can outrun the stop.
 */
void lc_stop_begin(struct lifecycle *lc, unsigned int id, enum cell_state to,
		   uint64_t keep, struct lc_plan *plan);
/* Of the CPUs asked, those still on their way to park (no lock needed). */
uint64_t lc_stop_waiting(const struct lifecycle *lc, uint64_t asked);
/*
 * The stop ends (hv_lock): failed CPUs become parked too. Returns the
 * CPUs of the cell that are not parked (0: stopped).
 */
uint64_t lc_stop_end(struct lifecycle *lc, unsigned int id);

/*
 * After a stop: the cell is loadable. The plan: clean and lend LOADABLE
 * memory the first time.
 */
void lc_load(struct lifecycle *lc, unsigned int id, struct lc_plan *plan);
/* After a stop, before lc_start(): what start must do to memory first. */
void lc_start_plan(const struct lifecycle *lc, unsigned int id,
		   struct lc_plan *plan);
/*
 * The cell runs (hv_lock): its CPUs off, boot gets the CPU_ON request
 * for entry (plan->cpu, LC_WAKE).
 */
void lc_start(struct lifecycle *lc, unsigned int id, unsigned int boot,
	      uint64_t entry, struct lc_plan *plan);
/* After a stop, before lc_destroy(): what destroy does to memory, SPIs. */
void lc_destroy_plan(const struct lifecycle *lc, unsigned int id,
		     struct lc_plan *plan);
/*
 * The cell is gone (hv_lock): its CPUs, all parked, go to the root off
 * (Linux' CPU_ON starts them); -EBUSY (nothing changed) if one is not
 * parked. Also undoes a create.
 */
long lc_destroy(struct lifecycle *lc, unsigned int id);

/*
 * PSCI CPU_ON by caller of target (hv_lock): only a CPU of the caller's
 * owner, only while that cell runs (the root always), only an off one.
 */
enum lc_on lc_cpu_on(struct lifecycle *lc, unsigned int caller,
		     unsigned int target, uint64_t entry, uint64_t context,
		     struct lc_plan *plan);
/* AFFINITY_INFO of target by caller: only the CPUs of its owner. */
enum lc_affinity lc_affinity(const struct lifecycle *lc, unsigned int caller,
			     unsigned int target);
/* PSCI CPU_OFF of cpu (hv_lock): off, or parked if asked to stop. */
void lc_cpu_off(struct lifecycle *lc, unsigned int cpu);
/*
 * A parked CPU looks for a CPU_ON (hv_lock): 1 with the request (it runs
 * now), 0 if it stays parked.
 */
int lc_cpu_wake(struct lifecycle *lc, unsigned int cpu, uint64_t *entry,
		uint64_t *context);
/*
 * A woken CPU has reset its EL1 state and interrupts (hv_lock): 1 if a
 * stop came meanwhile (it parks instead of entering), 0 to enter.
 */
int lc_cpu_started(struct lifecycle *lc, unsigned int cpu);
/* Any exit of a running CPU (hv_lock): 1 if asked to stop: it parks. */
int lc_cpu_exit(struct lifecycle *lc, unsigned int cpu);
/* The CPU took a fault it cannot go on from (hv_lock): failed. */
void lc_cpu_fault(struct lifecycle *lc, unsigned int cpu);
/*
 * A cell CPU's error that may have hit the whole cell (an SError;
 * hv_lock): the cell failed, its other CPUs stop, this one failed.
 */
void lc_cell_error(struct lifecycle *lc, unsigned int cpu,
		   struct lc_plan *plan);
/* A cell CPU's SYSTEM_OFF/RESET (hv_lock): the cell shut down, all park. */
void lc_cell_system_off(struct lifecycle *lc, unsigned int cpu,
			struct lc_plan *plan);
/* Whether every CPU of cell id failed. */
int lc_cell_all_failed(const struct lifecycle *lc, unsigned int id);

/* Names, for messages and tests. */
const char *lc_cpu_state_name(enum cpu_state s);
const char *lc_cell_state_name(enum cell_state s);

#endif
