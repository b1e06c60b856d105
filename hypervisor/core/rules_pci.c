// SPDX-License-Identifier: GPL-2.0
/*
 * Rules for the virtual PCI host bridge and the ivshmem v2 devices of a
 * config. The ECAM window (pci_mmconfig_base) is a free, 1 MiB aligned
 * range that the hypervisor emulates (pci_is_virtual = 1; a physical
 * host bridge's window is not Warden's business). Every ivshmem device
 * has a bdf of its own on the window's buses, a register page of 4 or 64
 * KiB, its INTx among the cell's interrupts (or MSI-X), 2 + peers memory
 * regions laid out as the ivshmem v2 specification has them (state table
 * read-only and below 4 GiB, R/W section, one output section per peer,
 * only its own writable, contiguous from the state table on) and an id
 * that no other live peer of its link has. A new cell's device over the
 * memory of a live link is on that link, with its layout; no other
 * region of a new cell maps a live link's state table or output sections.
 * Physical PCI devices (types 1 and 2) are not passed through; `config
 * check` says so as advice.
 */
#include <warden/format.h>
#include <warden/vpci.h>

#include "rules_int.h"

#define M(m) (unsigned long long)(m)->virt_start, (unsigned long long)(m)->size
/* The vendor capability's state table size (+0x04) is 32 bits wide. */
#define STATE_TABLE_MAX 0xffffffffULL

struct dev_name {
	char text[64];
};

static struct dev_name dev_name(const struct warden_config *c, unsigned int d)
{
	const struct jailhouse_pci_device *dev = &c->pci_devices[d];
	struct dev_name n;

	format_string(n.text, sizeof(n.text),
		      "ivshmem %04x:%02x:%02x.%x (PCI device %u)", dev->domain,
		      dev->bdf >> 8, (dev->bdf >> 3) & 0x1f, dev->bdf & 7, d);
	return n;
}

static int is_ivshmem(const struct warden_config *c, unsigned int d)
{
	return c->pci_devices[d].type == JAILHOUSE_PCI_TYPE_IVSHMEM;
}

static void ecam_window(const struct rules_env *env, struct rules_sink *s)
{
	const struct warden_config *root = env->root;
	const struct jailhouse_system *sys = root->system;
	const typeof(sys->platform_info.arm) *arm = &sys->platform_info.arm;
	__u64 base = sys->platform_info.pci_mmconfig_base;
	__u64 size = vpci_ecam_size(sys->platform_info.pci_mmconfig_end_bus);
	__u64 cpus = warden_config_cpu_limit(root);
	const struct {
		const char *what;
		__u64 start, size;
	} gic[] = {
		{ "the GIC distributor", arm->gicd_base,
		  arm->gic_version == 2 ? RULES_GICD_V2_SIZE :
					  RULES_GICD_SIZE },
		{ "the GIC redistributors", arm->gicr_base,
		  arm->gic_version == 2 ?
			  0 :
			  (cpus ? cpus : 1) * RULES_GICR_FRAME },
		{ "the GIC CPU interface", arm->gicc_base, RULES_GICC_SIZE },
		{ "the hypervisor memory", sys->hypervisor_memory.phys_start,
		  sys->hypervisor_memory.size },
	};
	unsigned int i;

	/* a physical host bridge's window: not Warden's, not checked */
	if (!base || sys->platform_info.pci_is_virtual != 1)
		return;
	/*
	 * The window traps because no stage 2 maps it, page by page, and
	 * vpci_ecam_decode() works from the offset; the root's driver puts
	 * the BAR window right behind it, and 1 MiB (a bus) keeps that
	 * aligned for every BAR size ivshmem has. Nothing needs the window
	 * aligned to its own size.
	 */
	if (base & (VPCI_ECAM_BUS_SIZE - 1) || base + size < base) {
		rules_emit(s, "pci-mmconfig", -EINVAL, root, -1, NULL,
			   "pci_mmconfig_base 0x%llx of system config \"%s\" "
			   "%s (window 0x%llx bytes: (pci_mmconfig_end_bus + "
			   "1) MiB); move it to a free address aligned to 1 "
			   "MiB",
			   (unsigned long long)base, rules_name(root),
			   base & (VPCI_ECAM_BUS_SIZE - 1) ?
				   "is not aligned to 1 MiB" :
				   "has its window run past 2^64",
			   (unsigned long long)size);
		return;
	}
	for (i = 0; i < root->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &root->mem_regions[i];

		if (warden_range_overlaps(base, size, m->phys_start, m->size))
			rules_emit(s, "pci-mmconfig", -EINVAL, root, i, m,
				   "the virtual PCI host bridge's ECAM window "
				   "0x%llx+0x%llx of system config \"%s\" "
				   "overlaps region %u (0x%llx+0x%llx): it "
				   "must be unmapped to be trapped; move "
				   "pci_mmconfig_base to a free address "
				   "(0x08e00000 on QEMU virt)",
				   (unsigned long long)base,
				   (unsigned long long)size, rules_name(root),
				   i, M(m));
	}
	for (i = 0; i < sizeof(gic) / sizeof(gic[0]); i++)
		if (gic[i].start &&
		    warden_range_overlaps(base, size, gic[i].start,
					  gic[i].size))
			rules_emit(s, "pci-mmconfig", -EINVAL, root, -1, NULL,
				   "the virtual PCI host bridge's ECAM window "
				   "0x%llx+0x%llx of system config \"%s\" "
				   "overlaps %s: move pci_mmconfig_base to a "
				   "free address",
				   (unsigned long long)base,
				   (unsigned long long)size, rules_name(root),
				   gic[i].what);
}

