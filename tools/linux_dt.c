// SPDX-License-Identifier: GPL-2.0
/* A Linux cell's device tree: see linux_dt.h. */
#include <stdio.h>
#include <string.h>

#include <warden/vpci.h>

#include "fdt_write.h"
#include "linux_dt.h"

#define GIC_PHANDLE 1
/* PCI address space codes (phys.hi) of "ranges" */
#define PCI_SPACE_MEM32 0x02000000
#define GIC_SPI 0
#define IRQ_EDGE_RISING 1
#define GICR_STRIDE_DEFAULT 0x20000

static const char *const gic_v3[] = { "arm,gic-v3", NULL };
static const char *const gic_v2[] = { "arm,gic-400", "arm,cortex-a15-gic",
				      "arm,cortex-a9-gic", "arm,gic-v2", NULL };
static const char *const arch_timer[] = { "arm,armv8-timer", NULL };

const char *linux_dt_earlycon(const struct warden_config *cfg, char *buf,
			      size_t len)
{
	const struct jailhouse_console *c = &cfg->cell->console;
	/* the virtual console (warden_hvc.ko) takes over from earlycon */
	int hvc = CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(cfg->cell->flags);
	const char *drv = NULL;

	if (c->type == JAILHOUSE_CON_TYPE_PL011)
		drv = "pl011";
	else if (c->type == JAILHOUSE_CON_TYPE_8250)
		drv = "uart8250";
	if (!drv || !CON_IS_MMIO(c->flags) || !c->address) {
		snprintf(buf, len, "%s", hvc ? "console=hvc0" : "");
		return buf;
	}
	snprintf(buf, len, "earlycon=%s,%s,0x%llx %s", drv,
		 CON_USES_REGDIST_4(c->flags) ? "mmio32" : "mmio",
		 (unsigned long long)c->address,
		 hvc ? "console=hvc0" : "keep_bootcon");
	return buf;
}

static int cell_has_cpu(const struct warden_config *cfg, unsigned int cpu)
{
	return cpu / 8 < cfg->cell->cpu_set_size &&
	       cfg->cpu_set[cpu / 8] & (1u << (cpu % 8));
}

/*
 * Linux's RAM regions, but for the loader's own small region when the
 * kernel is elsewhere (Jailhouse's layout): nothing there is worth having.
 */
static void put_memory(struct fdt_w *w, const struct linux_dt_args *a)
{
	const struct warden_config *cfg = a->cfg;
	const struct linux_layout *l = a->layout;
	unsigned int i;
	char name[40];

	for (i = 0; i < cfg->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &cfg->mem_regions[i];

		if (!linux_ram_region(m) ||
		    (i == l->loader_region && i != l->region))
			continue;
		snprintf(name, sizeof(name), "memory@%llx",
			 (unsigned long long)m->virt_start);
		fdt_w_begin(w, name);
		fdt_w_prop_str(w, "device_type", "memory");
		fdt_w_prop_reg64(w, "reg", m->virt_start, m->size);
		fdt_w_end(w);
	}
}

static void put_u64(struct fdt_w *w, const char *name, uint64_t v)
{
	uint32_t c[2] = { v >> 32, (uint32_t)v };

	fdt_w_prop_cells(w, name, c, 2);
}

/* /chosen's contents of ours; a user's other properties are kept. */
static void put_chosen_props(struct fdt_w *w, const struct linux_dt_args *a)
{
	const struct linux_layout *l = a->layout;

	if (a->bootargs)
		fdt_w_prop_str(w, "bootargs", a->bootargs);
	if (l->initrd_size) {
		put_u64(w, "linux,initrd-start", l->initrd);
		put_u64(w, "linux,initrd-end", l->initrd + l->initrd_size);
	}
}

static int ours_in_chosen(const char *name)
{
	return !strcmp(name, "bootargs") ||
	       !strcmp(name, "linux,initrd-start") ||
	       !strcmp(name, "linux,initrd-end");
}

