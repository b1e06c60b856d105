// SPDX-License-Identifier: GPL-2.0
/*
 * UIO driver for ivshmem v2 devices (110a:4106, protocol "undefined").
 *
 * The maps follow the layout Jailhouse's uio_ivshmem gives user space, so
 * that its tools run unchanged (map N is mmap offset N pages):
 *   0 registers       BAR0 (ID, max peers, int control, doorbell, state)
 *   1 state_table     read-only
 *   2 rw_section      when the link has one (else the next maps move up)
 *   3 input_sections  every peer's output section, read-only
 *   4 output_section  this peer's own, read/write
 * read() on /dev/uioN returns the interrupt count. The device runs in
 * one-shot mode: each interrupt clears the enable bit, and user space
 * writes 1 to the int control register (or to /dev/uioN) to re-arm it.
 * Closing the device sets this peer's state back to 0.
 */
#include <linux/atomic.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/uio_driver.h>

#include "vpci.h"

#define IVSHMEM_VENDOR 0x110a
#define IVSHMEM_DEVICE 0x4106
#define IVSHMEM_PROTO_UNDEFINED 0x0000

/* BAR0 registers */
#define REG_ID 0x00
#define REG_MAX_PEERS 0x04
#define REG_INT_CONTROL 0x08
#define REG_DOORBELL 0x0c
#define REG_STATE 0x10

/* vendor capability, offsets from its start */
#define CAP_PRIV_CONTROL 0x03
#define CAP_STATE_TABLE_SIZE 0x04
#define CAP_RW_SIZE 0x08
#define CAP_OUTPUT_SIZE 0x10
#define CAP_ADDRESS 0x18
#define PRIV_CONTROL_ONESHOT 0x01

#define MAX_PEERS 16

enum { MAP_REGS, MAP_STATE };

struct ivshmem_uio {
	struct uio_info info;
	struct pci_dev *pdev;
	void __iomem *regs;
	bool readonly[MAX_UIO_MAPS];
};

static atomic_t ivshmem_open = ATOMIC_INIT(0);
static atomic_t ivshmem_quiesced = ATOMIC_INIT(0);

/*
 * Either the opener sees the flag or the disable sees the opener: both
 * store first, then load, with a full barrier in between.
 */
int warden_ivshmem_quiesce(void)
{
	int users;

	atomic_set(&ivshmem_quiesced, 1);
	smp_mb();
	users = atomic_read(&ivshmem_open);
	if (users)
		atomic_set(&ivshmem_quiesced, 0);
	return users;
}

void warden_ivshmem_unquiesce(void)
{
	atomic_set(&ivshmem_quiesced, 0);
}

static irqreturn_t ivshmem_irq(int irq, void *data)
{
	struct ivshmem_uio *iv = data;

	/* one-shot mode: the hypervisor already cleared the enable bit */
	uio_event_notify(&iv->info);
	return IRQ_HANDLED;
}

static int ivshmem_irqcontrol(struct uio_info *info, s32 on)
{
	struct ivshmem_uio *iv = container_of(info, struct ivshmem_uio, info);

	writel(on ? 1 : 0, iv->regs + REG_INT_CONTROL);
	return 0;
}

static int ivshmem_open_dev(struct uio_info *info, struct inode *inode)
{
	atomic_inc(&ivshmem_open);
	smp_mb__after_atomic();
	if (atomic_read(&ivshmem_quiesced)) {
		atomic_dec(&ivshmem_open);
		return -EBUSY; /* warden disable is removing the device */
	}
	return 0;
}

/* A peer that went away says so: its state goes back to 0. */
static int ivshmem_release(struct uio_info *info, struct inode *inode)
{
	struct ivshmem_uio *iv = container_of(info, struct ivshmem_uio, info);

	writel(0, iv->regs + REG_STATE);
	atomic_dec(&ivshmem_open);
	return 0;
}

