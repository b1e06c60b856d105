// SPDX-License-Identifier: GPL-2.0
/*
 * The lifecycle policy of cells and CPUs (warden/lifecycle.h): pure
 * functions over the state the arch keeps, called with its locks held.
 * Every rule that decides whether a CPU may start, must stop or changes
 * owner is here; arch/arm64 (cell.c, cell_psci.c, psci.c, async.c,
 * traps.c) does what the answers say.
 */
#include <warden/errno.h>
#include <warden/lifecycle.h>

#define BIT(n) (1ULL << (n))

static unsigned int owner_of(const struct lifecycle *lc, unsigned int cpu)
{
	return lc_cpu(lc, cpu)->cell;
}

void lc_cpu_arrive(struct lifecycle *lc, unsigned int cpu)
{
	struct lc_cpu *c = lc_cpu(lc, cpu);

	c->state = CPU_RUNNING;
	c->cell = LC_ROOT;
	c->on_pending = 0;
}

long lc_disable_ok(const struct lifecycle *lc, unsigned int *bad)
{
	unsigned int cpu;

	for (cpu = 0; cpu < lc->ncpus; cpu++)
		if (*lc->root_cpus & BIT(cpu) &&
		    lc_cpu(lc, cpu)->state != CPU_RUNNING) {
			*bad = cpu;
			return -EBUSY;
		}
	return 0;
}

void lc_cpu_leave(struct lifecycle *lc, unsigned int cpu)
{
	lc_cpu(lc, cpu)->state = CPU_ABSENT;
}

long lc_claim(struct lifecycle *lc, unsigned int id)
{
	struct lc_cell *cell = lc_cell(lc, id);

	if (!cell || cell->state == CELL_NONE)
		return -ENOENT;
	if (cell->busy)
		return -EBUSY;
	cell->busy = 1;
	return 0;
}

void lc_unclaim(struct lifecycle *lc, unsigned int id)
{
	struct lc_cell *cell = lc_cell(lc, id);

	if (cell)
		cell->busy = 0;
}

uint64_t lc_create_refused(const struct lifecycle *lc, uint64_t cpus,
			   unsigned int caller)
{
	uint64_t refused = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < 64; cpu++) {
		const struct lc_cpu *c = lc_cpu(lc, cpu);

		if (!(cpus & BIT(cpu)))
			continue;
		/*
		 * Only a CPU the root took offline itself: one it brought
		 * back online (or asked to) since the checks is not taken.
		 */
		if (!c || cpu == caller || !(*lc->root_cpus & BIT(cpu)) ||
		    c->cell != LC_ROOT || c->state != CPU_OFF || c->on_pending)
			refused |= BIT(cpu);
	}
	return refused;
}

long lc_create(struct lifecycle *lc, unsigned int id, uint64_t cpus,
	       unsigned int caller, struct lc_plan *plan)
{
	struct lc_cell *cell = lc_cell(lc, id);
	unsigned int cpu;

	*plan = (struct lc_plan){ 0 };
	if (!cell || cell->state != CELL_NONE || !cpus ||
	    lc_create_refused(lc, cpus, caller))
		return -EBUSY;
	for (cpu = 0; cpu < lc->ncpus; cpu++) {
		struct lc_cpu *c = lc_cpu(lc, cpu);

		if (!(cpus & BIT(cpu)))
			continue;
		c->cell = id;
		c->generation++;
		c->state = CPU_PARKED;
	}
	*lc->root_cpus &= ~cpus;
	cell->state = CELL_CREATED;
	cell->cpus = cpus;
	cell->loadable = 0;
	plan->actions = LC_UNMAP_ALL | LC_IRQS_TAKE;
	return 0;
}

void lc_stop_begin(struct lifecycle *lc, unsigned int id, enum cell_state to,
		   uint64_t keep, struct lc_plan *plan)
{
	struct lc_cell *cell = lc_cell(lc, id);
	unsigned int cpu;

	*plan = (struct lc_plan){ 0 };
	cell->state = to;
	for (cpu = 0; cpu < lc->ncpus; cpu++) {
		struct lc_cpu *c = lc_cpu(lc, cpu);

		if (!(cell->cpus & ~keep & BIT(cpu)))
			continue;
		c->on_pending = 0;
		switch (c->state) {
		case CPU_RUNNING:
			c->state = CPU_STOPPING;
			/* fall through */
		case CPU_STOPPING:
			plan->kick |= BIT(cpu);
			break;
		case CPU_OFF:
			c->state = CPU_PARKED;
			break;
		default: /* parked, failed: stays */
			break;
		}
	}
	if (plan->kick)
		plan->actions |= LC_KICK;
}