static void put_console(struct fdt_w *w, const struct warden_config *cfg,
			char *path, size_t len)
{
	const struct jailhouse_console *c = &cfg->cell->console;
	static const char pl011[] = "arm,pl011\0arm,primecell";
	static const char ns16550[] = "ns16550a";

	path[0] = 0;
	if (!CON_IS_MMIO(c->flags) || !c->address ||
	    (c->type != JAILHOUSE_CON_TYPE_PL011 &&
	     c->type != JAILHOUSE_CON_TYPE_8250))
		return;
	snprintf(path, len, "/serial@%llx", (unsigned long long)c->address);
	fdt_w_begin(w, path + 1);
	if (c->type == JAILHOUSE_CON_TYPE_PL011)
		fdt_w_prop(w, "compatible", pl011, sizeof(pl011));
	else
		fdt_w_prop(w, "compatible", ns16550, sizeof(ns16550));
	fdt_w_prop_reg64(w, "reg", c->address, c->size ? c->size : 0x1000);
	if (c->type == JAILHOUSE_CON_TYPE_8250 && CON_USES_REGDIST_4(c->flags))
		fdt_w_prop_u32(w, "reg-shift", 2);
	/*
	 * Shared with the root, which owns its interrupt and clock: the cell
	 * writes to it through earlycon only, no driver binds to it.
	 */
	fdt_w_prop_str(w, "status", "disabled");
	fdt_w_end(w);
}

/* v as two big-endian cells' values, high first */
static void split64(uint32_t *c, uint64_t v)
{
	c[0] = v >> 32;
	c[1] = (uint32_t)v;
}

static struct dt_node *root_gic(const struct dt_tree *root)
{
	struct dt_node *gic = dt_irq_parent(root, root->root);

	if (gic && dt_prop(gic, "interrupt-controller"))
		return gic;
	return NULL;
}

static struct dt_node *find_compatible(struct dt_node *n,
				       const char *const *list)
{
	struct dt_node *c, *f;

	if (dt_compatible(n, list))
		return n;
	for (c = n->child; c; c = c->sibling) {
		f = find_compatible(c, list);
		if (f)
			return f;
	}
	return NULL;
}

static int put_cpus(struct fdt_w *w, const struct warden_config *cfg,
		    const struct dt_tree *root, const char *root_path,
		    unsigned int *first, unsigned int *last, char *err,
		    size_t len)
{
	struct dt_node *cpus = dt_find_path(root, "/cpus"), *n;
	unsigned int idx = 0, found = 0, ac;
	char name[40];

	if (!cpus) {
		snprintf(err, len,
			 "%s has no /cpus: the cell's CPUs (their MPIDRs) "
			 "are taken from it; give the machine's DTB with "
			 "--root-dtb or the cell's own with -d",
			 root_path);
		return -1;
	}
	ac = dt_u32(cpus, "#address-cells", 1);
	fdt_w_begin(w, "cpus");
	fdt_w_prop_u32(w, "#address-cells", 2);
	fdt_w_prop_u32(w, "#size-cells", 0);
	for (n = cpus->child; n; n = n->sibling) {
		const struct dt_prop *reg = dt_prop(n, "reg");
		const struct dt_prop *compat = dt_prop(n, "compatible");
		uint64_t mpidr;

		if (!dt_has_string(n, "device_type", "cpu") || !reg)
			continue;
		if (!cell_has_cpu(cfg, idx++))
			continue;
		mpidr = dt_cells(reg, 0, ac > 2 ? 2 : ac);
		if (!found++)
			*first = idx - 1;
		*last = idx - 1;
		snprintf(name, sizeof(name), "cpu@%llx",
			 (unsigned long long)mpidr);
		fdt_w_begin(w, name);
		fdt_w_prop_str(w, "device_type", "cpu");
		if (compat)
			fdt_w_prop(w, "compatible", compat->val, compat->len);
		put_u64(w, "reg", mpidr);
		fdt_w_prop_str(w, "enable-method", "psci");
		fdt_w_end(w);
	}
	fdt_w_end(w);
	if (!found) {
		snprintf(err, len,
			 "%s: none of the cell's CPUs is among the %u CPUs "
			 "of %s: is it this machine's cell config?",
			 cfg->cell->name[0] ? cfg->cell->name : "cell", idx,
			 root_path);
		return -1;
	}
	return 0;
}

