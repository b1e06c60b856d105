// SPDX-License-Identifier: GPL-2.0
/*
 * A cell's virtual console: its ring, the rate-limited copy on the
 * UART and its input FIFO (warden/cell_console.h).
 * Nothing here trusts the cell: every byte count is bounded by the
 * buffers it goes into, and what a cell may print on the shared console
 * is bounded by CELL_CONSOLE_RATE and CELL_CONSOLE_BURST.
 */
#include <warden/cell_console.h>
#include <warden/console_text.h>

/* a full bucket, in millionths of a byte */
#define FULL ((uint64_t)CELL_CONSOLE_BURST * 1000000)

void cell_console_reset(struct cell_console *cc,
			struct warden_console_ring *ring, uint32_t ring_text,
			const char *name, uint64_t now_us)
{
	unsigned int i;

	for (i = 0; i < sizeof(cc->name) - 1 && name[i]; i++)
		cc->name[i] = name[i];
	cc->name[i] = 0;
	cc->name_len = i;
	cc->ring = ring;
	cc->line_len = 0;
	cc->tokens = FULL;
	cc->last_us = now_us;
	cc->out_us = now_us;
	cc->dropped = 0;
	cc->dropping = 0;
	cc->floods = 0;
	cc->in_head = cc->in_tail = 0;
	if (!ring)
		return;
	/* a reader sees tail go back and starts over (driver/console.c) */
	ring->seq++;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	ring->magic = WARDEN_CONSOLE_MAGIC;
	ring->size = ring_text;
	ring->tail = 0;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	ring->seq++;
}

/*
 * Exact: each microsecond adds CELL_CONSOLE_RATE millionths of a byte,
 * nothing is rounded, so what the UART shows over any time t stays
 * within CELL_CONSOLE_BURST + CELL_CONSOLE_RATE * t.
 */
static void refill(struct cell_console *cc, uint64_t now_us)
{
	uint64_t dt;

	/* a clock seen to step back (CPUs read it apart) adds nothing */
	if (now_us <= cc->last_us)
		return;
	dt = now_us - cc->last_us;
	cc->last_us = now_us;
	/* a long quiet time fills the bucket; no overflow either way */
	if (dt >= FULL / CELL_CONSOLE_RATE ||
	    cc->tokens + dt * CELL_CONSOLE_RATE >= FULL)
		cc->tokens = FULL;
	else
		cc->tokens += dt * CELL_CONSOLE_RATE;
}

/*
 * A cell over the rate is silenced on the UART (a flood) until it has
 * been quiet there for CELL_CONSOLE_QUIET_US: a flood that goes on is
 * never shown again, and its notes come once when it starts and once
 * when it ends. Only the first flood of a cell is noted in the
 * hypervisor's ring too (ring = 1), later ones on the UART alone, so
 * that a cell flooding again and again cannot push the hypervisor's
 * messages out of its ring with notes either.
 */
static void flood_start(struct cell_console *cc, unsigned int bytes,
			cell_console_note note)
{
	if (cc->floods < 2)
		cc->floods++;
	note(cc, 0, 1, cc->floods == 1);
	cc->dropping = 1;
	cc->dropped = bytes;
}

/* Before each output for the UART: has the cell been quiet long enough? */
static void flood_check(struct cell_console *cc, uint64_t now_us,
			cell_console_note note)
{
	/* a clock seen to step back is not quiet */
	if (cc->dropping && now_us >= cc->out_us &&
	    now_us - cc->out_us >= CELL_CONSOLE_QUIET_US) {
		note(cc, cc->dropped, 0, cc->floods == 1);
		cc->dropping = 0;
		cc->dropped = 0;
	}
	if (now_us > cc->out_us)
		cc->out_us = now_us;
}

/* The line gathered so far, nl = 1 with the cell's newline. */
static void line_flush(struct cell_console *cc, unsigned int nl,
		       uint64_t now_us, cell_console_emit emit,
		       cell_console_note note)
{
	/* all that emit() puts on the UART: the prefix and the line end too */
	uint64_t cost =
		(uint64_t)cell_console_uart_bytes(cc, cc->line_len) * 1000000;

	refill(cc, now_us);
	if (cc->dropping) {
		cc->dropped += cc->line_len + nl;
	} else if (cc->tokens >= cost) {
		cc->tokens -= cost;
		emit(cc, cc->line, cc->line_len);
	} else {
		flood_start(cc, cc->line_len + nl, note);
	}
	cc->line_len = 0;
}

static void ring_put(struct warden_console_ring *ring, const char *s,
		     unsigned int n)
{
	unsigned int i;

	ring->seq++;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	for (i = 0; i < n; i++) {
		ring->buf[ring->tail & (ring->size - 1)] = s[i];
		ring->tail++;
	}
	__atomic_thread_fence(__ATOMIC_RELEASE);
	ring->seq++;
}

void cell_console_write(struct cell_console *cc, const char *s, unsigned int n,
			int mirror, uint64_t now_us, cell_console_emit emit,
			cell_console_note note)
{
	unsigned int i;

	if (cc->ring)
		ring_put(cc->ring, s, n);
	if (!mirror || !n)
		return;
	flood_check(cc, now_us, note);
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c == '\r')
			continue;
		if (c == '\n') {
			line_flush(cc, 1, now_us, emit, note);
			continue;
		}
		/* no terminal controls of a cell on the root's console */
		cc->line[cc->line_len++] = console_text_char(c);
		if (cc->line_len == CELL_CONSOLE_LINE)
			line_flush(cc, 0, now_us, emit, note);
	}
}

unsigned int cell_console_input(struct cell_console *cc, const char *s,
				unsigned int n)
{
	unsigned int done = 0;

	while (done < n && cc->in_tail - cc->in_head < CELL_CONSOLE_INPUT) {
		cc->in[cc->in_tail % CELL_CONSOLE_INPUT] = s[done++];
		cc->in_tail++;
	}
	return done;
}

unsigned int cell_console_read(struct cell_console *cc, char *out,
			       unsigned int max)
{
	unsigned int done = 0;

	while (done < max && cc->in_head != cc->in_tail) {
		out[done++] = cc->in[cc->in_head % CELL_CONSOLE_INPUT];
		cc->in_head++;
	}
	return done;
}
