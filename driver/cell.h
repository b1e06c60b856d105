/* SPDX-License-Identifier: GPL-2.0 */
/* The driver's non-root cells: what it keeps of each, and its sysfs. */
#ifndef WARDEN_DRIVER_CELL_H
#define WARDEN_DRIVER_CELL_H

#include <linux/kobject.h>
#include <linux/types.h>

#include <warden/config.h>

/* Cell ids 1 .. WARDEN_MAX_CELLS; the root is 0. */
#define WARDEN_MAX_CELLS 8

struct warden_cell {
	int id; /* 0: slot unused */
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	void *config; /* the config as the hypervisor got it */
	size_t config_size;
	struct warden_config cfg; /* parsed, pointing into config */
	u64 cpus; /* Linux CPU numbers */
	u64 offlined; /* CPUs we took offline, to bring back */
	/*
	 * The last load stopped in the middle of an image: which (1-based,
	 * 0: none), and where it was going. Start is refused until a load
	 * succeeds: the cell would run a torn image.
	 */
	unsigned int torn_image;
	u64 torn_addr, torn_size;
	struct warden_cell_sysfs *sysfs;
};

/* A cell's directories in /sys/devices/warden/cells. */
struct warden_cell_sysfs {
	struct kobject *kobj; /* cells/<id> */
	struct kobject *stats; /* cells/<id>/statistics */
	struct kobject *cpu[64]; /* cells/<id>/statistics/cpu<n> */
};

extern struct warden_cell warden_cells[WARDEN_MAX_CELLS];

long warden_cell_create(const void __user *uarg);
long warden_cell_load(const void __user *uarg);
long warden_cell_start(const void __user *uarg);
long warden_cell_destroy(const void __user *uarg);
/* Destroys every cell, before disable or reboot; -EBUSY if one stays. */
int warden_cell_destroy_all(void);

/* The cell a user's struct jailhouse_cell_id names: its ID and name. */
long warden_cell_console_find(const void __user *uarg, int *id, char *name);
/* Under warden.lock: whether cell id is still the one named name. */
bool warden_cell_is(int id, const char *name);

/* Under warden.lock. */
void warden_cell_sysfs_add(struct warden_cell *cell);
/* Without warden.lock (readers take it); frees sysfs. NULL is fine. */
void warden_cell_sysfs_remove(struct warden_cell_sysfs *sysfs);

#endif
