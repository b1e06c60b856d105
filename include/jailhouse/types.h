/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Fixed-width types for the Jailhouse-compatible configuration format.
 *
 * Three kinds of code include this: the Linux driver (which has its own
 * __u8..__u64), the freestanding hypervisor and host tools (which only get
 * the compiler's <stdint.h>), and users' config sources written for
 * Jailhouse. The typedefs match include/warden/hv-header.h so that both
 * headers can be used in one file.
 */
#ifndef _JAILHOUSE_TYPES_H
#define _JAILHOUSE_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stddef.h>
#include <stdint.h>

typedef int8_t __s8;
typedef uint8_t __u8;
typedef int16_t __s16;
typedef uint16_t __u16;
typedef int32_t __s32;
typedef uint32_t __u32;
typedef int64_t __s64;
typedef uint64_t __u64;
#endif

/* Linux has its own (type-checked) ARRAY_SIZE in <linux/kernel.h>. */
#if !defined(ARRAY_SIZE) && !defined(__KERNEL__)
/* Number of elements of an array; config sources use it for the counts. */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#endif
