/* SPDX-License-Identifier: GPL-2.0 */
/* ARM PL011 and 8250-style UARTs, transmit only. */
#ifndef INMATE_UART_H
#define INMATE_UART_H

#include <stdbool.h>
#include <stdint.h>

/* divider 0: leave the UART as set up (it may be shared). */
void pl011_init(uintptr_t base, uint32_t divider);
void pl011_putc(uintptr_t base, char c);
/* regdist_4: 32-bit registers 4 bytes apart (else a byte apart) */
void uart8250_putc(uintptr_t base, bool regdist_4, char c);

#endif