static int put_gic(struct fdt_w *w, const struct dt_tree *root,
		   const char *root_path, unsigned int first, unsigned int last,
		   char *err, size_t len)
{
	struct dt_node *gic = root_gic(root);
	const struct dt_prop *compat;
	uint64_t d, ds, r, rs, stride;
	uint32_t reg[8];
	char name[40];
	int v3;

	v3 = gic && dt_compatible(gic, gic_v3);
	if (!gic || !(v3 || dt_compatible(gic, gic_v2)) ||
	    dt_reg(gic, 0, &d, &ds, err, len) ||
	    dt_reg(gic, 1, &r, &rs, err, len)) {
		snprintf(err, len,
			 "%s: no GICv2 or GICv3 with its register frames "
			 "as the root's interrupt parent: give the machine's "
			 "DTB with --root-dtb or the cell's own with -d",
			 root_path);
		return -1;
	}
	compat = dt_prop(gic, "compatible");
	if (v3) {
		/* the redistributors of the cell's CPUs (frame i is CPU i) */
		stride = dt_u32(gic, "redistributor-stride",
				GICR_STRIDE_DEFAULT);
		rs = (uint64_t)(last - first + 1) * stride;
		r += first * stride;
	}
	snprintf(name, sizeof(name), "interrupt-controller@%llx",
		 (unsigned long long)d);
	fdt_w_begin(w, name);
	fdt_w_prop(w, "compatible", compat->val, compat->len);
	fdt_w_prop_u32(w, "#interrupt-cells", 3);
	fdt_w_prop_u32(w, "#address-cells", 0);
	fdt_w_prop(w, "interrupt-controller", NULL, 0);
	split64(reg, d);
	split64(reg + 2, ds);
	split64(reg + 4, r);
	split64(reg + 6, rs);
	fdt_w_prop_cells(w, "reg", reg, 8);
	if (v3)
		fdt_w_prop_u32(w, "#redistributor-regions", 1);
	fdt_w_prop_u32(w, "phandle", GIC_PHANDLE);
	fdt_w_end(w);
	return 0;
}

static void put_timer(struct fdt_w *w, const struct dt_tree *root)
{
	/* PPIs 13, 14, 11, 10 (secure, non-secure, virtual, hyp), level */
	static const uint32_t def[12] = {
		1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10, 4
	};
	struct dt_node *t = find_compatible(root->root, arch_timer);
	const struct dt_prop *irqs = t ? dt_prop(t, "interrupts") : NULL;

	fdt_w_begin(w, "timer");
	fdt_w_prop_str(w, "compatible", "arm,armv8-timer");
	if (irqs)
		fdt_w_prop(w, "interrupts", irqs->val, irqs->len);
	else
		fdt_w_prop_cells(w, "interrupts", def, 12);
	fdt_w_prop(w, "always-on", NULL, 0);
	fdt_w_end(w);
}

/*
 * The redistributor frames the hypervisor keeps BARs off: one per CPU of
 * the root's device tree (the hypervisor counts up to the root's highest
 * CPU, never more).
 */
static uint64_t root_gicr_size(const struct dt_tree *root)
{
	struct dt_node *cpus = dt_find_path(root, "/cpus"), *n;
	struct dt_node *gic = root_gic(root);
	uint64_t stride =
		gic ? dt_u32(gic, "redistributor-stride", GICR_STRIDE_DEFAULT) :
		      GICR_STRIDE_DEFAULT;
	unsigned int ncpus = 0;

	for (n = cpus ? cpus->child : NULL; n; n = n->sibling)
		if (dt_has_string(n, "device_type", "cpu"))
			ncpus++;
	return ncpus * stride;
}

