// SPDX-License-Identifier: GPL-2.0
/*
 * Cells' virtual consoles: the hypercalls, a lock and a ring per cell ID.
 * What a cell writes goes into its ring (after the hypervisor's own, in
 * the pages the root reads, include/warden/hv-console.h) and, rate-
 * limited and prefixed with its name, onto the UART (not into the
 * hypervisor's ring: no cell can push the hypervisor's messages out);
 * what the root sends waits in the cell's input FIFO. A slot's lock is
 * held only for up to 8 bytes (and one console line); it is taken before
 * print_lock, never the other way. Like every lock of the hypervisor, it
 * names its CPU while held, and an exception at EL2 releases it
 * (cell_console_locks_release()).
 */
#include <arch/cell.h>
#include <arch/cell_console.h>
#include <arch/hv.h>
#include <arch/layout.h>
#include <arch/test_point.h>
#include <warden/cell_console.h>
#include <warden/errno.h>
#include <warden/hypercall.h>

_Static_assert(WARDEN_CONSOLE_CELLS == MAX_CELLS, "a ring per cell ID");
_Static_assert(WARDEN_CONSOLE_CELL_OFFSET >= HV_CONSOLE_TEXT + 16 &&
		       WARDEN_CONSOLE_CELL_OFFSET +
				       WARDEN_CONSOLE_CELLS *
					       WARDEN_CONSOLE_CELL_SLOT <=
			       HV_CONSOLE_SIZE,
	       "the cells' rings lie in the console pages");
_Static_assert(WARDEN_CONSOLE_CELL_TEXT + 16 <= WARDEN_CONSOLE_CELL_SLOT,
	       "a cell's ring fits its slot");

static struct {
	spinlock_t lock;
	int open;
	int permitted;
	int mirror; /* the root's choice: lines on the UART */
	struct cell_console cc;
} slots[MAX_CELLS];

static struct warden_console_ring *slot_ring(unsigned int id)
{
	return (struct warden_console_ring *)(hv_console +
					      WARDEN_CONSOLE_CELL_OFFSET +
					      (id - 1) *
						      WARDEN_CONSOLE_CELL_SLOT);
}

/*
 * "[NAME] LINE\r\n" (printk.c turns "\n" into "\r\n" on the UART):
 * cell_console_uart_bytes(cc, len) bytes, which the rate counts.
 */
_Static_assert(sizeof("[] \r\n") - 1 == CELL_CONSOLE_FRAME,
	       "the rate counts what emit() adds to a line");

static void emit(const struct cell_console *cc, const char *line,
		 unsigned int len)
{
	char buf[CELL_CONSOLE_LINE + 1];
	unsigned int i;

	for (i = 0; i < len && i < CELL_CONSOLE_LINE; i++)
		buf[i] = line[i];
	buf[i] = 0;
	uart_printk("[%s] %s\n", cc->name, buf);
}

/*
 * The notes of a cell's first flood go into the hypervisor's ring too
 * (printk), later ones on the UART alone (uart_printk): at most two
 * notes per cell in the ring, whatever the cell does.
 */
#define note_print(ring, ...)                     \
	do {                                      \
		if (ring)                         \
			printk(__VA_ARGS__);      \
		else                              \
			uart_printk(__VA_ARGS__); \
	} while (0)

static void note(const struct cell_console *cc, uint64_t bytes, int started,
		 int ring)
{
	if (started)
		note_print(ring,
			   "Cell \"%s\": console output over %u bytes/s: not "
			   "shown here until it has been quiet for %u s "
			   "('warden console --cell %s' has all of it)\n",
			   cc->name, CELL_CONSOLE_RATE,
			   CELL_CONSOLE_QUIET_US / 1000000, cc->name);
	else
		note_print(ring,
			   "Cell \"%s\": %llu bytes of console output were "
			   "not shown here%s\n",
			   cc->name, (unsigned long long)bytes,
			   ring ? "; later floods of its console are noted "
				  "on the UART only" :
				  "");
}

