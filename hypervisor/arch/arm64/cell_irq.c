// SPDX-License-Identifier: GPL-2.0
/*
 * Who owns each shared peripheral interrupt (SPI), and the SPIs changing
 * hands: a cell takes its SPIs from the root at create and gives them
 * back at destroy; an SPI that reaches a CPU of another cell is never
 * injected there.
 *
 * spi_owner[] holds the owning cell's id (0: the root, if its config
 * grants the SPI; else nobody). It is changed under hv_lock by the
 * management calls (cell_lock held) and read without a lock: a byte is
 * read whole, and the trap and interrupt paths never follow a pointer of
 * a cell that is being created or destroyed.
 */
#include <arch/cell.h>
#include <arch/cell_irq.h>
#include <arch/hv.h>
#include <arch/irqchip.h>
#include <warden/cell_check.h>

#define GIC_SPI_END 1020
#define GICD_CTLR 0x0000
#define GICD_CTLR_RWP (1U << 31)
#define GICD_IGROUPR 0x0080
#define GICD_ICENABLER 0x0180
#define GICD_ISPENDR 0x0200
#define GICD_ICPENDR 0x0280
#define GICD_ICACTIVER 0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR 0x0c00
#define GICD_IGRPMODR 0x0d00

volatile uint8_t cell_spi_owner[GIC_SPI_END];
#define spi_owner cell_spi_owner
/* The SPIs the root's config grants it (bit per INTID), fixed at enable. */
uint32_t cell_root_spis[GIC_SPI_END / 32 + 1];

/* What the root had programmed for an SPI before a cell took it. */
static struct {
	uint8_t prio, cfg, group, grpmod;
} spi_saved[GIC_SPI_END];

/* SPIs reported as arriving at a CPU of another cell; each once. */
static uint32_t misrouted_seen[GIC_SPI_END / 32 + 1];
static uint32_t misrouted_count;

static volatile uint8_t *gicd(void)
{
	return (volatile uint8_t *)(HV_GIC_VIRT +
				    (sys_config->platform_info.arm.gicd_base &
				     ((1ULL << 30) - 1)));
}

static uint32_t rd32(unsigned int off)
{
	return *(volatile uint32_t *)(gicd() + off);
}

static void wr32(unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(gicd() + off) = v;
}

static int root_has_spi(uint32_t intid)
{
	return cell_root_spis[intid / 32] >> (intid % 32) & 1;
}

void cell_irq_init(void)
{
	uint32_t intid;

	memset(cell_root_spis, 0, sizeof(cell_root_spis));
	for (intid = 32; intid < GIC_SPI_END; intid++)
		if (warden_config_has_irq(
			    &root_config,
			    sys_config->platform_info.arm.gicd_base, intid))
			cell_root_spis[intid / 32] |= 1U << (intid % 32);
}

int cell_irq_owned(unsigned int cpu, uint64_t intid)
{
	struct cell *c = cell_of(cpu);

	if (intid < 32)
		return 1; /* banked per CPU: the CPU's owner has them */
	if (intid >= GIC_SPI_END)
		return 0;
	if (c)
		return spi_owner[intid] == c->id;
	return spi_owner[intid] == 0 && root_has_spi(intid);
}

/* A write that disabled an interrupt has taken effect (bounded wait). */
static void rwp_wait(void)
{
	static int warned;
	unsigned int i;

	for (i = 0; i < 1000000 && rd32(GICD_CTLR) & GICD_CTLR_RWP; i++)
		cpu_relax();
	if (i == 1000000 && !warned++)
		printk("Warning: GICD_CTLR.RWP still set after 10^6 polls; "
		       "going on\n");
}

static unsigned int field(unsigned int off, uint32_t intid, unsigned int bits)
{
	unsigned int per = 32 / bits;

	return (rd32(off + intid / per * 4) >> (intid % per * bits)) &
	       ((1U << bits) - 1);
}

