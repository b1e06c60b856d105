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
typedef uint32_t __u32;
typedef int32_t __s32;
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
 * hypercall), 0 (a call in the hyp stub's convention, which an enabled
 * hypervisor must refuse without hanging) or WARDEN_HC_SMC ("smc #0", a
 * firmware call, which the hypervisor handles by its SMC policy).
 */
#define WARDEN_HC_SMC 0x10000

struct warden_hypercall {
	__u64 imm;
	__u64 code; /* x0 */
	__u64 arg1; /* x1 */
	__u64 arg2; /* x2 */
	__u64 result; /* x0 afterwards */
};

#define WARDEN_IOCTL_HYPERCALL _IOWR('W', 2, struct warden_hypercall)

/*
 * This open file reads and writes a cell's virtual console (argument: a
 * struct jailhouse_cell_id, defined below) instead of the hypervisor's:
 * read() returns the cell's ring from its start, write() sends input to
 * the cell. -ENOENT once the cell is destroyed.
 */
#define WARDEN_IOCTL_CONSOLE_CELL _IOW('W', 0x10, struct jailhouse_cell_id)
/*
 * On a file made a cell's console: whether the hypervisor copies the
 * cell's lines to the UART (argument: 1 or 0, by value).
 */
#define WARDEN_IOCTL_CONSOLE_MIRROR _IO('W', 0x11)

/* Jailhouse's JAILHOUSE_DISABLE: the hypervisor leaves, Linux keeps all. */
#define JAILHOUSE_DISABLE _IO(0, 1)

/*
 * Cell management, with Jailhouse's numbers and layouts so that its tools
 * work against this driver too.
 */
struct jailhouse_cell_create {
	__u64 config_address; /* user pointer to the cell config */
	__u32 config_size;
	__u32 padding;
};

/* id < 0 (JAILHOUSE_CELL_ID_UNUSED): look the cell up by name. */
#define JAILHOUSE_CELL_ID_UNUSED (-1)
#define JAILHOUSE_CELL_ID_NAMELEN 31

struct jailhouse_cell_id {
	__s32 id;
	__u32 padding;
	char name[JAILHOUSE_CELL_ID_NAMELEN + 1];
};

struct jailhouse_preload_image {
	__u64 source_address; /* user pointer */
	__u64 size;
	__u64 target_address; /* cell's guest-physical address */
	__u64 padding;
};

/* Zero images: shut the cell down (Jailhouse has no shutdown ioctl). */
struct jailhouse_cell_load {
	struct jailhouse_cell_id cell_id;
	__u32 num_preload_images;
	__u32 padding;
	struct jailhouse_preload_image image[];
};

#define JAILHOUSE_CELL_CREATE _IOW(0, 2, struct jailhouse_cell_create)
#define JAILHOUSE_CELL_LOAD _IOW(0, 3, struct jailhouse_cell_load)
#define JAILHOUSE_CELL_START _IOW(0, 4, struct jailhouse_cell_id)
#define JAILHOUSE_CELL_DESTROY _IOW(0, 5, struct jailhouse_cell_id)

#endif
