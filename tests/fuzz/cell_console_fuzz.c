// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for a cell's virtual console (core/cell_console.c),
 * which the hypervisor runs on bytes and counts a cell or the root chose:
 * any sequence of writes (any bytes, ring only or not, the clock moving
 * by any amount, backwards too), root input and cell reads. Invariants:
 * the ring's tail counts every byte written and its last bytes are the
 * last written, seq is even after each call, the input FIFO never holds
 * more than CELL_CONSOLE_INPUT bytes and hands them out in order, every
 * line shown on the UART is at most CELL_CONSOLE_LINE bytes of printable
 * ASCII, and what the UART shows ("[NAME] ", the line and "\r\n",
 * all counted) stays within the burst plus the rate over the time that
 * passed, at every moment and exactly (no slack).
 */
#include <string.h>

#include <warden/cell_console.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define TEXT 256

static uint64_t ring_mem[(sizeof(struct warden_console_ring) + TEXT) / 8 + 1];
#define RING ((struct warden_console_ring *)ring_mem)
static uint64_t shown;
/*
 * The model of a flood: it starts with a note, shows nothing until it
 * ends with a note, which comes only after CELL_CONSOLE_QUIET_US without
 * output for the UART; only the first flood's notes go into the ring.
 */
static int flooding, quiet;
static unsigned int floods;

static void emit(const struct cell_console *cc, const char *line,
		 unsigned int len)
{
	unsigned int i;

	fuzz_check(!flooding, "a line shown during a flood");
	fuzz_check(len <= CELL_CONSOLE_LINE, "line of %u bytes", len);
	for (i = 0; i < len; i++)
		fuzz_check((unsigned char)line[i] >= 0x20 &&
				   (unsigned char)line[i] < 0x7f,
			   "byte 0x%02x shown", (unsigned char)line[i]);
	/* what the hypervisor prints: "[NAME] LINE\r\n" */
	shown += 1 + strlen(cc->name) + 2 + len + 2;
}

/* the burst and the rate over the time that passed, in millionths */
static void check_rate(uint64_t elapsed)
{
	fuzz_check(shown * 1000000 <= (uint64_t)CELL_CONSOLE_BURST * 1000000 +
					      elapsed * CELL_CONSOLE_RATE,
		   "%llu bytes shown in %llu us", (unsigned long long)shown,
		   (unsigned long long)elapsed);
}

static void note(const struct cell_console *cc, uint64_t bytes, int started,
		 int ring)
{
	if (started) {
		fuzz_check(!flooding, "a flood started twice");
		flooding = 1;
		floods++;
	} else {
		fuzz_check(flooding, "a flood ended that did not start");
		fuzz_check(quiet, "a flood ended without quiet");
		fuzz_check(bytes > 0, "a flood of %llu bytes",
			   (unsigned long long)bytes);
		flooding = 0;
	}
	fuzz_check(ring == (floods == 1), "flood %u noted in the ring: %d",
		   floods, ring);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input in = { data, size };
	static struct cell_console cc;
	char fifo[4096], buf[256], name[40];
	uint64_t now = fuzz_u32(&in), start, written = 0, elapsed = 0, out;
	unsigned int head = 0, tail = 0, i, n;

	/* a name of 0 to 39 bytes (the hypervisor keeps 31) */
	n = fuzz_u8(&in) % sizeof(name);
	memset(name, 'n', n);
	name[n] = 0;
	shown = 0;
	flooding = 0;
	floods = 0;
	cell_console_reset(&cc, RING, TEXT, name, now);
	start = now;
	out = now; /* the latest output for the UART */
	while (in.n) {
		switch (fuzz_u8(&in) % 3) {
		case 0: { /* the cell writes */
			uint8_t flags = fuzz_u8(&in);
			int64_t dt = (int16_t)fuzz_u16(&in) * 1000LL;

			n = fuzz_u8(&in);
			for (i = 0; i < n; i++)
				buf[i] = fuzz_u8(&in);
			/*
			 * The hypervisor's clock is the physical counter: it
			 * may be seen to stand or step back (CPUs read it
			 * apart), never to wrap past zero to a huge value.
			 */
			if (dt >= 0)
				elapsed += dt;
			else if ((uint64_t)-dt > now)
				dt = -(int64_t)now;
			now += dt;
			quiet = now >= out + CELL_CONSOLE_QUIET_US;
			cell_console_write(&cc, buf, n, flags & 1, now, emit,
					   note);
			if (n && (flags & 1) && now > out)
				out = now;
			written += n;
			fuzz_check(RING->tail == (uint32_t)written,
				   "tail %u after %llu bytes", RING->tail,
				   (unsigned long long)written);
			for (i = 0; i < n && i < TEXT; i++)
				fuzz_check(
					RING->buf[(RING->tail - 1 - i) % TEXT] ==
						buf[n - 1 - i],
					"ring byte %u", i);
			fuzz_check(!(RING->seq & 1), "odd seq");
			check_rate(elapsed);
			break;
		}
		case 1: /* the root sends */
			n = fuzz_u8(&in) % 9;
			for (i = 0; i < n; i++)
				buf[i] = fuzz_u8(&in);
			n = cell_console_input(&cc, buf, n);
			for (i = 0; i < n; i++)
				fifo[tail++ % sizeof(fifo)] = buf[i];
			fuzz_check(tail - head <= CELL_CONSOLE_INPUT,
				   "FIFO holds %u", tail - head);
			break;
		default: /* the cell reads */
			n = cell_console_read(&cc, buf, fuzz_u8(&in) % 9);
			fuzz_check(n <= 8, "read %u", n);
			for (i = 0; i < n; i++)
				fuzz_check(buf[i] ==
						   fifo[head++ % sizeof(fifo)],
					   "input out of order");
		}
	}
	check_rate(elapsed);
	(void)start;
	return 0;
}