static void field_set(unsigned int off, uint32_t intid, unsigned int bits,
		      unsigned int v)
{
	unsigned int per = 32 / bits, shift = intid % per * bits;
	uint32_t mask = ((1U << bits) - 1) << shift;
	unsigned int reg = off + intid / per * 4;

	wr32(reg, (rd32(reg) & ~mask) | (v << shift & mask));
}

/*
 * The cell's SPIs: masked, not pending, not active; routed to its first
 * CPU (route) or left where they are.
 */
void cell_irqs_quiesce(struct cell *c, int route)
{
	unsigned int to = __builtin_ctzll(c->lc.cpus);
	unsigned int intid;

	spin_lock(&gicd_lock);
	for (intid = 32; intid < GIC_SPI_END; intid++) {
		uint32_t bit = 1U << (intid % 32);

		if (spi_owner[intid] != c->id)
			continue;
		wr32(GICD_ICENABLER + intid / 32 * 4, bit);
		wr32(GICD_ICPENDR + intid / 32 * 4, bit);
		wr32(GICD_ICACTIVER + intid / 32 * 4, bit);
		if (route)
			irqchip->spi_route(intid, to);
	}
	rwp_wait();
	spin_unlock(&gicd_lock);
}

/*
 * A new cell takes its SPIs, with what the root programmed for them
 * saved; every other SPI routed to one of the cell's CPUs (or to any CPU,
 * 1-of-N) goes to the calling root CPU, so that no interrupt of the root
 * or another cell lands in the new cell.
 */
void cell_irqs_take(struct cell *c, unsigned int caller)
{
	uint64_t gicd_phys = sys_config->platform_info.arm.gicd_base;
	unsigned int intid;
	int routed;

	spin_lock(&gicd_lock);
	for (intid = 32; intid < GIC_SPI_END; intid++) {
		if (!cell_check_has_spi(&c->cfg, gicd_phys, intid))
			continue;
		spi_saved[intid].prio = gicd()[GICD_IPRIORITYR + intid];
		spi_saved[intid].cfg = field(GICD_ICFGR, intid, 2);
		spi_saved[intid].group = field(GICD_IGROUPR, intid, 1);
		spi_saved[intid].grpmod = field(GICD_IGRPMODR, intid, 1);
	}
	spin_unlock(&gicd_lock);
	/* the GICD emulation checks ownership under gicd_lock (gicd.c) */
	spin_lock(&hv_lock);
	spin_lock(&gicd_lock);
	for (intid = 32; intid < GIC_SPI_END; intid++)
		if (cell_check_has_spi(&c->cfg, gicd_phys, intid))
			spi_owner[intid] = c->id;
	spin_unlock(&gicd_lock);
	spin_unlock(&hv_lock);
	cell_irqs_quiesce(c, 1);

	spin_lock(&gicd_lock);
	for (intid = 32; intid < GIC_SPI_END; intid++) {
		if (spi_owner[intid] == c->id)
			continue;
		routed = irqchip->spi_routed_to(intid, c->lc.cpus);
		if (!routed)
			continue;
		irqchip->spi_route(intid, caller);
		printk("IRQ %u was routed to %s of the new cell \"%s\": "
		       "now to CPU %u\n",
		       intid, routed == 2 ? "any CPU, also those" : "a CPU",
		       c->cfg.cell->name, caller);
	}
	spin_unlock(&gicd_lock);
}

/*
 * A destroyed cell's SPIs go back to the root as the root had programmed
 * them (group, group modifier, priority, trigger), routed to the calling
 * root CPU, disabled: the cell cannot leave one behind as Group 0, at a
 * priority that masks the root's, or edge- instead of level-triggered.
 * The root enables them again when it wants them.
 */
