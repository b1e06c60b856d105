// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/warden/cells/<id>/ of non-root cells, Jailhouse's layout:
 * name, state, cpus_assigned(_list), cpus_failed(_list), and
 * statistics/{vmexits_*} (sums) and statistics/cpu<n>/{vmexits_*}. Values
 * come from the hypervisor (CELL_GET_STATE, CPU_GET_INFO) when read.
 */
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/slab.h>

#include "cell.h"
#include "warden.h"

static const char *const stat_names[] = {
	"vmexits_total",     "vmexits_mmio",	    "vmexits_management",
	"vmexits_hypercall", "vmexits_maintenance", "vmexits_virt_irq",
	"vmexits_virt_sgi",  "vmexits_psci",	    "vmexits_smccc",
};

#define NUM_STATS ARRAY_SIZE(stat_names)

struct kobject *warden_sysfs_cells_kobj(void);

/* The cell a kobject of ours belongs to, by the directory names. */
static struct warden_cell *cell_of(struct kobject *kobj)
{
	unsigned int i;

	for (; kobj; kobj = kobj->parent)
		for (i = 0; i < WARDEN_MAX_CELLS; i++)
			if (warden_cells[i].id && warden_cells[i].sysfs &&
			    warden_cells[i].sysfs->kobj == kobj)
				return &warden_cells[i];
	return NULL;
}

static ssize_t name_show(struct kobject *kobj, struct kobj_attribute *a,
			 char *buf)
{
	struct warden_cell *cell;
	ssize_t n = -ENODEV;

	mutex_lock(&warden.lock);
	cell = cell_of(kobj);
	if (cell)
		n = sysfs_emit(buf, "%s\n", cell->name);
	mutex_unlock(&warden.lock);
	return n;
}

static const char *state_name(long state)
{
	switch (state) {
	case 0:
		return "running";
	case 1:
		return "running/locked";
	case 2:
		return "shut down";
	case 3:
		return "failed";
	case 4:
		return "Comm ABI mismatch";
	default:
		return "invalid";
	}
}

static ssize_t state_show(struct kobject *kobj, struct kobj_attribute *a,
			  char *buf)
{
	struct warden_cell *cell;
	long state = -1;

	mutex_lock(&warden.lock);
	cell = cell_of(kobj);
	if (cell && warden.enabled)
		state = warden_hypercall(WARDEN_HC_CELL_GET_STATE, cell->id, 0);
	mutex_unlock(&warden.lock);
	return sysfs_emit(buf, "%s\n", state_name(state));
}

static u64 failed_cpus(struct warden_cell *cell)
{
	u64 failed = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < 64; cpu++)
		if (cell->cpus & BIT_ULL(cpu) &&
		    warden_hypercall(WARDEN_HC_CPU_GET_INFO, cpu, 0) ==
			    WARDEN_CPU_INFO_FAILED)
			failed |= BIT_ULL(cpu);
	return failed;
}

static ssize_t cpus_show(struct kobject *kobj, char *buf, bool failed,
			 bool list)
{
	struct warden_cell *cell;
	unsigned long mask = 0;

	mutex_lock(&warden.lock);
	cell = cell_of(kobj);
	if (cell)
		mask = failed ? (warden.enabled ? failed_cpus(cell) : 0) :
				cell->cpus;
	mutex_unlock(&warden.lock);
	return list ? sysfs_emit(buf, "%*pbl\n", 64, &mask) :
		      sysfs_emit(buf, "%*pb\n", 64, &mask);
}

static ssize_t cpus_assigned_show(struct kobject *k, struct kobj_attribute *a,
				  char *buf)
{
	return cpus_show(k, buf, false, false);
}

static ssize_t cpus_assigned_list_show(struct kobject *k,
				       struct kobj_attribute *a, char *buf)
{
	return cpus_show(k, buf, false, true);
}

static ssize_t cpus_failed_show(struct kobject *k, struct kobj_attribute *a,
				char *buf)
{
	return cpus_show(k, buf, true, false);
}

static ssize_t cpus_failed_list_show(struct kobject *k,
				     struct kobj_attribute *a, char *buf)
{
	return cpus_show(k, buf, true, true);
}

static struct kobj_attribute name_attr = __ATTR_RO(name);
static struct kobj_attribute state_attr = __ATTR_RO(state);
static struct kobj_attribute cpus_assigned_attr = __ATTR_RO(cpus_assigned);
static struct kobj_attribute cpus_assigned_list_attr =
	__ATTR_RO(cpus_assigned_list);
static struct kobj_attribute cpus_failed_attr = __ATTR_RO(cpus_failed);
static struct kobj_attribute cpus_failed_list_attr =
	__ATTR_RO(cpus_failed_list);

