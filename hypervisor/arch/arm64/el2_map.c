// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's own translation tables (EL2 stage 1), as EL2_LAYOUT in
 * arch/layout.h lays them out. entry.S turns the MMU on with bootstrap
 * tables that serve only until the system config is checked (the image
 * by section, the rest of hypervisor memory in blocks, the UART's page):
 * then the first CPU builds these tables and every CPU switches to them
 * (el2_map_switch) before it does anything on behalf of the root. Both
 * are W^X (SCTLR_EL2.WXN enforces it besides the descriptors), and
 * el2_map_audit() reads each back from the live tables. Root or cell
 * memory is mapped only through a window, for one access, and unmapped
 * right after it.
 */
#include <arch/hv.h>
#include <arch/test_point.h>
#include <warden/debug_uart.h>
#include <warden/el2_window.h>
#include <warden/errno.h>
#include <warden/pgtable.h>

/* Stage-1 descriptor bits of the EL2 regime (no VHE). */
#define ATTR_NORMAL (0ULL << 2) /* MAIR index 0 (entry.S) */
#define ATTR_DEVICE (1ULL << 2) /* MAIR index 1: Device-nGnRE */
#define AP_RES1 (1ULL << 6) /* AP[1]: one privilege level, RES1 */
#define AP_RO (1ULL << 7) /* AP[2] */
#define XN (1ULL << 54)

#define SCTLR_WXN (1ULL << 19)
#define PAR_F 1ULL
#define PAGE PGTABLE_PAGE_SIZE
/* Above this many pages an unmap invalidates all EL2 TLB entries. */
#define TLBI_PAGES_MAX 16

#define TABLE_PAGES 24

extern char __text_end[], __rodata_end[], __tramp_start[], __tramp_end[];

static const struct el2_area layout[] = {
#define EL2_AREA(n, v, s, a) { #n, v, s, a },
	EL2_LAYOUT(EL2_AREA)
#undef EL2_AREA
};

static uint8_t table_pages[TABLE_PAGES][PAGE]
	__attribute__((section(".bss.pagetables"), aligned(PAGE)));
static unsigned int tables_used;
static struct pgtable el2_pt;
static uint64_t *window_l3;
static struct el2_windows windows;
spinlock_t window_lock; /* released by el2_locks_release() */

static uint64_t attrs_of(unsigned int kind)
{
	switch (kind) {
	case EL2_RX:
		return ATTR_NORMAL | PTE_SH_INNER | AP_RES1 | AP_RO;
	case EL2_R:
		return ATTR_NORMAL | PTE_SH_INNER | AP_RES1 | AP_RO | XN;
	case EL2_DEVICE:
		return ATTR_DEVICE | AP_RES1 | XN;
	default:
		return ATTR_NORMAL | PTE_SH_INNER | AP_RES1 | XN;
	}
}

static int table_alloc(void *ctx, uint64_t *pa)
{
	if (tables_used >= TABLE_PAGES)
		return -ENOMEM;
	memset(table_pages[tables_used], 0, PAGE);
	*pa = hv_virt_to_phys(table_pages[tables_used++]);
	return 0;
}

static void *table_ptr(void *ctx, uint64_t pa)
{
	return (void *)(pa - hv_phys + HV_VIRT_BASE);
}

static uint64_t page_up(uint64_t x)
{
	return (x + PAGE - 1) & ~(PAGE - 1);
}

/*
 * The layout's area that holds [va, va + size) and allows kind; the
 * identity area (VA 0 in the table) holds what maps to itself below the
 * top 512 GiB. NULL: the mapping is not in the layout.
 */
static const struct el2_area *area_of(uint64_t va, uint64_t pa, uint64_t size,
				      unsigned int kind)
{
	unsigned int i;

	for (i = 0; i < sizeof(layout) / sizeof(layout[0]); i++) {
		const struct el2_area *a = &layout[i];
		int inside = a->va ? va >= a->va && size <= a->size &&
					     va - a->va <= a->size - size :
				     va == pa && size <= a->size &&
					     va + size <= 0xff8000000000ULL;

		if (!inside)
			continue;
		switch (a->attrs) {
		case EL2_BY_SECTION:
			return kind == EL2_RX || kind == EL2_R ||
					       kind == EL2_RW ?
				       a :
				       NULL;
		case EL2_UNMAPPED: /* windows: read-only pages */
			return kind == EL2_R ? a : NULL;
		default:
			return kind == a->attrs ? a : NULL;
		}
	}
	return NULL;
}

static int map(uint64_t va, uint64_t pa, uint64_t size, unsigned int kind,
	       unsigned int flags)
{
	int err;

	if (!size)
		return 0;
	if (!area_of(va, pa, size, kind)) {
		printk("ERROR: EL2 mapping 0x%llx+0x%llx (kind %u) is not in "
		       "the layout (arch/layout.h)\n",
		       (unsigned long long)va, (unsigned long long)size, kind);
		return -EINVAL;
	}
	err = pgtable_map(&el2_pt, va, pa, size, attrs_of(kind), flags);
	if (err)
		printk("ERROR: EL2 mapping 0x%llx+0x%llx failed (%d)\n",
		       (unsigned long long)va, (unsigned long long)size, err);
	return err;
}

/* Hypervisor memory by what it holds: see EL2_LAYOUT. */
static int map_hv_memory(void)
{
	uint64_t size = sys_config->hypervisor_memory.size;
	uint64_t base = (uint64_t)__image_start;
	uint64_t text = (uint64_t)__text_end - base;
	uint64_t rodata = (uint64_t)__rodata_end - base;
	uint64_t core = hv_header.core_size;
	uint64_t cfg = hv_header.config_offset & ~(PAGE - 1);
	uint64_t cfg_end =
		page_up(hv_header.config_offset + hv_header.config_size);
	int err;

	err = map(HV_VIRT_BASE, hv_phys, text, EL2_RX, PGTABLE_NO_BLOCKS);
	if (!err)
		err = map(HV_VIRT_BASE + text, hv_phys + text, rodata - text,
			  EL2_R, PGTABLE_NO_BLOCKS);
	if (!err)
		err = map(HV_VIRT_BASE + rodata, hv_phys + rodata,
			  core - rodata, EL2_RW, PGTABLE_NO_BLOCKS);
	/* a gap the driver left between the core and the config */
	if (!err && cfg > core)
		err = map(HV_VIRT_BASE + core, hv_phys + core, cfg - core,
			  EL2_RW, PGTABLE_NO_BLOCKS);
	if (!err)
		err = map(HV_VIRT_BASE + cfg, hv_phys + cfg, cfg_end - cfg,
			  EL2_R, PGTABLE_NO_BLOCKS);
	/* the page pool: 2 MiB blocks where they fit */
	if (!err)
		err = map(HV_VIRT_BASE + cfg_end, hv_phys + cfg_end,
			  size - cfg_end, EL2_RW, 0);
	return err;
}

/* The level-3 table that maps va (its tables exist). */
static uint64_t *l3_table_of(uint64_t va)
{
	uint64_t *t = table_ptr(NULL, el2_pt.root);
	unsigned int level;

	for (level = 0; level < 3; level++) {
		uint64_t pte = t[(va >> (39 - 9 * level)) & 511];

		t = table_ptr(NULL, pte & PTE_ADDR_MASK);
	}
	return t;
}

static int map_windows(void)
{
	/* a placeholder page makes the tables; then the area is empty */
	int err = map(HV_WINDOW_VIRT, hv_phys, PAGE, EL2_R, PGTABLE_NO_BLOCKS);

	if (err)
		return err;
	window_l3 = l3_table_of(HV_WINDOW_VIRT);
	window_l3[0] = 0;
	el2_windows_init(&windows, HV_WINDOW_VIRT, HV_WINDOW_PAGES);
	return 0;
}

/*
 * [pa, pa + size) of the GIC at its offset in the GIC area, as far as the
 * distributor's 1 GiB reaches (gicv3.c refuses redistributors outside it).
 */
static int map_gic(uint64_t pa, uint64_t size)
{
	uint64_t gb = 1ULL << 30, off = pa & (gb - 1) & ~(PAGE - 1);

	if (!pa)
		return 0;
	size = page_up(size + (pa & (PAGE - 1)));
	if (size > gb - off)
		size = gb - off;
	return map(HV_GIC_VIRT + off, pa & ~(PAGE - 1), size, EL2_DEVICE, 0);
}

int el2_map_build(void)
{
	const struct jailhouse_system *sys = sys_config;
	uint64_t tramp = hv_virt_to_phys(__tramp_start);
	uint64_t uart = sys->debug_console.address;
	uint64_t gicd = sys->platform_info.arm.gicd_base;
	uint64_t gicr = sys->platform_info.arm.gicr_base;
	uint64_t gicc = sys->platform_info.arm.gicc_base;
	uint64_t gich = sys->platform_info.arm.gich_base;
	uint64_t gicr_size = HV_GICR_MAP_SIZE;
	char msg[120];
	int err;

	if (el2_layout_check(layout, sizeof(layout) / sizeof(layout[0]), msg,
			     sizeof(msg))) {
		printk("ERROR: %s\n", msg);
		return -EINVAL;
	}
	if (tramp >= 0xff8000000000ULL) {
		printk("ERROR: hypervisor memory at 0x%llx: the top 512 GiB of "
		       "the address space are the hypervisor's own\n",
		       (unsigned long long)hv_phys);
		return -EINVAL;
	}
	tables_used = 0;
	memset(&el2_pt, 0, sizeof(el2_pt));
	el2_pt.start_level = 0;
	el2_pt.root_entries = PGTABLE_ENTRIES;
	el2_pt.alloc_page = table_alloc;
	el2_pt.phys_to_ptr = table_ptr;
	err = table_alloc(NULL, &el2_pt.root);
	if (!err)
		err = map_hv_memory();
	if (!err && debug_uart_supported(&sys->debug_console))
		err = map(HV_UART_VIRT + (uart & 0x1ff000), uart & ~(PAGE - 1),
			  PAGE, EL2_DEVICE, PGTABLE_NO_BLOCKS);
	if (!err)
		err = map_gic(gicd, sys->platform_info.arm.gic_version == 2 ?
					    HV_GICD_V2_MAP_SIZE :
					    HV_GICD_MAP_SIZE);
	/* up to the distributor if it follows the redistributors closely */
	if (gicd > gicr && gicd - gicr < gicr_size)
		gicr_size = gicd - gicr;
	/* outside the distributor's 1 GiB: gicv3.c refuses them */
	if (!err && sys->platform_info.arm.gic_version == 3 &&
	    gicr >> 30 == gicd >> 30)
		err = map_gic(gicr, gicr_size);
	/* GICv2: the physical CPU interface and the list registers */
	if (!err && sys->platform_info.arm.gic_version == 2 &&
	    gicc >> 30 == gicd >> 30)
		err = map_gic(gicc, HV_GICC_MAP_SIZE);
	if (!err && sys->platform_info.arm.gic_version == 2 &&
	    gich >> 30 == gicd >> 30)
		err = map_gic(gich, HV_GICH_MAP_SIZE);
	if (!err)
		err = map_windows();
	if (!err)
		err = map(tramp, tramp, PAGE, EL2_RX, PGTABLE_NO_BLOCKS);
	if (err == -ENOMEM)
		printk("ERROR: the EL2 tables need more than %u pages\n",
		       TABLE_PAGES);
	dsb(ish);
	return err;
}

void el2_map_switch(void)
{
	sysreg_write(ttbr0_el2, el2_pt.root);
	isb();
	asm volatile("tlbi alle2\n dsb nsh\n isb" : : : "memory");
	/* WXN may be cached in TLB entries: invalidate once more after it */
	sysreg_write(sctlr_el2, sysreg_read(sctlr_el2) | SCTLR_WXN);
	isb();
	asm volatile("tlbi alle2\n dsb nsh\n isb" : : : "memory");
}

/* PAR after AT S1E2R or S1E2W on va; PAR_EL1 is the root's: restored. */
static uint64_t at_s1e2(uint64_t va, int write)
{
	uint64_t saved = sysreg_read(par_el1), par;

	if (write)
		asm volatile("at s1e2w, %0\n isb" : : "r"(va) : "memory");
	else
		asm volatile("at s1e2r, %0\n isb" : : "r"(va) : "memory");
	par = sysreg_read(par_el1);
	sysreg_write(par_el1, saved);
	return par;
}

/* The descriptor's attributes as the table holds them, or 0 if none. */
static uint64_t desc_attrs(uint64_t va)
{
	uint64_t pa, attrs;
	unsigned int level;

	if (pgtable_lookup(&el2_pt, va, &pa, &attrs, &level))
		return 0;
	return attrs;
}

/*
 * Every mapped page of hypervisor memory: executable only in the text,
 * then read-only; never writable and executable.
 */
static const char *hv_memory_wx_error(void)
{
	uint64_t va, end = HV_VIRT_BASE + sys_config->hypervisor_memory.size;

	for (va = HV_VIRT_BASE; va < end; va += PAGE) {
		uint64_t a = desc_attrs(va);

		if (!a)
			return "hypervisor memory has a hole";
		if (!(a & XN) && !(a & AP_RO))
			return "a page is writable and executable";
		if (!(a & XN) && va >= (uint64_t)__text_end)
			return "a page outside the text is executable";
	}
	return NULL;
}

/*
 * A run of mapped pages with the same attributes in the live tables:
 * printed as one line, "EL2 map (bootstrap): text 0x...-0x... RX".
 */
struct audit {
	const char *which, *err, *area;
	uint64_t va, end, pa;
	uint64_t kind;
};

#define ATTR_INDEX (7ULL << 2)
#define KIND_BITS (AP_RO | XN | ATTR_INDEX)

/* The area a VA of either table set lies in, by name. */
static const char *area_name(uint64_t va)
{
	uint64_t off = va - HV_VIRT_BASE;
	uint64_t cfg = hv_header.config_offset & ~(PAGE - 1);
	uint64_t cfg_end =
		page_up(hv_header.config_offset + hv_header.config_size);

	if (va < 0xff8000000000ULL)
		return "identity";
	if (va >= HV_UART_VIRT)
		return "uart";
	if (va >= HV_VIRT_BASE) {
		if (va < (uint64_t)__text_end)
			return "text";
		if (va < (uint64_t)__rodata_end)
			return "rodata";
		if (off < cfg)
			return "data";
		return off < cfg_end ? "config" : "pool";
	}
	if (va >= HV_GIC_VIRT)
		return "gic";
	if (va >= HV_WINDOW_VIRT &&
	    va < HV_WINDOW_VIRT + HV_WINDOW_PAGES * PAGE)
		return "window";
	return "unknown";
}

static void audit_flush(struct audit *a)
{
	uint64_t k = a->kind;

	if (a->end == a->va)
		return;
	printk("EL2 map (%s): %-8s 0x%llx-0x%llx %s%s%s\n", a->which, a->area,
	       (unsigned long long)a->va, (unsigned long long)a->end,
	       (k & ATTR_INDEX) == ATTR_DEVICE ? "device " : "",
	       k & AP_RO ? "R" : "RW", k & XN ? " XN" : "X");
	a->va = a->end;
}

static void audit_leaf(struct audit *a, uint64_t va, uint64_t pa, uint64_t size,
		       uint64_t desc)
{
	uint64_t kind = desc & KIND_BITS;
	const char *area = area_name(va);

	if (!(desc & XN) && !(desc & AP_RO))
		a->err = "a page is writable and executable";
	else if (!(desc & XN) && (desc & ATTR_INDEX) == ATTR_DEVICE)
		a->err = "device memory is executable";
	if (a->end != a->va &&
	    (va != a->end || pa != a->pa + (a->end - a->va) ||
	     kind != a->kind || area != a->area))
		audit_flush(a);
	if (a->end == a->va) {
		a->va = a->end = va;
		a->pa = pa;
		a->kind = kind;
		a->area = area;
	}
	a->end += size;
}

/*
 * Walks a table of the live set. Tables lie in the image's bss (the
 * bootstrap ones and table_pages[]): anything else is an error, not a
 * pointer to follow.
 */
static void audit_table(struct audit *a, uint64_t pa, unsigned int level,
			uint64_t base)
{
	const uint64_t *t;
	unsigned int i, shift = 39 - 9 * level;

	if (pa < hv_phys || pa - hv_phys >= hv_header.core_size) {
		a->err = "a table lies outside the hypervisor's image";
		return;
	}
	t = (const uint64_t *)(pa - hv_phys + HV_VIRT_BASE);
	for (i = 0; i < PGTABLE_ENTRIES && !a->err; i++) {
		uint64_t d = t[i], va = base | (uint64_t)i << shift;

		if (!(d & PTE_VALID))
			continue;
		if (level < 3 && d & PTE_TABLE)
			audit_table(a, d & PTE_ADDR_MASK, level + 1, va);
		else if (level == 0 || (level == 3 && !(d & PTE_TABLE)))
			a->err = "a reserved descriptor";
		else
			audit_leaf(a, va, d & PTE_ADDR_MASK, 1ULL << shift, d);
	}
}

/* What the MMU does, as against what the descriptors say. */
static const char *mmu_wx_error(uint64_t text, uint64_t rodata, uint64_t data)
{
	if (!(at_s1e2(text, 1) & PAR_F))
		return "text is writable";
	if (at_s1e2(text, 0) & PAR_F)
		return "text is not readable";
	if (!(at_s1e2(rodata, 1) & PAR_F))
		return "rodata is writable";
	if (at_s1e2(data, 1) & PAR_F)
		return "data is not writable";
	if (!(sysreg_read(sctlr_el2) & SCTLR_WXN))
		return "SCTLR_EL2.WXN is clear";
	return NULL;
}

/*
 * The live EL2 tables (TTBR0_EL2: the bootstrap ones or the final ones),
 * read back on the CPU that runs on them: every run of pages printed
 * with its area and attributes; nothing writable and executable, no
 * device memory executable, SCTLR_EL2.WXN set, and the MMU refusing
 * writes to text and rodata. Returns 0 or -EINVAL, which fails the
 * enable.
 */
int el2_map_audit(const char *which)
{
	uint64_t text = (uint64_t)el2_map_audit & ~(PAGE - 1);
	uint64_t rodata = (uint64_t)layout & ~(PAGE - 1);
	uint64_t data = (uint64_t)&windows & ~(PAGE - 1);
	struct audit a = { .which = which };

	audit_table(&a, sysreg_read(ttbr0_el2) & PTE_ADDR_MASK, 0, 0);
	if (!a.err) {
		audit_flush(&a);
		a.err = mmu_wx_error(text, rodata, data);
	}
	if (a.err) {
		printk("ERROR: EL2 W^X check of the %s tables failed: %s\n",
		       which, a.err);
		return -EINVAL;
	}
	printk("EL2 W^X (%s tables): nothing writable is executable, WXN "
	       "on\n",
	       which);
	return 0;
}

/*
 * Reads back what the MMU does with the tables just switched to: the
 * line the system tests look for, or an error that fails the enable.
 */
int el2_map_selfcheck(void)
{
	uint64_t text = (uint64_t)el2_map_selfcheck & ~(PAGE - 1);
	uint64_t rodata = (uint64_t)layout & ~(PAGE - 1);
	uint64_t data = (uint64_t)&windows & ~(PAGE - 1);
	const char *err = NULL;

	if (el2_map_audit("final"))
		return -EINVAL;
	if (desc_attrs(text) & XN)
		err = "text is not executable";
	else if (!(desc_attrs(rodata) & XN))
		err = "rodata is executable";
	else if (!(desc_attrs(data) & XN))
		err = "data is executable";
	else if (!(at_s1e2(HV_WINDOW_VIRT, 0) & PAR_F))
		err = "the window area is mapped";
	else
		err = hv_memory_wx_error();
	if (err) {
		printk("ERROR: EL2 W^X check failed: %s\n", err);
		return -EINVAL;
	}
	printk("EL2 W^X: text RX 0x%llx-0x%llx, rodata R XN 0x%llx-0x%llx, "
	       "data RW XN 0x%llx-0x%llx, WXN on\n",
	       (unsigned long long)__image_start,
	       (unsigned long long)__text_end, (unsigned long long)__text_end,
	       (unsigned long long)__rodata_end,
	       (unsigned long long)__rodata_end,
	       (unsigned long long)(__image_start + hv_header.core_size));
	return 0;
}

static void *window_map(uint64_t pa, uint64_t size, unsigned int attrs)
{
	uint64_t n = el2_window_pages(pa, size), va, i;
	int err;

	if (!el2_window_allowed(pa, size, hv_phys,
				sys_config->hypervisor_memory.size)) {
		printk("ERROR: no EL2 window onto 0x%llx+0x%llx: it wraps or "
		       "reaches into hypervisor memory\n",
		       (unsigned long long)pa, (unsigned long long)size);
		return NULL;
	}
	spin_lock(&window_lock);
	err = el2_window_alloc(&windows, n, &va);
	spin_unlock(&window_lock);
	if (err) {
		printk("ERROR: no EL2 window of %llu pages free\n",
		       (unsigned long long)n);
		return NULL;
	}
	this_per_cpu()->window_size = size;
	this_per_cpu()->window = (void *)(va + (pa & (PAGE - 1)));
	/* the entries were invalid: no TLB holds them, nothing to flush */
	for (i = 0; i < n; i++)
		window_l3[(va - HV_WINDOW_VIRT) / PAGE + i] =
			((pa & ~(PAGE - 1)) + i * PAGE) | attrs_of(attrs) |
			PTE_AF | PTE_TABLE | PTE_VALID;
	dsb(ishst);
	isb();
	el2_test_point(TEST_WINDOW_MAP);
	return (void *)(va + (pa & (PAGE - 1)));
}

const void *el2_window_map(uint64_t pa, uint64_t size)
{
	return window_map(pa, size, EL2_R);
}

void *el2_window_map_rw(uint64_t pa, uint64_t size)
{
	return window_map(pa, size, EL2_RW);
}

void el2_window_unmap(const void *p, uint64_t size)
{
	uint64_t va = (uint64_t)p & ~(PAGE - 1);
	uint64_t n = el2_window_pages((uint64_t)p, size), i;

	if (!p)
		return;
	for (i = 0; i < n; i++)
		window_l3[(va - HV_WINDOW_VIRT) / PAGE + i] = 0;
	dsb(ishst);
	if (n > TLBI_PAGES_MAX)
		asm volatile("tlbi alle2is" : : : "memory");
	else
		for (i = 0; i < n; i++)
			asm volatile("tlbi vae2is, %0"
				     :
				     : "r"((va >> 12) + i)
				     : "memory");
	asm volatile("dsb ish\n isb" : : : "memory");
	spin_lock(&window_lock);
	el2_window_free(&windows, va, n);
	spin_unlock(&window_lock);
	if (this_per_cpu()->window == p)
		this_per_cpu()->window = NULL;
}

void el2_window_release(unsigned int cpu)
{
	const void *p = per_cpu(cpu)->window;
	uint64_t size = per_cpu(cpu)->window_size;

	if (!p)
		return;
	printk(" unmapped the EL2 window 0x%llx+0x%llx it had mapped\n",
	       (unsigned long long)p, (unsigned long long)size);
	el2_window_unmap(p, size);
}

unsigned int el2_windows_mapped(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < HV_WINDOW_PAGES; i++)
		n += window_l3[i] & PTE_VALID;
	return n;
}
