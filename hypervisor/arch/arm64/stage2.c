// SPDX-License-Identifier: GPL-2.0
/*
 * The root cell's stage 2: an identity map of the regions its config
 * lists, with their access rights (execute included), plus the GIC for as
 * long as it is not emulated. Hypervisor memory is never mapped: in its
 * place the root sees one zero page, read-only, so that a stray read
 * through /dev/mem or an old mapping returns zeros instead of faulting,
 * and the console ring, read-only, for the driver.
 */
#include <arch/cell.h>
#include <arch/gicr.h>
#include <arch/hv.h>
#include <arch/pool.h>
#include <arch/test_point.h>
#include <warden/errno.h>
#include <warden/esr.h>
#include <warden/pgtable_edit.h>

static uint64_t pool_start; /* physical */
static struct pgtable root_s2;
static unsigned int ipa_bits;
static uint64_t parange;
/* held while an entry of root_s2 may be transiently invalid */
spinlock_t root_s2_lock; /* released by el2_locks_release() */
static int said_retry;

/* Pages come from the bitmap pool (pool.c), which cells give back to. */
static int pool_alloc(void *ctx, uint64_t *pa)
{
	return pool_alloc_pages(1, pa);
}

static void *pool_ptr(void *ctx, uint64_t pa)
{
	return (void *)(pa - hv_phys + HV_VIRT_BASE);
}

/*
 * Break-before-make for the root's stage 2, between the invalid entry and
 * its replacement (pgtable_edit.c). The root keeps running on its other
 * CPUs meanwhile. Cell management runs on a root CPU, so VMID 0 is the
 * current VMID that the TLBIs act on. Stage-2 entries are invalidated by
 * IPA (one per page up to 2 MiB: a collapsed table may be cached as 512
 * page entries; beyond that the whole VMID), then the combined stage 1+2
 * entries, which are tagged by VA and cannot be found by IPA (Arm ARM
 * D8, "TLB maintenance": VMALLE1IS after IPAS2E1IS).
 */
static void root_s2_invalidate(void *ctx, uint64_t ipa, uint64_t size)
{
	uint64_t a;

	el2_test_point(TEST_S2_BBM);
	dsb(ishst); /* the invalid entry reaches every walker first */
	if (size <= 0x200000) {
		for (a = ipa; a < ipa + size; a += PGTABLE_PAGE_SIZE)
			asm volatile("tlbi ipas2e1is, %0"
				     :
				     : "r"(a >> 12)
				     : "memory");
		dsb(ish);
		asm volatile("tlbi vmalle1is" : : : "memory");
	} else {
		asm volatile("tlbi vmalls12e1is" : : : "memory");
	}
	dsb(ish);
	isb();
}

/*
 * An exception at EL2 on this CPU (traps.c, before the locks go): an edit
 * of the root's stage 2 it cut short between the invalid entry and its
 * replacement is completed while root_s2_lock still keeps the other CPUs
 * out, or the root would lose that block of its memory for good (its
 * CPUs retry only addresses that translate, stage2_root_fault_retry()).
 * Returns 1 if there was one. Prints nothing: print_lock may be held.
 */
int stage2_root_edit_finish(void)
{
	if (root_s2_lock != lock_owner_value())
		return 0;
	return pgtable_edit_finish(&root_s2, pool_pgtable_free);
}

int stage2_root_map(uint64_t ipa, uint64_t size, uint64_t attrs,
		    unsigned int flags)
{
	int err;

	spin_lock(&root_s2_lock);
	err = pgtable_map(&root_s2, ipa, ipa, size, attrs, flags);
	spin_unlock(&root_s2_lock);
	return err;
}

int stage2_root_unmap(uint64_t ipa, uint64_t size)
{
	int err;

	spin_lock(&root_s2_lock);
	err = pgtable_unmap(&root_s2, ipa, size);
	spin_unlock(&root_s2_lock);
	return err;
}

void stage2_root_collapse(uint64_t ipa, uint64_t size)
{
	spin_lock(&root_s2_lock);
	pgtable_collapse(&root_s2, ipa, size, pool_pgtable_free);
	spin_unlock(&root_s2_lock);
}

