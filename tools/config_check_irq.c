// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt and PCI advice of "warden config check" (the interrupt and
 * CPU rules are hypervisor/core/rules.c and rules_irq.c).
 */
#include <string.h>

#include "config_check_int.h"

/*
 * Entries the hypervisor ignores: ones that grant nothing (often the
 * unused tail of an array), and the root's SGI/PPI bits.
 */
void check_irqchips(const struct ctx *x, const struct warden_config *c)
{
	struct config_finding *f;
	uint32_t i;

	for (i = 0; i < c->cell->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &c->irqchips[i];
		unsigned int w, b, low = 0;

		if (!(chip->pin_bitmap[0] | chip->pin_bitmap[1] |
		      chip->pin_bitmap[2] | chip->pin_bitmap[3])) {
			f = config_report_add(x->r, FINDING_ADVICE, "irqchip",
					      name_of(c), -1,
					      "irqchip %u grants no interrupt: "
					      "it is ignored",
					      i);
			set_fix(f, "drop it, or set the bits you meant");
			continue;
		}
		if (!is_root(x, c))
			continue; /* a cell's are refused (rule "irq") */
		for (w = 0; w < 4; w++)
			for (b = 0; b < 32; b++)
				low += (chip->pin_bitmap[w] >> b & 1) &&
				       chip->pin_base + 32ULL * w + b < 32;
		if (!low)
			continue;
		f = config_report_add(
			x->r, FINDING_ADVICE, "irqchip", name_of(c), -1,
			"irqchip %u grants %u SGI/PPI line(s) (INTID < 32): "
			"those are per CPU and always the cell's, the bits "
			"are ignored",
			i, low);
		set_fix(f, "start at pin_base 32: bit 0 of pin_bitmap[0] is "
			   "then INTID 32 (SPI 0)");
	}
}

/* INTx of ivshmem devices: 32 + vpci_irq_base + (slot & 3). */
static void check_vpci_irqs(const struct ctx *x, const struct warden_config *c)
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
			x->r, FINDING_ADVICE, "vpci-irq", name_of(c), -1,
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

static void check_ivshmem(const struct ctx *x, const struct warden_config *c)
{
	uint32_t d;

	for (d = 0; d < c->cell->num_pci_devices; d++) {
		const struct jailhouse_pci_device *dev = &c->pci_devices[d];
		struct config_finding *f;

		if ((uint64_t)dev->caps_start + dev->num_caps >
		    c->cell->num_pci_caps) {
			f = config_report_add(
				x->r, FINDING_ADVICE, "pci", name_of(c), -1,
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
				x->r, FINDING_ADVICE, "ivshmem", name_of(c), -1,
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
				x->r, FINDING_ADVICE, "ivshmem", name_of(c), -1,
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

/* Nothing in Warden serves PCI devices or ivshmem yet: say so. */
void check_pci(const struct ctx *x, const struct warden_config *c)
{
	struct config_finding *f;
	uint32_t d, shmem = 0;

	if (!c->cell->num_pci_devices)
		return;
	for (d = 0; d < c->cell->num_pci_devices; d++)
		shmem += c->pci_devices[d].type == JAILHOUSE_PCI_TYPE_IVSHMEM;
	f = config_report_add(
		x->r, FINDING_ADVICE, "pci", name_of(c), -1,
		"lists %u PCI device(s), %u of them ivshmem: Warden does not "
		"emulate PCI yet, so nothing serves them (no virtual "
		"config space, no doorbells); ivshmem memory regions are "
		"mapped as plain memory",
		c->cell->num_pci_devices, shmem);
	set_fix(f, "share memory through ROOTSHARED regions in both cells "
		   "and poll it, or wait for PCI support");
	check_vpci_irqs(x, c);
	check_ivshmem(x, c);
}
