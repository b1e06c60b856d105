/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The cell's side of the communication region: validation, cell state,
 * and the message protocol (the hypervisor asks, the cell replies).
 */
#ifndef INMATE_COMM_H
#define INMATE_COMM_H

#include <stdbool.h>
#include <stdint.h>
#include <warden/comm-region.h>

/* NULL when there is none (booted bare by QEMU). */
extern struct warden_comm_region *comm_region;

/*
 * Accepts the region at addr if signature and revision match; otherwise
 * marks the cell FAILED_COMM_REV and returns -1.
 */
int comm_init(uintptr_t addr);
void comm_set_state(uint32_t state);
/* Whether a later shutdown request is approved (the default) or denied. */
void comm_set_shutdown_allowed(bool allowed);
/*
 * Answers a pending message, if any, and returns it (WARDEN_MSG_NONE if
 * there was none). Inmates call it from their main loop.
 */
uint32_t comm_poll(void);

#endif