uint64_t lc_stop_waiting(const struct lifecycle *lc, uint64_t asked)
{
	uint64_t waiting = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < lc->ncpus; cpu++)
		if (asked & BIT(cpu) && lc_cpu(lc, cpu)->state == CPU_STOPPING)
			waiting |= BIT(cpu);
	return waiting;
}

uint64_t lc_stop_end(struct lifecycle *lc, unsigned int id)
{
	struct lc_cell *cell = lc_cell(lc, id);
	uint64_t left = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < lc->ncpus; cpu++) {
		struct lc_cpu *c = lc_cpu(lc, cpu);

		if (!(cell->cpus & BIT(cpu)))
			continue;
		if (c->state == CPU_FAILED)
			c->state = CPU_PARKED;
		if (c->state != CPU_PARKED)
			left |= BIT(cpu);
	}
	return left;
}

void lc_load(struct lifecycle *lc, unsigned int id, struct lc_plan *plan)
{
	struct lc_cell *cell = lc_cell(lc, id);

	*plan = (struct lc_plan){ 0 };
	cell->state = CELL_LOADING;
	if (cell->loadable)
		return;
	/* not scrubbed: a cell may be started again without a load */
	plan->actions = LC_CLEAN | LC_REMAP_LOADABLE;
	cell->loadable = 1;
}

void lc_start_plan(const struct lifecycle *lc, unsigned int id,
		   struct lc_plan *plan)
{
	const struct lc_cell *cell = lc_cell(lc, id);

	*plan = (struct lc_plan){ 0 };
	/*
	 * Memory first (it may fail: the cell stays as it is), then a comm
	 * region and caches for a CPU that starts with its MMU off.
	 */
	plan->actions = (cell->loadable ? LC_UNMAP_LOADABLE : 0) |
			LC_COMM_INIT | LC_CLEAN | LC_IRQS_QUIESCE;
}

void lc_start(struct lifecycle *lc, unsigned int id, unsigned int boot,
	      uint64_t entry, struct lc_plan *plan)
{
	struct lc_cell *cell = lc_cell(lc, id);
	unsigned int cpu;

	*plan = (struct lc_plan){ 0 };
	cell->loadable = 0;
	cell->state = CELL_RUNNING;
	/* its CPU_ON starts the others */
	for (cpu = 0; cpu < lc->ncpus; cpu++)
		if (cell->cpus & BIT(cpu))
			lc_cpu(lc, cpu)->state = CPU_OFF;
	lc_cpu_on(lc, boot, boot, entry, 0, plan);
}

void lc_destroy_plan(const struct lifecycle *lc, unsigned int id,
		     struct lc_plan *plan)
{
	const struct lc_cell *cell = lc_cell(lc, id);

	*plan = (struct lc_plan){ 0 };
	/* LOADABLE regions are the root's already when it is loadable */
	plan->actions = LC_IRQS_RETURN | LC_CLEAN | LC_SCRUB |
			(cell->loadable ? LC_REMAP_REST : LC_REMAP_ALL);
}

long lc_destroy(struct lifecycle *lc, unsigned int id)
{
	struct lc_cell *cell = lc_cell(lc, id);
	unsigned int cpu;

	for (cpu = 0; cpu < lc->ncpus; cpu++)
		if (cell->cpus & BIT(cpu) &&
		    lc_cpu(lc, cpu)->state != CPU_PARKED)
			return -EBUSY;
	for (cpu = 0; cpu < lc->ncpus; cpu++) {
		struct lc_cpu *c = lc_cpu(lc, cpu);

		if (!(cell->cpus & BIT(cpu)))
			continue;
		c->cell = LC_ROOT;
		c->generation++;
		c->state = CPU_OFF;
		c->on_pending = 0;
	}
	*lc->root_cpus |= cell->cpus;
	cell->state = CELL_NONE;
	cell->cpus = 0;
	cell->loadable = 0;
	return 0;
}

enum lc_on lc_cpu_on(struct lifecycle *lc, unsigned int caller,
		     unsigned int target, uint64_t entry, uint64_t context,
		     struct lc_plan *plan)
{
	struct lc_cpu *t = lc_cpu(lc, target);
	const struct lc_cell *cell;

	*plan = (struct lc_plan){ 0 };
	if (!t || t->state == CPU_ABSENT)
		return LC_ON_INVALID;
	if (t->cell != owner_of(lc, caller))
		return LC_ON_NOT_MINE;
	/* a cell being stopped starts nothing: its stop would miss the CPU */
	cell = lc_cell(lc, t->cell);
	if (cell && cell->state != CELL_RUNNING)
		return LC_ON_DENIED;
	switch (t->state) {
	case CPU_RUNNING:
	case CPU_STOPPING:
		return LC_ON_ALREADY_ON;
	case CPU_OFF:
		if (t->on_pending)
			return LC_ON_PENDING;
		t->on_entry = entry;
		t->on_context = context;
		t->on_pending = 1;
		plan->actions = LC_WAKE;
		plan->cpu = target;
		return LC_ON_SUCCESS;
	default: /* parked by the hypervisor, failed */
		return LC_ON_DENIED;
	}
}

