// SPDX-License-Identifier: GPL-2.0
/*
 * Console selection and printk. In a cell the comm region names the UART
 * (PL011, or MMIO 8250 with byte or 32-bit register spacing) and says
 * whether the hypervisor's virtual console may be used; bare, QEMU virt's
 * PL011 is the console. Writing to both a shared UART and the virtual
 * console would print every line twice, so the virtual console is used
 * only when there is no UART or when the con-virtual parameter asks for
 * it.
 */
#include "cmdline.h"
#include "comm.h"
#include "hypercall.h"
#include "printk.h"
#include "sysreg.h"
#include "timer.h"
#include "uart.h"

#define QEMU_VIRT_PL011 0x09000000UL
#define PRINTK_BUF 256
/* A stuck lock (its holder faulted) is broken after this long. */
#define CONSOLE_LOCK_TIMEOUT_NS 100000000ULL

static uintptr_t console_uart;
static uint16_t console_type = JAILHOUSE_CON_TYPE_PL011;
static bool console_regdist_4;
static bool console_virtual;
static uint32_t console_lock;

/*
 * Keeps lines of several CPUs apart. IRQs are masked meanwhile, so that
 * a handler that prints cannot wait for the code it interrupted.
 */
static uint64_t console_lock_take(void)
{
	uint64_t daif = read_sysreg(daif);
	uint64_t start = 0;

	asm volatile("msr daifset, #2" : : : "memory");
	while (__atomic_exchange_n(&console_lock, 1, __ATOMIC_ACQUIRE)) {
		if (!start)
			start = timer_get_ticks();
		else if (timer_ticks_to_ns(timer_get_ticks() - start) >
			 CONSOLE_LOCK_TIMEOUT_NS)
			break;
		cpu_relax();
	}
	return daif;
}

static void console_lock_release(uint64_t daif)
{
	__atomic_store_n(&console_lock, 0, __ATOMIC_RELEASE);
	write_sysreg(daif, daif);
}

void console_init(void)
{
	bool permitted = false, use_uart = true;

	if (comm_region) {
		const struct jailhouse_console *con = &comm_region->console;

		permitted = comm_region->flags &
			    WARDEN_COMM_FLAG_DBG_PUTC_PERMITTED;
		if (con->type == JAILHOUSE_CON_TYPE_PL011 &&
		    CON_IS_MMIO(con->flags)) {
			console_uart = con->address;
			pl011_init(console_uart, con->divider);
		} else if (con->type == JAILHOUSE_CON_TYPE_8250 &&
			   CON_IS_MMIO(con->flags)) {
			console_uart = con->address;
			console_type = con->type;
			console_regdist_4 = CON_USES_REGDIST_4(con->flags);
		}
	} else {
		console_uart = QEMU_VIRT_PL011;
	}
	console_virtual = permitted &&
			  cmdline_parse_bool("con-virtual", !console_uart);
	use_uart = cmdline_parse_bool("con-uart", true);
	if (!use_uart)
		console_uart = 0;
}

static void uart_putc(char c)
{
	if (console_type == JAILHOUSE_CON_TYPE_8250)
		uart8250_putc(console_uart, console_regdist_4, c);
	else
		pl011_putc(console_uart, c);
}

static void console_putc(char c)
{
	if (console_uart)
		uart_putc(c);
	if (console_virtual)
		hypercall_1(WARDEN_HC_DEBUG_CONSOLE_PUTC, (unsigned char)c);
}

void console_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		/* Terminals want CR LF; the hypervisor console adds its own. */
		if (s[i] == '\n' && console_uart)
			uart_putc('\r');
		console_putc(s[i]);
	}
}

int printk(const char *fmt, ...)
{
	char buf[PRINTK_BUF];
	uint64_t daif;
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	daif = console_lock_take();
	console_write(buf, len < PRINTK_BUF ? (size_t)len : PRINTK_BUF - 1);
	console_lock_release(daif);
	return len;
}
