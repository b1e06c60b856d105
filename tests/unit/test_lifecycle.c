// SPDX-License-Identifier: GPL-2.0
/*
 * The lifecycle state machine (core/lifecycle.c) under concurrent events.
 *
 * A small machine: root CPUs 0 and 1, cell 1 on CPUs 2 (A) and 3 (B),
 * cell 2 (created by a test) on CPU 1. Each event is a list of steps, one
 * step being what the hypervisor does in one hv_lock section (or a wait),
 * on the CPU that does it. For every pair of events (and the churn's
 * triple), every interleaving of their steps is run from every starting
 * state, then the machine settles (stop SGIs arrive, CPU_ON requests are
 * taken), and the invariants are checked:
 *   - a CPU that executes guest code runs under the stage 2 of its owner,
 *     and that owner is the root or a running cell (no zombie);
 *   - every CPU of a destroyed cell is the root's, off or running in the
 *     root;
 *   - no stop is lost: a stop ends with every CPU of the cell parked, and
 *     no CPU of a stopped cell runs or is about to;
 *   - the ownership records agree with each other.
 * Besides the state, the model keeps what the hardware would show: which
 * CPUs execute at EL1 under whose stage 2, and pending stop SGIs (cleared,
 * as the real restart clears them, when a woken CPU resets its
 * interrupts).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <warden/errno.h>
#include <warden/lifecycle.h>

#define NCPUS 4
#define NCELLS 2
#define CPU_A 2
#define CPU_B 3
#define BIT(n) (1ULL << (n))

enum event {
	EV_DESTROY, /* the root stops and destroys cell 1 */
	EV_LOAD, /* the root stops cell 1 and makes it loadable */
	EV_CPU_ON, /* A: PSCI CPU_ON of B, and B starting */
	EV_CPU_OFF, /* B: PSCI CPU_OFF */
	EV_FAULT_A, /* A: a stage-2 fault */
	EV_FAULT_B,
	EV_SERROR, /* A: an SError: cell 1 fails */
	EV_SYSOFF, /* A: PSCI SYSTEM_OFF: cell 1 shuts down */
	EV_CREATE, /* the root creates cell 2 with CPU 1 */
	EV_ROOT_ON, /* root CPU 0: CPU_ON of CPU 1, and CPU 1 starting */
	EV_ROOT_OFF, /* root CPU 1: CPU_OFF */
	NUM_EVENTS,
};

static const char *const ev_names[] = {
	"destroy",  "load",	      "CPU_ON(B)",	 "CPU_OFF(B)",
	"fault(A)", "fault(B)",	      "SError(A)",	 "SYSTEM_OFF(A)",
	"create",   "root CPU_ON(1)", "root CPU_OFF(1)",
};

static const unsigned int ev_steps[] = {
	[EV_DESTROY] = 4, [EV_LOAD] = 4,    [EV_CPU_ON] = 3,   [EV_CPU_OFF] = 1,
	[EV_FAULT_A] = 1, [EV_FAULT_B] = 1, [EV_SERROR] = 2,   [EV_SYSOFF] = 2,
	[EV_CREATE] = 2,  [EV_ROOT_ON] = 3, [EV_ROOT_OFF] = 1,
};

struct world {
	struct lc_cpu cpu[NCPUS];
	struct lc_cell cell[NCELLS];
	uint64_t root_cpus;
	/* what the hardware shows */
	int at_el1[NCPUS]; /* executes its owner's code */
	unsigned int ctx[NCPUS]; /* under this cell's stage 2 (0: root) */
	int woken[NCPUS]; /* out of the park loop, not yet entered */
	int sgi[NCPUS]; /* a stop SGI pending */
	/* the management calls in flight */
	uint64_t asked;
	int stop_left; /* lc_stop_end found CPUs not parked */
	long result[NUM_EVENTS];
	int finished[NUM_EVENTS]; /* ended early (refused) */
	uint64_t create_refused;
	/* the order the steps ran in, for messages */
	char trace[256];
};

static struct lifecycle view(struct world *w)
{
	struct lifecycle lc = {
		.cpu_base = (char *)w->cpu,
		.cpu_stride = sizeof(w->cpu[0]),
		.ncpus = NCPUS,
		.cell_base = (char *)w->cell,
		.cell_stride = sizeof(w->cell[0]),
		.ncells = NCELLS,
		.root_cpus = &w->root_cpus,
	};

