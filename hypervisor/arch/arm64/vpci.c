// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual PCI host bridge on arm64: the ECAM window at the system
 * config's pci_mmconfig_base and the register page (BAR0) of each ivshmem
 * v2 device are not mapped in any stage 2, so every access traps here and
 * goes to the device model (core/vpci.c, core/ivshmem.c) of the accessing
 * CPU's cell. What the model asks for is done here: a state written into
 * the link's state table (through an EL2 window, the only writer of the
 * read-only table) and a peer's interrupt raised as Jailhouse's virtual
 * INTx: the SPI vpci_irq_base + pin of the peer's cell set pending at the
 * distributor, if the peer's cell owns it; or, for a device in MSI-X mode,
 * the SPI that the vector's data names (Jailhouse on ARM: no ITS), if it
 * is an SPI the GIC has and the peer's cell owns; a vector naming any
 * other interrupt is not sent and reported once. BAR1 (the MSI-X table
 * and PBA) traps like BAR0. Refused accesses are counted and the first
 * few of each cell and start are reported.
 */
#include <stdarg.h>

#include <arch/cell.h>
#include <arch/cell_irq.h>
#include <arch/el2_map.h>
#include <arch/gicd.h>
#include <arch/gicr.h>
#include <arch/hv.h>
#include <arch/vpci.h>
#include <warden/format.h>
#include <warden/rules.h>
#include <warden/vpci.h>

#define GICD_TYPER 0x0004
#define GICD_ISPENDR 0x0200
/* refusals printed per cell and start; all are counted */
#define VPCI_REPORTS 8
#define VPCI_LINKS ((MAX_CELLS + 1) * VPCI_MAX_DEVICES)

struct vpci_cell {
	const struct warden_config *cfg; /* NULL: no such cell */
	uint64_t cpus; /* of a non-root cell; the root's is root_cpu_set */
	unsigned int num_eps;
	struct ivshmem_ep eps[VPCI_MAX_DEVICES];
	struct ivshmem_link *links[VPCI_MAX_DEVICES];
	uint32_t refused, reported;
};

/* [0] the root, [id] the cell with that id */
static struct vpci_cell vcells[MAX_CELLS + 1];
static struct ivshmem_link links[VPCI_LINKS];
static uint64_t ecam_base;
static uint8_t end_bus;
/* INTIDs of the GIC (GICD_TYPER.ITLinesNumber): MSI-X data beyond: none */
static uint32_t gic_lines;
/* where no BAR may go besides the cell's own memory */
static struct vpci_range reserved[VPCI_RESERVED_MAX];
static unsigned int num_reserved;
spinlock_t vpci_lock; /* released by el2_locks_release() */

static unsigned int vcell_index(unsigned int cpu)
{
	struct cell *c = cell_of(cpu);

	return c ? c->id : 0;
}

static struct vpci_cell *vcell_of_ep(const struct ivshmem_ep *ep)
{
	unsigned int i;

	for (i = 0; i <= MAX_CELLS; i++)
		if (ep >= vcells[i].eps &&
		    ep < vcells[i].eps + VPCI_MAX_DEVICES)
			return &vcells[i];
	return NULL;
}

static void report(struct vpci_cell *v, unsigned int cpu, const char *fmt, ...)
{
	char text[200];
	va_list ap;

	v->refused++;
	if (v->reported >= VPCI_REPORTS)
		return;
	va_start(ap, fmt);
	format_vstring(text, sizeof(text), fmt, ap);
	va_end(ap);
	printk("vPCI: cell \"%s\" (CPU %u): %s (%u refused)%s\n",
	       cell_name_of(cpu), cpu, text, v->refused,
	       ++v->reported == VPCI_REPORTS ?
		       "; further refusals are counted only" :
		       "");
}

/* The first CPU of the cell of v, to ask whom an interrupt belongs to. */
static unsigned int owner_cpu(const struct vpci_cell *v)
{
	uint64_t cpus = v == &vcells[0] ? root_cpu_set : v->cpus;
	unsigned int cpu;

	for (cpu = 0; cpu < HV_MAX_CPUS; cpu++)
		if (cpus & (1ULL << cpu))
			return cpu;
	return HV_MAX_CPUS;
}

static void set_pending(uint32_t intid)
{
	/* the doorbell's writer's data before the interrupt (spec) */
	dsb(ish);
	*(volatile uint32_t *)(irqchip_gicd() + GICD_ISPENDR + intid / 32 * 4) =
		1U << (intid % 32);
}

