// SPDX-License-Identifier: GPL-2.0
/*
 * The model of a generated root-cell config: what the device tree and
 * /proc/iomem say, turned into memory regions, the GIC, the console, the
 * SPIs the root uses, and where the hypervisor and the cells' memory go.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#include "config_create.h"
#include "numparse.h"

#define PAGE 0x1000ULL
#define RES_ALIGN 0x200000ULL /* reservations in 2 MiB blocks */
#define HV_DEFAULT_SIZE 0x400000ULL
/* more cells than any binding uses: a corrupt tree, ignored */
#define MAX_CELLS 8
#define RAM_FLAGS                                                           \
	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_EXECUTE | \
	 JAILHOUSE_MEM_DMA)
#define IO_FLAGS (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_IO)

struct ranges {
	struct cc_range r[CC_MAX_RANGES];
	unsigned int n;
};

/* Device ranges: one per "reg" entry, hundreds on an SoC. */
struct io_ranges {
	struct cc_range r[CC_MAX_IO];
	unsigned int n;
	char dropped[512]; /* the first that did not fit */
};

struct ctx {
	struct cc_config *c;
	const struct dt_tree *t;
	const struct dt_node *gic;
	struct ranges ram, excl, kept, linux_ram;
	struct io_ranges io;
	/* reservations made by an earlier overlay of ours, by name */
	struct cc_range own_hv, own_cells;
	int regions_full;
	/* SPIs the device tree gives devices, by INTID - 32 */
	uint8_t used[CC_MAX_SPI];
	int max_spi; /* -1: none */
	char max_spi_path[256];
	/* "pci-devices" of "warden config collect", NULL if none */
	const char *pci_devices;
	char *err;
	size_t errlen;
};

static int fail(struct ctx *x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(x->err, x->errlen, fmt, ap);
	va_end(ap);
	return -1;
}

#define note config_create_note

void config_create_note(struct cc_config *c, const char *fmt, ...)
{
	va_list ap;

	if (c->nnotes == CC_MAX_NOTES)
		return;
	va_start(ap, fmt);
	vsnprintf(c->notes[c->nnotes++], sizeof(c->notes[0]), fmt, ap);
	va_end(ap);
}

static int add(struct ranges *rs, uint64_t start, uint64_t size,
	       const char *origin)
{
	if (rs->n == CC_MAX_RANGES)
		return -1;
	rs->r[rs->n].start = start;
	rs->r[rs->n].size = size;
	snprintf(rs->r[rs->n].origin, sizeof(rs->r[0].origin), "%s", origin);
	rs->n++;
	return 0;
}