/*
 * The hypervisor maps the state table and the peers' output sections
 * read-only for us: a writable mapping would only fault later, so it is
 * refused here. Registers are device memory, the sections normal memory
 * as the peers map them.
 */
static int ivshmem_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	struct ivshmem_uio *iv = container_of(info, struct ivshmem_uio, info);
	unsigned long mi = vma->vm_pgoff;
	struct uio_mem *mem;

	if (mi >= MAX_UIO_MAPS || !info->mem[mi].size)
		return -EINVAL;
	mem = &info->mem[mi];
	if (vma->vm_end - vma->vm_start > PAGE_ALIGN(mem->size) ||
	    mem->addr & ~PAGE_MASK)
		return -EINVAL;
	if (iv->readonly[mi]) {
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
		vma->vm_flags &= ~VM_MAYWRITE;
	}
	if (mi == MAP_REGS)
		vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, mem->addr >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, vma->vm_page_prot);
}

static u64 cfg_read64(struct pci_dev *pdev, int pos)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, pos, &lo);
	pci_read_config_dword(pdev, pos + 4, &hi);
	return lo | (u64)hi << 32;
}

static int ivshmem_add_map(struct ivshmem_uio *iv, int mi, const char *name,
			   phys_addr_t addr, u64 size, bool readonly)
{
	struct device *dev = &iv->pdev->dev;
	struct uio_mem *mem = &iv->info.mem[mi];

	if (addr & ~PAGE_MASK || addr + size < addr) {
		dev_err(dev, "%s at %pa, size 0x%llx: not page-aligned\n", name,
			&addr, size);
		return -EINVAL;
	}
	mem->name = name;
	mem->addr = addr;
	mem->size = size;
	mem->memtype = UIO_MEM_IOVA;
	iv->readonly[mi] = readonly;
	dev_info(dev, "%s at %pa, size 0x%llx\n", name, &addr, size);
	return 0;
}