static void ep_name(const struct ivshmem_ep *ep, char *buf, unsigned int n)
{
	format_string(buf, n, "%04x:%02x:%02x.%x (id %u)", ep->dev->domain,
		      ep->bdf >> 8, (ep->bdf >> 3) & 0x1f, ep->bdf & 7, ep->id);
}

/*
 * MSI-X vector of ep sends data as an SPI: only one the GIC has and ep's
 * cell owns, never another's. A refused one is reported once per data
 * value the cell writes, naming ep's cell (not the ringer's).
 */
static void msix_send(struct vpci_cell *v, struct ivshmem_ep *ep,
		      unsigned int vector, uint32_t data)
{
	unsigned int cpu = owner_cpu(v);
	const char *why;
	char name[40];

	why = ivshmem_msix_spi_why(data, gic_lines,
				   cpu < HV_MAX_CPUS &&
					   cell_irq_owned(cpu, data));
	if (!why) {
		set_pending(data);
		return;
	}
	v->refused++;
	/* once per data written; within the cell's budget of reports */
	if (ep->msix_warned & 1U << vector || v->reported >= VPCI_REPORTS)
		return;
	ep->msix_warned |= 1U << vector;
	v->reported++;
	ep_name(ep, name, sizeof(name));
	printk("vPCI: cell \"%s\": ivshmem %s MSI-X vector %u not sent: its "
	       "data %u: %s; write the INTID of an SPI the cell's config "
	       "grants (32-%u) to the vector's data (%u refused)\n",
	       v->cfg ? v->cfg->cell->name : "?", name, vector, data, why,
	       gic_lines - 1, v->refused);
}

/* Vector of ep is signalled (a doorbell; vector 0: a peer's state). */
static void raise(struct ivshmem_ep *ep, unsigned int vector)
{
	struct vpci_cell *v = vcell_of_ep(ep);
	uint32_t intid = ivshmem_intx_intid(ep);
	unsigned int cpu;

	if (!v)
		return;
	if (ep->msix_vectors) {
		if (ivshmem_msix_signal(ep, vector, &intid) ==
		    IVSHMEM_MSIX_SEND)
			msix_send(v, ep, vector, intid);
		return;
	}
	if (!ivshmem_take_interrupt(ep))
		return;
	cpu = owner_cpu(v);
	/* the rules give it to the cell; a cell may have taken the root's */
	if (cpu >= HV_MAX_CPUS || !cell_irq_owned(cpu, intid))
		return;
	set_pending(intid);
}

/* What became unmasked of ep's MSI-X and is pending is sent now. */
static void msix_flush(struct ivshmem_ep *ep)
{
	struct vpci_cell *v = vcell_of_ep(ep);
	uint32_t data;
	int vector;

	if (!v || !ep->msix_vectors)
		return;
	while ((vector = ivshmem_msix_next_pending(ep, &data)) >= 0)
		msix_send(v, ep, (unsigned int)vector, data);
}

/* The state table entries of ep's id, first..first+n, become value. */
static void table_write(const struct ivshmem_ep *ep, unsigned int first,
			unsigned int n, uint32_t value)
{
	volatile uint32_t *p;
	unsigned int i;

	if (!n || (uint64_t)(first + n) * 4 > ep->state_size)
		return;
	p = el2_window_map_rw(ep->state_pa + first * 4, n * 4);
	if (!p)
		return;
	for (i = 0; i < n; i++)
		p[i] = value;
	/* to memory: a peer may map the table non-cacheable (/dev/mem) */
	for (i = 0; i < n; i++)
		asm volatile("dc civac, %0" : : "r"(&p[i]) : "memory");
	dsb(ish);
	el2_window_unmap((const void *)p, n * 4);
}

/* ep's state is value now: its table entry, its peers interrupted. */
static void state_publish(struct ivshmem_link *l, struct ivshmem_ep *ep,
			  uint32_t value)
{
	unsigned int i;

	table_write(ep, ep->id, 1, value);
	for (i = 0; i < IVSHMEM_MAX_PEERS; i++)
		if (l->eps[i] && l->eps[i] != ep)
			raise(l->eps[i], 0);
}

