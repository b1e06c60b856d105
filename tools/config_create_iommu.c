// SPDX-License-Identifier: GPL-2.0
/*
 * IOMMUs for a generated root-cell config: the units the config format
 * holds (an SMMUv3, an Arm MMU-500) as platform_info.iommu_units, and the
 * root's DMA masters behind them, from the device tree's "iommus" and
 * "iommu-map", as the root cell's stream ids. Other IOMMUs (a Rockchip
 * or Mediatek one, #iommu-cells = <0>) are Linux's and named in a note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#include "config_create.h"

/* iommu-map entries longer than this are not listed id by id */
#define MAP_LIST_MAX 32

struct iommu_ctx {
	struct cc_config *c;
	const struct dt_tree *t;
	const char *pci_devices;
	const struct dt_node *unit_node[CC_MAX_IOMMUS];
	unsigned int other_noted, full_noted;
};

static const char *const smmuv3[] = { "arm,smmu-v3", NULL };
static const char *const mmu500[] = { "arm,mmu-500", NULL };

static int unit_of(const struct iommu_ctx *x, const struct dt_node *n)
{
	unsigned int u;

	for (u = 0; u < x->c->niommus; u++)
		if (x->unit_node[u] == n)
			return u;
	return -1;
}

static void find_units(struct iommu_ctx *x, const struct dt_node *n)
{
	struct cc_config *c = x->c;
	char path[256], why[256];
	uint64_t base, size;

	for (; n; n = n->sibling) {
		int v3;

		if (!dt_enabled(n))
			continue;
		find_units(x, n->child);
		if (!dt_prop(n, "#iommu-cells"))
			continue;
		dt_path(n, path, sizeof(path));
		v3 = dt_compatible(n, smmuv3);
		if (!v3 && !dt_compatible(n, mmu500)) {
			if (!x->other_noted++)
				config_create_note(
					c,
					"IOMMU %s: a kind the config format "
					"has no unit type for; left to Linux "
					"(its masters' DMA is not confined "
					"from cells)",
					path);
			continue;
		}
		if (dt_reg(n, 0, &base, &size, why, sizeof(why)))
			continue;
		if (c->niommus == CC_MAX_IOMMUS) {
			if (!x->full_noted++)
				config_create_note(c,
						   "IOMMU %s and later ones: "
						   "more than %d units, left "
						   "out",
						   path, CC_MAX_IOMMUS);
			continue;
		}
		x->unit_node[c->niommus] = n;
		c->iommu[c->niommus].type = v3 ? JAILHOUSE_IOMMU_SMMUV3 :
						 JAILHOUSE_IOMMU_ARM_MMU500;
		snprintf(c->iommu[c->niommus].type_name,
			 sizeof(c->iommu[0].type_name), "%s",
			 v3 ? "SMMUV3" : "ARM_MMU500");
		c->iommu[c->niommus].base = base;
		c->iommu[c->niommus].size = size;
		snprintf(c->iommu[c->niommus].origin,
			 sizeof(c->iommu[0].origin), "%s", path);
		c->niommus++;
	}
}

static void add_sid(struct iommu_ctx *x, uint32_t id, int mmu500_,
		    const char *origin)
{
	struct cc_config *c = x->c;
	unsigned int i;

	for (i = 0; i < c->nsids; i++)
		if (c->sid[i].id == id)
			return;
	if (c->nsids == CC_MAX_SIDS) {
		if (x->full_noted++ < 1)
			config_create_note(c,
					   "more than %d stream ids: %s and "
					   "later ones left out",
					   CC_MAX_SIDS, origin);
		return;
	}
	c->sid[c->nsids].id = id;
	c->sid[c->nsids].mmu500 = mmu500_;
	snprintf(c->sid[c->nsids].origin, sizeof(c->sid[0].origin), "%s",
		 origin);
	c->nsids++;
}

/* "iommus = <&unit ID [MASK]>, ...": one stream id per specifier. */
static void node_iommus(struct iommu_ctx *x, const struct dt_node *n,
			const char *path)
{
	const struct dt_prop *p = dt_prop(n, "iommus");
	char origin[300];
	unsigned int i = 0;

	while (p && (i + 1) * 4 <= p->len) {
		const struct dt_node *unit =
			dt_find_phandle(x->t, dt_cell(p, i));
		unsigned int cells;
		int u;

		if (!unit)
			return;
		cells = dt_u32(unit, "#iommu-cells", 0);
		if (cells > 2 || (i + 1 + cells) * 4 > p->len)
			return;
		u = unit_of(x, unit);
		if (u >= 0 && cells >= 1) {
			int m5 = x->c->iommu[u].type ==
				 JAILHOUSE_IOMMU_ARM_MMU500;
			uint32_t id = dt_cell(p, i + 1);

			if (m5)
				id = (id & 0xffff) |
				     (cells == 2 ? dt_cell(p, i + 2) << 16 : 0);
			snprintf(origin, sizeof(origin), "%s (iommus)", path);
			add_sid(x, id, m5, origin);
		}
		i += 1 + cells;
	}
}