void cell_irqs_return(struct cell *c, unsigned int caller)
{
	unsigned int intid;

	cell_irqs_quiesce(c, 0);
	spin_lock(&gicd_lock);
	for (intid = 32; intid < GIC_SPI_END; intid++) {
		if (spi_owner[intid] != c->id)
			continue;
		field_set(GICD_IGROUPR, intid, 1, spi_saved[intid].group);
		field_set(GICD_IGRPMODR, intid, 1, spi_saved[intid].grpmod);
		field_set(GICD_ICFGR, intid, 2, spi_saved[intid].cfg);
		gicd()[GICD_IPRIORITYR + intid] = spi_saved[intid].prio;
		irqchip->spi_route(intid, caller);
	}
	spin_unlock(&gicd_lock);
	spin_lock(&hv_lock);
	spin_lock(&gicd_lock);
	for (intid = 32; intid < GIC_SPI_END; intid++)
		if (spi_owner[intid] == c->id) {
			spi_owner[intid] = 0;
			/* the injection priority copy (irqchip.c) */
			irqchip_priority_written(caller, caller, intid,
						 spi_saved[intid].prio);
		}
	spin_unlock(&gicd_lock);
	spin_unlock(&hv_lock);
}

/*
 * Whether SPI intid, acknowledged on cpu, belongs to the cell cpu runs.
 * If not, it is not injected: it goes to a CPU of its owner (its first
 * CPU that runs; an SPI nobody owns is disabled), pending again there if
 * edge-triggered (a level-triggered one still asserts its line), is
 * deactivated here, counted and reported once per SPI. Returns 1 to
 * inject, 0 if dropped.
 */
int cell_irq_deliverable(unsigned int cpu, uint32_t intid)
{
	unsigned int owner, i, to = HV_MAX_CPUS;
	uint64_t cpus = 0;

	if (intid < 32 || intid >= GIC_SPI_END || cell_irq_owned(cpu, intid))
		return 1;
	owner = spi_owner[intid];
	if (owner) {
		/* one read of each owner: a destroy may hand CPU i back */
		for (i = 0; i < HV_MAX_CPUS; i++) {
			struct cell *o = cell_of(i);

			if (o && o->id == owner)
				cpus |= 1ULL << i;
		}
	} else if (root_has_spi(intid)) {
		cpus = root_cpu_set;
	}
	/* the owner's first running CPU, else its first CPU */
	for (i = HV_MAX_CPUS; i-- > 0;)
		if (cpus & (1ULL << i) &&
		    (to == HV_MAX_CPUS || cpu_state(i) == CPU_RUNNING ||
		     cpu_state(to) != CPU_RUNNING))
			to = i;
	spin_lock(&gicd_lock);
	if (to < HV_MAX_CPUS) {
		irqchip->spi_route(intid, to);
		/* an edge is gone once taken: pending again, for the owner */
		if (field(GICD_ICFGR, intid, 2) & 2)
			wr32(GICD_ISPENDR + intid / 32 * 4, 1U << (intid % 32));
	} else
		wr32(GICD_ICENABLER + intid / 32 * 4, 1U << (intid % 32));
	spin_unlock(&gicd_lock);
	irqchip->deactivate(intid);
	spin_lock(&hv_lock);
	misrouted_count++;
	if (misrouted_seen[intid / 32] & (1U << (intid % 32))) {
		spin_unlock(&hv_lock);
		return 0;
	}
	misrouted_seen[intid / 32] |= 1U << (intid % 32);
	spin_unlock(&hv_lock);
	if (to < HV_MAX_CPUS)
		printk("Warning: IRQ %u of cell \"%s\" arrived at CPU %u "
		       "(cell \"%s\"): not injected, routed to CPU %u (%u "
		       "misrouted so far)\n",
		       intid,
		       owner ? cell_name_of(to) : sys_config->root_cell.name,
		       cpu, cell_name_of(cpu), to, misrouted_count);
	else
		printk("Warning: IRQ %u, owned by no cell, arrived at CPU %u "
		       "(cell \"%s\"): not injected, disabled\n",
		       intid, cpu, cell_name_of(cpu));
	return 0;
}
