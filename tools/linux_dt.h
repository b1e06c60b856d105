/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device tree a Linux cell boots with: written from the cell config
 * (memory, CPUs with PSCI, the GIC frames of the cell's CPUs, the timer,
 * the console, /chosen) with GIC and CPU facts from the root's device
 * tree, or a user's DTB with its memory and /chosen replaced.
 */
#ifndef WARDEN_TOOLS_LINUX_DT_H
#define WARDEN_TOOLS_LINUX_DT_H

#include <stddef.h>
#include <stdint.h>

#include <warden/config.h>

#include "config_create_dt.h"
#include "linux_place.h"

struct linux_dt_args {
	const struct warden_config *cfg;
	const char *cfg_path;
	const struct linux_layout *layout;
	const char *bootargs; /* NULL: keep a user DTB's */
	/*
	 * The running system's config, for the virtual PCI host bridge of a
	 * cell with PCI devices; NULL: the DTB gets no bridge.
	 */
	const struct jailhouse_system *sys;
};

/*
 * The console arguments for cfg: earlycon= for its console (kept after
 * boot with keep_bootcon), or, when the cell may use the virtual console,
 * earlycon until console=hvc0 (warden_hvc.ko) takes over; "" for none.
 */
const char *linux_dt_earlycon(const struct warden_config *cfg, char *buf,
			      size_t len);

/*
 * Writes the cell's DTB from its config and root, the root's device tree
 * (root_path names it in messages). A cell with PCI devices gets its
 * virtual host bridge (pci-host-ecam-generic) as the hypervisor serves it:
 * the system config's ECAM window, a BAR window right behind it where the
 * hypervisor lets BARs go, INTx pin P as SPI vpci_irq_base + P - 1. Returns 0 and a malloc'd blob, or -1
 * with a sentence in err.
 */
int linux_dt_generate(const struct linux_dt_args *a, const struct dt_tree *root,
		      const char *root_path, void **blob, size_t *size,
		      char *err, size_t len);

/* The user's DTB with /memory and /chosen (bootargs, initrd) replaced. */
int linux_dt_patch(const struct linux_dt_args *a, const struct dt_tree *user,
		   void **blob, size_t *size, char *err, size_t len);

#endif