	return lc;
}

enum start {
	ST_B_OFF, /* cell 1 runs, A at EL1, B off */
	ST_B_RUNNING, /* both at EL1 */
	ST_B_PENDING, /* B off with a CPU_ON request not yet taken */
	ST_B_FAILED, /* B stopped after a fault */
	ST_ROOT1_RUNNING, /* B off, root CPU 1 online (others: offline) */
	NUM_STARTS,
};

static const char *const st_names[] = {
	"B off",    "B running",	 "B CPU_ON pending",
	"B failed", "root CPU 1 online",
};

static void world_init(struct world *w, enum start st)
{
	struct lifecycle lc;
	struct lc_plan plan;
	unsigned int cpu;

	memset(w, 0, sizeof(*w));
	lc = view(w);
	for (cpu = 0; cpu < NCPUS; cpu++) {
		lc_cpu_arrive(&lc, cpu);
		w->root_cpus |= BIT(cpu);
		w->at_el1[cpu] = 1;
	}
	/* the root takes CPUs 1-3 offline, creates and starts cell 1 */
	for (cpu = 1; cpu < NCPUS; cpu++) {
		lc_cpu_off(&lc, cpu);
		w->at_el1[cpu] = 0;
	}
	assert_int_equal(lc_create(&lc, 1, BIT(CPU_A) | BIT(CPU_B), 0, &plan),
			 0);
	assert_int_equal(plan.actions, LC_UNMAP_ALL | LC_IRQS_TAKE);
	lc_start(&lc, 1, CPU_A, 0x1000, &plan);
	assert_true(plan.actions & LC_WAKE);
	assert_int_equal(plan.cpu, CPU_A);
	assert_int_equal(
		lc_cpu_wake(&lc, CPU_A, &(uint64_t){ 0 }, &(uint64_t){ 0 }), 1);
	assert_int_equal(lc_cpu_started(&lc, CPU_A), 0);
	w->at_el1[CPU_A] = 1;
	w->ctx[CPU_A] = 1;
	switch (st) {
	case ST_B_RUNNING:
	case ST_B_FAILED:
		assert_int_equal(lc_cpu_on(&lc, CPU_A, CPU_B, 0x1000, 0, &plan),
				 LC_ON_SUCCESS);
		assert_int_equal(lc_cpu_wake(&lc, CPU_B, &(uint64_t){ 0 },
					     &(uint64_t){ 0 }),
				 1);
		assert_int_equal(lc_cpu_started(&lc, CPU_B), 0);
		w->at_el1[CPU_B] = 1;
		w->ctx[CPU_B] = 1;
		if (st == ST_B_FAILED) {
			lc_cpu_fault(&lc, CPU_B);
			w->at_el1[CPU_B] = 0;
		}
		break;
	case ST_B_PENDING:
		assert_int_equal(lc_cpu_on(&lc, CPU_A, CPU_B, 0x1000, 0, &plan),
				 LC_ON_SUCCESS);
		break;
	case ST_ROOT1_RUNNING:
		assert_int_equal(lc_cpu_on(&lc, 0, 1, 0x2000, 0, &plan),
				 LC_ON_SUCCESS);
		assert_int_equal(lc_cpu_wake(&lc, 1, &(uint64_t){ 0 },
					     &(uint64_t){ 0 }),
				 1);
		assert_int_equal(lc_cpu_started(&lc, 1), 0);
		w->at_el1[1] = 1;
		break;
	default:
		break;
	}
}

/* Stop SGIs reach the CPUs of kick that execute at EL1: they exit. */
static void deliver_sgis(struct world *w, struct lifecycle *lc)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NCPUS; cpu++) {
		if (!w->sgi[cpu] || !w->at_el1[cpu])
			continue;
		w->sgi[cpu] = 0;
		if (lc_cpu_exit(lc, cpu))
			w->at_el1[cpu] = 0;
	}
}

static void kick(struct world *w, const struct lc_plan *plan)
{
	unsigned int cpu;

	if (!(plan->actions & LC_KICK))
		return;
	for (cpu = 0; cpu < NCPUS; cpu++)
		if (plan->kick & BIT(cpu))
			w->sgi[cpu] = 1;
}