/*
 * The cell's virtual PCI host bridge as the hypervisor serves it: ECAM at
 * the system config's pci_mmconfig_base (every access traps and reaches
 * the cell's devices), 32-bit memory for the BARs right behind it (where
 * Jailhouse's device trees put it; the window is checked here as the
 * hypervisor checks a BAR), INTx pin P as SPI vpci_irq_base + P - 1,
 * edge-triggered, without swizzling, and no MSI (there is no ITS).
 */
static int put_pci(struct fdt_w *w, const struct linux_dt_args *a,
		   const struct dt_tree *root, char *err, size_t len)
{
	const struct warden_config *cfg = a->cfg;
	const struct jailhouse_system *s = a->sys;
	struct vpci_range reserved[VPCI_RESERVED_MAX], conflict;
	struct vpci_bar_env env = { cfg, reserved, 0 };
	uint64_t base, ecam, win, win_size;
	uint32_t c[7], map[4 * 8];
	unsigned int end_bus, pin, i;
	char name[40];

	if (!cfg->cell->num_pci_devices || !s)
		return 0;
	base = s->platform_info.pci_mmconfig_base;
	end_bus = s->platform_info.pci_mmconfig_end_bus;
	if (!base || s->platform_info.pci_is_virtual != 1) {
		snprintf(err, len,
			 "cell \"%s\" has %u PCI device(s), but the system "
			 "config has no virtual PCI host bridge "
			 "(platform_info.pci_mmconfig_base and "
			 "pci_is_virtual = 1)",
			 cfg->cell->name, cfg->cell->num_pci_devices);
		return -1;
	}
	ecam = vpci_ecam_size((uint8_t)end_bus);
	win = base + ecam;
	win_size = vpci_bar_window_size(cfg);
	env.num_extra = vpci_reserved(s, root_gicr_size(root), reserved);
	if (win_size && (win + win_size > (1ULL << 32) ||
			 vpci_bar_check(&env, win, win_size, &conflict))) {
		if (win + win_size > (1ULL << 32))
			conflict = (struct vpci_range){
				1ULL << 32, 0, "the 4 GiB limit of 32-bit BARs"
			};
		snprintf(err, len,
			 "the BAR window 0x%llx+0x%llx of cell \"%s\"'s "
			 "virtual PCI host bridge (right behind its ECAM "
			 "window) would cover %s 0x%llx+0x%llx: the "
			 "hypervisor would refuse every BAR there; move "
			 "pci_mmconfig_base or the cell's region",
			 (unsigned long long)win, (unsigned long long)win_size,
			 cfg->cell->name, conflict.what,
			 (unsigned long long)conflict.start,
			 (unsigned long long)conflict.size);
		return -1;
	}
	snprintf(name, sizeof(name), "pci@%llx", (unsigned long long)base);
	fdt_w_begin(w, name);
	fdt_w_prop_str(w, "compatible", "pci-host-ecam-generic");
	fdt_w_prop_str(w, "device_type", "pci");
	fdt_w_prop_reg64(w, "reg", base, ecam);
	c[0] = 0;
	c[1] = end_bus;
	fdt_w_prop_cells(w, "bus-range", c, 2);
	if (s->platform_info.pci_domain != 0xffff)
		fdt_w_prop_u32(w, "linux,pci-domain",
			       s->platform_info.pci_domain);
	fdt_w_prop_u32(w, "#address-cells", 3);
	fdt_w_prop_u32(w, "#size-cells", 2);
	fdt_w_prop_u32(w, "#interrupt-cells", 1);
	if (win_size) {
		c[0] = PCI_SPACE_MEM32;
		split64(c + 1, win);
		split64(c + 3, win);
		split64(c + 5, win_size);
		fdt_w_prop_cells(w, "ranges", c, 7);
	}
	/* child address (3 cells), pin, GIC, GIC specifier (3 cells) */
	for (pin = 1, i = 0; pin <= 4; pin++) {
		map[i++] = 0;
		map[i++] = 0;
		map[i++] = 0;
		map[i++] = pin;
		map[i++] = GIC_PHANDLE;
		map[i++] = GIC_SPI;
		map[i++] = cfg->cell->vpci_irq_base + pin - 1;
		map[i++] = IRQ_EDGE_RISING;
	}
	fdt_w_prop_cells(w, "interrupt-map", map, i);
	c[0] = c[1] = c[2] = 0;
	c[3] = 7;
	fdt_w_prop_cells(w, "interrupt-map-mask", c, 4);
	fdt_w_end(w);
	return 0;
}

