/* SPDX-License-Identifier: GPL-2.0 */
/* Trapped accesses to emulated devices (mmio.c, mmio_insn.c). */
#ifndef WARDEN_ARCH_MMIO_H
#define WARDEN_ARCH_MMIO_H

#include <stdint.h>

#include <arch/hv.h>

/* A trapped access: what the data abort's syndrome says. */
struct mmio_access {
	uint64_t addr; /* IPA */
	uint64_t value; /* written, or to be read */
	unsigned int size; /* bytes */
	int is_write;
};

void mmio_handle_dabt(struct frame *frame, unsigned int cpu);
/* A data abort without syndrome at ipa: 0 emulated, -1 no device there */
int mmio_emulate_insn(struct frame *frame, unsigned int cpu, uint64_t ipa);
/* Whether ipa is in a device the hypervisor emulates; its name or NULL */
int mmio_is_emulated(uint64_t ipa);
const char *mmio_emulated_name(uint64_t ipa);
/*
 * A table walk, fetch or external abort on an emulated device: injected
 * into the cell as a synchronous external abort (abort_inject.c). Returns
 * 1 if it was, 0 if the abort is to be handled (or reported) otherwise.
 */
int abort_inject_emulated(unsigned int cpu);

/*
 * For sync_fast.c: a data abort with a syndrome on the distributor, its
 * register x0-x18 or xzr, emulated at once; 1 done, 0 not touched.
 */
int mmio_fast(struct frame *f, struct per_cpu *pc, uint64_t esr);

#endif