/* A parked CPU looks for its CPU_ON (after a SEV). */
static void cpu_wake(struct world *w, struct lifecycle *lc, unsigned int cpu)
{
	uint64_t entry, context;

	if (w->at_el1[cpu] || w->woken[cpu])
		return;
	if (lc_cpu_wake(lc, cpu, &entry, &context))
		w->woken[cpu] = 1;
}

/*
 * A woken CPU resets its EL1 state and private interrupts (the stop SGI
 * among them: cleared) under its owner's stage 2, then enters or parks.
 */
static void cpu_enter(struct world *w, struct lifecycle *lc, unsigned int cpu)
{
	if (!w->woken[cpu])
		return;
	w->woken[cpu] = 0;
	w->ctx[cpu] = lc_cpu(lc, cpu)->cell;
	w->sgi[cpu] = 0;
	if (!lc_cpu_started(lc, cpu))
		w->at_el1[cpu] = 1;
}

/* A management stop of cell 1 and what follows it; 1: blocked. */
static int step_manage(struct world *w, struct lifecycle *lc, enum event e,
		       unsigned int i)
{
	struct lc_plan plan;

	switch (i) {
	case 0:
		lc_stop_begin(lc, 1, CELL_STOPPING, 0, &plan);
		w->asked = plan.kick;
		kick(w, &plan);
		return 0;
	case 1:
		/* the wait, without a lock: the CPUs asked take the SGI */
		deliver_sgis(w, lc);
		return lc_stop_waiting(lc, w->asked) != 0;
	case 2:
		w->stop_left = lc_stop_end(lc, 1) != 0;
		if (w->stop_left) {
			w->result[e] = -EBUSY;
			w->finished[e] = 1;
		}
		return 0;
	default:
		if (e == EV_DESTROY) {
			lc_destroy_plan(lc, 1, &plan);
			w->result[e] = lc_destroy(lc, 1);
		} else {
			lc_load(lc, 1, &plan);
		}
		return 0;
	}
}

/* One step; 1 if it cannot run yet (a wait). */
static int step(struct world *w, enum event e, unsigned int i)
{
	struct lifecycle lc = view(w);
	struct lc_plan plan;

	if (w->finished[e])
		return 0;
	switch (e) {
	case EV_DESTROY:
	case EV_LOAD:
		return step_manage(w, &lc, e, i);
	case EV_CPU_ON:
		if (i == 0 && w->at_el1[CPU_A])
			w->result[e] =
				lc_cpu_on(&lc, CPU_A, CPU_B, 0x1000, 0, &plan);
		else if (i == 1)
			cpu_wake(w, &lc, CPU_B);
		else if (i == 2)
			cpu_enter(w, &lc, CPU_B);
		return 0;
	case EV_CPU_OFF:
		if (w->at_el1[CPU_B]) {
			lc_cpu_off(&lc, CPU_B);
			w->at_el1[CPU_B] = 0;
		}
		return 0;
	case EV_FAULT_A:
	case EV_FAULT_B: {
		unsigned int cpu = e == EV_FAULT_A ? CPU_A : CPU_B;

		if (w->at_el1[cpu]) {
			lc_cpu_fault(&lc, cpu);
			w->at_el1[cpu] = 0;
		}
		return 0;
	}
	case EV_SERROR:
	case EV_SYSOFF:
		if (i == 0 && w->at_el1[CPU_A]) {
			if (e == EV_SERROR)
				lc_cell_error(&lc, CPU_A, &plan);
			else
				lc_cell_system_off(&lc, CPU_A, &plan);
			assert_true(plan.actions & LC_PARK);
			w->at_el1[CPU_A] = 0;
			kick(w, &plan);
		} else if (i == 1) {
			deliver_sgis(w, &lc);
		}
		return 0;
	case EV_CREATE:
		if (i == 0) {
			/* the checks before hv_lock (check_against_system) */
			w->create_refused = lc_create_refused(&lc, BIT(1), 0);
			if (w->create_refused) {
				w->result[e] = -EBUSY;
				w->finished[e] = 1;
			}
		} else {
			w->result[e] = lc_create(&lc, 2, BIT(1), 0, &plan);
		}
		return 0;
	case EV_ROOT_ON:
		if (i == 0)
			w->result[e] = lc_cpu_on(&lc, 0, 1, 0x2000, 0, &plan);
		else if (i == 1)
			cpu_wake(w, &lc, 1);
		else
			cpu_enter(w, &lc, 1);
		return 0;
	case EV_ROOT_OFF:
		if (w->at_el1[1] && lc_cpu(&lc, 1)->cell == LC_ROOT) {
			lc_cpu_off(&lc, 1);
			w->at_el1[1] = 0;
		}
		return 0;
	default:
		fail();
		return 0;
	}
}

