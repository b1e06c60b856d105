// SPDX-License-Identifier: GPL-2.0
/*
 * Hypervisor output: the debug UART from the system config (PL011) and the
 * in-memory ring that the driver shows as "warden console". Lines of
 * different CPUs never interleave because printk holds a lock.
 */
#include <stdarg.h>

#include <arch/hv.h>
#include <warden/format.h>
#include <warden/hv-console.h>

#define PL011_DR 0x00
#define PL011_FR 0x18
#define PL011_FR_TXFF (1 << 5)

static volatile uint32_t *uart;
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

	ring->magic = WARDEN_CONSOLE_MAGIC;
	ring->size = HV_CONSOLE_TEXT;
	/*
	 * Only a PL011 is supported; others print to the ring alone. The
	 * config is not checked yet: never write into our own memory.
	 */
	if (uart_phys >= hv_phys && uart_phys - hv_phys < hv_size_mapped())
		return;
	if (uart_phys && type == JAILHOUSE_CON_TYPE_PL011)
		uart = (volatile uint32_t *)(HV_UART_VIRT +
					     (uart_phys & 0x1fffff));
}

static void uart_putc(char c)
{
	unsigned int spins = 1000000;

	/* Linux shares the UART: wait for room, but never forever. */
	while ((uart[PL011_FR / 4] & PL011_FR_TXFF) && --spins)
		;
	uart[PL011_DR / 4] = (unsigned char)c;
}

static void ring_putc(struct warden_console_ring *ring, char c)
{
	ring->buf[ring->tail & (ring->size - 1)] = c;
	ring->tail++;
}

void printk(const char *fmt, ...)
{
	struct warden_console_ring *ring = console_ring();
	char line[256];
	va_list ap;
	int n, i;

	va_start(ap, fmt);
	n = format_vstring(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 1)
		n = sizeof(line) - 1;

	spin_lock(&print_lock);
	ring->seq++;
	asm volatile("dmb ishst" : : : "memory");
	for (i = 0; i < n; i++) {
		if (uart) {
			if (line[i] == '\n')
				uart_putc('\r');
			uart_putc(line[i]);
		}
		ring_putc(ring, line[i]);
	}
	asm volatile("dmb ishst" : : : "memory");
	ring->seq++;
	spin_unlock(&print_lock);
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
