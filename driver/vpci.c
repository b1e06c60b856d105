// SPDX-License-Identifier: GPL-2.0
/*
 * The root cell's virtual PCI host bridge, registered from the module.
 *
 * Jailhouse describes its emulated ECAM to Linux with a device-tree overlay,
 * which Debian's kernel cannot apply (CONFIG_OF_OVERLAY is off). The PCI
 * core's host bridge API is exported to modules, so the bridge is built
 * directly: a generic ECAM config window (pci_generic_ecam_ops) over the
 * system config's pci_mmconfig_base, a memory window for the ivshmem BARs
 * right behind the ECAM window (where Jailhouse's overlay puts it), and
 * INTA-D mapped to the GIC SPIs vpci_irq_base + 0..3 through the GIC's own
 * irq domain.
 */
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/of.h>
#include <linux/pci-ecam.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include <jailhouse/cell-config.h>
#include <warden/vpci-window.h>

#include "vpci.h"

/* ECAM: one MiB of config space per bus. */
#define ECAM_BUS_SIZE SZ_1M

struct warden_vpci {
	struct platform_device *pdev;
	struct pci_host_bridge *bridge;
	struct pci_config_window *cfg;
	struct resource busr;
	struct resource mem;
	unsigned int irq[4]; /* Linux irq of INTA..INTD, 0 = not mapped */
	struct device_node *gic;
	u32 irq_base; /* SPI number of INTA */
};

static struct warden_vpci *vpci;

/*
 * Off: the root's ivshmem devices stay out of Linux' hands, for a user
 * space that drives the emulated ECAM itself (through /dev/mem, as the
 * hypervisor's own cell-ivshmem test does).
 */
static bool root_pci = true;
module_param(root_pci, bool, 0644);
MODULE_PARM_DESC(root_pci, "register the root cell's virtual PCI host "
			   "bridge at enable (default: yes)");

static const struct of_device_id gic_ids[] = {
	{ .compatible = "arm,gic-v3" },
	{ .compatible = "arm,gic-400" },
	{ .compatible = "arm,cortex-a15-gic" },
	{ .compatible = "arm,cortex-a7-gic" },
	{}
};

/*
 * The hypervisor raises pin P of every device as SPI irq_base + P - 1 (the
 * pin itself is slot modulo 4 plus one), edge-triggered, without swizzling:
 * Jailhouse's interrupt-map-mask only looks at the pin.
 */
static int vpci_map_irq(const struct pci_dev *dev, u8 slot, u8 pin)
{
	struct irq_fwspec spec = {
		.param_count = 3,
		.param = { 0 /* SPI */, 0, IRQ_TYPE_EDGE_RISING },
	};
	unsigned int irq;

	if (!vpci || pin < 1 || pin > 4)
		return 0;
	if (vpci->irq[pin - 1])
		return vpci->irq[pin - 1];
	spec.fwnode = of_node_to_fwnode(vpci->gic);
	spec.param[1] = vpci->irq_base + pin - 1;
	irq = irq_create_fwspec_mapping(&spec);
	if (!irq) {
		pci_err(dev,
			"warden: cannot map INT%c (SPI %u) through the "
			"GIC's irq domain\n",
			'A' + pin - 1, spec.param[1]);
		return 0;
	}
	vpci->irq[pin - 1] = irq;
	return irq;
}

/* The root cell's PCI device array, bounds-checked against the config. */
static const struct jailhouse_pci_device *
vpci_root_devices(const struct jailhouse_system *sys, u64 config_size)
{
	const struct jailhouse_cell_desc *c = &sys->root_cell;
	u64 off = sizeof(*sys) + (u64)c->cpu_set_size +
		  (u64)c->num_memory_regions * sizeof(struct jailhouse_memory) +
		  (u64)c->num_cache_regions * sizeof(struct jailhouse_cache) +
		  (u64)c->num_irqchips * sizeof(struct jailhouse_irqchip) +
		  (u64)c->num_pio_regions * sizeof(struct jailhouse_pio);

	if (off + (u64)c->num_pci_devices *
			    sizeof(struct jailhouse_pci_device) >
	    config_size)
		return NULL;
	return (const void *)sys + off;
}

/*
 * pci_ecam_create() would do, but it insists on a top-level resource: the
 * GICv3 driver claims the whole redistributor range of QEMU virt (room for
 * 123 CPUs, 0x080a0000-0x08ffffff), and Jailhouse puts the virtual ECAM
 * and BAR windows into its unused tail. insert_resource() nests them
 * under it instead of failing.
 */
static struct pci_config_window *vpci_ecam_create(struct device *dev,
						  struct resource *cfgres,
						  struct resource *busr)
{
	struct pci_config_window *cfg = kzalloc(sizeof(*cfg), GFP_KERNEL);
	int err;

	if (!cfg)
		return ERR_PTR(-ENOMEM);
	cfg->parent = dev;
	cfg->ops = &pci_generic_ecam_ops;
	cfg->bus_shift = 20;
	cfg->busr = *busr;
	cfg->res = *cfgres;
	err = insert_resource(&iomem_resource, &cfg->res);
	if (err) {
		kfree(cfg);
		return ERR_PTR(err);
	}
	cfg->win = pci_remap_cfgspace(cfgres->start, resource_size(cfgres));
	if (!cfg->win) {
		release_resource(&cfg->res);
		kfree(cfg);
		return ERR_PTR(-ENOMEM);
	}
	return cfg;
}

static void vpci_ecam_free(struct pci_config_window *cfg)
{
	iounmap(cfg->win);
	release_resource(&cfg->res);
	kfree(cfg);
}

