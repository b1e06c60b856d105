// SPDX-License-Identifier: GPL-2.0
/* CPU, interrupt and PCI checks of "warden config check". */
#include <string.h>

#include "config_check_int.h"

/* ---- interrupts ---- */

void check_irqchips(const struct ctx *x, const struct warden_config *c)
{
	uint64_t gicd = x->sys->system->platform_info.arm.gicd_base;
	struct config_finding *f;
	uint32_t i;

	for (i = 0; i < c->cell->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &c->irqchips[i];
		uint64_t top = 0;
		unsigned int w, low = 0;

		if (chip->address != gicd) {
			f = config_report_add(
				x->r, FINDING_WARNING, "irqchip", name_of(c),
				-1,
				"irqchip %u has address 0x%llx, not the GIC "
				"distributor 0x%llx: it is ignored",
				i, (unsigned long long)chip->address,
				(unsigned long long)gicd);
			set_fix(f, "set .address to the gicd_base of the "
				   "system config");
			continue;
		}
		if (chip->pin_base % 32) {
			f = config_report_add(
				x->r, FINDING_ERROR, "irqchip", name_of(c), -1,
				"irqchip %u has pin_base %u, not a multiple of "
				"32: the cell would be refused",
				i, chip->pin_base);
			set_fix(f,
				"use pin_base %u and shift the bitmap by %u "
				"bits",
				chip->pin_base & ~31u, chip->pin_base % 32);
		}
		for (w = 0; w < 4; w++) {
			uint32_t bits = chip->pin_bitmap[w];
			unsigned int b;

			for (b = 0; b < 32; b++) {
				uint64_t intid =
					(uint64_t)chip->pin_base + 32 * w + b;

				if (!((bits >> b) & 1))
					continue;
				if (intid < 32)
					low++;
				if (intid > GIC_MAX_INTID && intid > top)
					top = intid;
			}
		}
		if (low) {
			f = config_report_add(
				x->r, FINDING_WARNING, "irqchip", name_of(c),
				-1,
				"irqchip %u grants %u SGI/PPI line(s) (INTID < "
				"32): those are per CPU and always the cell's, "
				"the bits are ignored",
				i, low);
			set_fix(f, "start at pin_base 32: bit 0 of "
				   "pin_bitmap[0] is then INTID 32 (SPI 0)");
		}
		if (top) {
			f = config_report_add(
				x->r, FINDING_ERROR, "irqchip", name_of(c), -1,
				"irqchip %u grants INTIDs up to %llu, beyond the "
				"GIC's last line %u",
				i, (unsigned long long)top, GIC_MAX_INTID);
			set_fix(f,
				"clear the bits beyond INTID %u; bit b of "
				"pin_bitmap[w] is INTID pin_base + 32*w + b",
				GIC_MAX_INTID);
		}
	}
}

/* INTx of ivshmem devices: 32 + vpci_irq_base + (slot & 3). */
void check_vpci_irqs(const struct ctx *x, const struct warden_config *c)
{
	uint64_t gicd = x->sys->system->platform_info.arm.gicd_base;
	uint32_t d;

	for (d = 0; d < c->cell->num_pci_devices; d++) {
		const struct jailhouse_pci_device *dev = &c->pci_devices[d];
		uint64_t intid = 32 + (uint64_t)c->cell->vpci_irq_base +
				 ((dev->bdf >> 3) & 3);
		struct config_finding *f;

		if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM ||
		    dev->num_msix_vectors ||
		    warden_config_has_irq(c, gicd, intid))
			continue;
		f = config_report_add(
			x->r, FINDING_ERROR, "vpci-irq", name_of(c), -1,
			"ivshmem device %02x:%02x.%x raises INTID %llu "
			"(vpci_irq_base %u), which the cell's irqchip does "
			"not grant: its interrupts never arrive",
			dev->bdf >> 8, (dev->bdf >> 3) & 0x1f, dev->bdf & 7,
			(unsigned long long)intid, c->cell->vpci_irq_base);
		if (intid >= 32)
			set_fix(f,
				"grant it: pin_base %llu, bit %llu of "
				"pin_bitmap[%llu]",
				(unsigned long long)((intid - 32) / 128 * 128 +
						     32),
				(unsigned long long)((intid - 32) % 32),
				(unsigned long long)((intid - 32) % 128 / 32));
	}
}

void check_ivshmem(const struct ctx *x, const struct warden_config *c)
{
	uint32_t d;

	for (d = 0; d < c->cell->num_pci_devices; d++) {
		const struct jailhouse_pci_device *dev = &c->pci_devices[d];
		struct config_finding *f;

		if ((uint64_t)dev->caps_start + dev->num_caps >
		    c->cell->num_pci_caps) {
			f = config_report_add(
				x->r, FINDING_ERROR, "pci", name_of(c), -1,
				"PCI device %u uses capabilities %u..%u, the "
				"cell has %u",
				d, dev->caps_start,
				dev->caps_start + dev->num_caps - 1,
				c->cell->num_pci_caps);
			set_fix(f, "fix caps_start/num_caps or the pci_caps "
				   "array");
		}
		if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		if (dev->shmem_peers < 1 ||
		    dev->shmem_peers > IVSHMEM_MAX_PEERS ||
		    dev->shmem_dev_id >= dev->shmem_peers) {
			f = config_report_add(
				x->r, FINDING_ERROR, "ivshmem", name_of(c), -1,
				"ivshmem device %u: dev_id %u with %u peers "
				"(1..%u peers, dev_id below peers)",
				d, dev->shmem_dev_id, dev->shmem_peers,
				IVSHMEM_MAX_PEERS);
			set_fix(f, "give every peer of the link a distinct "
				   "shmem_dev_id below shmem_peers");
		}
		if ((uint64_t)dev->shmem_regions_start + 2 + dev->shmem_peers >
		    c->cell->num_memory_regions) {
			f = config_report_add(
				x->r, FINDING_ERROR, "ivshmem", name_of(c), -1,
				"ivshmem device %u needs regions %u..%llu "
				"(state, R/W, one output per peer), the cell "
				"has %u",
				d, dev->shmem_regions_start,
				(unsigned long long)dev->shmem_regions_start +
					1 + dev->shmem_peers,
				c->cell->num_memory_regions);
			set_fix(f, "point shmem_regions_start at the state "
				   "table region and list 2 + peers regions "
				   "from there");
		}
	}
}