static int ivshmem_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct device *dev = &pdev->dev;
	u64 state_size, rw_size, out_size;
	struct ivshmem_uio *iv;
	phys_addr_t addr;
	u32 peer, peers, dword;
	int cap, err, mi;

	iv = devm_kzalloc(dev, sizeof(*iv), GFP_KERNEL);
	if (!iv)
		return -ENOMEM;
	iv->pdev = pdev;
	err = pcim_enable_device(pdev);
	if (err)
		return err;
	iv->info.name = devm_kasprintf(dev, GFP_KERNEL, "uio_ivshmem[%s]",
				       pci_name(pdev));
	if (!iv->info.name)
		return -ENOMEM;
	/*
	 * Mapped, not requested: on QEMU virt the BAR window lies in the tail
	 * of the redistributor range the GICv3 driver holds busy, where no
	 * request can succeed. The bridge's window resource already keeps
	 * anything else out.
	 */
	iv->regs = pcim_iomap(pdev, 0, 0);
	if (!iv->regs)
		return -ENOMEM;
	cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);
	if (!cap) {
		dev_err(dev, "no ivshmem vendor capability\n");
		return -ENODEV;
	}
	peer = readl(iv->regs + REG_ID);
	peers = readl(iv->regs + REG_MAX_PEERS);
	if (!peers || peers > MAX_PEERS || peer >= peers) {
		dev_err(dev, "ID %u of %u peers: not an ivshmem v2 link\n",
			peer, peers);
		return -ENODEV;
	}

	iv->info.mem[MAP_REGS].name = "registers";
	iv->info.mem[MAP_REGS].addr = pci_resource_start(pdev, 0);
	iv->info.mem[MAP_REGS].size = PAGE_ALIGN(pci_resource_len(pdev, 0));
	iv->info.mem[MAP_REGS].memtype = UIO_MEM_PHYS;

	if (pci_resource_len(pdev, 2))
		addr = pci_resource_start(pdev, 2);
	else
		addr = cfg_read64(pdev, cap + CAP_ADDRESS);
	pci_read_config_dword(pdev, cap + CAP_STATE_TABLE_SIZE, &dword);
	state_size = dword;
	rw_size = cfg_read64(pdev, cap + CAP_RW_SIZE);
	out_size = cfg_read64(pdev, cap + CAP_OUTPUT_SIZE);
	if (!state_size || rw_size > SZ_1G || out_size > SZ_1G) {
		dev_err(dev,
			"section sizes state 0x%llx rw 0x%llx output "
			"0x%llx: out of range\n",
			state_size, rw_size, out_size);
		return -EINVAL;
	}

	/* as uio_ivshmem: a missing R/W section moves the later maps up */
	mi = MAP_STATE;
	err = ivshmem_add_map(iv, mi++, "state_table", addr, state_size, true);
	addr += state_size;
	if (!err && rw_size)
		err = ivshmem_add_map(iv, mi++, "rw_section", addr, rw_size,
				      false);
	addr += rw_size;
	if (!err && out_size) {
		err = ivshmem_add_map(iv, mi++, "input_sections", addr,
				      peers * out_size, true);
		if (!err)
			err = ivshmem_add_map(iv, mi++, "output_section",
					      addr + peer * out_size, out_size,
					      false);
	}
	if (err)
		return err;
	if (!devm_request_mem_region(dev, iv->info.mem[MAP_STATE].addr,
				     addr + peers * out_size -
					     iv->info.mem[MAP_STATE].addr,
				     iv->info.name)) {
		dev_err(dev, "shared memory at %pa is in use (/proc/iomem)\n",
			&iv->info.mem[MAP_STATE].addr);
		return -EBUSY;
	}

	pci_write_config_byte(pdev, cap + CAP_PRIV_CONTROL,
			      PRIV_CONTROL_ONESHOT);
	if (!pdev->irq) {
		dev_err(dev, "no INTx interrupt (MSI-X is not supported on "
			     "the virtual host bridge)\n");
		return -ENODEV;
	}
	iv->info.version = "1";
	iv->info.irq = UIO_IRQ_CUSTOM;
	iv->info.mmap = ivshmem_mmap;
	iv->info.open = ivshmem_open_dev;
	iv->info.release = ivshmem_release;
	iv->info.irqcontrol = ivshmem_irqcontrol;
	err = devm_request_irq(dev, pdev->irq, ivshmem_irq, IRQF_SHARED,
			       "ivshmem", iv);
	if (err)
		return err;
	err = uio_register_device(dev, &iv->info);
	if (err) {
		devm_free_irq(dev, pdev->irq, iv);
		return err;
	}
	pci_set_master(pdev);
	pci_set_drvdata(pdev, iv);
	dev_info(dev, "ivshmem peer %u of %u, INTx irq %d\n", peer, peers,
		 pdev->irq);
	return 0;
}

static void ivshmem_remove(struct pci_dev *pdev)
{
	struct ivshmem_uio *iv = pci_get_drvdata(pdev);

	writel(0, iv->regs + REG_INT_CONTROL);
	pci_clear_master(pdev);
	/* no interrupt may reach a UIO device that is going away */
	devm_free_irq(&pdev->dev, pdev->irq, iv);
	uio_unregister_device(&iv->info);
}

static const struct pci_device_id ivshmem_ids[] = {
	{ PCI_DEVICE(IVSHMEM_VENDOR, IVSHMEM_DEVICE),
	  (PCI_CLASS_OTHERS << 16) | IVSHMEM_PROTO_UNDEFINED, 0xffffff },
	{}
};
MODULE_DEVICE_TABLE(pci, ivshmem_ids);

static struct pci_driver ivshmem_driver = {
	.name = "uio_ivshmem",
	.id_table = ivshmem_ids,
	.probe = ivshmem_probe,
	.remove = ivshmem_remove,
};

int warden_ivshmem_init(void)
{
	return pci_register_driver(&ivshmem_driver);
}

void warden_ivshmem_exit(void)
{
	pci_unregister_driver(&ivshmem_driver);
}
