// SPDX-License-Identifier: GPL-2.0
/*
 * The GIC distributor, trapped: every cell, the root included, reaches
 * it only through these handlers, which pass its accesses on to the real
 * distributor for the interrupts the cell owns and drop them (writes
 * ignored, reads as zero) for all others. Routing (GICD_IROUTER on
 * GICv3, GICD_ITARGETSR on GICv2) is only accepted to CPUs of the cell.
 * On GICv2 the SGIs' and PPIs' registers (bank 0) are banked per CPU in
 * the distributor and filtered as a GICv3 redistributor's are (the
 * hypervisor's stop SGI and maintenance interrupt stay its own), and
 * SGIs are sent through GICD_SGIR, emulated for the sender's cell.
 */
#include <arch/cell.h>
#include <arch/cell_irq.h>
#include <arch/direct_irq.h>
#include <arch/gicd.h>
#include <arch/gicr.h>
#include <arch/gicv2.h>
#include <arch/hv.h>
#include <arch/io.h>
#include <arch/mmio.h>
#include <warden/errno.h>
#include <warden/gic_filter.h>
#include <warden/gicv2_filter.h>

#define GICD_SIZE 0x10000
#define GICD_V2_SIZE 0x1000
#define GICD_ITARGETSR 0x0800
#define GICD_ITARGETSR_END 0x0c00
#define GICD_IGRPMODR 0x0d00
#define GICD_SGIR 0x0f00
#define GICD_V2_ID_START 0x0fd0
#define GICD_CTLR 0x0000
#define GICD_STATUSR 0x0010
#define GICD_SETSPI_NSR 0x0040
#define GICD_CLRSPI_NSR 0x0048
#define GICD_IPRIORITYR 0x0400
#define GICD_IROUTER 0x6000
#define GICD_IROUTER_END 0x7fe0
#define GICD_ID_START 0xffd0
#define IROUTER_IRM (1ULL << 31)
#define MPIDR_AFF_MASK 0xff00ffffffULL

/* Registers with a field of "bits" bits per interrupt. */
static const struct {
	uint16_t start, end;
	uint8_t bits;
	uint8_t w1x; /* write-1-to-set/clear: no read-modify-write */
} irq_regs[] = {
	{ 0x0080, 0x0100, 1, 0 }, /* IGROUPR */
	{ 0x0100, 0x0180, 1, 1 }, /* ISENABLER */
	{ 0x0180, 0x0200, 1, 1 }, /* ICENABLER */
	{ 0x0200, 0x0280, 1, 1 }, /* ISPENDR */
	{ 0x0280, 0x0300, 1, 1 }, /* ICPENDR */
	{ 0x0300, 0x0380, 1, 1 }, /* ISACTIVER */
	{ 0x0380, 0x0400, 1, 1 }, /* ICACTIVER */
	{ 0x0400, 0x0800, 8, 0 }, /* IPRIORITYR */
	{ 0x0800, 0x0c00, 8, 0 }, /* ITARGETSR */
	{ 0x0c00, 0x0d00, 2, 0 }, /* ICFGR */
	{ 0x0d00, 0x0d80, 1, 0 }, /* IGRPMODR */
	{ 0x0e00, 0x0f00, 2, 0 }, /* NSACR */
};

#define NUM_IRQ_REGS (sizeof(irq_regs) / sizeof(irq_regs[0]))
/*
 * Which irq_regs[] entry (plus one; 0: none) covers each 128 bytes of the
 * first 4 KiB: the registers start and end at multiples of 128, so an
 * access finds its register in one load instead of a walk of the table.
 */
#define SLOT_SHIFT 7
static uint8_t irq_reg_slot[0x1000 >> SLOT_SHIFT];

/* The irq_regs[] entry at off, or -1. */
static inline int irq_reg_of(unsigned int off)
{
	return off < 0x1000 ? (int)irq_reg_slot[off >> SLOT_SHIFT] - 1 : -1;
}

static uint64_t gicd_phys, gicd_size = GICD_SIZE;
/* Before gicd_init(): a frame no IPA reaches (IPAs have at most 52 bits). */
struct gicd_fast gicd_fast = { .phys = 1ULL << 63 };
static unsigned int gic_version;
static volatile uint8_t *gicd;

static uint64_t reg_read(unsigned int off, unsigned int size)
{
	return io_read(gicd + off, size);
}

static void reg_write(unsigned int off, unsigned int size, uint64_t v)
{
	io_write(gicd + off, size, v);
}

/*
 * SGIs and PPIs (0-31) are banked per CPU in the redistributors; with
 * affinity routing their distributor fields are reserved, so passing the
 * access on is harmless.
 */
static int irq_owned(uint64_t intid)
{
	/* the accessing CPU's cell: the root or a non-root cell */
	return intid < 32 || cell_irq_owned(this_cpu(), intid);
}