/* The regions of device d, which lie inside the config (checked). */
static void device_regions(const struct warden_config *c, unsigned int d,
			   const struct dev_name *n, struct rules_sink *s)
{
	const struct jailhouse_pci_device *dev = &c->pci_devices[d];
	const struct jailhouse_memory *st =
		&c->mem_regions[dev->shmem_regions_start];
	const struct jailhouse_memory *rw = st + 1, *out0 = st + 2;
	__u64 bad = JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION;
	__u64 next = st->virt_start + st->size;
	unsigned int i, first = dev->shmem_regions_start;

	if (st->size < 4ULL * dev->shmem_peers ||
	    (st->flags & (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | bad)) !=
		    JAILHOUSE_MEM_READ)
		rules_emit(s, "ivshmem-regions", -EINVAL, c, first, st,
			   "%s of cell \"%s\": its state table, region %u "
			   "(0x%llx+0x%llx), must be read-only memory (READ, "
			   "not WRITE, IO or COMM_REGION; the hypervisor "
			   "writes it) of at least 4 bytes per peer: fix its "
			   "flags and size",
			   n->text, rules_name(c), first, M(st));
	if (st->size > STATE_TABLE_MAX)
		rules_emit(s, "ivshmem-regions", -EINVAL, c, first, st,
			   "%s of cell \"%s\": its state table, region %u "
			   "(0x%llx+0x%llx), is larger than the device's "
			   "32-bit state table size register can say (at "
			   "most 0x%llx bytes; 4 bytes per peer are used): "
			   "shrink it",
			   n->text, rules_name(c), first, M(st),
			   STATE_TABLE_MAX);
	if (rw->size &&
	    ((rw->flags & (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | bad)) !=
		     (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE) ||
	     rw->virt_start != next))
		rules_emit(s, "ivshmem-regions", -EINVAL, c, first + 1, rw,
			   "%s of cell \"%s\": its R/W section, region %u "
			   "(0x%llx+0x%llx), must be READ|WRITE memory right "
			   "after the state table (at 0x%llx)",
			   n->text, rules_name(c), first + 1, M(rw),
			   (unsigned long long)next);
	next += rw->size;
	for (i = 0; i < dev->shmem_peers; i++) {
		const struct jailhouse_memory *o = out0 + i;
		__u64 want = JAILHOUSE_MEM_READ |
			     (i == dev->shmem_dev_id ? JAILHOUSE_MEM_WRITE : 0);

		if (o->size != out0->size)
			rules_emit(s, "ivshmem-regions", -EINVAL, c,
				   first + 2 + i, o,
				   "%s of cell \"%s\": output section %u, "
				   "region %u, is 0x%llx bytes, output "
				   "section 0 0x%llx: all peers' output "
				   "sections are the same size",
				   n->text, rules_name(c), i, first + 2 + i,
				   (unsigned long long)o->size,
				   (unsigned long long)out0->size);
		else if (o->size &&
			 ((o->flags & (JAILHOUSE_MEM_READ |
				       JAILHOUSE_MEM_WRITE | bad)) != want ||
			  o->virt_start != next + i * out0->size))
			rules_emit(s, "ivshmem-regions", -EINVAL, c,
				   first + 2 + i, o,
				   "%s of cell \"%s\": output section %u, "
				   "region %u (0x%llx+0x%llx), must be %s "
				   "memory at 0x%llx (contiguous after the "
				   "R/W section): only the output section of "
				   "the device's own id %u is writable",
				   n->text, rules_name(c), i, first + 2 + i,
				   M(o),
				   i == dev->shmem_dev_id ? "READ|WRITE" :
							    "READ (not WRITE)",
				   (unsigned long long)(next + i * out0->size),
				   dev->shmem_dev_id);
	}
}