int linux_dt_generate(const struct linux_dt_args *a, const struct dt_tree *root,
		      const char *root_path, void **blob, size_t *size,
		      char *err, size_t len)
{
	static const char psci[] = "arm,psci-1.0\0arm,psci-0.2";
	unsigned int first = 0, last = 0;
	char model[80], con[64];
	struct fdt_w w;

	fdt_w_init(&w);
	fdt_w_begin(&w, "");
	snprintf(model, sizeof(model), "Warden cell \"%s\"",
		 a->cfg->cell->name);
	fdt_w_prop_str(&w, "model", model);
	fdt_w_prop_str(&w, "compatible", "warden,linux-cell");
	fdt_w_prop_u32(&w, "#address-cells", 2);
	fdt_w_prop_u32(&w, "#size-cells", 2);
	fdt_w_prop_u32(&w, "interrupt-parent", GIC_PHANDLE);
	if (put_cpus(&w, a->cfg, root, root_path, &first, &last, err, len) ||
	    put_gic(&w, root, root_path, first, last, err, len)) {
		fdt_w_free(&w);
		return -1;
	}
	/* the cell's own PSCI: the hypervisor answers its SMCs */
	fdt_w_begin(&w, "psci");
	fdt_w_prop(&w, "compatible", psci, sizeof(psci));
	fdt_w_prop_str(&w, "method", "smc");
	fdt_w_end(&w);
	put_timer(&w, root);
	put_memory(&w, a);
	if (put_pci(&w, a, root, err, len)) {
		fdt_w_free(&w);
		return -1;
	}
	put_console(&w, a->cfg, con, sizeof(con));
	fdt_w_begin(&w, "chosen");
	put_chosen_props(&w, a);
	if (con[0])
		fdt_w_prop_str(&w, "stdout-path", con);
	fdt_w_end(&w);
	fdt_w_end(&w);
	if (fdt_w_finish(&w, blob, size)) {
		fdt_w_free(&w);
		snprintf(err, len, "out of memory writing the device tree");
		return -1;
	}
	fdt_w_free(&w);
	return 0;
}

static int is_memory(const struct dt_node *n)
{
	return dt_has_string(n, "device_type", "memory") ||
	       !strcmp(n->name, "memory") || !strncmp(n->name, "memory@", 7);
}

static void copy_node(struct fdt_w *w, const struct dt_node *n,
		      const struct linux_dt_args *a, int depth, int add_chosen)
{
	const struct dt_node *c;
	const struct dt_prop *p;
	int chosen = depth == 1 && !strcmp(n->name, "chosen");

	fdt_w_begin(w, n->name);
	for (p = n->props; p; p = p->next)
		if (!chosen || !ours_in_chosen(p->name) ||
		    (!a->bootargs && !strcmp(p->name, "bootargs")))
			fdt_w_prop(w, p->name, p->val, p->len);
	if (chosen)
		put_chosen_props(w, a);
	for (c = n->child; c; c = c->sibling)
		if (depth || !is_memory(c))
			copy_node(w, c, a, depth + 1, 0);
	if (!depth) {
		put_memory(w, a);
		if (add_chosen) {
			fdt_w_begin(w, "chosen");
			put_chosen_props(w, a);
			fdt_w_end(w);
		}
	}
	fdt_w_end(w);
}

int linux_dt_patch(const struct linux_dt_args *a, const struct dt_tree *user,
		   void **blob, size_t *size, char *err, size_t len)
{
	struct fdt_w w;

	fdt_w_init(&w);
	copy_node(&w, user->root, a, 0, !dt_find_path(user, "/chosen"));
	if (fdt_w_finish(&w, blob, size)) {
		fdt_w_free(&w);
		snprintf(err, len, "out of memory writing the device tree");
		return -1;
	}
	fdt_w_free(&w);
	return 0;
}
