// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * qemu-virt.c for 16 CPUs (QEMU "-smp 16"): the same memory, devices and
 * interrupts, CPUs 0-15. The redistributors of 16 CPUs (128 KiB each)
 * end at 0x082a0000, still in the distributor's 1 GiB.
 */
#define QEMU_VIRT_NAME "qemu-virt-16"
#define QEMU_VIRT_CPUS 0xffff
#include "qemu-virt.c"