static int bar_size_ok(__u32 mask)
{
	return mask == 0xfffff000 || mask == 0xffff0000;
}

/* BAR masks and interrupt mode: INTx, or MSI-X with BAR1 (Jailhouse's). */
static void device_bars(const struct warden_config *c,
			const struct jailhouse_pci_device *dev,
			const struct dev_name *n, struct rules_sink *s)
{
	int msix = dev->num_msix_vectors != 0;
	unsigned int i;

	if (dev->num_msi_vectors)
		rules_emit(s, "ivshmem-msix", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" has %u MSI vectors: ivshmem "
			   "offers INTx or MSI-X, not MSI; set "
			   "num_msi_vectors 0 (and num_msix_vectors for "
			   "MSI-X)",
			   n->text, rules_name(c), dev->num_msi_vectors);
	if (dev->num_msix_vectors > IVSHMEM_MSIX_MAX)
		rules_emit(s, "ivshmem-msix", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" has %u MSI-X vectors, more "
			   "than the %u ivshmem offers: lower "
			   "num_msix_vectors",
			   n->text, rules_name(c), dev->num_msix_vectors,
			   IVSHMEM_MSIX_MAX);
	if (dev->msix_address || dev->msix_region_size)
		rules_emit(s, "ivshmem-msix", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" has msix_address 0x%llx, "
			   "msix_region_size 0x%x: they place a physical "
			   "device's MSI-X table; ivshmem's is emulated in "
			   "BAR1: set both 0",
			   n->text, rules_name(c),
			   (unsigned long long)dev->msix_address,
			   dev->msix_region_size);
	if (!bar_size_ok(dev->bar_mask[0]))
		rules_emit(s, "ivshmem-bar", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" has BAR0 mask 0x%x: use "
			   "JAILHOUSE_IVSHMEM_BAR_MASK_%s (or _%s_64K)",
			   n->text, rules_name(c), dev->bar_mask[0],
			   msix ? "MSIX" : "INTX", msix ? "MSIX" : "INTX");
	if (msix && !bar_size_ok(dev->bar_mask[1]))
		rules_emit(s, "ivshmem-bar", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" has %u MSI-X vectors and BAR1 "
			   "mask 0x%x: the MSI-X table and PBA need BAR1 "
			   "of 4 or 64 KiB; use JAILHOUSE_IVSHMEM_BAR_MASK_"
			   "MSIX (or _MSIX_64K)",
			   n->text, rules_name(c), dev->num_msix_vectors,
			   dev->bar_mask[1]);
	else if (!msix && dev->bar_mask[1])
		rules_emit(s, "ivshmem-bar", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" has a BAR1 mask 0x%x but no "
			   "MSI-X vectors: set num_msix_vectors (MSI-X, "
			   "BAR1 holds its table) or use "
			   "JAILHOUSE_IVSHMEM_BAR_MASK_INTX",
			   n->text, rules_name(c), dev->bar_mask[1]);
	for (i = 2; i < 6; i++)
		if (dev->bar_mask[i]) {
			rules_emit(s, "ivshmem-bar", -EINVAL, c, -1, NULL,
				   "%s of cell \"%s\" has a BAR%u mask "
				   "0x%x: only BAR0 (registers) and BAR1 "
				   "(MSI-X table) are emulated; use "
				   "JAILHOUSE_IVSHMEM_BAR_MASK_INTX or _MSIX",
				   n->text, rules_name(c), i, dev->bar_mask[i]);
			break;
		}
}

