/* SPDX-License-Identifier: GPL-2.0 */
/*
 * "warden config show": a parsed configuration as people read it: CPU
 * lists, a memory map sorted by address with flags spelled out, interrupts
 * as INTID ranges, PCI devices and the console.
 */
#ifndef WARDEN_TOOLS_CONFIG_SHOW_H
#define WARDEN_TOOLS_CONFIG_SHOW_H

#include <stdio.h>

#include <warden/config.h>

void config_show(const struct warden_config *cfg, FILE *out);

/* "READ|WRITE|EXECUTE|..." for memory region flags, into buf. */
char *config_mem_flags_str(uint64_t flags, char *buf, size_t len);

#endif