static struct attribute *cell_attrs[] = {
	&name_attr.attr,
	&state_attr.attr,
	&cpus_assigned_attr.attr,
	&cpus_assigned_list_attr.attr,
	&cpus_failed_attr.attr,
	&cpus_failed_list_attr.attr,
	NULL,
};

static const struct attribute_group cell_group = {
	.attrs = cell_attrs,
};

/*
 * Statistics: the file's name selects the counter, a "cpu<n>" directory
 * the CPU; in statistics/ itself the sum over the cell's CPUs.
 */
static ssize_t stat_show(struct kobject *kobj, struct kobj_attribute *a,
			 char *buf)
{
	struct warden_cell *cell;
	unsigned int i, cpu;
	u64 mask = 0, sum = 0;

	for (i = 0; i < NUM_STATS; i++)
		if (!strcmp(a->attr.name, stat_names[i]))
			break;
	mutex_lock(&warden.lock);
	cell = cell_of(kobj);
	if (cell)
		mask = cell->cpus;
	if (cell && !strncmp(kobject_name(kobj), "cpu", 3) &&
	    !kstrtouint(kobject_name(kobj) + 3, 10, &cpu) && cpu < 64)
		mask &= BIT_ULL(cpu);
	for (cpu = 0; warden.enabled && i < NUM_STATS && cpu < 64; cpu++) {
		long v;

		if (!(mask & BIT_ULL(cpu)))
			continue;
		v = warden_hypercall(WARDEN_HC_CPU_GET_INFO, cpu,
				     WARDEN_CPU_INFO_STAT + i);
		if (v > 0)
			sum += v;
	}
	mutex_unlock(&warden.lock);
	return sysfs_emit(buf, "%llu\n", sum);
}

#define STAT_ATTR(n) \
	static struct kobj_attribute n##_attr = __ATTR(n, 0444, stat_show, NULL)
STAT_ATTR(vmexits_total);
STAT_ATTR(vmexits_mmio);
STAT_ATTR(vmexits_management);
STAT_ATTR(vmexits_hypercall);
STAT_ATTR(vmexits_maintenance);
STAT_ATTR(vmexits_virt_irq);
STAT_ATTR(vmexits_virt_sgi);
STAT_ATTR(vmexits_psci);
STAT_ATTR(vmexits_smccc);

static struct attribute *stat_attrs[] = {
	&vmexits_total_attr.attr,	&vmexits_mmio_attr.attr,
	&vmexits_management_attr.attr,	&vmexits_hypercall_attr.attr,
	&vmexits_maintenance_attr.attr, &vmexits_virt_irq_attr.attr,
	&vmexits_virt_sgi_attr.attr,	&vmexits_psci_attr.attr,
	&vmexits_smccc_attr.attr,	NULL,
};

static const struct attribute_group stat_group = {
	.attrs = stat_attrs,
};

void warden_cell_sysfs_add(struct warden_cell *cell)
{
	struct kobject *parent = warden_sysfs_cells_kobj();
	struct warden_cell_sysfs *fs;
	unsigned int cpu;
	char name[16];

	fs = kzalloc(sizeof(*fs), GFP_KERNEL);
	cell->sysfs = fs;
	if (!fs || !parent)
		goto fail;
	snprintf(name, sizeof(name), "%d", cell->id);
	fs->kobj = kobject_create_and_add(name, parent);
	if (!fs->kobj || sysfs_create_group(fs->kobj, &cell_group))
		goto fail;
	fs->stats = kobject_create_and_add("statistics", fs->kobj);
	if (!fs->stats || sysfs_create_group(fs->stats, &stat_group))
		goto fail;
	for (cpu = 0; cpu < 64; cpu++) {
		if (!(cell->cpus & BIT_ULL(cpu)))
			continue;
		snprintf(name, sizeof(name), "cpu%u", cpu);
		fs->cpu[cpu] = kobject_create_and_add(name, fs->stats);
		if (!fs->cpu[cpu] ||
		    sysfs_create_group(fs->cpu[cpu], &stat_group))
			goto fail;
	}
	kobject_uevent(fs->kobj, KOBJ_ADD);
	return;
fail:
	pr_warn("warden: sysfs entries of cell \"%s\" incomplete\n",
		cell->name);
}

void warden_cell_sysfs_remove(struct warden_cell_sysfs *fs)
{
	unsigned int cpu;

	if (!fs)
		return;
	/* children first: a parent's put does not release them */
	for (cpu = 0; cpu < 64; cpu++)
		kobject_put(fs->cpu[cpu]);
	kobject_put(fs->stats);
	kobject_put(fs->kobj);
	kfree(fs);
}
