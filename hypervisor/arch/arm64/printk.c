// SPDX-License-Identifier: GPL-2.0
/*
 * Hypervisor output: the debug UART from the system config (PL011, or an
 * 8250-style UART such as the Raspberry Pi 4's mini UART and TI K3's
 * UARTs, MMIO with byte or 32-bit register spacing; see
 * warden/debug_uart.h) and the in-memory ring that the driver shows as
 * "warden console". Lines of different CPUs never interleave because
 * printk holds a lock.
 */
#include <stdarg.h>

#include <arch/hv.h>
#include <warden/debug_uart.h>
#include <warden/format.h>
#include <warden/hv-console.h>
#include <warden/rules.h>

static volatile void *uart;
static uint16_t uart_type;
static bool uart_regdist_4;
spinlock_t print_lock; /* released by el2_locks_release() */

struct warden_console_ring *console_ring(void)
{
	return (struct warden_console_ring *)hv_console;
}

/* What entry.S mapped of hypervisor memory, from the unchecked config. */
static uint64_t hv_size_mapped(void)
{
	const struct jailhouse_system *sys =
		(const void *)(__image_start + hv_header.config_offset);
	uint64_t size = (sys->hypervisor_memory.size + 0x1fffff) & ~0x1fffffULL;

	if (size > (uint64_t)HV_MAX_BLOCKS << 21 || size < hv_header.core_size)
		size = (uint64_t)HV_MAX_BLOCKS << 21;
	return size;
}

void console_init(uint64_t uart_phys, uint16_t type)
{
	struct warden_console_ring *ring = console_ring();
	const struct jailhouse_system *sys =
		(const void *)(__image_start + hv_header.config_offset);
	struct jailhouse_console con = sys->debug_console;

	ring->magic = WARDEN_CONSOLE_MAGIC;
	ring->size = HV_CONSOLE_TEXT;
	con.address = uart_phys;
	con.type = type;
	/*
	 * PL011 and MMIO 8250 are supported; others print to the ring
	 * alone. The config is not checked yet: never write into our own
	 * memory.
	 */
	if (uart_phys >= hv_phys && uart_phys - hv_phys < hv_size_mapped())
		return;
	if (!debug_uart_supported(&con))
		return;
	uart_type = type;
	uart_regdist_4 = CON_USES_REGDIST_4(con.flags);
	uart = (volatile void *)(HV_UART_VIRT + (uart_phys & 0x1fffff));
}

static uint32_t uart8250_read(unsigned int reg)
{
	if (uart_regdist_4)
		return ((volatile uint32_t *)uart)[reg];
	return ((volatile uint8_t *)uart)[reg];
}

static void uart8250_write(unsigned int reg, uint32_t val)
{
	if (uart_regdist_4)
		((volatile uint32_t *)uart)[reg] = val;
	else
		((volatile uint8_t *)uart)[reg] = val;
}

static void uart_putc(char c)
{
	volatile uint32_t *pl011 = uart;
	unsigned int spins = 1000000;

	/* Linux shares the UART: wait for room, but never forever. */
	if (uart_type == JAILHOUSE_CON_TYPE_8250) {
		while (!(uart8250_read(UART8250_LSR) & UART8250_LSR_THRE) &&
		       --spins)
			;
		uart8250_write(UART8250_THR, (unsigned char)c);
		return;
	}
	while ((pl011[PL011_FR / 4] & PL011_FR_TXFF) && --spins)
		;
	pl011[PL011_DR / 4] = (unsigned char)c;
}

static void ring_putc(struct warden_console_ring *ring, char c)
{
	ring->buf[ring->tail & (ring->size - 1)] = c;
	ring->tail++;
}

static void vprint(int to_ring, const char *fmt, va_list ap)
{
	struct warden_console_ring *ring = console_ring();
	/* a rule engine sentence (RULES_TEXT_MAX) and "ERROR: " fit */
	char line[RULES_TEXT_MAX + 64];
	int n, i;

	n = format_vstring(line, sizeof(line), fmt, ap);
	if (n > (int)sizeof(line) - 1) {
		n = sizeof(line) - 1;
		/* cut short, but it ends its line: the next is not glued on */
		memcpy(line + n - 4, "...\n", 4);
	}

	spin_lock(&print_lock);
	if (to_ring) {
		ring->seq++;
		asm volatile("dmb ishst" : : : "memory");
	}
	for (i = 0; i < n; i++) {
		if (uart) {
			if (line[i] == '\n')
				uart_putc('\r');
			uart_putc(line[i]);
		}
		if (to_ring)
			ring_putc(ring, line[i]);
	}
	if (to_ring) {
		asm volatile("dmb ishst" : : : "memory");
		ring->seq++;
	}
	spin_unlock(&print_lock);
}

void console_ring_line_end(void)
{
	struct warden_console_ring *ring = console_ring();

	if (ring->seq & 1) {
		asm volatile("dmb ishst" : : : "memory");
		ring->seq++;
	}
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(1, fmt, ap);
	va_end(ap);
}

void printk_limited(unsigned int cpu, const char *fmt, ...)
{
	va_list ap;
	unsigned int n = ++per_cpu(cpu)->printk_limited;

	if (n > PRINTK_LIMIT + 1)
		return;
	if (n > PRINTK_LIMIT) {
		printk("Warning: CPU %u: further reports of this kind not "
		       "printed until the CPU restarts\n",
		       cpu);
		return;
	}
	va_start(ap, fmt);
	vprint(1, fmt, ap);
	va_end(ap);
}

/* A cell's console line: on the UART, not in the hypervisor's ring. */
void uart_printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(0, fmt, ap);
	va_end(ap);
}

void console_putc(char c)
{
	struct warden_console_ring *ring = console_ring();

	spin_lock(&print_lock);
	ring->seq++;
	asm volatile("dmb ishst" : : : "memory");
	if (uart) {
		if (c == '\n')
			uart_putc('\r');
		uart_putc(c);
	}
	ring_putc(ring, c);
	asm volatile("dmb ishst" : : : "memory");
	ring->seq++;
	spin_unlock(&print_lock);
}

/* The ring lives in its own pages, mapped read-only into the root cell. */
char hv_console[HV_CONSOLE_SIZE]
	__attribute__((section(".bss.console"), aligned(4096)));
