// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/warden: enabled, mem_pool_size, mem_pool_used (pages) and
 * cells/<id>/{name,state,cpus_assigned_list}, as Jailhouse lays them out;
 * Warden's own: system_config (the enabled system's config, root only,
 * empty while disabled).
 */
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include "warden.h"

static struct device *root_dev;
static struct kobject *cells_kobj;
static struct kobject *root_cell_kobj;

static ssize_t enabled_show(struct device *dev, struct device_attribute *a,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", warden.enabled);
}

static ssize_t info_show(char *buf, unsigned long type)
{
	long val = 0;

	mutex_lock(&warden.lock);
	if (warden.enabled)
		val = warden_hypercall(WARDEN_HC_HYPERVISOR_GET_INFO, type, 0);
	mutex_unlock(&warden.lock);
	return sysfs_emit(buf, "%ld\n", val);
}

static ssize_t mem_pool_size_show(struct device *dev,
				  struct device_attribute *a, char *buf)
{
	return info_show(buf, WARDEN_INFO_MEM_POOL_SIZE);
}

static ssize_t mem_pool_used_show(struct device *dev,
				  struct device_attribute *a, char *buf)
{
	return info_show(buf, 1);
}

static ssize_t system_config_read(struct file *f, struct kobject *kobj,
				  struct bin_attribute *a, char *buf,
				  loff_t off, size_t count)
{
	ssize_t n = 0;

	mutex_lock(&warden.lock);
	if (warden.sys_config && off >= 0 && off < warden.sys_config_size) {
		n = min_t(u64, count, warden.sys_config_size - off);
		memcpy(buf, warden.sys_config + off, n);
	}
	mutex_unlock(&warden.lock);
	return n;
}

/* root only, as /dev/warden */
static struct bin_attribute bin_attr_system_config =
	__BIN_ATTR(system_config, 0400, system_config_read, NULL, 0);

static struct bin_attribute *warden_bin_attrs[] = {
	&bin_attr_system_config,
	NULL,
};

static DEVICE_ATTR_RO(enabled);
static DEVICE_ATTR_RO(mem_pool_size);
static DEVICE_ATTR_RO(mem_pool_used);

static struct attribute *warden_attrs[] = {
	&dev_attr_enabled.attr,
	&dev_attr_mem_pool_size.attr,
	&dev_attr_mem_pool_used.attr,
	NULL,
};

static const struct attribute_group warden_group = {
	.attrs = warden_attrs,
	.bin_attrs = warden_bin_attrs,
};

static ssize_t name_show(struct kobject *kobj, struct kobj_attribute *a,
			 char *buf)
{
	return sysfs_emit(buf, "%s\n", warden.root_name);
}

static ssize_t state_show(struct kobject *kobj, struct kobj_attribute *a,
			  char *buf)
{
	long state = -1;

	mutex_lock(&warden.lock);
	if (warden.enabled)
		state = warden_hypercall(WARDEN_HC_CELL_GET_STATE, 0, 0);
	mutex_unlock(&warden.lock);
	return sysfs_emit(buf, "%s\n", state == 0 ? "running" : "invalid");
}

static ssize_t cpus_assigned_list_show(struct kobject *kobj,
				       struct kobj_attribute *a, char *buf)
{
	unsigned long mask = warden.root_cpus;

	return sysfs_emit(buf, "%*pbl\n", 64, &mask);
}

static struct kobj_attribute name_attr = __ATTR_RO(name);
static struct kobj_attribute state_attr = __ATTR_RO(state);
static struct kobj_attribute cpus_attr = __ATTR_RO(cpus_assigned_list);

static struct attribute *cell_attrs[] = {
	&name_attr.attr,
	&state_attr.attr,
	&cpus_attr.attr,
	NULL,
};

static const struct attribute_group cell_group = {
	.attrs = cell_attrs,
};

void warden_sysfs_cell_add(void)
{
	root_cell_kobj = kobject_create_and_add("0", cells_kobj);
	if (!root_cell_kobj)
		return;
	if (sysfs_create_group(root_cell_kobj, &cell_group)) {
		kobject_put(root_cell_kobj);
		root_cell_kobj = NULL;
	}
}

void warden_sysfs_cell_remove(void)
{
	if (!root_cell_kobj)
		return;
	sysfs_remove_group(root_cell_kobj, &cell_group);
	kobject_put(root_cell_kobj);
	root_cell_kobj = NULL;
}

int warden_sysfs_init(void)
{
	int err;

	root_dev = root_device_register("warden");
	if (IS_ERR(root_dev))
		return PTR_ERR(root_dev);
	err = sysfs_create_group(&root_dev->kobj, &warden_group);
	if (err)
		goto unregister;
	cells_kobj = kobject_create_and_add("cells", &root_dev->kobj);
	if (!cells_kobj) {
		err = -ENOMEM;
		goto remove;
	}
	return 0;
remove:
	sysfs_remove_group(&root_dev->kobj, &warden_group);
unregister:
	root_device_unregister(root_dev);
	return err;
}

void warden_sysfs_exit(void)
{
	warden_sysfs_cell_remove();
	kobject_put(cells_kobj);
	sysfs_remove_group(&root_dev->kobj, &warden_group);
	root_device_unregister(root_dev);
}

/* cells/, where driver/cell_sysfs.c puts the non-root cells. */
struct kobject *warden_sysfs_cells_kobj(void)
{
	return cells_kobj;
}
