// SPDX-License-Identifier: GPL-2.0
/* PL011: enough to transmit, polled. */
#include "mmio.h"
#include "sysreg.h"
#include "uart.h"

#define UARTDR 0x00
#define UARTFR 0x18
#define UARTIBRD 0x24
#define UARTFBRD 0x28
#define UARTLCR_H 0x2c
#define UARTCR 0x30

#define UARTFR_TXFF (1 << 5)
#define UARTLCR_H_WLEN_8 (3 << 5)
#define UARTLCR_H_FEN (1 << 4)
#define UARTCR_UARTEN (1 << 0)
#define UARTCR_TXE (1 << 8)
#define UARTCR_RXE (1 << 9)

void pl011_init(uintptr_t base, uint32_t divider)
{
	if (!divider)
		return;
	/* The baud rate registers only take effect with the UART off. */
	mmio_write32(base + UARTCR, 0);
	mmio_write32(base + UARTIBRD, divider);
	mmio_write32(base + UARTFBRD, 0);
	mmio_write32(base + UARTLCR_H, UARTLCR_H_WLEN_8 | UARTLCR_H_FEN);
	mmio_write32(base + UARTCR, UARTCR_UARTEN | UARTCR_TXE | UARTCR_RXE);
}

void pl011_putc(uintptr_t base, char c)
{
	while (mmio_read32(base + UARTFR) & UARTFR_TXFF)
		cpu_relax();
	mmio_write32(base + UARTDR, (uint8_t)c);
}