static void vcell_setup(struct vpci_cell *v, const struct warden_config *cfg)
{
	unsigned int d, k;
	int busy;

	memset(v, 0, sizeof(*v));
	v->cfg = cfg;
	for (d = 0;
	     d < cfg->cell->num_pci_devices && v->num_eps < VPCI_MAX_DEVICES;
	     d++) {
		struct ivshmem_ep *ep = &v->eps[v->num_eps];
		struct ivshmem_link *l;
		int fresh;

		/* the rule engine refused what this cannot set up */
		if (ivshmem_ep_init(ep, cfg, d))
			continue;
		l = ivshmem_link_join(links, VPCI_LINKS, ep, &busy);
		if (!l) {
			printk("ERROR: ivshmem %02x:%02x.%x of cell \"%s\" "
			       "not connected: %s\n",
			       ep->bdf >> 8, (ep->bdf >> 3) & 0x1f, ep->bdf & 7,
			       cfg->cell->name,
			       busy ? "its peer id is connected already" :
				      "no free link");
			continue;
		}
		/* a new link's table starts as all zeros (spec) */
		fresh = 1;
		for (k = 0; k < IVSHMEM_MAX_PEERS; k++)
			if (l->eps[k] && l->eps[k] != ep)
				fresh = 0;
		if (fresh)
			table_write(ep, 0, ep->peers, 0);
		else
			table_write(ep, ep->id, 1, 0);
		v->links[v->num_eps++] = l;
	}
}

int vpci_init(void)
{
	const struct jailhouse_system *s = sys_config;
	uint32_t typer;

	memset(vcells, 0, sizeof(vcells));
	memset(links, 0, sizeof(links));
	/* a physical host bridge (pci_is_virtual 0) is not emulated */
	ecam_base = s->platform_info.pci_is_virtual == 1 ?
			    s->platform_info.pci_mmconfig_base :
			    0;
	end_bus = s->platform_info.pci_mmconfig_end_bus;
	num_reserved = vpci_reserved(s, gicr_region_size(), reserved);
	if (!ecam_base)
		return 0;
	typer = *(volatile uint32_t *)(irqchip_gicd() + GICD_TYPER);
	gic_lines = 32 * ((typer & 0x1f) + 1); /* ITLinesNumber */
	vcell_setup(&vcells[0], &root_config);
	printk("vPCI: host bridge ECAM at 0x%llx+0x%llx, %u ivshmem device(s) "
	       "in the root cell\n",
	       (unsigned long long)ecam_base,
	       (unsigned long long)vpci_ecam_size(end_bus), vcells[0].num_eps);
	return 0;
}

int vpci_is_ecam(uint64_t ipa)
{
	return ecam_base && ipa >= ecam_base &&
	       ipa - ecam_base < vpci_ecam_size(end_bus);
}

int vpci_is_emulated(unsigned int cpu, uint64_t ipa)
{
	struct vpci_cell *v;
	unsigned int i;
	uint32_t off;
	int hit = 0;

	if (vpci_is_ecam(ipa))
		return 1;
	if (!ecam_base)
		return 0;
	spin_lock(&vpci_lock);
	v = &vcells[vcell_index(cpu)];
	for (i = 0; i < v->num_eps && !hit; i++)
		hit = ivshmem_bar0_hit(&v->eps[i], ipa, &off) ||
		      ivshmem_bar1_hit(&v->eps[i], ipa, &off);
	spin_unlock(&vpci_lock);
	return hit;
}

static struct ivshmem_ep *ep_at(struct vpci_cell *v, uint16_t bdf)
{
	unsigned int i;

	for (i = 0; i < v->num_eps; i++)
		if (v->eps[i].bdf == bdf)
			return &v->eps[i];
	return NULL;
}

/* Which BAR a refused config write would have placed, and where. */
static unsigned int bar_refused(const struct ivshmem_ep *ep, unsigned int reg,
				const struct vpci_bar_env *env, uint64_t *at,
				uint64_t value)
{
	struct vpci_range c;

	if (reg >= 0x10 && reg < 0x14) {
		*at = value & ~0xfULL;
		return 0;
	}
	if (reg >= 0x14 && reg < 0x18) {
		*at = value & ~0xfULL;
		return 1;
	}
	/* memory decoding turned on: BAR0 is checked first */
	if (vpci_bar_check(env, ep->bar0, ivshmem_bar0_size(ep), &c)) {
		*at = ep->bar0;
		return 0;
	}
	*at = ep->bar1;
	return 1;
}