/* Report INTIDs shared by two non-root cells, as ranges. */
void check_spi_conflicts(const struct ctx *x)
{
	uint64_t gicd = x->sys->system->platform_info.arm.gicd_base;
	unsigned int i, j;

	for (i = 0; i < x->num_cells; i++)
		for (j = i + 1; j < x->num_cells; j++) {
			const struct warden_config *a = x->cells[i],
						   *b = x->cells[j];
			char list[200] = "";
			size_t used = 0;
			uint64_t intid, first = 0;
			int in = 0;

			if (is_root(x, a) || is_root(x, b))
				continue;
			for (intid = 32; intid <= GIC_MAX_INTID + 1; intid++) {
				int both =
					intid <= GIC_MAX_INTID &&
					warden_config_has_irq(a, gicd, intid) &&
					warden_config_has_irq(b, gicd, intid);

				if (both && !in) {
					first = intid;
					in = 1;
				} else if (!both && in) {
					in = 0;
					if (used < sizeof(list))
						used += snprintf(
							list + used,
							sizeof(list) - used,
							first == intid - 1 ?
								"%s%llu" :
								"%s%llu-%llu",
							used ? ", " : "",
							(unsigned long long)
								first,
							(unsigned long long)
									intid -
								1);
				}
			}
			if (list[0]) {
				struct config_finding *f = config_report_add(
					x->r, FINDING_ERROR, "irq-conflict",
					name_of(b), -1,
					"interrupts granted to both \"%s\" and "
					"\"%s\": INTID %s",
					name_of(a), name_of(b), list);
				set_fix(f, "an SPI goes to one cell: clear it "
					   "from one of the two irqchip "
					   "bitmaps");
			}
		}
}

/* ---- CPUs ---- */

void check_cpus(const struct ctx *x)
{
	const struct warden_config *root = x->sys;
	uint64_t limit = warden_config_cpu_limit(root), cpu;
	struct config_finding *f;
	unsigned int i, j, kept = 0;

	if (!limit) {
		f = config_report_add(x->r, FINDING_ERROR, "cpus",
				      name_of(root), -1,
				      "the root cell has no CPU");
		set_fix(f, "set the root's cpus bitmap to every CPU Linux "
			   "runs on");
	}
	for (i = 0; i < x->num_cells; i++) {
		const struct warden_config *c = x->cells[i];
		uint64_t n = (uint64_t)c->cell->cpu_set_size * 8;

		if (is_root(x, c))
			continue;
		if (!warden_config_cpu_count(c)) {
			f = config_report_add(x->r, FINDING_ERROR, "cpus",
					      name_of(c), -1,
					      "the cell has no CPU");
			set_fix(f, "set at least one bit in .cpus");
		}
		for (cpu = 0; cpu < n; cpu++) {
			if (!warden_config_has_cpu(c, cpu))
				continue;
			if (!warden_config_has_cpu(root, cpu)) {
				f = config_report_add(
					x->r, FINDING_ERROR, "cpus", name_of(c),
					-1,
					"CPU %llu is not a CPU of the root "
					"cell, which lends every CPU",
					(unsigned long long)cpu);
				set_fix(f, "use CPUs of the root cell's set");
			}
			for (j = 0; j < i; j++)
				if (!is_root(x, x->cells[j]) &&
				    warden_config_has_cpu(x->cells[j], cpu)) {
					f = config_report_add(
						x->r, FINDING_ERROR, "cpus",
						name_of(c), -1,
						"CPU %llu is also in cell "
						"\"%s\"",
						(unsigned long long)cpu,
						name_of(x->cells[j]));
					set_fix(f, "give each CPU to one "
						   "non-root cell");
				}
		}
	}
	for (cpu = 0; cpu < limit; cpu++) {
		int taken = 0;

		if (!warden_config_has_cpu(root, cpu))
			continue;
		for (i = 0; i < x->num_cells; i++)
			taken |= !is_root(x, x->cells[i]) &&
				 warden_config_has_cpu(x->cells[i], cpu);
		kept += !taken;
	}
	if (limit && !kept) {
		f = config_report_add(x->r, FINDING_ERROR, "cpus",
				      name_of(root), -1,
				      "the non-root cells take every CPU of "
				      "the root cell");
		set_fix(f, "leave at least one CPU to the root cell (Linux "
			   "cannot give away its last CPU)");
	}
}