/*
 * The PCI functions the target had (collect's "pci-devices", lines
 * "DDDD:BB:DD.F"), mapped through one "iommu-map" entry.
 */
static unsigned int map_pci(struct iommu_ctx *x, const struct dt_node *n,
			    const char *path, uint32_t rid_base, uint32_t len,
			    uint32_t sid_base, int m5)
{
	uint32_t mask = dt_u32(n, "iommu-map-mask", 0xffffffff);
	uint32_t domain = dt_u32(n, "linux,pci-domain", 0);
	const char *p = x->pci_devices;
	unsigned int found = 0;
	char origin[300];

	while (p && *p) {
		unsigned int d, b, dev, fn;
		uint32_t rid;

		if (sscanf(p, "%x:%x:%x.%x", &d, &b, &dev, &fn) == 4 &&
		    d == domain) {
			rid = ((b << 8) | (dev << 3) | fn) & mask;
			if (rid >= rid_base && rid - rid_base < len) {
				snprintf(
					origin, sizeof(origin),
					"%s (iommu-map, PCI %04x:%02x:%02x.%x)",
					path, d, b, dev, fn);
				add_sid(x, sid_base + (rid - rid_base), m5,
					origin);
				found++;
			}
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return found;
}

/* "iommu-map = <rid-base &unit sid-base length>, ...": PCI and fsl-mc. */
static void node_iommu_map(struct iommu_ctx *x, const struct dt_node *n,
			   const char *path)
{
	const struct dt_prop *p = dt_prop(n, "iommu-map");
	char origin[300];
	unsigned int i;

	for (i = 0; p && (i + 4) * 4 <= p->len; i += 4) {
		const struct dt_node *unit =
			dt_find_phandle(x->t, dt_cell(p, i + 1));
		uint32_t rid = dt_cell(p, i), sid = dt_cell(p, i + 2);
		uint32_t len = dt_cell(p, i + 3), k;
		int u = unit ? unit_of(x, unit) : -1, m5;

		if (u < 0 || !len)
			continue;
		m5 = x->c->iommu[u].type == JAILHOUSE_IOMMU_ARM_MMU500;
		if (len <= MAP_LIST_MAX) {
			for (k = 0; k < len; k++) {
				snprintf(origin, sizeof(origin),
					 "%s (iommu-map, requester id 0x%x)",
					 path, rid + k);
				add_sid(x, sid + k, m5, origin);
			}
			continue;
		}
		if (!x->pci_devices) {
			config_create_note(
				x->c,
				"%s: iommu-map sends requester ids 0x%x-0x%x "
				"to stream ids 0x%x-0x%x of %s; without the "
				"target's PCI device list (collect's "
				"pci-devices) none is listed: add the stream "
				"id of each PCI function the root uses",
				path, rid, rid + len - 1, sid, sid + len - 1,
				x->c->iommu[u].origin);
			continue;
		}
		if (!map_pci(x, n, path, rid, len, sid, m5))
			config_create_note(x->c,
					   "%s: iommu-map to %s: no PCI "
					   "function of the target's list "
					   "(pci-devices) is in it",
					   path, x->c->iommu[u].origin);
	}
}

static void find_masters(struct iommu_ctx *x, const struct dt_node *n)
{
	char path[256];

	for (; n; n = n->sibling) {
		if (!dt_enabled(n))
			continue;
		if (dt_prop(n, "iommus") || dt_prop(n, "iommu-map")) {
			dt_path(n, path, sizeof(path));
			node_iommus(x, n, path);
			node_iommu_map(x, n, path);
		}
		find_masters(x, n->child);
	}
}

static int cmp_sid(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

void config_create_iommus(struct cc_config *c, const struct dt_tree *t,
			  const char *pci_devices)
{
	struct iommu_ctx x = { .c = c, .t = t, .pci_devices = pci_devices };
	unsigned int u;

	find_units(&x, t->root->child);
	if (!c->niommus)
		return;
	find_masters(&x, t->root->child);
	/* by id, for a stable, readable list (id is the first member) */
	qsort(c->sid, c->nsids, sizeof(c->sid[0]), cmp_sid);
	for (u = 0; u < c->niommus; u++)
		config_create_note(c,
				   "IOMMU %s is the hypervisor's "
				   "(iommu_units): Linux must not drive it "
				   "once Warden is enabled; Warden does not "
				   "program IOMMUs yet, so DMA is not "
				   "confined",
				   c->iommu[u].origin);
	if (!c->nsids)
		config_create_note(c, "no device of the device tree names "
				      "an IOMMU unit (iommus, iommu-map): the "
				      "root has no stream ids");
}