static int irq_owned_cb(void *ctx, uint64_t intid)
{
	return irq_owned(intid);
}

static int cpu_in_cell(uint64_t affinity)
{
	unsigned int i;

	for (i = 0; i < HV_MAX_CPUS; i++)
		if (cell_cpus_of(this_cpu()) & (1ULL << i) &&
		    (per_cpu(i)->mpidr & MPIDR_AFF_MASK) ==
			    (affinity & MPIDR_AFF_MASK))
			return 1;
	return 0;
}

static void irq_reg_access(struct mmio_access *a, unsigned int off,
			   unsigned int r)
{
	unsigned int n = a->size * 8 / irq_regs[r].bits, i;
	uint64_t first, mask;

	if (!a->is_write) {
		mask = gic_field_mask(off - irq_regs[r].start, a->size,
				      irq_regs[r].bits, irq_owned_cb, NULL,
				      &first);
		a->value = reg_read(off, a->size) & mask;
		return;
	}
	/*
	 * Ownership checked under the lock that a create's and a destroy's
	 * hand-over of SPIs holds (cell_irq.c): a write that passed the
	 * check lands before the SPI changes hands, never after.
	 */
	spin_lock(&gicd_lock);
	mask = gic_field_mask(off - irq_regs[r].start, a->size,
			      irq_regs[r].bits, irq_owned_cb, NULL, &first);
	if (mask && irq_regs[r].w1x)
		reg_write(off, a->size, a->value & mask);
	else if (mask)
		reg_write(off, a->size,
			  (reg_read(off, a->size) & ~mask) | (a->value & mask));
	spin_unlock(&gicd_lock);
	if (mask && irq_regs[r].start == GICD_IPRIORITYR)
		for (i = 0; i < n; i++)
			if (mask >> (i * 8) & 0xff)
				irqchip_priority_written(
					this_cpu(), this_cpu(), first + i,
					(a->value >> (i * 8)) & 0xff);
}

static void irouter_access(struct mmio_access *a, unsigned int off,
			   unsigned int cpu)
{
	uint64_t intid = (off - GICD_IROUTER) / 8;
	unsigned int base = off & ~7U;
	uint64_t route;

	if (!irq_owned(intid) || intid < 32) {
		if (!a->is_write)
			a->value = 0;
		return;
	}
	if (!a->is_write) {
		a->value = reg_read(off, a->size);
		return;
	}
	/*
	 * The whole 64-bit route the write would leave behind, read and
	 * written under the lock: a 32-bit half written meanwhile by another
	 * CPU would otherwise pass the check combined with a stale half.
	 */
	spin_lock(&gicd_lock);
	route = reg_read(base, 8);
	if (a->size == 8)
		route = a->value;
	else if (off == base)
		route = (route & ~0xffffffffULL) | a->value;
	else
		route = (route & 0xffffffffULL) | a->value << 32;
	if (route & IROUTER_IRM || !cpu_in_cell(route)) {
		spin_unlock(&gicd_lock);
		printk_limited(cpu,
			       "Warning: CPU %u: routing of IRQ %llu to 0x%llx "
			       "(outside the cell) ignored\n",
			       cpu, (unsigned long long)intid,
			       (unsigned long long)route);
		return;
	}
	reg_write(off, a->size, a->value);
	spin_unlock(&gicd_lock);
}

#define CTLR_RWP (1U << 31)

static void ctlr_write(unsigned int cpu, uint32_t value)
{
	static int warned;
	uint32_t cur, v;

	spin_lock(&gicd_lock);
	cur = reg_read(GICD_CTLR, 4);
	v = gic_ctlr_filter_grp0(cur, value, direct_irq_grp0);
	if (v != (cur & ~CTLR_RWP))
		reg_write(GICD_CTLR, 4, v);
	spin_unlock(&gicd_lock);
	if ((value ^ v) & ~CTLR_RWP && !warned) {
		warned = 1;
		printk("Warning: CPU %u: GICD_CTLR write 0x%x refused in part: "
		       "the hypervisor needs Group 1 enabled and affinity "
		       "routing; GICD_CTLR stays 0x%x\n",
		       cpu, value, v);
	}
}

/*
 * GICv2: a byte of GICD_ITARGETSR for each SPI the cell owns, its
 * targets kept within the cell's CPU interfaces (gicv2_itargets_filter);
 * bytes of SPIs it does not own read as zero and ignore writes.
 */
