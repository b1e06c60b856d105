// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's portable config parser and image placement, built into
 * the driver too: the driver refuses what the hypervisor would refuse with
 * the same reasons, and places images by the same rules. The kernel's
 * snprintf stands in for the hypervisor's formatter.
 */
#include <linux/errno.h>
#include <linux/kernel.h>

/* the kernel has both */
#define WARDEN_ERRNO_H
#define WARDEN_FORMAT_H
#define format_string snprintf

#include "hypervisor/core/config.c"
#include "hypervisor/core/cell_load.c"
