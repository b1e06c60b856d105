/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux errno values, which the hypercall ABI returns negated. The host
 * and kernel builds take them from their own headers so that all agree.
 */
#ifndef WARDEN_ERRNO_H
#define WARDEN_ERRNO_H

#if defined(__KERNEL__)
#include <linux/errno.h>
#elif defined(__STDC_HOSTED__) && __STDC_HOSTED__
#include <errno.h>
#else
#define EPERM 1
#define ENOENT 2
#define EIO 5
#define E2BIG 7
#define ENOMEM 12
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define EINVAL 22
#define ERANGE 34
#define ENOSYS 38
#define ETIMEDOUT 110
#endif

#endif
