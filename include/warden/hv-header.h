/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Header at offset 0 of warden.bin, read by the driver before it hands the
 * CPUs to the image. All offsets are relative to the start of the image.
 * The build fills the first part; the driver fills the second part in its
 * copy of the image in hypervisor memory, before any CPU enters.
 */
#ifndef WARDEN_HV_HEADER_H
#define WARDEN_HV_HEADER_H

#define WARDEN_HV_SIGNATURE "WARDENHV"
#define WARDEN_HV_HEADER_VERSION 2

/* Offsets of the driver-filled fields, for the EL2 bootstrap code. */
#define HV_HEADER_CONFIG_OFFSET 56
#define HV_HEADER_CONFIG_SIZE 64
#define HV_HEADER_STUB_VECTORS 72

#ifndef __ASSEMBLER__
#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
typedef uint32_t __u32;
typedef uint64_t __u64;
#endif

struct warden_hv_header {
	/* filled by the build */
	char signature[8]; /* WARDEN_HV_SIGNATURE, no NUL */
	__u32 header_version; /* WARDEN_HV_HEADER_VERSION */
	__u32 max_cpus; /* per-CPU slots the image has */
	__u64 image_size; /* bytes in warden.bin */
	__u64 core_size; /* image plus zero-initialised data, page aligned */
	__u64 entry; /* offset of the 2 KiB aligned bootstrap vectors */
	__u64 console_offset; /* struct warden_console_ring, page aligned */
	__u64 console_size; /* bytes, page multiple */
	/* filled by the driver */
	__u64 config_offset; /* system config copy, at or after core_size */
	__u64 config_size;
	__u64 stub_vectors; /* physical address of Linux' __hyp_stub_vectors */
	__u32 online_cpus; /* CPUs that will enter */
	__u32 reserved;
} __attribute__((packed));

#ifndef __KERNEL__
_Static_assert(__builtin_offsetof(struct warden_hv_header, config_offset) ==
		       HV_HEADER_CONFIG_OFFSET,
	       "hv header layout");
_Static_assert(__builtin_offsetof(struct warden_hv_header, config_size) ==
		       HV_HEADER_CONFIG_SIZE,
	       "hv header layout");
_Static_assert(__builtin_offsetof(struct warden_hv_header, stub_vectors) ==
		       HV_HEADER_STUB_VECTORS,
	       "hv header layout");
#endif
#endif

#endif