static void itargets_access(struct mmio_access *a, unsigned int off,
			    unsigned int cpu)
{
	uint64_t first, mask;
	uint8_t allowed;
	uint32_t cur, v = 0, refused = 0;
	unsigned int i;

	if (!a->is_write) {
		mask = gic_field_mask(off - GICD_ITARGETSR, a->size, 8,
				      irq_owned_cb, NULL, &first);
		a->value = reg_read(off, a->size) & mask;
		return;
	}
	/* ownership and the cell's CPUs as they are under the lock */
	spin_lock(&gicd_lock);
	mask = gic_field_mask(off - GICD_ITARGETSR, a->size, 8, irq_owned_cb,
			      NULL, &first);
	allowed = gicv2_cell_mask(cpu);
	cur = reg_read(off, a->size);
	for (i = 0; i < a->size; i++) {
		uint8_t c = cur >> (i * 8), w = a->value >> (i * 8), n = c;
		bool no = false;

		if (mask >> (i * 8) & 0xff)
			n = gicv2_itargets_filter(c, w, allowed, &no);
		v |= (uint32_t)n << (i * 8);
		refused |= (uint32_t)no << i;
	}
	if (mask && v != cur)
		reg_write(off, a->size, v);
	spin_unlock(&gicd_lock);
	/* reported after the lock: printk waits for the UART */
	for (i = 0; i < a->size; i++)
		if (refused >> i & 1)
			printk_limited(
				cpu,
				"Warning: CPU %u: routing of IRQ %llu to "
				"CPU interfaces 0x%x (outside the "
				"cell's 0x%x) ignored; targets 0x%x\n",
				cpu, (unsigned long long)first + i,
				(unsigned int)(a->value >> (i * 8) & 0xff),
				allowed, v >> (i * 8) & 0xff);
}

/*
 * GICv2 bank 0 (SGIs and PPIs, banked per CPU): the policy of a GICv3
 * redistributor of the accessing CPU (core/gicv2_filter.c). Only the CPU
 * itself reaches its bank, so no other CPU writes it meanwhile.
 */
static int bank0_access(struct mmio_access *a, unsigned int off,
			unsigned int cpu)
{
	struct gicr_verdict v;
	uint64_t old = 0, refused;
	unsigned int i;

	gicv2_bank0_filter(off, a->size, a->is_write,
			   cell_of(cpu) ? GICR_WHO_CELL : GICR_WHO_ROOT,
			   irqchip_reserved_irqs(), &v);
	if (v.action == GICR_REFUSE)
		return 0;
	if (!a->is_write) {
		a->value = v.action == GICR_PASS ? reg_read(off, a->size) : 0;
		return 1;
	}
	if (v.w1x) {
		if (a->value & v.mask)
			reg_write(off, a->size, a->value & v.mask);
	} else {
		old = reg_read(off, a->size);
		if (v.mask)
			reg_write(off, a->size, gicr_merge(&v, a->value, old));
	}
	refused = gicr_refused(&v, a->value, old);
	if (refused && !v.quiet && !gicr_bulk_write(&v, a->value))
		gic_report_refused(cpu, cpu, &v, a->value, refused);
	if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 32)
		for (i = 0; i < a->size; i++)
			if ((v.mask >> (i * 8)) & 0xff)
				irqchip_priority_written(cpu, cpu, v.first + i,
							 (a->value >> (i * 8)) &
								 0xff);
	return 1;
}

static void v2_ctlr_write(unsigned int cpu, uint32_t value)
{
	static int warned;
	uint32_t cur, v;

	spin_lock(&gicd_lock);
	cur = reg_read(GICD_CTLR, 4);
	v = gicv2_ctlr_filter(cur, value);
	if (v != cur)
		reg_write(GICD_CTLR, 4, v);
	spin_unlock(&gicd_lock);
	if (value != v && !warned) {
		warned = 1;
		printk("Warning: CPU %u: GICD_CTLR write 0x%x refused in part: "
		       "the hypervisor needs the interrupt groups enabled; "
		       "GICD_CTLR stays 0x%x\n",
		       cpu, value, v);
	}
}

/* The GICv2 distributor: 4 KiB, no affinity routing, SGIR emulated. */
static int v2_mmio(struct mmio_access *a, unsigned int off, unsigned int cpu)
{
	int r;

	/* The SGIs of the cell (its only register written per SGI) first */
	if (off == GICD_SGIR) {
		if (a->size != 4)
			return 0;
		if (a->is_write)
			gicv2_sgir_write(cpu, a->value);
		else
			a->value = 0; /* write-only */
		return 1;
	}
	/*
	 * Bank 0 lies in the first 32 bytes of a 128-byte register block
	 * or in CPENDSGIR/SPENDSGIR: only there is its table looked up.
	 */
	if (((off >= 0x80 && (off & 0x7f) < 0x20) ||
	     (off >= 0xf10 && off < 0xf30)) &&
	    gicv2_bank0(off))
		return bank0_access(a, off, cpu);
	if (off >= GICD_ITARGETSR && off < GICD_ITARGETSR_END) {
		if (a->size != 1 && a->size != 4)
			return 0;
		itargets_access(a, off, cpu);
		return 1;
	}
	r = irq_reg_of(off);
	/* IGRPMODR is reserved on GICv2 */
	if (r >= 0 && irq_regs[r].start != GICD_IGRPMODR) {
		if (a->size > 4 || (a->size < 4 && irq_regs[r].bits != 8))
			return 0;
		irq_reg_access(a, off, r);
		return 1;
	}
	if (a->size != 4)
		return 0;
	if (a->is_write) {
		if (off == GICD_CTLR && !cell_of(cpu))
			v2_ctlr_write(cpu, a->value);
		return 1;
	}
	/* CTLR, TYPER, IIDR and the ID registers; others RAZ */
	if (off < 0x0c || off >= GICD_V2_ID_START)
		a->value = reg_read(off, 4);
	else
		a->value = 0;
	return 1;
}

