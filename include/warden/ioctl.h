/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Interface between the warden CLI and the root-cell driver (/dev/warden).
 *
 * Jailhouse's ioctls use type 0 (JAILHOUSE_DISABLE is kept with its
 * number); Warden's own ones use type 'W' so that the two sets never
 * collide. Jailhouse's JAILHOUSE_ENABLE passes only the config: Warden
 * also needs the address of Linux' hyp stub, so it has its own enable.
 */
#ifndef WARDEN_IOCTL_H
#define WARDEN_IOCTL_H

#ifdef __KERNEL__
#include <linux/ioctl.h>
#include <linux/types.h>
#else
#include <stdint.h>
#include <sys/ioctl.h>
typedef uint64_t __u64;
#endif

/* Bumped whenever an ioctl changes meaning; the CLI refuses a mismatch. */
#define WARDEN_ABI_VERSION 2

/* Returns WARDEN_ABI_VERSION as the ioctl's result. */
#define WARDEN_IOCTL_GET_VERSION _IO('W', 0)

struct warden_enable {
	__u64 config_address; /* user pointer to the system config */
	__u64 config_size; /* bytes */
	/*
	 * Virtual address of the kernel's __hyp_stub_vectors, from
	 * /proc/kallsyms: the kernel does not export it to modules, and the
	 * hypervisor must hand EL2 back to it on disable.
	 */
	__u64 hyp_stub_vectors;
	__u64 flags; /* none defined: must be 0 */
};

/* Loads warden.bin and moves Linux into the root cell. */
#define WARDEN_IOCTL_ENABLE _IOW('W', 1, struct warden_enable)

/*
 * Issues one hypervisor call from the kernel and returns its x0: for tests
 * and diagnosis. imm selects the instruction: 0x4a48 (a Warden/Jailhouse
 * hypercall) or 0 (a call in the hyp stub's convention, which an enabled
 * hypervisor must refuse without hanging).
 */
struct warden_hypercall {
	__u64 imm;
	__u64 code; /* x0 */
	__u64 arg1; /* x1 */
	__u64 arg2; /* x2 */
	__u64 result; /* x0 afterwards */
};

#define WARDEN_IOCTL_HYPERCALL _IOWR('W', 2, struct warden_hypercall)

/* Jailhouse's JAILHOUSE_DISABLE: the hypervisor leaves, Linux keeps all. */
#define JAILHOUSE_DISABLE _IO(0, 1)

#endif
