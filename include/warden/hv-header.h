/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Header at offset 0 of warden.bin, read by the driver before it hands the
 * CPUs to the image. All offsets are relative to the start of the image.
 */
#ifndef WARDEN_HV_HEADER_H
#define WARDEN_HV_HEADER_H

#define WARDEN_HV_SIGNATURE "WARDENHV"
#define WARDEN_HV_HEADER_VERSION 1

#ifndef __ASSEMBLER__
#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
typedef uint32_t __u32;
typedef uint64_t __u64;
#endif

struct warden_hv_header {
	char signature[8]; /* WARDEN_HV_SIGNATURE, no NUL */
	__u32 header_version; /* WARDEN_HV_HEADER_VERSION */
	__u32 reserved;
	__u64 image_size; /* bytes in warden.bin */
	__u64 core_size; /* image plus zero-initialised data, page aligned */
	__u64 entry; /* offset of the EL2 entry point */
} __attribute__((packed));
#endif

#endif
