/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt ownership of a cell, for the hypervisor and the rules. Whether
 * a new cell fits the running system is rules_cell() (warden/rules.h).
 */
#ifndef WARDEN_CELL_CHECK_H
#define WARDEN_CELL_CHECK_H

#include <warden/config.h>
#include <warden/rules.h>

/* Whether the cell's irqchip entries grant SPI intid (>= 32). */
int cell_check_has_spi(const struct warden_config *cfg, __u64 gicd,
		       __u64 intid);

#endif
