/* SPDX-License-Identifier: GPL-2.0 */
/* EL2 vector hardening (harden.c). */
#ifndef WARDEN_ARCH_HARDEN_H
#define WARDEN_ARCH_HARDEN_H

#include <arch/hv.h>

/*
 * Decide, print and remember this CPU's EL2 vectors (before anything
 * touches the GIC); the table cpu_activate installs.
 */
void vec_harden_probe(unsigned int cpu);
const void *vec_harden_vectors(unsigned int cpu);

#endif
