// SPDX-License-Identifier: GPL-2.0
/*
 * 8250-style UART (the Raspberry Pi 4's mini UART, TI K3's UARTs): enough
 * to transmit, polled, on a UART the firmware or Linux has set up.
 * Registers are a byte apart, or 32-bit and 4 bytes apart (regdist 4).
 */
#include "mmio.h"
#include "sysreg.h"
#include "uart.h"

#define UART8250_THR 0
#define UART8250_LSR 5
#define UART8250_LSR_THRE (1 << 5)

static uint32_t reg_read(uintptr_t base, bool regdist_4, unsigned int reg)
{
	if (regdist_4)
		return mmio_read32(base + reg * 4);
	return mmio_read8(base + reg);
}

void uart8250_putc(uintptr_t base, bool regdist_4, char c)
{
	while (!(reg_read(base, regdist_4, UART8250_LSR) & UART8250_LSR_THRE))
		cpu_relax();
	if (regdist_4)
		mmio_write32(base + UART8250_THR * 4, (uint8_t)c);
	else
		mmio_write8(base + UART8250_THR, (uint8_t)c);
}