static void vpci_free(struct warden_vpci *v)
{
	unsigned int i;

	if (v->bridge)
		pci_free_host_bridge(v->bridge);
	if (v->mem.parent)
		release_resource(&v->mem);
	if (v->cfg)
		vpci_ecam_free(v->cfg);
	for (i = 0; i < ARRAY_SIZE(v->irq); i++)
		if (v->irq[i])
			irq_dispose_mapping(v->irq[i]);
	of_node_put(v->gic);
	if (v->pdev)
		platform_device_unregister(v->pdev);
	kfree(v);
}

int warden_vpci_add(const struct jailhouse_system *sys, u64 config_size)
{
	u64 base = sys->platform_info.pci_mmconfig_base;
	unsigned int end_bus = sys->platform_info.pci_mmconfig_end_bus;
	u16 domain = sys->platform_info.pci_domain;
	const struct jailhouse_pci_device *devs;
	struct resource cfgres = {};
	struct warden_vpci *v;
	u64 ecam_size, win;
	int err;

	if (!base || !sys->platform_info.pci_is_virtual || !root_pci)
		return 0;
	devs = vpci_root_devices(sys, config_size);
	if (!devs) {
		pr_err("warden: vpci: the root cell's PCI devices lie outside "
		       "the system config\n");
		return -EINVAL;
	}
	if (domain != 0xffff && pci_find_bus(domain, 0)) {
		pr_err("warden: vpci: PCI domain %u is taken by another host "
		       "bridge: choose a free platform_info.pci_domain in the "
		       "system config (or 0xffff)\n",
		       domain);
		return -EBUSY;
	}
	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	v->irq_base = sys->root_cell.vpci_irq_base;
	v->gic = of_find_matching_node(NULL, gic_ids);
	if (!v->gic) {
		pr_err("warden: vpci: no GIC in the device tree to route the "
		       "virtual INTx through\n");
		err = -ENODEV;
		goto fail;
	}
	v->pdev = platform_device_register_simple("warden-vpci", -1, NULL, 0);
	if (IS_ERR(v->pdev)) {
		err = PTR_ERR(v->pdev);
		v->pdev = NULL;
		goto fail;
	}

	ecam_size = (u64)(end_bus + 1) * ECAM_BUS_SIZE;
	cfgres.name = "Warden vPCI ECAM";
	cfgres.start = base;
	cfgres.end = base + ecam_size - 1;
	cfgres.flags = IORESOURCE_MEM;
	v->busr.name = "Warden vPCI buses";
	v->busr.start = 0;
	v->busr.end = end_bus;
	v->busr.flags = IORESOURCE_BUS;
	v->cfg = vpci_ecam_create(&v->pdev->dev, &cfgres, &v->busr);
	if (IS_ERR(v->cfg)) {
		err = PTR_ERR(v->cfg);
		v->cfg = NULL;
		pr_err("warden: vpci: cannot claim the ECAM window "
		       "0x%llx+0x%llx (%d): see /proc/iomem\n",
		       base, ecam_size, err);
		goto fail;
	}

	v->bridge = pci_alloc_host_bridge(0);
	if (!v->bridge) {
		err = -ENOMEM;
		goto fail;
	}
	pci_add_resource(&v->bridge->windows, &v->busr);
	win = warden_vpci_window_size(devs, sys->root_cell.num_pci_devices);
	if (win) {
		v->mem.name = "Warden vPCI BARs";
		v->mem.start = base + ecam_size;
		v->mem.end = base + ecam_size + win - 1;
		v->mem.flags = IORESOURCE_MEM;
		err = insert_resource(&iomem_resource, &v->mem);
		if (err) {
			pr_err("warden: vpci: the BAR window 0x%llx+0x%llx is "
			       "in use (see /proc/iomem)\n",
			       base + ecam_size, win);
			goto fail;
		}
		pci_add_resource(&v->bridge->windows, &v->mem);
	}
	v->bridge->dev.parent = &v->pdev->dev;
	v->bridge->sysdata = v->cfg;
	v->bridge->busnr = 0;
	v->bridge->ops = (struct pci_ops *)&pci_generic_ecam_ops.pci_ops;
	v->bridge->map_irq = vpci_map_irq;
	v->bridge->swizzle_irq = pci_common_swizzle;
	v->bridge->domain_nr = domain == 0xffff ? PCI_DOMAIN_NR_NOT_SET :
						  domain;

	vpci = v;
	err = pci_host_probe(v->bridge);
	if (err) {
		pr_err("warden: vpci: PCI host bridge registration failed "
		       "(%d)\n",
		       err);
		vpci = NULL;
		goto fail;
	}
	pr_info("warden: virtual PCI host bridge %04x:[bus %02x-%02x], ECAM "
		"0x%llx, INTx on SPI %u-%u\n",
		pci_domain_nr(v->bridge->bus), 0, end_bus, base, v->irq_base,
		v->irq_base + 3);
	return 0;

fail:
	vpci_free(v);
	return err;
}

/* Unbinds and removes every device, then the bridge and its resources. */
void warden_vpci_remove(void)
{
	struct warden_vpci *v = vpci;
	int domain;

	if (!v)
		return;
	domain = pci_domain_nr(v->bridge->bus);
	pci_lock_rescan_remove();
	pci_stop_root_bus(v->bridge->bus);
	pci_remove_root_bus(v->bridge->bus);
	pci_unlock_rescan_remove();
	vpci = NULL;
	vpci_free(v);
	pr_info("warden: virtual PCI host bridge %04x removed\n", domain);
}
