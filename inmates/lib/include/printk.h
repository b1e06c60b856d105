/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Console output: the UART named by the comm region (or QEMU virt's PL011
 * when bare) and/or the hypervisor's virtual console (hypercall 8).
 */
#ifndef INMATE_PRINTK_H
#define INMATE_PRINTK_H

#include <stddef.h>

#include "format.h"

void console_init(void);
void console_write(const char *s, size_t len);
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
