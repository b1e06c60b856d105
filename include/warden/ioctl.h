/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Interface between the warden CLI and the root-cell driver (/dev/warden).
 *
 * The Jailhouse-compatible ioctls (type 0, numbers 0..5) will live beside
 * these; Warden's own ones use type 'W' so that the two sets never collide.
 */
#ifndef WARDEN_IOCTL_H
#define WARDEN_IOCTL_H

#ifdef __KERNEL__
#include <linux/ioctl.h>
#else
#include <sys/ioctl.h>
#endif

/* Bumped whenever an ioctl changes meaning; the CLI refuses a mismatch. */
#define WARDEN_ABI_VERSION 1

/* Returns WARDEN_ABI_VERSION as the ioctl's result. */
#define WARDEN_IOCTL_GET_VERSION _IO('W', 0)

#endif