enum lc_affinity lc_affinity(const struct lifecycle *lc, unsigned int caller,
			     unsigned int target)
{
	const struct lc_cpu *t = lc_cpu(lc, target);

	if (!t || t->cell != owner_of(lc, caller))
		return LC_AFF_NOT_MINE;
	switch (t->state) {
	case CPU_RUNNING:
	case CPU_STOPPING:
		return LC_AFF_ON;
	case CPU_OFF:
		return t->on_pending ? LC_AFF_ON_PENDING : LC_AFF_OFF;
	default:
		return LC_AFF_OFF;
	}
}

void lc_cpu_off(struct lifecycle *lc, unsigned int cpu)
{
	struct lc_cpu *c = lc_cpu(lc, cpu);

	/* a stopping CPU parks for good: its stop is not lost */
	c->state = c->state == CPU_STOPPING ? CPU_PARKED : CPU_OFF;
	c->on_pending = 0;
}

int lc_cpu_wake(struct lifecycle *lc, unsigned int cpu, uint64_t *entry,
		uint64_t *context)
{
	struct lc_cpu *c = lc_cpu(lc, cpu);

	/*
	 * Only an off CPU with a request leaves: a stop parks an off CPU
	 * and withdraws its request under the same lock.
	 */
	if (c->state != CPU_OFF || !c->on_pending)
		return 0;
	*entry = c->on_entry;
	*context = c->on_context;
	c->on_pending = 0;
	c->state = CPU_RUNNING;
	return 1;
}

int lc_cpu_started(struct lifecycle *lc, unsigned int cpu)
{
	return lc_cpu_exit(lc, cpu);
}

int lc_cpu_exit(struct lifecycle *lc, unsigned int cpu)
{
	struct lc_cpu *c = lc_cpu(lc, cpu);

	/* only the CPU itself leaves CPU_STOPPING */
	if (c->state != CPU_STOPPING)
		return 0;
	c->state = CPU_PARKED;
	return 1;
}

void lc_cpu_fault(struct lifecycle *lc, unsigned int cpu)
{
	struct lc_cpu *c = lc_cpu(lc, cpu);

	c->state = CPU_FAILED;
	c->on_pending = 0;
}

void lc_cell_error(struct lifecycle *lc, unsigned int cpu, struct lc_plan *plan)
{
	unsigned int id = owner_of(lc, cpu);

	*plan = (struct lc_plan){ 0 };
	if (id == LC_ROOT)
		return;
	lc_stop_begin(lc, id, CELL_FAILED, BIT(cpu), plan);
	lc_cpu_fault(lc, cpu);
	plan->actions |= LC_PARK;
}

void lc_cell_system_off(struct lifecycle *lc, unsigned int cpu,
			struct lc_plan *plan)
{
	unsigned int id = owner_of(lc, cpu);

	*plan = (struct lc_plan){ 0 };
	if (id == LC_ROOT)
		return;
	lc_stop_begin(lc, id, CELL_SHUT_DOWN, BIT(cpu), plan);
	lc_cpu(lc, cpu)->state = CPU_PARKED;
	plan->actions |= LC_PARK;
}

int lc_cell_all_failed(const struct lifecycle *lc, unsigned int id)
{
	const struct lc_cell *cell = lc_cell(lc, id);
	unsigned int cpu;

	if (!cell || !cell->cpus)
		return 0;
	for (cpu = 0; cpu < lc->ncpus; cpu++)
		if (cell->cpus & BIT(cpu) &&
		    lc_cpu(lc, cpu)->state != CPU_FAILED)
			return 0;
	return 1;
}

const char *lc_cpu_state_name(enum cpu_state s)
{
	static const char *const names[] = {
		[CPU_ABSENT] = "absent",     [CPU_RUNNING] = "running",
		[CPU_STOPPING] = "stopping", [CPU_OFF] = "off",
		[CPU_PARKED] = "parked",     [CPU_FAILED] = "failed",
	};

	return (unsigned int)s < sizeof(names) / sizeof(names[0]) ? names[s] :
								    "?";
}

const char *lc_cell_state_name(enum cell_state s)
{
	static const char *const names[] = {
		[CELL_NONE] = "none",	      [CELL_CREATED] = "created",
		[CELL_LOADING] = "loading",   [CELL_RUNNING] = "running",
		[CELL_STOPPING] = "stopping", [CELL_SHUT_DOWN] = "shut down",
		[CELL_FAILED] = "failed",
	};

	return (unsigned int)s < sizeof(names) / sizeof(names[0]) ? names[s] :
								    "?";
}