/*
 * A root CPU that walks through an entry of its stage 2 while another CPU
 * replaces it (a block split when a cell takes memory, a table merged
 * when it gives it back) takes a translation fault on memory it owns.
 * That is not the root's fault: once the edit is over (the lock), an
 * address that translates again is simply retried. The alternative,
 * stopping the root's CPUs around each edit, would cost an IPI round on
 * every cell create, load, start and destroy for a window of a few
 * hundred cycles.
 */
void stage2_root_edits_wait(void)
{
	spin_lock(&root_s2_lock);
	spin_unlock(&root_s2_lock);
}

int stage2_root_fault_retry(unsigned int cpu)
{
	uint64_t esr = sysreg_read(esr_el2);
	uint64_t ipa = (sysreg_read(hpfar_el2) >> 4) << 12;
	unsigned int ec = ESR_EC(esr), fsc = esr & 0x3f, level;
	uint64_t pa, attrs;
	int mapped;

	if (cell_of(cpu) || (ec != EC_DABT_LOW && ec != EC_IABT_LOW))
		return 0;
	/* translation faults at levels 0-3: nothing else comes from BBM */
	if ((fsc & 0x3c) != 0x04)
		return 0;
	spin_lock(&root_s2_lock);
	mapped = !pgtable_lookup(&root_s2, ipa, &pa, &attrs, &level);
	spin_unlock(&root_s2_lock);
	if (mapped && !said_retry) {
		/* once: that it happens and is handled, not how often */
		said_retry = 1;
		printk("CPU %u: IPA 0x%llx was invalid while the root's stage 2 "
		       "changed (break-before-make): access retried\n",
		       cpu, (unsigned long long)ipa);
	}
	return mapped;
}

static int map_checked(const char *what, uint64_t ipa, uint64_t pa,
		       uint64_t size, uint64_t attrs, unsigned int flags)
{
	int err = pgtable_map(&root_s2, ipa, pa, size, attrs, flags);

	if (err == -EEXIST)
		printk("ERROR: %s at 0x%llx overlaps another region\n", what,
		       (unsigned long long)ipa);
	else if (err == -ENOMEM)
		printk("ERROR: hypervisor memory too small for the root "
		       "cell's page tables (%llu pages)\n",
		       (unsigned long long)pool_pages);
	else if (err)
		printk("ERROR: %s 0x%llx-0x%llx cannot be mapped: %d\n", what,
		       (unsigned long long)ipa,
		       (unsigned long long)(ipa + size - 1), err);
	return err;
}

static int map_hv_memory(void)
{
	uint64_t size = sys_config->hypervisor_memory.size;
	uint64_t console = hv_virt_to_phys(hv_console);
	uint64_t ro = S2_MEMATTR_NORMAL | PTE_SH_INNER | S2_AP_READ | S2_XN;
	uint64_t zero, off;
	int err = pool_alloc(NULL, &zero);

	for (off = 0; !err && off < size; off += PGTABLE_PAGE_SIZE) {
		uint64_t pa = hv_phys + off;
		int is_console = pa >= console &&
				 pa < console + HV_CONSOLE_SIZE;

		err = map_checked("hypervisor memory", pa,
				  is_console ? pa : zero, PGTABLE_PAGE_SIZE, ro,
				  PGTABLE_NO_BLOCKS);
	}
	return err;
}

unsigned int stage2_ipa_bits(void)
{
	return ipa_bits;
}

static int map_regions(const struct jailhouse_memory *mem, uint32_t n)
{
	uint64_t limit = 1ULL << ipa_bits;
	uint32_t i;
	int err;

	for (i = 0; i < n; i++) {
		const struct jailhouse_memory *m = &mem[i];

		if (m->flags & JAILHOUSE_MEM_COMM_REGION)
			continue; /* the root cell has no comm region */
		if (!m->size)
			continue;
		if (m->phys_start + m->size < m->phys_start ||
		    m->virt_start + m->size > limit ||
		    m->phys_start + m->size > limit) {
			printk("ERROR: root region %u (0x%llx, size 0x%llx) "
			       "lies beyond the %u-bit physical address "
			       "space\n",
			       i, (unsigned long long)m->phys_start,
			       (unsigned long long)m->size, ipa_bits);
			return -EINVAL;
		}
		err = map_checked("root region", m->virt_start, m->phys_start,
				  m->size, stage2_attrs(m->flags),
				  m->flags & JAILHOUSE_MEM_NO_HUGEPAGES ?
					  PGTABLE_NO_BLOCKS :
					  0);
		if (err)
			return err;
	}
	return 0;
}

