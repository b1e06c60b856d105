// SPDX-License-Identifier: GPL-2.0
/*
 * The GIC redistributors, trapped for every cell. Each access goes through
 * the policy of core/gicr_filter.c: a cell changes the SGIs and PPIs of
 * its own CPUs, except the hypervisor's stop SGI and maintenance
 * interrupt, without which the hypervisor could no longer stop the CPU or
 * refill its list registers; the redistributor's controls (power, LPIs)
 * stay the hypervisor's; other CPUs' frames show only their TYPER and ID
 * registers. A refused change is reported on the console, naming the
 * cell, CPU, register and interrupts. A priority written for an SGI or
 * PPI also updates a copy already waiting in the list registers.
 */
#include <arch/cell.h>
#include <arch/gicr.h>
#include <arch/gicv3.h>
#include <arch/hv.h>
#include <arch/io.h>
#include <arch/mmio.h>
#include <warden/gicr_filter.h>

#define GICR_IPRIORITYR (GICR_SGI_BASE + 0x0400)
#define GICR_IPRIORITYR_END (GICR_IPRIORITYR + 32)
/* Console lines about refused writes, per CPU and start of its cell */
#define WARN_MAX 16

static uint64_t gicr_phys, gicr_size;
static uint32_t reserved;
static const char *roles[32];

void gicr_init(void)
{
	unsigned int maint = irqchip_maint_irq();

	/* a GICv2 has no redistributors: nothing here traps */
	gicr_phys = sys_config->platform_info.arm.gicr_base;
	gicr_size = irqchip->version == 3 ?
			    (uint64_t)(64 - __builtin_clzll(root_cpu_set)) *
				    GICR_FRAME_STRIDE :
			    0;
	/* irqchip_init() checked that maint is a PPI */
	reserved = irqchip_reserved_irqs();
	roles[SGI_CELL_STOP] = "the hypervisor's stop SGI";
	roles[maint] = "the GIC maintenance interrupt";
}

uint64_t gicr_region_size(void)
{
	return gicr_size;
}

/* The CPU whose frame starts at frame_phys, or -1. */
static int frame_cpu(uint64_t frame_phys)
{
	unsigned int cpu;

	for (cpu = 0; cpu < HV_MAX_CPUS; cpu++)
		if (gicv3_redist_phys(cpu) == frame_phys)
			return cpu;
	return -1;
}

/* Shared with gicd.c, which applies the same policy to GICv2's bank 0. */
void gic_report_refused(unsigned int cpu, unsigned int frame,
			const struct gicr_verdict *v, uint64_t value,
			uint64_t refused)
{
	char line[224];

	/* A cell writing in a loop must not flood the shared console. */
	if (per_cpu(cpu)->gicr_warned > WARN_MAX)
		return;
	if (++per_cpu(cpu)->gicr_warned > WARN_MAX) {
		printk("Warning: Cell \"%s\": CPU %u: further refused "
		       "redistributor writes not reported\n",
		       cell_name_of(cpu), cpu);
		return;
	}
	gicr_describe(line, sizeof(line), v, value, refused, frame, roles);
	printk("Warning: Cell \"%s\": CPU %u: %s\n", cell_name_of(cpu), cpu,
	       line);
}

int gicr_mmio(struct mmio_access *a, unsigned int cpu)
{
	uint64_t frame, off, old = 0, refused;
	struct gicr_verdict v;
	enum gicr_who who;
	volatile uint8_t *p;
	int owner;

	if (a->addr < gicr_phys || a->addr >= gicr_phys + gicr_size)
		return 0;
	frame = gicr_phys +
		(a->addr - gicr_phys) / GICR_FRAME_STRIDE * GICR_FRAME_STRIDE;
	off = a->addr - frame;
	owner = frame_cpu(frame);
	if (owner < 0 || !(cell_cpus_of(cpu) & (1ULL << owner)))
		who = GICR_WHO_FOREIGN;
	else
		who = cell_of(cpu) ? GICR_WHO_CELL : GICR_WHO_ROOT;
	gicr_filter(off, a->size, a->is_write, who, reserved, &v);
	if (v.action == GICR_REFUSE)
		return 0;
	if (v.action == GICR_RAZ_WI) {
		if (!a->is_write)
			a->value = 0;
		return 1;
	}
	p = (volatile uint8_t *)(HV_GIC_VIRT + (a->addr & ((1ULL << 30) - 1)));
	if (!a->is_write) {
		a->value = io_read(p, a->size);
		return 1;
	}
	if (v.w1x) {
		/* a zero bit changes nothing: no need to read */
		if (a->value & v.mask)
			io_write(p, a->size, a->value & v.mask);
	} else {
		spin_lock(&gicr_lock);
		old = io_read(p, a->size);
		if (v.mask)
			io_write(p, a->size, gicr_merge(&v, a->value, old));
		spin_unlock(&gicr_lock);
	}
	refused = gicr_refused(&v, a->value, old);
	/* a frame no CPU is known for: its number in the region */
	if (refused && !v.quiet && !gicr_bulk_write(&v, a->value))
		gic_report_refused(cpu,
				   owner >= 0 ? (unsigned int)owner :
						(a->addr - gicr_phys) /
							GICR_FRAME_STRIDE,
				   &v, a->value, refused);
	if (off >= GICR_IPRIORITYR && off < GICR_IPRIORITYR_END && owner >= 0) {
		unsigned int i;

		for (i = 0; i < a->size; i++)
			if ((v.mask >> (i * 8)) & 0xff)
				irqchip_priority_written(
					owner, cpu, v.first + i,
					(a->value >> (i * 8)) & 0xff);
	}
	return 1;
}