static void device_shape(const struct rules_env *env,
			 const struct warden_config *c, unsigned int d,
			 struct rules_sink *s)
{
	const struct jailhouse_system *sys = env->root->system;
	const struct jailhouse_pci_device *dev = &c->pci_devices[d];
	struct dev_name n = dev_name(c, d);
	__u64 intid =
		32 + (__u64)c->cell->vpci_irq_base + ((dev->bdf >> 3) & 3);
	unsigned int e;

	for (e = 0; e < d; e++)
		if (c->pci_devices[e].bdf == dev->bdf)
			rules_emit(s, "pci-bdf", -EINVAL, c, -1, NULL,
				   "%s of cell \"%s\" has the bdf of PCI "
				   "device %u: give every device of the cell "
				   "its own bus/device/function",
				   n.text, rules_name(c), e);
	if (!sys->platform_info.pci_mmconfig_base ||
	    sys->platform_info.pci_is_virtual != 1)
		rules_emit(s, "pci-mmconfig", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" needs the virtual PCI host "
			   "bridge, but system config \"%s\" has none: set "
			   "pci_mmconfig_base to a free, 1 MiB aligned "
			   "address (0x08e00000 on QEMU virt) and "
			   "pci_is_virtual = 1",
			   n.text, rules_name(c), rules_name(env->root));
	else if ((dev->bdf >> 8) > sys->platform_info.pci_mmconfig_end_bus)
		rules_emit(s, "pci-bdf", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" is on bus %u, beyond "
			   "pci_mmconfig_end_bus %u: put it on bus 0 or "
			   "raise pci_mmconfig_end_bus",
			   n.text, rules_name(c), dev->bdf >> 8,
			   sys->platform_info.pci_mmconfig_end_bus);
	device_bars(c, dev, &n, s);
	if (dev->shmem_peers < 2 || dev->shmem_peers > IVSHMEM_MAX_PEERS ||
	    dev->shmem_dev_id >= dev->shmem_peers) {
		rules_emit(s, "ivshmem-peers", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" has id %u of %u peers: a link "
			   "has 2 to %u peers and every device an id below "
			   "that number; fix shmem_peers/shmem_dev_id",
			   n.text, rules_name(c), dev->shmem_dev_id,
			   dev->shmem_peers, IVSHMEM_MAX_PEERS);
		return;
	}
	if ((__u64)dev->shmem_regions_start + 2 + dev->shmem_peers >
	    c->cell->num_memory_regions)
		rules_emit(s, "ivshmem-regions", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" needs regions %u..%llu (state "
			   "table, R/W section, one output section per "
			   "peer), the cell has %u: point "
			   "shmem_regions_start at its state table",
			   n.text, rules_name(c), dev->shmem_regions_start,
			   (unsigned long long)dev->shmem_regions_start + 1 +
				   dev->shmem_peers,
			   c->cell->num_memory_regions);
	else
		device_regions(c, d, &n, s);
	/* MSI-X mode has no INTx: its vectors' data name the SPIs */
	if (!dev->num_msix_vectors &&
	    (intid > RULES_MAX_INTID ||
	     !warden_config_has_irq(c, sys->platform_info.arm.gicd_base,
				    intid)))
		rules_emit(s, "ivshmem-intx", -EINVAL, c, -1, NULL,
			   "%s of cell \"%s\" raises INTx INTID %llu "
			   "(32 + vpci_irq_base %u + pin %u), which the "
			   "cell's irqchips do not grant: grant it (pin_base "
			   "32: word %llu, bit %llu) or change vpci_irq_base",
			   n.text, rules_name(c), (unsigned long long)intid,
			   c->cell->vpci_irq_base, (dev->bdf >> 3) & 3,
			   (unsigned long long)(intid - 32) / 32,
			   (unsigned long long)(intid - 32) % 32);
}