unsigned int cell_console_locks_release(void)
{
	unsigned int i, held = 0;

	for (i = 0; i < MAX_CELLS; i++) {
		if (slots[i].lock != lock_owner_value())
			continue;
		spin_unlock(&slots[i].lock);
		held |= 1U << i;
	}
	return held;
}

void cell_console_open(unsigned int id, const char *name, int permitted)
{
	if (id < 1 || id > MAX_CELLS)
		return;
	spin_lock(&slots[id - 1].lock);
	cell_console_reset(&slots[id - 1].cc, slot_ring(id),
			   WARDEN_CONSOLE_CELL_TEXT, name, timer_now_us());
	slots[id - 1].permitted = permitted;
	slots[id - 1].mirror = 1;
	slots[id - 1].open = 1;
	spin_unlock(&slots[id - 1].lock);
}

void cell_console_close(unsigned int id)
{
	if (id < 1 || id > MAX_CELLS)
		return;
	spin_lock(&slots[id - 1].lock);
	slots[id - 1].open = 0;
	spin_unlock(&slots[id - 1].lock);
}

long cell_console_hypercall(struct frame *f, unsigned int id)
{
	uint64_t code = f->x[0], arg1 = f->x[1], arg2 = f->x[2];
	unsigned int n = 1, mirror = 1;
	char buf[8];
	long ret;

	if (id < 1 || id > MAX_CELLS)
		return -EPERM;
	if (code == WARDEN_HC_CONSOLE_WRITE) {
		n = arg2 & 0xff;
		if (n < 1 || n > 8 ||
		    (arg2 & ~(0xffULL | WARDEN_CONSOLE_RING_ONLY)))
			return -EINVAL;
		mirror = !(arg2 & WARDEN_CONSOLE_RING_ONLY);
	}
	spin_lock(&slots[id - 1].lock);
	if (!slots[id - 1].open || !slots[id - 1].permitted) {
		ret = -EPERM;
	} else if (code == WARDEN_HC_CONSOLE_READ) {
		ret = cell_console_read(&slots[id - 1].cc, buf, 8);
		f->x[1] = cell_console_pack(buf, ret);
	} else {
		cell_console_unpack(arg1, buf, n);
		cell_console_write(&slots[id - 1].cc, buf, n,
				   mirror && slots[id - 1].mirror,
				   timer_now_us(), emit, note);
		ret = code == WARDEN_HC_CONSOLE_WRITE ? (long)n : 0;
	}
	spin_unlock(&slots[id - 1].lock);
	return ret;
}

long cell_console_send(uint64_t arg1, uint64_t arg2)
{
	uint64_t id = arg1 & 0xffffffff, n = arg1 >> 32;
	char buf[8];
	long ret;

	if (n < 1 || n > 8)
		return -EINVAL;
	if (id < 1 || id > MAX_CELLS)
		return -ENOENT;
	cell_console_unpack(arg2, buf, n);
	spin_lock(&slots[id - 1].lock);
	el2_test_point(TEST_CONSOLE_LOCKED);
	if (!slots[id - 1].open)
		ret = -ENOENT;
	else if (!slots[id - 1].permitted)
		ret = -EPERM;
	else
		ret = cell_console_input(&slots[id - 1].cc, buf, n);
	spin_unlock(&slots[id - 1].lock);
	return ret;
}

long cell_console_mirror(uint64_t id, uint64_t on)
{
	long ret = 0;

	if (on > 1)
		return -EINVAL;
	if (id < 1 || id > MAX_CELLS)
		return -ENOENT;
	spin_lock(&slots[id - 1].lock);
	if (!slots[id - 1].open)
		ret = -ENOENT;
	else
		slots[id - 1].mirror = on;
	spin_unlock(&slots[id - 1].lock);
	return ret;
}
