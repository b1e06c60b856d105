/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The debug UARTs the hypervisor drives (arch printk.c): which system
 * config consoles it can use, and their register layout. `warden config
 * check` advises on a debug console it cannot drive.
 */
#ifndef WARDEN_DEBUG_UART_H
#define WARDEN_DEBUG_UART_H

#include <jailhouse/console.h>

#define PL011_DR 0x00
#define PL011_FR 0x18
#define PL011_FR_TXFF (1 << 5)

/* 8250 registers, in units of the register distance (1 or 4 bytes) */
#define UART8250_THR 0
#define UART8250_LSR 5
#define UART8250_LSR_THRE (1 << 5)

/*
 * Whether the hypervisor can print on this console: a PL011, or an MMIO
 * 8250 (registers a byte apart or, with JAILHOUSE_CON_REGDIST_4, 32-bit
 * and 4 bytes apart), at a non-zero address, with the registers it uses
 * inside the one page that is mapped for it.
 */
int debug_uart_supported(const struct jailhouse_console *con);

#endif
