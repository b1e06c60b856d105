/* SPDX-License-Identifier: GPL-2.0 */
/* ARM PL011 UART, transmit only. */
#ifndef INMATE_UART_H
#define INMATE_UART_H

#include <stdint.h>

/* divider 0: leave the UART as set up (it may be shared). */
void pl011_init(uintptr_t base, uint32_t divider);
void pl011_putc(uintptr_t base, char c);

#endif