uint64_t gicd_frame_size(void)
{
	return gicd_size;
}

int gicd_init(void)
{
	unsigned int r, off;

	gicd_phys = sys_config->platform_info.arm.gicd_base;
	gic_version = sys_config->platform_info.arm.gic_version;
	gicd_size = gic_version == 2 ? GICD_V2_SIZE : GICD_SIZE;
	if (!gicd_phys || gicd_phys & (gicd_size - 1) ||
	    (gicd_phys & ((1ULL << 30) - 1)) + gicd_size > (1ULL << 30)) {
		printk("ERROR: GIC distributor at 0x%llx: must be %llu KiB "
		       "aligned\n",
		       (unsigned long long)gicd_phys,
		       (unsigned long long)gicd_size / 1024);
		return -EINVAL;
	}
	gicd = (volatile uint8_t *)(HV_GIC_VIRT +
				    (gicd_phys & ((1ULL << 30) - 1)));
	for (r = 0; r < NUM_IRQ_REGS; r++)
		for (off = irq_regs[r].start; off < irq_regs[r].end;
		     off += 1U << SLOT_SHIFT)
			irq_reg_slot[off >> SLOT_SHIFT] = r + 1;
	/*
	 * The fast path's answers, as gicd_mmio() reads them: TYPER, IIDR,
	 * on GICv3 TYPER2 (RAZ on GICv2), the ID registers; read-only.
	 */
	gicd_fast.id_start = gic_version == 2 ? GICD_V2_ID_START :
						GICD_ID_START;
	gicd_fast.ctlr = (const volatile uint32_t *)(gicd + GICD_CTLR);
	for (off = 4; off < 0x10; off += 4)
		gicd_fast.low[off / 4] =
			gic_version == 2 && off >= 0x0c ? 0 : reg_read(off, 4);
	for (off = 0; off < sizeof(gicd_fast.id); off += 4)
		gicd_fast.id[off / 4] = reg_read(gicd_fast.id_start + off, 4);
	gicd_fast.phys = gicd_phys;
	return 0;
}

int gicd_mmio(struct mmio_access *a, unsigned int cpu)
{
	unsigned int off;
	int r;

	if (a->addr < gicd_phys || a->addr >= gicd_phys + gicd_size)
		return 0;
	off = a->addr - gicd_phys;
	/* Natural alignment, as the GIC architecture requires. */
	if (off & (a->size - 1))
		return 0;
	if (gic_version == 2)
		return v2_mmio(a, off, cpu);

	r = irq_reg_of(off);
	if (r >= 0) {
		/* byte access only to the byte-per-IRQ registers */
		if (a->size > 4 || (a->size < 4 && irq_regs[r].bits != 8))
			return 0;
		irq_reg_access(a, off, r);
		return 1;
	}
	if (off >= GICD_IROUTER && off < GICD_IROUTER_END + 8) {
		if (a->size < 4)
			return 0;
		irouter_access(a, off, cpu);
		return 1;
	}
	if (a->size != 4)
		return 0;
	if (off == GICD_SETSPI_NSR || off == GICD_CLRSPI_NSR) {
		/* the INTID checked is the INTID written, nothing more */
		uint32_t intid = a->value & 0x3ff;

		if (a->is_write && intid >= 32 && irq_owned(intid))
			reg_write(off, 4, intid);
		else if (!a->is_write)
			a->value = 0;
		return 1;
	}
	if (a->is_write) {
		/*
		 * The root cell owns the distributor's global controls;
		 * other registers ignore writes.
		 */
		if (off == GICD_CTLR && !cell_of(cpu))
			ctlr_write(cpu, a->value);
		else if (off == GICD_STATUSR && !cell_of(cpu))
			reg_write(off, 4, a->value);
		return 1;
	}
	/* CTLR, TYPER, IIDR, TYPER2, STATUSR, ID registers; others RAZ. */
	if (off < 0x80 || off >= GICD_ID_START)
		a->value = reg_read(off, 4);
	else
		a->value = 0;
	return 1;
}
