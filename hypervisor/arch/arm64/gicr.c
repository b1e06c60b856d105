// SPDX-License-Identifier: GPL-2.0
/*
 * The GIC redistributors, trapped: the root cell reaches the frames of
 * its own CPUs, whose accesses pass through unchanged (a CPU's SGIs and
 * PPIs belong to whoever owns the CPU); frames of other CPUs read as zero
 * and ignore writes. A priority written for an SGI or PPI also updates a
 * copy already waiting in the list registers.
 */
#include <arch/cell.h>
#include <arch/hv.h>

#define GICR_STRIDE 0x20000
#define GICR_SGI 0x10000
#define GICR_IPRIORITYR (GICR_SGI + 0x0400)
#define GICR_IPRIORITYR_END (GICR_IPRIORITYR + 32)
#define GICR_TYPER 0x0008
#define GICR_ID_START 0xffd0

static uint64_t gicr_phys, gicr_size;

void gicr_init(void)
{
	gicr_phys = sys_config->platform_info.arm.gicr_base;
	gicr_size =
		(uint64_t)(64 - __builtin_clzll(root_cpu_set)) * GICR_STRIDE;
}

uint64_t gicr_region_size(void)
{
	return gicr_size;
}

static int frame_owner(uint64_t frame_phys)
{
	unsigned int cpu;

	for (cpu = 0; cpu < HV_MAX_CPUS; cpu++)
		if (cell_cpus_of(this_cpu()) & (1ULL << cpu) &&
		    gicv3_redist_phys(cpu) == frame_phys)
			return cpu;
	return -1;
}

int gicr_mmio(struct mmio_access *a, unsigned int cpu)
{
	uint64_t frame, off;
	volatile uint8_t *p;
	int owner;

	if (a->addr < gicr_phys || a->addr >= gicr_phys + gicr_size)
		return 0;
	if (a->addr & (a->size - 1))
		return 0;
	frame = gicr_phys + (a->addr - gicr_phys) / GICR_STRIDE * GICR_STRIDE;
	off = a->addr - frame;
	owner = frame_owner(frame);
	/*
	 * Other CPUs' frames: their TYPER and ID registers read through, so
	 * that a cell can walk the frames to find its own (as inmates and
	 * Linux do); everything else reads as zero and ignores writes.
	 */
	if (owner < 0 && (a->is_write || !(off == GICR_TYPER ||
					   off >= GICR_ID_START))) {
		if (!a->is_write)
			a->value = 0;
		return 1;
	}
	p = (volatile uint8_t *)(HV_GIC_VIRT + (a->addr & ((1ULL << 30) - 1)));
	if (!a->is_write) {
		switch (a->size) {
		case 1:
			a->value = *(volatile uint8_t *)p;
			break;
		case 2:
			a->value = *(volatile uint16_t *)p;
			break;
		case 4:
			a->value = *(volatile uint32_t *)p;
			break;
		default:
			a->value = *(volatile uint64_t *)p;
			break;
		}
		return 1;
	}
	switch (a->size) {
	case 1:
		*(volatile uint8_t *)p = a->value;
		break;
	case 2:
		*(volatile uint16_t *)p = a->value;
		break;
	case 4:
		*(volatile uint32_t *)p = a->value;
		break;
	default:
		*(volatile uint64_t *)p = a->value;
		break;
	}
	if (off >= GICR_IPRIORITYR && off < GICR_IPRIORITYR_END &&
	    (unsigned int)owner == cpu) {
		unsigned int i;

		for (i = 0; i < a->size; i++)
			gicv3_priority_changed(cpu, off - GICR_IPRIORITYR + i,
					       (a->value >> (i * 8)) & 0xff);
	}
	return 1;
}
