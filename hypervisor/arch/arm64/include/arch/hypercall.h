/* SPDX-License-Identifier: GPL-2.0 */
/* Hypercalls of the root and the cells (hypercall.c). */
#ifndef WARDEN_ARCH_HYPERCALL_H
#define WARDEN_ARCH_HYPERCALL_H

#include <stdint.h>

#include <arch/hv.h>

long hypercall(struct frame *frame, unsigned int cpu);
/* Hypercalls from a non-root cell */
long cell_hypercall_nonroot(struct frame *f, unsigned int cpu);
/* CPU_GET_INFO, for the root and the cells (GET_INFO: cell.h) */
long hypercall_cpu_info(uint64_t target, uint64_t type);

#endif