static int cmp_range(const void *a, const void *b)
{
	const struct cc_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static void sort(struct ranges *rs)
{
	qsort(rs->r, rs->n, sizeof(rs->r[0]), cmp_range);
}

/*
 * Removes [s, s+size) from each of the *n ranges in rr (room for cap),
 * splitting where needed.
 */
static void subtract_in(struct cc_range *rr, unsigned int *n, unsigned int cap,
			uint64_t s, uint64_t size)
{
	uint64_t e = s + size;
	unsigned int i;

	for (i = 0; i < *n; i++) {
		struct cc_range *r = &rr[i];
		uint64_t rs_ = r->start, re = r->start + r->size;

		if (e <= rs_ || s >= re || !size)
			continue;
		if (s > rs_ && e < re && *n < cap) {
			rr[*n] = *r;
			rr[*n].start = e;
			rr[*n].size = re - e;
			(*n)++;
			r->size = s - rs_;
		} else if (s > rs_) {
			r->size = s - rs_;
		} else if (e < re) {
			r->start = e;
			r->size = re - e;
		} else {
			rr[i] = rr[--*n];
			i--;
		}
	}
}

static void subtract(struct ranges *rs, uint64_t s, uint64_t size)
{
	subtract_in(rs->r, &rs->n, CC_MAX_RANGES, s, size);
}

static void subtract_all(struct ranges *rs, const struct ranges *minus)
{
	unsigned int i;

	for (i = 0; i < minus->n; i++)
		subtract(rs, minus->r[i].start, minus->r[i].size);
}

static int overlaps(uint64_t a, uint64_t as, uint64_t b, uint64_t bs)
{
	return a < b + bs && b < a + as;
}

static const char *const gic_v3_compat[] = { "arm,gic-v3", NULL };
static const char *const gic_v2_compat[] = {
	"arm,gic-400",	     "arm,cortex-a15-gic", "arm,cortex-a9-gic",
	"arm,cortex-a7-gic", "arm,gic-v2",	   NULL
};

static const struct dt_node *find_gic(const struct dt_node *n)
{
	for (; n; n = n->sibling) {
		const struct dt_node *g;

		if (dt_prop(n, "interrupt-controller") &&
		    (dt_compatible(n, gic_v3_compat) ||
		     dt_compatible(n, gic_v2_compat)))
			return n;
		g = find_gic(n->child);
		if (g)
			return g;
	}
	return NULL;
}

const struct dt_node *config_create_find_gic(const struct dt_tree *t)
{
	return find_gic(t->root);
}

static int read_gic(struct ctx *x)
{
	struct cc_config *c = x->c;
	const struct dt_prop *irq;
	uint64_t a[4] = { 0 };
	char path[256], why[256];
	unsigned int i, need;

	x->gic = find_gic(x->t->root);
	if (!x->gic)
		return fail(x, "no GIC in the device tree: no interrupt "
			       "controller is compatible with \"arm,gic-v3\" "
			       "or \"arm,gic-400\" (a GICv2); Warden needs "
			       "one. Is this the DTB of an Arm system?");
	dt_path(x->gic, path, sizeof(path));
	c->gic.version = dt_compatible(x->gic, gic_v3_compat) ? 3 : 2;
	need = c->gic.version == 3 ? 2 : 4;
	for (i = 0; i < need; i++) {
		int r = dt_reg(x->gic, i, &a[i], &c->gic.frame_size[i], why,
			       sizeof(why));

		if (r > 0)
			return fail(x,
				    "GIC %s: \"reg\" has %u entries, a "
				    "GICv%u needs %u (%s)",
				    path, i, c->gic.version, need,
				    c->gic.version == 3 ?
					    "distributor, redistributors" :
					    "GICD, GICC, GICH, GICV");
		if (r < 0)
			return fail(x, "GIC %s: %s", path, why);
	}
	c->gic.gicd = a[0];
	if (c->gic.version == 3) {
		c->gic.gicr = a[1];
	} else {
		c->gic.gicc = a[1];
		c->gic.gich = a[2];
		c->gic.gicv = a[3];
	}
	/* The maintenance interrupt is the GIC's own PPI. */
	irq = dt_prop(x->gic, "interrupts");
	if (irq && irq->len >= 12 && dt_cell(irq, 0) == 1) {
		c->gic.maintenance_irq = 16 + dt_cell(irq, 1);
	} else {
		c->gic.maintenance_irq = 25;
		note(c, "the GIC node names no maintenance interrupt: "
			"PPI 9 (INTID 25), the usual one, is assumed");
	}
	snprintf(c->gic.origin, sizeof(c->gic.origin), "%s (%s)", path,
		 c->gic.version == 3 ? "arm,gic-v3" : "GICv2");
	return 0;
}

static int read_cpus(struct ctx *x)
{
	const struct dt_node *cpus = dt_find_path(x->t, "/cpus"), *n;
	struct cc_config *c = x->c;

	if (!cpus)
		return fail(x, "the device tree has no /cpus node");
	for (n = cpus->child; n; n = n->sibling) {
		const struct dt_prop *reg = dt_prop(n, "reg");

		if (!dt_has_string(n, "device_type", "cpu") || !reg ||
		    !dt_enabled(n))
			continue;
		if (c->ncpus == CC_MAX_CPUS)
			return fail(x, "more than %d CPUs", CC_MAX_CPUS);
		c->mpidr[c->ncpus++] =
			dt_cells(reg, 0, dt_u32(cpus, "#address-cells", 1));
	}
	if (!c->ncpus)
		return fail(x, "/cpus has no enabled cpu node");
	return 0;
}

static int read_memory(struct ctx *x)
{
	const struct dt_node *n, *rm;
	char path[256], why[256], origin[400];
	unsigned int i, j;

	for (n = x->t->root->child; n; n = n->sibling) {
		uint64_t a, s;
		int r;

		if (!dt_has_string(n, "device_type", "memory") ||
		    !dt_enabled(n))
			continue;
		dt_path(n, path, sizeof(path));
		for (i = 0; (r = dt_reg(n, i, &a, &s, why, sizeof(why))) != 1;
		     i++) {
			if (r < 0)
				return fail(x, "memory node %s: %s", path, why);
			if (!s)
				continue;
			if (a + s < a)
				return fail(x,
					    "memory node %s: reg entry %u "
					    "(0x%llx+0x%llx) wraps around",
					    path, i, (unsigned long long)a,
					    (unsigned long long)s);
			snprintf(origin, sizeof(origin), "%s reg[%u]", path, i);
			if (add(&x->ram, a, s, origin))
				return fail(x, "too many memory ranges");
		}
	}
	if (!x->ram.n)
		return fail(x,
			    "the device tree has no memory node (device_type "
			    "= \"memory\" with a \"reg\"); the boot loader "
			    "fills it in: use the booted DT, "
			    "/sys/firmware/fdt, not the one from /boot");
	for (i = 0; i < x->ram.n; i++)
		for (j = i + 1; j < x->ram.n; j++) {
			struct cc_range *p = &x->ram.r[i], *q = &x->ram.r[j];

			if (overlaps(p->start, p->size, q->start, q->size))
				return fail(x,
					    "memory %s (0x%llx+0x%llx) "
					    "overlaps %s (0x%llx+0x%llx): "
					    "fix the device tree",
					    p->origin,
					    (unsigned long long)p->start,
					    (unsigned long long)p->size,
					    q->origin,
					    (unsigned long long)q->start,
					    (unsigned long long)q->size);
		}
	sort(&x->ram);

	rm = dt_find_path(x->t, "/reserved-memory");
	for (n = rm ? rm->child : NULL; n; n = n->sibling) {
		static const char *const tee[] = { "linaro,optee-core", NULL };
		uint64_t a, s;
		int is_tee;

		if (!dt_enabled(n))
			continue;
		dt_path(n, path, sizeof(path));
		for (i = 0; dt_reg(n, i, &a, &s, why, sizeof(why)) == 0; i++) {
			is_tee = dt_compatible(n, tee) ||
				 !strncmp(n->name, "optee", 5) ||
				 !strncmp(n->name, "tee", 3) ||
				 !strncmp(n->name, "secmon", 6) ||
				 !strncmp(n->name, "atf", 3) ||
				 !strncmp(n->name, "bl31", 4) ||
				 !strncmp(n->name, "tfa", 3);
			if (!strncmp(n->name, "warden-hypervisor@", 18) ||
			    !strncmp(n->name, "warden-cells@", 13)) {
				struct cc_range *own = n->name[7] == 'h' ?
							       &x->own_hv :
							       &x->own_cells;

				own->start = a;
				own->size = s;
				snprintf(own->origin, sizeof(own->origin), "%s",
					 path);
				continue;
			}
			snprintf(origin, sizeof(origin), "%s%s", path,
				 is_tee ? " (firmware/TEE, left out)" :
				 dt_prop(n, "no-map") ? " (no-map)" :
							"");
			add(is_tee || dt_prop(n, "no-map") ? &x->excl :
							     &x->kept,
			    a, s, origin);
		}
	}
	return 0;
}

static int read_iomem(struct ctx *x, const struct iomem *io)
{
	unsigned int i, j;
	char origin[400];

	for (i = 0; i < io->n; i++) {
		const struct iomem_line *l = &io->lines[i];
		uint64_t size = l->end - l->start + 1;

		if (l->depth || strcmp(l->name, "System RAM"))
			continue;
		for (j = 0; j < x->ram.n; j++)
			if (l->start >= x->ram.r[j].start &&
			    l->end - x->ram.r[j].start < x->ram.r[j].size)
				break;
		if (j == x->ram.n)
			return fail(x,
				    "iomem line %u (%llx-%llx : System RAM) "
				    "lies outside the device tree's memory "
				    "nodes (first: %s, 0x%llx+0x%llx): the "
				    "iomem file and the DT are not from the "
				    "same boot",
				    l->lineno, (unsigned long long)l->start,
				    (unsigned long long)l->end,
				    x->ram.r[0].origin,
				    (unsigned long long)x->ram.r[0].start,
				    (unsigned long long)x->ram.r[0].size);
		snprintf(origin, sizeof(origin),
			 "iomem line %u: %llx-%llx : System RAM", l->lineno,
			 (unsigned long long)l->start,
			 (unsigned long long)l->end);
		add(&x->linux_ram, l->start, size, origin);
	}
	if (!x->linux_ram.n)
		return fail(x, "iomem has no top-level \"System RAM\" line");
	sort(&x->linux_ram);
	return 0;
}

/*
 * The highest RES_ALIGN-aligned block of size bytes in avail that ends
 * at or below limit. Returns 0 and its start, or -1.
 */
static int place(const struct ranges *avail, uint64_t size, uint64_t limit,
		 uint64_t *start)
{
	int i;

	for (i = (int)avail->n - 1; i >= 0; i--) {
		const struct cc_range *r = &avail->r[i];
		uint64_t top = r->start + r->size, s;

		if (top > limit)
			top = limit;
		if (top < r->start || top - r->start < size)
			continue;
		s = (top - size) & ~(RES_ALIGN - 1);
		if (s >= r->start) {
			*start = s;
			return 0;
		}
	}
	return -1;
}

static int place_both(const struct ranges *avail, struct cc_config *c)
{
	if (place(avail, c->hv_size, UINT64_MAX, &c->hv_start))
		return -1;
	if (c->inmates_size &&
	    place(avail, c->inmates_size, c->hv_start, &c->inmates_start))
		return -1;
	return 0;
}

static int any_overlap(const struct ranges *rs, uint64_t s, uint64_t size)
{
	unsigned int i;

	for (i = 0; i < rs->n; i++)
		if (size && overlaps(rs->r[i].start, rs->r[i].size, s, size))
			return 1;
	return 0;
}

static int place_memory(struct ctx *x, const struct cc_options *o)
{
	struct cc_config *c = x->c;
	struct ranges avail = x->ram, free_ram;
	const struct dt_node *rm;
	char a[32], b[32];
	uint64_t lo, below = 0, above = 0;
	unsigned int i;

	c->hv_size = o->mem_hv ? o->mem_hv : HV_DEFAULT_SIZE;
	c->inmates_size = o->mem_inmates;
	c->hv_size = (c->hv_size + RES_ALIGN - 1) & ~(RES_ALIGN - 1);
	c->inmates_size = (c->inmates_size + RES_ALIGN - 1) & ~(RES_ALIGN - 1);
	if (!o->mem_hv)
		note(c, "hypervisor memory: %s, the default (--mem-hv)",
		     format_size(c->hv_size, a, sizeof(a)));
	if (!c->inmates_size)
		note(c, "no memory for non-root cells: give --mem-inmates "
			"SIZE to reserve some");

	subtract_all(&avail, &x->excl);
	subtract_all(&avail, &x->kept);
	sort(&avail);
	/*
	 * Booted with our overlay: its reservations are where the hypervisor
	 * and the cells go, if they are large enough.
	 */
	if (x->own_hv.size >= c->hv_size &&
	    (!c->inmates_size || x->own_cells.size >= c->inmates_size)) {
		c->hv_start = x->own_hv.start;
		c->hv_size = x->own_hv.size;
		c->inmates_start = x->own_cells.start;
		c->inmates_size = c->inmates_size ? x->own_cells.size : 0;
		note(c, "memory as reserved by %s%s%s", x->own_hv.origin,
		     c->inmates_size ? " and " : "",
		     c->inmates_size ? x->own_cells.origin : "");
		goto placed;
	}
	/* Free RAM first: memory the booted Linux does not use. */
	free_ram = avail;
	subtract_all(&free_ram, &x->linux_ram);
	sort(&free_ram);
	if (place_both(&free_ram, c) && place_both(&avail, c))
		return fail(x,
			    "no room for %s of hypervisor and %s for cells "
			    "in RAM outside reserved-memory: choose smaller "
			    "--mem-hv / --mem-inmates",
			    format_size(c->hv_size, a, sizeof(a)),
			    format_size(c->inmates_size, b, sizeof(b)));
placed:
	c->needs_reservation =
		any_overlap(&x->linux_ram, c->hv_start, c->hv_size) ||
		any_overlap(&x->linux_ram, c->inmates_start, c->inmates_size);

	/* the overlay merges into an existing node: keep its cells */
	rm = dt_find_path(x->t, "/reserved-memory");
	c->root_addr_cells = dt_u32(rm ? rm : x->t->root, "#address-cells",
				    dt_u32(x->t->root, "#address-cells", 2));
	c->root_size_cells = dt_u32(rm ? rm : x->t->root, "#size-cells",
				    dt_u32(x->t->root, "#size-cells", 1));
	c->reserve[0].start = c->hv_start;
	c->reserve[0].size = c->hv_size;
	snprintf(c->reserve[0].origin, sizeof(c->reserve[0].origin),
		 "warden-hypervisor");
	c->nreserve = 1;
	if (c->inmates_size) {
		c->reserve[1].start = c->inmates_start;
		c->reserve[1].size = c->inmates_size;
		snprintf(c->reserve[1].origin, sizeof(c->reserve[1].origin),
			 "warden-cells");
		c->nreserve = 2;
	}

	/* mem=: when the reservations are all the RAM from lo up. */
	lo = c->inmates_size &&
			     c->inmates_start + c->inmates_size == c->hv_start ?
		     c->inmates_start :
		     c->hv_start;
	for (i = 0; i < x->ram.n; i++) {
		const struct cc_range *r = &x->ram.r[i];
		uint64_t e = r->start + r->size;

		if (e <= lo)
			below += r->size;
		else if (r->start >= lo)
			above += r->size;
		else {
			below += lo - r->start;
			above += e - lo;
		}
	}
	if (above == c->hv_start + c->hv_size - lo &&
	    (lo == c->hv_start || !c->inmates_size || c->inmates_start == lo))
		c->mem_limit = below;
	return 0;
}

static void add_region(struct ctx *x, uint64_t start, uint64_t size,
		       uint64_t flags, const char *comment)
{
	struct cc_config *c = x->c;
	struct cc_region *r;

	if (c->nregions == CC_MAX_REGIONS) {
		x->regions_full = 1;
		return;
	}
	r = &c->regions[c->nregions++];
	r->start = start;
	r->size = size;
	r->flags = flags;
	snprintf(r->comment, sizeof(r->comment), "%s", comment);
}

static void ram_regions(struct ctx *x)
{
	struct cc_config *c = x->c;
	struct ranges root = x->linux_ram;
	char com[480];
	unsigned int i;

	subtract_all(&root, &x->excl);
	subtract(&root, c->hv_start, c->hv_size);
	subtract(&root, c->inmates_start, c->inmates_size);
	sort(&root);
	for (i = 0; i < root.n; i++) {
		snprintf(com, sizeof(com), "RAM: Linux (%s)", root.r[i].origin);
		add_region(x, root.r[i].start, root.r[i].size, RAM_FLAGS, com);
	}
	if (c->inmates_size)
		add_region(x, c->inmates_start, c->inmates_size, RAM_FLAGS,
			   "RAM: for non-root cells, loaded by the root "
			   "(--mem-inmates; reserved from Linux)");
}

/* One interrupt specifier of the GIC: SPIs are marked used. */
static void mark_spi(struct ctx *x, const struct dt_prop *p, unsigned int i,
		     const char *path)
{
	unsigned int spi;
	char *o;

	if (dt_cell(p, i) != 0) /* 1: PPI, not the root's to hand out */
		return;
	spi = dt_cell(p, i + 1);
	if (spi >= CC_MAX_SPI)
		return;
	if (x->used[spi])
		return;
	x->used[spi] = 1;
	if ((int)spi > x->max_spi) {
		x->max_spi = spi;
		snprintf(x->max_spi_path, sizeof(x->max_spi_path), "%s", path);
	}
	o = x->c->spi_origin[spi / 128];
	if (!strstr(o, path) && !strstr(o, "..."))
		snprintf(o + strlen(o), sizeof(x->c->spi_origin[0]) - strlen(o),
			 "%s%s", *o ? ", " : "",
			 strlen(o) > 160 ? "..." : path);
}

static void node_irqs(struct ctx *x, const struct dt_node *n, const char *path)
{
	const struct dt_prop *p;
	unsigned int gcells = dt_u32(x->gic, "#interrupt-cells", 3), i;

	if (gcells < 2 || gcells > MAX_CELLS)
		return;
	p = dt_prop(n, "interrupts");
	if (p && dt_irq_parent(x->t, n) == x->gic)
		for (i = 0; (i + gcells) * 4 <= p->len; i += gcells)
			mark_spi(x, p, i, path);
	p = dt_prop(n, "interrupts-extended");
	for (i = 0; p && (i + 1) * 4 <= p->len;) {
		const struct dt_node *ctl =
			dt_find_phandle(x->t, dt_cell(p, i));
		unsigned int cells;

		if (!ctl)
			break;
		cells = dt_u32(ctl, "#interrupt-cells", 1);
		if (cells > MAX_CELLS)
			break;
		if (ctl == x->gic && (i + 1 + cells) * 4 <= p->len)
			mark_spi(x, p, i + 1, path);
		i += 1 + cells;
	}
	/* interrupt-map: PCI INTx and the like, routed to the GIC. */
	p = dt_prop(n, "interrupt-map");
	if (p) {
		unsigned int ca = dt_u32(n, "#address-cells", 2);
		unsigned int ci = dt_u32(n, "#interrupt-cells", 1);

		if (ca > MAX_CELLS || ci > MAX_CELLS)
			return;
		for (i = 0; (i + ca + ci + 1) * 4 <= p->len;) {
			const struct dt_node *par =
				dt_find_phandle(x->t, dt_cell(p, i + ca + ci));
			unsigned int pa, pi;

			if (!par)
				break;
			pa = dt_u32(par, "#address-cells", 0);
			pi = dt_u32(par, "#interrupt-cells", 1);
			if (pa > MAX_CELLS || pi > MAX_CELLS)
				break;
			if (par == x->gic &&
			    (i + ca + ci + 1 + pa + pi) * 4 <= p->len)
				mark_spi(x, p, i + ca + ci + 1 + pa, path);
			i += ca + ci + 1 + pa + pi;
		}
	}
}

static int is_skipped_subtree(const struct dt_node *n)
{
	static const char *const skip[] = { "cpus",    "chosen",
					    "aliases", "reserved-memory",
					    "memory",  NULL };
	unsigned int i;

	if (!n->parent || n->parent->parent)
		return 0;
	for (i = 0; skip[i]; i++)
		if (!strcmp(n->name, skip[i]) ||
		    (!strncmp(n->name, skip[i], strlen(skip[i])) &&
		     n->name[strlen(skip[i])] == '@'))
			return 1;
	return dt_has_string(n, "device_type", "memory");
}

static void add_io(struct ctx *x, uint64_t a, uint64_t s, const char *origin)
{
	uint64_t start = a & ~(PAGE - 1);
	uint64_t end = (a + s + PAGE - 1) & ~(PAGE - 1);
	struct cc_range *r;

	if (!s || end <= start)
		return;
	if (x->io.n == CC_MAX_IO) {
		if (!x->io.dropped[0])
			snprintf(x->io.dropped, sizeof(x->io.dropped), "%s",
				 origin);
		return;
	}
	r = &x->io.r[x->io.n++];
	r->start = start;
	r->size = end - start;
	snprintf(r->origin, sizeof(r->origin), "%s", origin);
}

static void pci_windows(struct ctx *x, const struct dt_node *n,
			const char *path)
{
	const struct dt_prop *r = dt_prop(n, "ranges");
	unsigned int pa = dt_addr_cells(n), entry = 3 + pa + 2, i;
	static const char *const space[] = { "config", "I/O", "memory",
					     "64-bit memory" };
	char origin[400], why[200];

	for (i = 0; r && (i + 1) * entry * 4 <= r->len; i++) {
		unsigned int o = i * entry;
		uint64_t cpu, size = dt_cells(r, o + 3 + pa, 2);

		if (dt_translate(n->parent,
				 dt_cells(r, o + 3 + (pa == 3), pa - (pa == 3)),
				 &cpu, why, sizeof(why)))
			continue;
		snprintf(origin, sizeof(origin), "%s: PCI %s window", path,
			 space[(dt_cell(r, o) >> 24) & 3]);
		add_io(x, cpu, size, origin);
	}
}

/*
 * SCMI over SMC (RK3588's clocks, say) calls the firmware with a SiP or
 * OEM function id, which the hypervisor refuses unless the config says
 * to forward them.
 */
static void scmi_smc(struct ctx *x, const struct dt_node *n, const char *path)
{
	static const char *const scmi[] = { "arm,scmi-smc", NULL };
	uint32_t id = dt_u32(n, "arm,smc-id", 0), owner = id >> 24 & 0x3f;

	if (x->c->forward_smc || !dt_compatible(n, scmi) ||
	    (owner != 2 && owner != 3))
		return;
	x->c->forward_smc = 1;
	snprintf(x->c->smc_origin, sizeof(x->c->smc_origin),
		 "%s: SCMI through SMC function id 0x%x (%s service)", path, id,
		 owner == 2 ? "SiP" : "OEM");
}

static void walk_devices(struct ctx *x, const struct dt_node *n)
{
	char path[256], why[256], origin[400];

	for (; n; n = n->sibling) {
		uint64_t a, s;
		unsigned int i;
		int is_pci;

		if (is_skipped_subtree(n) || !dt_enabled(n))
			continue;
		dt_path(n, path, sizeof(path));
		node_irqs(x, n, path);
		scmi_smc(x, n, path);
		is_pci = dt_has_string(n, "device_type", "pci");
		if (n != x->gic)
			for (i = 0; dt_reg(n, i, &a, &s, why, sizeof(why)) == 0;
			     i++) {
				snprintf(origin, sizeof(origin), "%s", path);
				add_io(x, a, s, origin);
			}
		if (is_pci) {
			pci_windows(x, n, path);
			continue; /* its children are behind it */
		}
		if (n == x->gic) {
			/*
			 * The GIC's children (an ITS, a v2m frame) are GIC
			 * frames the hypervisor keeps from every cell.
			 */
			if (n->child)
				note(x->c,
				     "%s: the GIC's MSI frames (ITS or v2m) are "
				     "not mapped to the root: Warden does not "
				     "support LPIs/MSIs yet",
				     path);
			continue;
		}
		walk_devices(x, n->child);
	}
}

/* "first", "first, second" or "first ... last (N nodes)" */
static void merged_comment(char *out, size_t len, const char *first,
			   const char *last, unsigned int n)
{
	if (n == 1)
		snprintf(out, len, "%s", first);
	else if (n == 2)
		snprintf(out, len, "%.200s, %.200s", first, last);
	else
		snprintf(out, len, "%.200s ... %.200s (%u ranges)", first, last,
			 n);
}

/* Sorted, merged where they overlap or touch. */
static void io_regions(struct ctx *x)
{
	struct cc_config *c = x->c;
	uint64_t *fs = c->gic.frame_size;
	uint64_t frames[5][2] = { { c->gic.gicd, fs[0] },
				  { c->gic.gicc, c->gic.gicc ? fs[1] : 0 },
				  { c->gic.gich, fs[2] },
				  { c->gic.gicv, fs[3] },
				  { c->gic.gicr, c->gic.gicr ? fs[1] : 0 } };
	static char first[512];
	const char *last = NULL;
	unsigned int i, k, n = 0;

	/* the GIC and the IOMMUs are the hypervisor's: never the root's */
	for (k = 0; k < 5; k++)
		if (frames[k][0])
			subtract_in(x->io.r, &x->io.n, CC_MAX_IO, frames[k][0],
				    frames[k][1]);
	for (k = 0; k < c->niommus; k++)
		subtract_in(x->io.r, &x->io.n, CC_MAX_IO, c->iommu[k].base,
			    c->iommu[k].size);
	qsort(x->io.r, x->io.n, sizeof(x->io.r[0]), cmp_range);
	for (i = 0; i < x->io.n; i++) {
		struct cc_range *r = &x->io.r[i];
		struct cc_region *prev = n ? &c->regions[c->nregions - 1] :
					     NULL;

		if (prev && r->start <= prev->start + prev->size) {
			uint64_t end = r->start + r->size;

			if (end > prev->start + prev->size)
				prev->size = end - prev->start;
			last = r->origin;
			merged_comment(prev->comment, sizeof(prev->comment),
				       first, last, ++n);
			continue;
		}
		add_region(x, r->start, r->size, IO_FLAGS, r->origin);
		snprintf(first, sizeof(first), "%s", r->origin);
		n = 1;
	}
}

static int read_console(struct ctx *x, const struct cc_options *o)
{
	static const char *const pl011[] = { "arm,pl011", "arm,sbsa-uart",
					     NULL };
	static const char *const miniuart[] = { "brcm,bcm2835-aux-uart", NULL };
	static const char *const ti_uart[] = { "ti,am654-uart", "ti,omap4-uart",
					       NULL };
	static const char *const u8250[] = { "ns16550a",
					     "ns16550",
					     "ns8250",
					     "snps,dw-apb-uart",
					     "ti,am654-uart",
					     "ti,omap4-uart",
					     "rockchip,rk3588-uart",
					     NULL };
	struct cc_config *c = x->c;
	const struct dt_prop *sp;
	const struct dt_node *n;
	const char *spec = o->console;
	char path[256], why[256];
	uint64_t a, s;

	if (!spec) {
		const struct dt_node *ch = dt_find_path(x->t, "/chosen");

		sp = dt_prop(ch, "stdout-path");
		if (!sp)
			sp = dt_prop(ch, "linux,stdout-path");
		if (!sp || !sp->len || sp->val[sp->len - 1]) {
			note(c, "no /chosen/stdout-path: no debug console "
				"(name one with --console)");
			return 0;
		}
		spec = (const char *)sp->val;
	}
	n = dt_resolve(x->t, spec);
	if (!n)
		return fail(x,
			    "console \"%s\"%s names no node of the device "
			    "tree (give a path or an alias of /aliases)",
			    spec, o->console ? "" : " (/chosen/stdout-path)");
	dt_path(n, path, sizeof(path));
	if (dt_reg(n, 0, &a, &s, why, sizeof(why)))
		return fail(x, "console %s: no usable \"reg\" (%s)", path,
			    why[0] ? why : "none");
	c->console.address = a;
	c->console.flags = JAILHOUSE_CON_ACCESS_MMIO;
	snprintf(c->console.flags_names, sizeof(c->console.flags_names),
		 "JAILHOUSE_CON_ACCESS_MMIO");
	if (dt_compatible(n, pl011)) {
		c->console.type = JAILHOUSE_CON_TYPE_PL011;
		snprintf(c->console.type_name, sizeof(c->console.type_name),
			 "PL011");
		s = 0x1000;
		c->console.flags |= JAILHOUSE_CON_REGDIST_4;
	} else if (dt_compatible(n, miniuart) || dt_compatible(n, u8250)) {
		c->console.type = JAILHOUSE_CON_TYPE_8250;
		snprintf(c->console.type_name, sizeof(c->console.type_name),
			 "8250");
		/* TI's UARTs are 32-bit spaced without saying reg-shift */
		if (dt_compatible(n, miniuart) || dt_compatible(n, ti_uart) ||
		    dt_u32(n, "reg-shift", 0) == 2)
			c->console.flags |= JAILHOUSE_CON_REGDIST_4;
		/* a page, as the hypervisor maps it; the mini UART shares
		 * its page with the SPI controllers, so it keeps its 64 */
		if (!dt_compatible(n, miniuart) && s < 0x1000)
			s = 0x1000;
	} else {
		if (o->console)
			return fail(x,
				    "console %s is not a UART Warden's "
				    "debug console drives (PL011, 8250, "
				    "the Pi's mini UART); name another "
				    "with --console",
				    path);
		note(c,
		     "the console %s is of a kind the debug console does "
		     "not drive: none configured (--console)",
		     path);
		c->console.address = 0;
		return 0;
	}
	if (c->console.flags & JAILHOUSE_CON_REGDIST_4)
		snprintf(c->console.flags_names +
				 strlen(c->console.flags_names),
			 sizeof(c->console.flags_names) -
				 strlen(c->console.flags_names),
			 " |\n\t\t\t\t JAILHOUSE_CON_REGDIST_4");
	c->console.size = s;
	snprintf(c->console.origin, sizeof(c->console.origin), "%s%s", path,
		 o->console ? " (--console)" : " (/chosen/stdout-path)");
	return 0;
}

/* Every IO region must be outside RAM, else the iomem/DT are confused. */
static int check_io(struct ctx *x)
{
	unsigned int i, j;

	for (i = 0; i < x->c->nregions; i++) {
		const struct cc_region *r = &x->c->regions[i];

		if (!(r->flags & JAILHOUSE_MEM_IO))
			continue;
		for (j = 0; j < x->ram.n; j++)
			if (overlaps(r->start, r->size, x->ram.r[j].start,
				     x->ram.r[j].size))
				return fail(x,
					    "device %s (0x%llx+0x%llx) "
					    "overlaps memory %s: fix the "
					    "device tree",
					    r->comment,
					    (unsigned long long)r->start,
					    (unsigned long long)r->size,
					    x->ram.r[j].origin);
	}
	return 0;
}

/*
 * A unit whose registers a Linux driver holds (a nested iomem line) is
 * Linux's now: once it is the hypervisor's, that driver faults on them.
 */
static void iommus_in_use(struct cc_config *c, const struct iomem *io)
{
	unsigned int u, i;

	for (u = 0; u < c->niommus; u++)
		for (i = 0; i < io->n; i++) {
			const struct iomem_line *l = &io->lines[i];

			if (!l->depth ||
			    !overlaps(l->start, l->end - l->start + 1,
				      c->iommu[u].base, c->iommu[u].size))
				continue;
			note(c,
			     "Linux's driver holds IOMMU %s now (iomem line "
			     "%u: %s): disable it in the device tree "
			     "(status = \"disabled\") before \"warden "
			     "enable\", or the root faults on its registers",
			     c->iommu[u].origin, l->lineno, l->name);
			break;
		}
}

/* "key value" lines of collect's "gic" member. */
static int gic_facts(struct ctx *x, const char *text, int *known,
		     unsigned int *spis, char *source, size_t srclen)
{
	struct cc_config *c = x->c;
	const char *p = text;
	unsigned int lineno = 0;

	*known = 0;
	while (p && *p) {
		const char *eol = strchr(p, '\n');
		char line[400], key[32], val[360] = "";
		unsigned long long v;

		lineno++;
		snprintf(line, sizeof(line), "%.*s",
			 (int)(eol ? eol - p : (long)strlen(p)), p);
		p = eol ? eol + 1 : NULL;
		if (line[0] == '#' ||
		    sscanf(line, "%31s %359[^\n]", key, val) < 1)
			continue;
		v = strtoull(val, NULL, 0);
		if (!strcmp(key, "gicd") && v != c->gic.gicd)
			return fail(x,
				    "gic line %u (gicd 0x%llx) names another "
				    "distributor than the device tree's %s at "
				    "0x%llx: the collected files are not from "
				    "the same system",
				    lineno, v, c->gic.origin,
				    (unsigned long long)c->gic.gicd);
		if (!strcmp(key, "spis") && strcmp(val, "unknown")) {
			if (v > CC_MAX_SPI)
				return fail(x,
					    "gic line %u: %llu SPIs, more "
					    "than a GIC has (%d)",
					    lineno, v, CC_MAX_SPI);
			*spis = v;
			*known = 1;
		} else if (!strcmp(key, "source") || !strcmp(key, "why")) {
			snprintf(source, srclen, "%s%s",
				 !strcmp(key, "why") ?
					 "not readable: " :
					 "read on the target from ",
				 val);
		} else if (!strcmp(key, "gicd_iidr")) {
			c->gic.gicd_iidr = v;
		} else if (!strcmp(key, "gicc_iidr")) {
			c->gic.gicc_iidr = v;
		} else if (!strcmp(key, "gich_vtr")) {
			c->gic.gich_vtr = v;
		} else if (!strcmp(key, "gicv_iidr")) {
			c->gic.gicv_iidr = v;
		}
	}
	return 0;
}

/*
 * The root gets every SPI the GIC has, as hand-written configs give it:
 * what Linux had before "enable", whether the DT names it or not (MSI
 * frames, firmware-assigned lines). The number comes from --spis, from
 * GICD_TYPER read on the target, or else is the lowest the GIC can have
 * given the SPIs the device tree names (lines come in 32s): never a line
 * the GIC lacks.
 */
static int choose_spis(struct ctx *x, const struct cc_options *o)
{
	struct cc_config *c = x->c;
	char source[360] = "";
	unsigned int spis = 0, i;
	int known = 0;

	if (o->gic_facts &&
	    gic_facts(x, o->gic_facts, &known, &spis, source, sizeof(source)))
		return -1;
	if (o->spis) {
		spis = o->spis;
		snprintf(c->gic.spis_origin, sizeof(c->gic.spis_origin),
			 "--spis");
	} else if (known) {
		snprintf(c->gic.spis_origin, sizeof(c->gic.spis_origin),
			 "GICD_TYPER.ITLinesNumber, %s", source);
	} else {
		spis = x->max_spi < 0 ? 0 : ((x->max_spi + 32) | 31) + 1 - 32;
		if (spis > CC_MAX_SPI)
			spis = CC_MAX_SPI;
		snprintf(c->gic.spis_origin, sizeof(c->gic.spis_origin),
			 "chosen: GICD_TYPER was %s; the fewest the GIC can "
			 "have, as the device tree names SPI %d (%s); give "
			 "--spis N for all",
			 source[0] ? source :
				     "not read (no collected gic "
				     "facts)",
			 x->max_spi, x->max_spi < 0 ? "none" : x->max_spi_path);
	}
	if (o->spis > CC_MAX_SPI)
		return fail(x, "--spis %u: a GIC has at most %d SPIs", o->spis,
			    CC_MAX_SPI);
	if (x->max_spi >= (int)spis)
		return fail(x,
			    "%s uses SPI %d, but the GIC has %u SPIs (%s): "
			    "the device tree and the GIC disagree",
			    x->max_spi_path, x->max_spi, spis,
			    c->gic.spis_origin);
	c->gic.spis = spis;
	for (i = 0; i < spis; i++)
		c->spi[i] = 1;
	return 0;
}

static int cmp_region(const void *a, const void *b)
{
	const struct cc_region *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

int config_create_build(struct cc_config *c, const struct dt_tree *t,
			const struct iomem *io, const struct cc_options *o,
			char *err, size_t errlen)
{
	struct ctx *x = calloc(1, sizeof(*x));
	int ret = -1;

	if (!x) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memset(c, 0, sizeof(*c));
	x->c = c;
	x->t = t;
	x->err = err;
	x->errlen = errlen;
	snprintf(c->name, sizeof(c->name), "%s", o->name ? o->name : "root");

	if (read_cpus(x) || read_gic(x) || read_memory(x))
		goto out;
	if (io) {
		if (read_iomem(x, io))
			goto out;
	} else {
		x->linux_ram = x->ram;
		subtract_all(&x->linux_ram, &x->excl);
		note(c, "no /proc/iomem given: all RAM outside no-map "
			"reserved-memory is taken to be Linux's");
	}
	if (place_memory(x, o) || read_console(x, o))
		goto out;
	x->max_spi = -1;
	walk_devices(x, t->root->child);
	if (choose_spis(x, o))
		goto out;
	config_create_iommus(c, t, o->pci_devices);
	if (io)
		iommus_in_use(c, io);
	if (x->io.dropped[0]) {
		fail(x,
		     "more than %d device register ranges in the device "
		     "tree (the first left out: %s)",
		     CC_MAX_IO, x->io.dropped);
		goto out;
	}
	io_regions(x);
	if (check_io(x))
		goto out;
	ram_regions(x);
	if (x->regions_full) {
		fail(x,
		     "more than %d memory regions: the device tree's "
		     "devices do not merge into few enough",
		     CC_MAX_REGIONS);
		goto out;
	}
	qsort(c->regions, c->nregions, sizeof(c->regions[0]), cmp_region);
	ret = 0;
out:
	free(x);
	return ret;
}