/* After the events: SGIs arrive, requests are taken, until nothing moves. */
static void settle(struct world *w)
{
	struct lifecycle lc = view(w);
	unsigned int round, cpu;

	for (round = 0; round < 4; round++) {
		deliver_sgis(w, &lc);
		for (cpu = 0; cpu < NCPUS; cpu++) {
			cpu_wake(w, &lc, cpu);
			cpu_enter(w, &lc, cpu);
		}
	}
}

static int failures;

static void violation(const struct world *w, const char *what,
		      const char *case_name)
{
	if (failures++ < 8)
		print_error("%s: %s\n  steps: %s\n", case_name, what, w->trace);
}

static void check(struct world *w, const enum event *evs, unsigned int n,
		  const char *name)
{
	struct lifecycle lc = view(w);
	uint64_t owned[NCELLS + 1] = { 0 };
	unsigned int cpu, id;
	char msg[160];
	int destroy = 0, load = 0;

	for (id = 0; id < n; id++) {
		destroy |= evs[id] == EV_DESTROY;
		load |= evs[id] == EV_LOAD;
	}
	for (cpu = 0; cpu < NCPUS; cpu++) {
		const struct lc_cpu *c = &w->cpu[cpu];
		const struct lc_cell *cell = lc_cell(&lc, c->cell);

		owned[c->cell] |= BIT(cpu);
		/* no zombie: guest code only of a live owner, its own */
		if (w->at_el1[cpu] && (w->ctx[cpu] != c->cell ||
				       (cell && cell->state != CELL_RUNNING))) {
			snprintf(msg, sizeof(msg),
				 "CPU %u executes under cell %u's stage 2, "
				 "owned by %u (cell %s)",
				 cpu, w->ctx[cpu], c->cell,
				 cell ? lc_cell_state_name(cell->state) :
					"root");
			violation(w, msg, name);
		}
		if ((c->state == CPU_RUNNING || c->state == CPU_STOPPING) !=
		    (w->at_el1[cpu] != 0)) {
			snprintf(msg, sizeof(msg),
				 "CPU %u is %s but %s guest code", cpu,
				 lc_cpu_state_name(c->state),
				 w->at_el1[cpu] ? "executes" :
						  "does not execute");
			violation(w, msg, name);
		}
		/* no lost stop: nothing stays asked after the settling */
		if (c->state == CPU_STOPPING) {
			snprintf(msg, sizeof(msg), "CPU %u still stopping",
				 cpu);
			violation(w, msg, name);
		}
		if (c->on_pending && c->state != CPU_OFF) {
			snprintf(msg, sizeof(msg),
				 "CPU %u has a CPU_ON request but is %s", cpu,
				 lc_cpu_state_name(c->state));
			violation(w, msg, name);
		}
		if (cell && cell->state != CELL_RUNNING &&
		    (c->state != CPU_PARKED && c->state != CPU_FAILED)) {
			snprintf(msg, sizeof(msg),
				 "CPU %u is %s in a cell that is %s", cpu,
				 lc_cpu_state_name(c->state),
				 lc_cell_state_name(cell->state));
			violation(w, msg, name);
		}
	}
	if (owned[LC_ROOT] != w->root_cpus)
		violation(w, "the root's CPU set disagrees with the owners",
			  name);
	for (id = 1; id <= NCELLS; id++)
		if (owned[id] != w->cell[id - 1].cpus)
			violation(w,
				  "a cell's CPU set disagrees with the owners",
				  name);
	/* a management stop always completes: no CPU escapes it */
	if ((destroy || load) && w->stop_left)
		violation(w, "the stop did not park every CPU of the cell",
			  name);
	if (destroy) {
		if (w->cell[0].state != CELL_NONE)
			violation(w, "cell 1 was not destroyed", name);
		for (cpu = CPU_A; cpu <= CPU_B; cpu++)
			if (w->cpu[cpu].cell != LC_ROOT ||
			    (w->cpu[cpu].state != CPU_OFF &&
			     !(w->cpu[cpu].state == CPU_RUNNING &&
			       w->ctx[cpu] == LC_ROOT))) {
				snprintf(msg, sizeof(msg),
					 "CPU %u of the destroyed cell is %s, "
					 "owned by %u",
					 cpu,
					 lc_cpu_state_name(w->cpu[cpu].state),
					 w->cpu[cpu].cell);
				violation(w, msg, name);
			}
	}
	if (load && w->cell[0].state != CELL_LOADING)
		violation(w, "cell 1 is not loadable after the load", name);
	if (w->cell[1].state == CELL_CREATED &&
	    (w->cpu[1].cell != 2 || w->cpu[1].state != CPU_PARKED))
		violation(w, "the new cell's CPU is not its own and parked",
			  name);
}