/* The state table's physical address of a well-formed device. */
static int shmem_of(const struct warden_config *c, unsigned int d, __u64 *pa)
{
	const struct jailhouse_pci_device *dev = &c->pci_devices[d];

	if (!is_ivshmem(c, d) ||
	    (__u64)dev->shmem_regions_start + 2 + dev->shmem_peers >
		    c->cell->num_memory_regions)
		return 0;
	*pa = c->mem_regions[dev->shmem_regions_start].phys_start;
	return 1;
}

/*
 * Section k of device d (one shmem_of() accepts): 0 the state table, 1
 * the R/W section, 2 + n the output section of peer n.
 */
static const struct jailhouse_memory *section(const struct warden_config *c,
					      unsigned int d, unsigned int k)
{
	return &c->mem_regions[c->pci_devices[d].shmem_regions_start + k];
}

static unsigned int sections(const struct warden_config *c, unsigned int d)
{
	return 2 + c->pci_devices[d].shmem_peers;
}

/* Whether two regions share a byte of physical memory. */
static int phys_overlap(const struct jailhouse_memory *a,
			const struct jailhouse_memory *b)
{
	return a->size && b->size &&
	       warden_range_overlaps(a->phys_start, a->size, b->phys_start,
				     b->size);
}

static int same_phys(const struct jailhouse_memory *a,
		     const struct jailhouse_memory *b)
{
	return a->size == b->size &&
	       (!a->size || a->phys_start == b->phys_start);
}

/* Whether any section of device d of c overlaps one of device e of p. */
static int shmem_overlap(const struct warden_config *c, unsigned int d,
			 const struct warden_config *p, unsigned int e)
{
	unsigned int k, j;

	for (k = 0; k < sections(c, d); k++)
		for (j = 0; j < sections(p, e); j++)
			if (phys_overlap(section(c, d, k), section(p, e, j)))
				return 1;
	return 0;
}

/*
 * Whether device d of c and device e of p (both accepted by shmem_of())
 * are the hypervisor's one link, with one layout: the link's key (bdf,
 * state table) and its peer count; one_layout: every section at the
 * same physical address with the same size as well. Otherwise what
 * differs goes into why.
 */
static int same_link(const struct warden_config *c, unsigned int d,
		     const struct warden_config *p, unsigned int e,
		     int one_layout, char *why, unsigned int len)
{
	const struct jailhouse_pci_device *a = &c->pci_devices[d],
					  *b = &p->pci_devices[e];
	unsigned int k;

	if (a->bdf != b->bdf) {
		format_string(why, len,
			      "bdf %02x:%02x.%x, the link's "
			      "%02x:%02x.%x",
			      a->bdf >> 8, (a->bdf >> 3) & 0x1f, a->bdf & 7,
			      b->bdf >> 8, (b->bdf >> 3) & 0x1f, b->bdf & 7);
		return 0;
	}
	if (section(c, d, 0)->phys_start != section(p, e, 0)->phys_start) {
		format_string(why, len,
			      "its state table at 0x%llx, the "
			      "link's at 0x%llx",
			      (unsigned long long)section(c, d, 0)->phys_start,
			      (unsigned long long)section(p, e, 0)->phys_start);
		return 0;
	}
	if (a->shmem_peers != b->shmem_peers) {
		format_string(why, len, "%u peers, the link %u", a->shmem_peers,
			      b->shmem_peers);
		return 0;
	}
	for (k = 0; one_layout && k < sections(c, d); k++) {
		const struct jailhouse_memory *x = section(c, d, k),
					      *y = section(p, e, k);

		if (same_phys(x, y))
			continue;
		format_string(why, len,
			      "section %u at 0x%llx+0x%llx, the "
			      "link's 0x%llx+0x%llx",
			      k, (unsigned long long)x->phys_start,
			      (unsigned long long)x->size,
			      (unsigned long long)y->phys_start,
			      (unsigned long long)y->size);
		return 0;
	}
	return 1;
}

