// SPDX-License-Identifier: GPL-2.0
/*
 * Which SPIs a cell's irqchip entries grant. What a new cell must satisfy
 * is decided by the rule engine (rules.c).
 */
#include <warden/cell_check.h>

int cell_check_has_spi(const struct warden_config *cfg, __u64 gicd, __u64 intid)
{
	return intid >= 32 && warden_config_has_irq(cfg, gicd, intid);
}