static void cfg_access(struct mmio_access *a, unsigned int cpu,
		       enum vpci_decode d, const struct vpci_addr *pa)
{
	struct vpci_cell *v = &vcells[vcell_index(cpu)];
	struct ivshmem_ep *ep = v->cfg ? ep_at(v, pa->bdf) : NULL;
	struct vpci_bar_env env = { v->cfg, reserved, num_reserved };
	struct vpci_range conflict;
	unsigned int domain = ep ? ep->dev->domain : 0, bar;
	uint64_t at;

	if (d == VPCI_BAD_ACCESS || !ep) {
		/* no device: all ones, as a bus without it answers */
		if (!a->is_write) {
			a->value = a->size >= 8 ? ~0ULL :
						  (1ULL << a->size * 8) - 1;
			return;
		}
		report(v, cpu,
		       "config write of 0x%llx to %02x:%02x.%x offset 0x%03x "
		       "refused: %s",
		       (unsigned long long)a->value, pa->bdf >> 8,
		       (pa->bdf >> 3) & 0x1f, pa->bdf & 7, pa->reg,
		       ep ? "not an aligned 1, 2 or 4-byte access" :
			    "no device of the cell there");
		return;
	}
	if (!a->is_write) {
		a->value = vpci_cfg_read(ep, pa->reg, a->size);
		return;
	}
	switch (vpci_cfg_write(ep, pa->reg, a->size, (uint32_t)a->value, &env,
			       &conflict)) {
	case VPCI_W_OK:
		/* MSI-X enabled or unmasked: what is pending goes now */
		msix_flush(ep);
		break;
	case VPCI_W_REFUSED:
		report(v, cpu,
		       "config write of 0x%llx to %04x:%02x:%02x.%x offset "
		       "0x%03x refused: not a writable register of the "
		       "ivshmem device",
		       (unsigned long long)a->value, domain, pa->bdf >> 8,
		       (pa->bdf >> 3) & 0x1f, pa->bdf & 7, pa->reg);
		break;
	case VPCI_W_BAR_CONFLICT:
		bar = bar_refused(ep, pa->reg, &env, &at, a->value);
		report(v, cpu,
		       "BAR%u of ivshmem %04x:%02x:%02x.%x refused at 0x%llx: "
		       "it would cover %s 0x%llx+0x%llx; place it where the "
		       "cell has no memory",
		       bar, domain, pa->bdf >> 8, (pa->bdf >> 3) & 0x1f,
		       pa->bdf & 7, (unsigned long long)at, conflict.what,
		       (unsigned long long)conflict.start,
		       (unsigned long long)conflict.size);
		break;
	}
}

static void reg_access(struct mmio_access *a, unsigned int cpu,
		       struct vpci_cell *v, unsigned int i, uint32_t off)
{
	struct ivshmem_ep *ep = &v->eps[i], *peer;
	struct ivshmem_result r;
	uint32_t val;

	if (a->is_write) {
		r = ivshmem_reg_write(ep, off, a->size, (uint32_t)a->value);
	} else {
		r = ivshmem_reg_read(ep, off, a->size, &val);
		a->value = val;
	}
	switch (r.action) {
	case IVSHMEM_DONE:
		break;
	case IVSHMEM_DOORBELL:
		peer = v->links[i]->eps[r.target];
		if (peer && r.vector < ivshmem_vectors(peer))
			raise(peer, r.vector);
		else if (peer)
			report(v, cpu,
			       "ivshmem %02x:%02x.%x (id %u): doorbell to vector "
			       "%u of peer %u ignored: that device has %u "
			       "vector(s)%s",
			       ep->bdf >> 8, (ep->bdf >> 3) & 0x1f, ep->bdf & 7,
			       ep->id, r.vector, r.target,
			       ivshmem_vectors(peer),
			       peer->msix_vectors ? "" : " (INTx: vector 0)");
		else
			report(v, cpu,
			       "ivshmem %02x:%02x.%x (id %u): doorbell to peer "
			       "%u ignored: no peer with that id is connected",
			       ep->bdf >> 8, (ep->bdf >> 3) & 0x1f, ep->bdf & 7,
			       ep->id, r.target);
		break;
	case IVSHMEM_STATE:
		state_publish(v->links[i], ep, r.state);
		break;
	case IVSHMEM_REFUSED:
		report(v, cpu,
		       "ivshmem %02x:%02x.%x (id %u): %s of 0x%llx at "
		       "register offset 0x%x (%u bytes) refused: %s "
		       "(max peers %u)",
		       ep->bdf >> 8, (ep->bdf >> 3) & 0x1f, ep->bdf & 7, ep->id,
		       a->is_write ? "write" : "read",
		       (unsigned long long)a->value, off, a->size, r.why,
		       ep->peers);
		break;
	}
}

