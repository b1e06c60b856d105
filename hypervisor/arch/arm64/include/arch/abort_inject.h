/* SPDX-License-Identifier: GPL-2.0 */
/* Aborts the device emulation cannot answer (abort_inject.c). */
#ifndef WARDEN_ARCH_ABORT_INJECT_H
#define WARDEN_ARCH_ABORT_INJECT_H

/*
 * A table walk, fetch or external abort on an emulated device: injected
 * into the cell as a synchronous external abort. Returns 1 if it was, 0
 * if the abort is to be handled (or reported) otherwise.
 */
int abort_inject_emulated(unsigned int cpu);

#endif