/*
 * Device d of a new cell against the devices of peer p (the root or a
 * live cell). The hypervisor keys a link on bdf and state table and
 * clears the state table of a link it thinks new: a device whose memory
 * overlaps another link's is on that link, with its layout, or the new
 * cell would clear a live link's states and write what its peers own.
 */
static void device_peer(const struct warden_config *c, unsigned int d,
			const struct warden_config *p, struct rules_sink *s)
{
	const struct jailhouse_pci_device *dev = &c->pci_devices[d];
	struct dev_name n = dev_name(c, d);
	unsigned int e;
	__u64 mine, theirs;
	char why[128];

	if (!shmem_of(c, d, &mine))
		return;
	for (e = 0; e < p->cell->num_pci_devices; e++) {
		const struct jailhouse_pci_device *o = &p->pci_devices[e];
		int key;

		if (!shmem_of(p, e, &theirs))
			continue;
		key = o->bdf == dev->bdf && theirs == mine;
		if (!key && !shmem_overlap(c, d, p, e))
			continue;
		if (key && o->shmem_peers != dev->shmem_peers)
			rules_emit(s, "ivshmem-link", -EINVAL, c, -1, NULL,
				   "%s of cell \"%s\" has %u peers, its link "
				   "peer in cell \"%s\" %u: give all devices "
				   "of the link the same shmem_peers",
				   n.text, rules_name(c), dev->shmem_peers,
				   rules_name(p), o->shmem_peers);
		else if (!same_link(c, d, p, e, 1, why, sizeof(why)))
			rules_emit(s, "ivshmem-link", -EBUSY, c, -1, NULL,
				   "%s of cell \"%s\" overlaps the memory of "
				   "%s of cell \"%s\" with %s: give it the "
				   "link's bdf, state table, peers and "
				   "sections or move it",
				   n.text, rules_name(c), dev_name(p, e).text,
				   rules_name(p), why);
		else if (o->shmem_dev_id == dev->shmem_dev_id)
			rules_emit(s, "ivshmem-link", -EBUSY, c, -1, NULL,
				   "%s of cell \"%s\" has id %u, which cell "
				   "\"%s\" uses on the same link already: "
				   "give each peer its own shmem_dev_id",
				   n.text, rules_name(c), dev->shmem_dev_id,
				   rules_name(p));
	}
}

int rules_same_section(const struct warden_config *c, unsigned int i,
		       const struct warden_config *p, unsigned int j)
{
	unsigned int d, e;
	__u64 pa;
	char why[128];

	for (d = 0; d < c->cell->num_pci_devices; d++) {
		__u64 k = i - (__u64)c->pci_devices[d].shmem_regions_start;

		if (i < c->pci_devices[d].shmem_regions_start ||
		    !shmem_of(c, d, &pa) || k >= sections(c, d))
			continue;
		for (e = 0; e < p->cell->num_pci_devices; e++)
			if (shmem_of(p, e, &pa) &&
			    j == p->pci_devices[e].shmem_regions_start + k &&
			    same_link(c, d, p, e, 0, why, sizeof(why)) &&
			    same_phys(&c->mem_regions[i], &p->mem_regions[j]))
				return 1;
	}
	return 0;
}

/*
 * Region i of a new cell against the state tables and output sections of
 * the devices of p (the root or a live cell): only the same section of
 * the cell's own device on that link may map one, with the flags that
 * device_regions() allows it (the state table read-only, a peer's output
 * section too). Plain memory over them, however ROOTSHARED, would let
 * the cell write the states the hypervisor keeps and what its peers
 * send. The R/W section is every peer's to write: not checked.
 */