/* An access of BAR1: the MSI-X table and PBA of v's device i. */
static void msix_access(struct mmio_access *a, unsigned int cpu,
			struct vpci_cell *v, unsigned int i, uint32_t off)
{
	struct ivshmem_ep *ep = &v->eps[i];
	struct ivshmem_result r;
	uint32_t val;
	char name[40];

	if (a->is_write) {
		r = ivshmem_msix_write(ep, off, a->size, (uint32_t)a->value);
	} else {
		r = ivshmem_msix_read(ep, off, a->size, &val);
		a->value = val;
	}
	if (r.action != IVSHMEM_REFUSED) {
		if (a->is_write)
			msix_flush(ep);
		return;
	}
	ep_name(ep, name, sizeof(name));
	report(v, cpu,
	       "ivshmem %s: %s of 0x%llx at MSI-X BAR1 offset 0x%x (%u "
	       "bytes) refused: %s (%u vectors)",
	       name, a->is_write ? "write" : "read",
	       (unsigned long long)a->value, off, a->size, r.why,
	       ep->msix_vectors);
}

int vpci_mmio(struct mmio_access *a, unsigned int cpu)
{
	struct vpci_addr pa;
	enum vpci_decode d;
	struct vpci_cell *v;
	unsigned int i;
	uint32_t off;

	if (!ecam_base)
		return 0;
	d = vpci_ecam_decode(ecam_base, end_bus, a->addr, a->size, &pa);
	spin_lock(&vpci_lock);
	if (d != VPCI_OUTSIDE) {
		cfg_access(a, cpu, d, &pa);
		spin_unlock(&vpci_lock);
		return 1;
	}
	v = &vcells[vcell_index(cpu)];
	for (i = 0; i < v->num_eps; i++) {
		if (ivshmem_bar0_hit(&v->eps[i], a->addr, &off)) {
			reg_access(a, cpu, v, i, off);
			spin_unlock(&vpci_lock);
			return 1;
		}
		if (ivshmem_bar1_hit(&v->eps[i], a->addr, &off)) {
			msix_access(a, cpu, v, i, off);
			spin_unlock(&vpci_lock);
			return 1;
		}
	}
	spin_unlock(&vpci_lock);
	return 0;
}

void vpci_cell_add(struct cell *c)
{
	if (!ecam_base)
		return;
	spin_lock(&vpci_lock);
	vcell_setup(&vcells[c->id], &c->cfg);
	vcells[c->id].cpus = c->lc.cpus;
	spin_unlock(&vpci_lock);
}

/* Every device of v forgets its state; peers hear of a change. */
static void vcell_clear(struct vpci_cell *v, int reset, int leave)
{
	unsigned int i;

	for (i = 0; i < v->num_eps; i++) {
		struct ivshmem_ep *ep = &v->eps[i];
		uint32_t old = ep->state;

		if (reset)
			ivshmem_ep_reset(ep);
		ep->state = 0;
		/* a peer that goes away is announced even if its state was 0 */
		if (old || leave)
			state_publish(v->links[i], ep, 0);
		else
			table_write(ep, ep->id, 1, 0);
		if (leave)
			ivshmem_link_leave(v->links[i], ep);
	}
}

void vpci_cell_reset(struct cell *c)
{
	struct vpci_cell *v = &vcells[c->id];

	spin_lock(&vpci_lock);
	if (v->cfg) {
		vcell_clear(v, 1, 0);
		v->reported = 0;
	}
	spin_unlock(&vpci_lock);
}

void vpci_cell_remove(struct cell *c)
{
	struct vpci_cell *v = &vcells[c->id];

	spin_lock(&vpci_lock);
	if (v->cfg) {
		vcell_clear(v, 1, 1);
		memset(v, 0, sizeof(*v));
	}
	spin_unlock(&vpci_lock);
}

void vpci_cpu_failed(unsigned int cpu)
{
	struct cell *c = cell_of(cpu);
	struct vpci_cell *v;

	if (!c)
		return;
	v = &vcells[c->id];
	spin_lock(&vpci_lock);
	if (v->cfg)
		vcell_clear(v, 0, 0);
	spin_unlock(&vpci_lock);
}
