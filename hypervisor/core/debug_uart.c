// SPDX-License-Identifier: GPL-2.0
#include <warden/debug_uart.h>

int debug_uart_supported(const struct jailhouse_console *con)
{
	__u64 span;

	if (con->type == JAILHOUSE_CON_TYPE_PL011)
		span = PL011_FR + 4;
	else if (con->type == JAILHOUSE_CON_TYPE_8250 &&
		 CON_IS_MMIO(con->flags))
		span = CON_USES_REGDIST_4(con->flags) ? (UART8250_LSR + 1) * 4 :
							UART8250_LSR + 1;
	else
		return 0;
	return con->address && (con->address & 0xfff) + span <= 0x1000;
}
