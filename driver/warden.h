/* SPDX-License-Identifier: GPL-2.0 */
/* State shared by the driver's files. */
#ifndef WARDEN_DRIVER_H
#define WARDEN_DRIVER_H

#include <linux/mutex.h>
#include <linux/types.h>

#include <warden/hv-console.h>
#include <warden/hypercall.h>
#include <warden/ioctl.h>

struct device;

struct warden_state {
	struct mutex lock;
	bool enabled;
	phys_addr_t hv_phys;
	u64 hv_size;
	u64 console_offset, console_size;
	/* the console ring while enabled, read-only for us under stage 2 */
	struct warden_console_ring *console;
	/* a copy of the ring after disable or a failed enable */
	struct warden_console_ring *last_console;
	char root_name[32];
	u64 root_cpus; /* mask of Linux CPU numbers */
	/*
	 * The system config while enabled (vmalloc'd), for user space:
	 * /sys/devices/warden/system_config ("cell linux" writes a Linux
	 * cell's PCI host bridge from it).
	 */
	void *sys_config;
	u64 sys_config_size;
	/*
	 * Loaded in a Linux cell ("cell linux"'s device tree says
	 * "warden,linux-cell"): Warden is below already, there is nothing to
	 * enable; the module serves the cell's ivshmem devices only.
	 */
	bool in_cell;
};

extern struct warden_state warden;
extern struct device *warden_dev;

int warden_enable(const struct warden_enable __user *uarg);
int warden_disable(void);
long warden_hypercall(unsigned long code, unsigned long arg1,
		      unsigned long arg2);
/* hvc #0 as Linux' hyp stub expects it; only while enabled */
unsigned long warden_stub_call(unsigned long x0, unsigned long x1);
unsigned long warden_smc_call(unsigned long fid, unsigned long arg1,
			      unsigned long arg2);

struct file;
struct inode;
int warden_console_open(struct inode *inode, struct file *file);
int warden_console_release(struct inode *inode, struct file *file);
long warden_console_select(struct file *file, const void __user *uarg);
ssize_t warden_console_read(struct file *file, loff_t *pos, char __user *buf,
			    size_t count);
ssize_t warden_console_write(struct file *file, const char __user *buf,
			     size_t count);
long warden_console_mirror(struct file *file, unsigned long on);
void warden_console_save(void);

int warden_sysfs_init(void);
void warden_sysfs_exit(void);
void warden_sysfs_cell_add(void);
void warden_sysfs_cell_remove(void);

#endif
