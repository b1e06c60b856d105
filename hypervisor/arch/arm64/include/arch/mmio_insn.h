/* SPDX-License-Identifier: GPL-2.0 */
/* Accesses without a syndrome: the instruction decoded (mmio_insn.c). */
#ifndef WARDEN_ARCH_MMIO_INSN_H
#define WARDEN_ARCH_MMIO_INSN_H

#include <stdint.h>

#include <arch/hv.h>

/* A data abort without syndrome at ipa: 0 emulated, -1 no device there */
int mmio_emulate_insn(struct frame *frame, unsigned int cpu, uint64_t ipa);
/* Whether ipa is in a device the hypervisor emulates; its name or NULL */
int mmio_is_emulated(uint64_t ipa);
const char *mmio_emulated_name(uint64_t ipa);

#endif