static void region_link(const struct warden_config *c, unsigned int i,
			const struct warden_config *p, struct rules_sink *s)
{
	const struct jailhouse_memory *m = &c->mem_regions[i];
	unsigned int e, k;
	__u64 pa;

	for (e = 0; e < p->cell->num_pci_devices; e++) {
		if (!shmem_of(p, e, &pa))
			continue;
		for (k = 0; k < sections(p, e); k++) {
			const struct jailhouse_memory *o = section(p, e, k);
			unsigned int j =
				p->pci_devices[e].shmem_regions_start + k;
			char what[24];

			if (k == 1 || !phys_overlap(m, o) ||
			    rules_same_section(c, i, p, j))
				continue;
			if (k)
				format_string(what, sizeof(what),
					      "output section %u", k - 2);
			else
				format_string(what, sizeof(what),
					      "state table");
			rules_emit(
				s, "ivshmem-memory", -EBUSY, c, i, m,
				"region %u of cell \"%s\" (0x%llx-0x%llx) "
				"maps the %s of %s of cell \"%s\": only the "
				"cell's own device on that link may map it, "
				"as that section; list such a device or move "
				"the region",
				i, rules_name(c),
				(unsigned long long)m->phys_start,
				(unsigned long long)rules_last(m->phys_start,
							       m->size),
				what, dev_name(p, e).text, rules_name(p));
		}
	}
}

/*
 * The regions of a new cell that are not its devices' sections: those
 * device_peer() holds to the link they overlap, its layout included.
 */
static void link_regions(const struct rules_env *env,
			 const struct warden_config *c, struct rules_sink *s)
{
	unsigned int i, k;

	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &c->mem_regions[i];

		if (!m->size || m->flags & JAILHOUSE_MEM_COMM_REGION ||
		    rules_is_shmem(c, i))
			continue;
		region_link(c, i, env->root, s);
		for (k = 0; k < env->num_cells; k++)
			region_link(c, i, env->cells[k], s);
	}
}

/* A new cell may not take the INTx of one of the root's devices. */
static void root_intx(const struct rules_env *env,
		      const struct warden_config *c, struct rules_sink *s)
{
	const struct warden_config *root = env->root;
	__u64 gicd = root->system->platform_info.arm.gicd_base;
	unsigned int d;

	for (d = 0; d < root->cell->num_pci_devices; d++) {
		__u64 intid = 32 + (__u64)root->cell->vpci_irq_base +
			      ((root->pci_devices[d].bdf >> 3) & 3);

		/* a device in MSI-X mode raises no INTx */
		if (is_ivshmem(root, d) &&
		    !root->pci_devices[d].num_msix_vectors &&
		    warden_config_has_irq(c, gicd, intid))
			rules_emit(s, "ivshmem-intx", -EBUSY, c, -1, NULL,
				   "cell \"%s\" takes INTID %llu, the INTx of "
				   "the root cell's %s: clear it from the "
				   "cell's irqchip or move the root's "
				   "vpci_irq_base",
				   rules_name(c), (unsigned long long)intid,
				   dev_name(root, d).text);
	}
}

void rules_pci(const struct rules_env *env, const struct warden_config *c,
	       struct rules_sink *s)
{
	unsigned int d, n = 0, i;

	if (rules_is_root(env, c))
		ecam_window(env, s);
	for (d = 0; d < c->cell->num_pci_devices; d++) {
		if (!is_ivshmem(c, d))
			continue;
		if (++n > VPCI_MAX_DEVICES) {
			rules_emit(s, "pci-count", -EINVAL, c, -1, NULL,
				   "cell \"%s\" lists more than %u ivshmem "
				   "devices: drop the ones beyond",
				   rules_name(c), VPCI_MAX_DEVICES);
			break;
		}
		device_shape(env, c, d, s);
		if (rules_is_root(env, c))
			continue;
		device_peer(c, d, env->root, s);
		for (i = 0; i < env->num_cells; i++)
			device_peer(c, d, env->cells[i], s);
	}
	if (rules_is_root(env, c))
		return;
	root_intx(env, c, s);
	link_regions(env, c, s);
}