/* Every interleaving of the remaining steps of evs[0..n), depth first. */
static unsigned int explore(const struct world *w, const enum event *evs,
			    unsigned int n, const unsigned int *next,
			    const char *name)
{
	unsigned int k, runs = 0, left = 0, blocked = 0;

	for (k = 0; k < n; k++) {
		struct world copy = *w;
		unsigned int nx[3];
		size_t len = strlen(copy.trace);

		if (next[k] == ev_steps[evs[k]])
			continue;
		left++;
		memcpy(nx, next, n * sizeof(nx[0]));
		snprintf(copy.trace + len, sizeof(copy.trace) - len, "%s%s.%u",
			 len ? ", " : "", ev_names[evs[k]], next[k]);
		if (step(&copy, evs[k], next[k])) {
			blocked++;
			continue; /* waits: another event goes first */
		}
		nx[k]++;
		runs += explore(&copy, evs, n, nx, name);
	}
	if (!left) {
		struct world end = *w;

		settle(&end);
		check(&end, evs, n, name);
		return 1;
	}
	if (blocked == left) {
		/* only waits left: a real stop would time out */
		violation(w, "a stop waits for a CPU that never parks", name);
		return 1;
	}
	return runs;
}

static void run_events(const enum event *evs, unsigned int n)
{
	unsigned int st, runs = 0, next[3] = { 0 };
	char name[128];
	struct world w;

	failures = 0;
	for (st = 0; st < NUM_STARTS; st++) {
		if (n == 2)
			snprintf(name, sizeof(name), "%s vs %s, %s",
				 ev_names[evs[0]], ev_names[evs[1]],
				 st_names[st]);
		else
			snprintf(name, sizeof(name), "%s vs %s vs %s, %s",
				 ev_names[evs[0]], ev_names[evs[1]],
				 ev_names[evs[2]], st_names[st]);
		world_init(&w, st);
		runs += explore(&w, evs, n, next, name);
	}
	assert_true(runs > 0);
	if (failures)
		print_error("%d violations in %u orders\n", failures, runs);
	assert_int_equal(failures, 0);
}

