/* SPDX-License-Identifier: GPL-2.0 */
/* Access to the root-cell driver, /dev/warden, for the CLI's commands. */
#ifndef WARDEN_TOOLS_DRIVER_DEV_H
#define WARDEN_TOOLS_DRIVER_DEV_H

#define WARDEN_DEVICE "/dev/warden"
#define WARDEN_SYSFS "/sys/devices/warden"

/*
 * Opens /dev/warden and checks the driver's ABI version. Returns the file
 * descriptor, or -1 after telling the user what to do.
 */
int driver_open(void);

#endif
