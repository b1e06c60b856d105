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

/*
 * The hypervisor emulates ivshmem devices on its virtual PCI host bridge
 * (the rule engine checks them: hypervisor/core/rules_pci.c); physical
 * PCI devices are not passed through, which is worth a word. Capability
 * entries are only used by physical devices.
 */
void check_pci(const struct ctx *x, const struct warden_config *c)
{
	struct config_finding *f;
	uint32_t d, physical = 0;

	for (d = 0; d < c->cell->num_pci_devices; d++) {
		const struct jailhouse_pci_device *dev = &c->pci_devices[d];

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
		physical += dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM;
	}
	if (!physical)
		return;
	f = config_report_add(
		x->r, FINDING_ADVICE, "pci", name_of(c), -1,
		"lists %u physical PCI device(s) (type 1 or 2): Warden "
		"emulates only ivshmem devices on its virtual host bridge "
		"and passes no physical PCI device through, so nothing "
		"serves them",
		physical);
	set_fix(f, "give the cell the device's MMIO regions and interrupts "
		   "as memory regions and irqchip bits instead");
}