#define PAIR(a, b)                                                  \
	static void a##_vs_##b(void **state)                        \
	{                                                           \
		static const enum event evs[] = { EV_##a, EV_##b }; \
		(void)state;                                        \
		run_events(evs, 2);                                 \
	}

PAIR(DESTROY, CPU_ON)
PAIR(LOAD, CPU_ON)
PAIR(DESTROY, FAULT_B)
PAIR(LOAD, FAULT_A)
PAIR(DESTROY, CPU_OFF)
PAIR(LOAD, CPU_OFF)
PAIR(CREATE, ROOT_ON)
PAIR(CREATE, ROOT_OFF)
PAIR(SYSOFF, FAULT_B)
PAIR(LOAD, FAULT_B)
PAIR(SERROR, DESTROY)
PAIR(SERROR, LOAD)
PAIR(SERROR, CPU_ON)
PAIR(SYSOFF, CPU_ON)
PAIR(SYSOFF, DESTROY)
PAIR(SERROR, SYSOFF)
PAIR(CREATE, DESTROY)
PAIR(DESTROY, ROOT_ON)

/* The churn of cell-cpu-churn: A starts B while B powers off, destroyed. */
static void destroy_vs_cpu_on_vs_cpu_off(void **state)
{
	static const enum event evs[] = { EV_DESTROY, EV_CPU_ON, EV_CPU_OFF };

	(void)state;
	run_events(evs, 3);
}

static void stop_vs_cpu_on_vs_fault(void **state)
{
	static const enum event evs[] = { EV_LOAD, EV_CPU_ON, EV_FAULT_A };

	(void)state;
	run_events(evs, 3);
}

/* Single transitions: the tables of docs/hypervisor.md. */
static void cpu_on_by_state(void **state)
{
	struct world w;
	struct lifecycle lc;
	struct lc_plan plan;

	(void)state;
	world_init(&w, ST_B_OFF);
	lc = view(&w);
	/* another owner's CPU, from the cell and from the root */
	assert_int_equal(lc_cpu_on(&lc, CPU_A, 1, 0, 0, &plan), LC_ON_NOT_MINE);
	assert_int_equal(lc_cpu_on(&lc, 0, CPU_B, 0, 0, &plan), LC_ON_NOT_MINE);
	assert_int_equal(lc_cpu_on(&lc, CPU_A, CPU_A, 0, 0, &plan),
			 LC_ON_ALREADY_ON);
	assert_int_equal(lc_cpu_on(&lc, CPU_A, CPU_B, 0x80, 7, &plan),
			 LC_ON_SUCCESS);
	assert_int_equal(plan.actions, LC_WAKE);
	assert_int_equal(lc_affinity(&lc, CPU_A, CPU_B), LC_AFF_ON_PENDING);
	assert_int_equal(lc_affinity(&lc, CPU_A, 1), LC_AFF_NOT_MINE);
	assert_int_equal(lc_affinity(&lc, 0, 1), LC_AFF_OFF);
	assert_int_equal(lc_cpu_on(&lc, CPU_A, CPU_B, 0x80, 7, &plan),
			 LC_ON_PENDING);
	/* a stop withdraws the request and parks the CPU */
	lc_stop_begin(&lc, 1, CELL_STOPPING, 0, &plan);
	assert_int_equal(plan.kick, BIT(CPU_A));
	assert_int_equal(w.cpu[CPU_B].state, CPU_PARKED);
	assert_int_equal(w.cpu[CPU_B].on_pending, 0);
	assert_int_equal(lc_cpu_on(&lc, CPU_A, CPU_B, 0, 0, &plan),
			 LC_ON_DENIED);
	/* a stopping CPU's CPU_OFF parks it for good */
	lc_cpu_off(&lc, CPU_A);
	assert_int_equal(w.cpu[CPU_A].state, CPU_PARKED);
	assert_int_equal(lc_stop_end(&lc, 1), 0);
	assert_int_equal(lc_cpu_on(&lc, 0, 5, 0, 0, &plan), LC_ON_INVALID);
}

static void plans(void **state)
{
	struct world w;
	struct lifecycle lc;
	struct lc_plan plan;

	(void)state;
	world_init(&w, ST_B_OFF);
	lc = view(&w);
	lc_stop_begin(&lc, 1, CELL_STOPPING, 0, &plan);
	assert_int_equal(plan.actions, LC_KICK);
	assert_int_equal(lc_cpu_exit(&lc, CPU_A), 1);
	assert_int_equal(lc_stop_end(&lc, 1), 0);
	lc_load(&lc, 1, &plan);
	assert_int_equal(plan.actions, LC_CLEAN | LC_REMAP_LOADABLE);
	/* loaded twice: the memory is the root's already */
	lc_stop_begin(&lc, 1, CELL_STOPPING, 0, &plan);
	assert_int_equal(plan.actions, 0);
	lc_load(&lc, 1, &plan);
	assert_int_equal(plan.actions, 0);
	lc_start_plan(&lc, 1, &plan);
	assert_int_equal(plan.actions, LC_UNMAP_LOADABLE | LC_COMM_INIT |
					       LC_CLEAN | LC_IRQS_QUIESCE);
	lc_destroy_plan(&lc, 1, &plan);
	assert_int_equal(plan.actions,
			 LC_IRQS_RETURN | LC_CLEAN | LC_SCRUB | LC_REMAP_REST);
	lc_start(&lc, 1, CPU_B, 0x1000, &plan);
	assert_int_equal(plan.actions, LC_WAKE);
	assert_int_equal(plan.cpu, CPU_B);
	assert_int_equal(w.cell[0].loadable, 0);
	lc_destroy_plan(&lc, 1, &plan);
	assert_int_equal(plan.actions,
			 LC_IRQS_RETURN | LC_CLEAN | LC_SCRUB | LC_REMAP_ALL);
	/* destroy refuses while a CPU is not parked, and changes nothing */
	assert_int_equal(lc_destroy(&lc, 1), -EBUSY);
	assert_int_equal(w.cell[0].state, CELL_RUNNING);
}

static void claim_and_create(void **state)
{
	struct world w;
	struct lifecycle lc;
	struct lc_plan plan;
	unsigned int bad = 99;

	(void)state;
	world_init(&w, ST_B_OFF);
	lc = view(&w);
	assert_int_equal(lc_claim(&lc, 2), -ENOENT);
	assert_int_equal(lc_claim(&lc, 0), -ENOENT);
	assert_int_equal(lc_claim(&lc, 1), 0);
	assert_int_equal(lc_claim(&lc, 1), -EBUSY);
	lc_unclaim(&lc, 1);
	assert_int_equal(lc_claim(&lc, 1), 0);
	/* the caller, a running root CPU, a cell's CPU */
	assert_int_equal(lc_create_refused(&lc, BIT(0), 0), BIT(0));
	assert_int_equal(lc_create_refused(&lc, BIT(CPU_B), 0), BIT(CPU_B));
	assert_int_equal(lc_create_refused(&lc, BIT(1), 0), 0);
	assert_int_equal(lc_create(&lc, 1, BIT(1), 0, &plan), -EBUSY);
	assert_int_equal(lc_disable_ok(&lc, &bad), -EBUSY);
	assert_int_equal(bad, 1);
	assert_int_equal(lc_create(&lc, 2, BIT(1), 0, &plan), 0);
	assert_int_equal(w.root_cpus, BIT(0));
	assert_int_equal(w.cpu[1].generation, 1);
	assert_int_equal(lc_disable_ok(&lc, &bad), 0);
	assert_int_equal(lc_destroy(&lc, 2), 0);
	assert_int_equal(w.cpu[1].generation, 2);
	assert_int_equal(w.cpu[1].state, CPU_OFF);
	assert_int_equal(w.root_cpus, BIT(0) | BIT(1));
}

static void all_failed(void **state)
{
	struct world w;
	struct lifecycle lc;

	(void)state;
	world_init(&w, ST_B_FAILED);
	lc = view(&w);
	assert_false(lc_cell_all_failed(&lc, 1));
	lc_cpu_fault(&lc, CPU_A);
	assert_true(lc_cell_all_failed(&lc, 1));
	assert_false(lc_cell_all_failed(&lc, 2));
	assert_string_equal(lc_cpu_state_name(CPU_STOPPING), "stopping");
	assert_string_equal(lc_cell_state_name(CELL_SHUT_DOWN), "shut down");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(DESTROY_vs_CPU_ON),
		cmocka_unit_test(LOAD_vs_CPU_ON),
		cmocka_unit_test(DESTROY_vs_FAULT_B),
		cmocka_unit_test(LOAD_vs_FAULT_A),
		cmocka_unit_test(DESTROY_vs_CPU_OFF),
		cmocka_unit_test(LOAD_vs_CPU_OFF),
		cmocka_unit_test(CREATE_vs_ROOT_ON),
		cmocka_unit_test(CREATE_vs_ROOT_OFF),
		cmocka_unit_test(SYSOFF_vs_FAULT_B),
		cmocka_unit_test(LOAD_vs_FAULT_B),
		cmocka_unit_test(SERROR_vs_DESTROY),
		cmocka_unit_test(SERROR_vs_LOAD),
		cmocka_unit_test(SERROR_vs_CPU_ON),
		cmocka_unit_test(SYSOFF_vs_CPU_ON),
		cmocka_unit_test(SYSOFF_vs_DESTROY),
		cmocka_unit_test(SERROR_vs_SYSOFF),
		cmocka_unit_test(CREATE_vs_DESTROY),
		cmocka_unit_test(DESTROY_vs_ROOT_ON),
		cmocka_unit_test(destroy_vs_cpu_on_vs_cpu_off),
		cmocka_unit_test(stop_vs_cpu_on_vs_fault),
		cmocka_unit_test(cpu_on_by_state),
		cmocka_unit_test(plans),
		cmocka_unit_test(claim_and_create),
		cmocka_unit_test(all_failed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