/*
 * GICv2: the virtual CPU interface (GICV) at the address of the CPU
 * interface (GICC), where Linux and the inmates look for it; 8 KiB, for
 * GICC_DIR at +0x1000 (Linux at EL2 uses split EOI). GICC and GICH stay
 * unmapped: they are the hypervisor's. For the root and every cell.
 */
int stage2_map_gicv(struct pgtable *pt)
{
	const typeof(sys_config->platform_info.arm) *arm =
		&sys_config->platform_info.arm;
	int err;

	if (arm->gic_version != 2)
		return 0;
	err = pgtable_map(pt, arm->gicc_base, arm->gicv_base, 0x2000,
			  stage2_attrs(JAILHOUSE_MEM_READ |
				       JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_IO),
			  PGTABLE_NO_BLOCKS);
	if (err)
		printk("ERROR: the GICv2 virtual CPU interface 0x%llx cannot "
		       "be mapped at 0x%llx: %d\n",
		       (unsigned long long)arm->gicv_base,
		       (unsigned long long)arm->gicc_base, err);
	return err;
}

int stage2_build_root(void)
{
	static const unsigned char bits[] = { 32, 36, 40, 42, 44, 48, 52 };
	const struct jailhouse_memory *mem = root_config.mem_regions;
	uint32_t n = root_config.cell->num_memory_regions;
	uint64_t end = hv_header.config_offset + hv_header.config_size;
	int err;

	parange = sysreg_read(id_aa64mmfr0_el1) & 0xf;
	if (parange > 5)
		parange = 5; /* 48 bits: no 52-bit tables */
	ipa_bits = bits[parange];
	/*
	 * With 4 KiB pages, stage 2 may start at level 0 only for IPA spaces
	 * of 44 bits or more: a CPU with a 40 or 42-bit PA range (Cortex-A76
	 * in QEMU) faults at level 0 otherwise. Use 39 bits from level 1,
	 * one table page, rather than concatenated level-1 tables.
	 */
	if (ipa_bits > 39 && ipa_bits < 44)
		ipa_bits = 39;

	pool_start = hv_phys +
		     ((end + PGTABLE_PAGE_SIZE - 1) & ~(PGTABLE_PAGE_SIZE - 1));
	pool_pages =
		(hv_phys + sys_config->hypervisor_memory.size - pool_start) /
		PGTABLE_PAGE_SIZE;
	pool_init(pool_start, pool_pages);

	root_s2.start_level = ipa_bits > 39 ? 0 : 1;
	root_s2.root_entries = 1U
			       << (ipa_bits - (root_s2.start_level ? 30 : 39));
	root_s2.alloc_page = pool_alloc;
	root_s2.phys_to_ptr = pool_ptr;
	/* the root runs while cells change its stage 2 */
	root_s2.invalidate = root_s2_invalidate;
	err = pool_alloc(NULL, &root_s2.root);
	if (!err)
		err = map_regions(mem, n);
	if (!err)
		err = stage2_map_gicv(&root_s2);
	/* no region maps GICD, GICR, GICC or GICH (rules_system): they trap */
	if (!err)
		gicr_init();
	if (!err)
		err = map_hv_memory();
	if (!err)
		printk("Root cell stage 2: %u-bit IPA, %llu of %llu pool pages "
		       "used\n",
		       ipa_bits, (unsigned long long)pool_used,
		       (unsigned long long)pool_pages);
	/* Tables written through the cache are walked coherently (VTCR). */
	dsb(ish);
	return err;
}

/* The root's table, which cells take memory from and give it back to. */
struct pgtable *stage2_root(void)
{
	return &root_s2;
}

uint64_t stage2_vttbr(void)
{
	return root_s2.root; /* VMID 0 */
}

uint64_t stage2_vtcr(void)
{
	uint64_t sl0 = root_s2.start_level ? 1 : 2;

	return (64 - ipa_bits) | sl0 << 6 | 1 << 8 | 1 << 10 | 3 << 12 |
	       parange << 16 | 1ULL << 31;
}
