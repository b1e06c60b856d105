/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell's virtual console (docs/cells.md, "The console"): what the cell
 * writes by hypercall goes whole into its own ring, which the root reads
 * ("warden console --cell NAME"), and line by line, prefixed with the
 * cell's name, onto the UART as long as the cell stays under a byte rate
 * (never into the hypervisor's own ring, which a cell must not be able
 * to flush); input the root sends waits in a small FIFO until the cell
 * reads it. Portable policy, host-tested
 * (test_cell_console); the arch side (cell_console.c) adds the locks,
 * the clock and the hypercalls.
 */
#ifndef WARDEN_CELL_CONSOLE_H
#define WARDEN_CELL_CONSOLE_H

#include <stdint.h>

#include <warden/hv-console.h>

/*
 * What a cell may put on the UART, bytes per second on average, counting
 * every byte it takes there: "[NAME] ", the line and "\r\n" ...
 */
#define CELL_CONSOLE_RATE 2048
/* ... and at once, after a quiet time (an init's or a command's lines) */
#define CELL_CONSOLE_BURST 4096
/* a cell over the rate is shown again after this long without output */
#define CELL_CONSOLE_QUIET_US 2000000
/* the bytes of "[", "] " and "\r\n" that emit() adds to a name and a line */
#define CELL_CONSOLE_FRAME 5
/* longest line shown on the UART; longer ones are split */
#define CELL_CONSOLE_LINE 160
/* input waiting for the cell */
#define CELL_CONSOLE_INPUT 256

struct cell_console {
	struct warden_console_ring *ring; /* root-readable, the whole stream */
	char name[32];
	unsigned int name_len;
	/* the line being gathered for the UART */
	char line[CELL_CONSOLE_LINE];
	unsigned int line_len;
	/*
	 * token bucket: what the cell may still show, in millionths of a
	 * byte (a microsecond adds CELL_CONSOLE_RATE), refilled by time
	 */
	uint64_t tokens;
	uint64_t last_us;
	uint64_t out_us; /* the latest output for the UART */
	uint64_t dropped; /* bytes not shown since the last note */
	int dropping; /* a flood: silenced until quiet */
	unsigned int floods; /* how many so far: 0, 1 or 2 (more) */
	/* input FIFO: in_tail - in_head bytes wait */
	char in[CELL_CONSOLE_INPUT];
	uint32_t in_head, in_tail;
};

/*
 * Prints one whole line on the UART as "[NAME] LINE\r\n":
 * cell_console_uart_bytes() bytes.
 */
typedef void (*cell_console_emit)(const struct cell_console *cc,
				  const char *line, unsigned int len);
/*
 * Prints a note of the hypervisor about the cell's console: a flood
 * started, or it ended and bytes were not shown; ring = 1 (the cell's
 * first flood): into the hypervisor's ring as well as on the UART,
 * ring = 0: on the UART alone.
 */
typedef void (*cell_console_note)(const struct cell_console *cc, uint64_t bytes,
				  int started, int ring);

/* What emit() puts on the UART for a line of len bytes. */
static inline unsigned int
cell_console_uart_bytes(const struct cell_console *cc, unsigned int len)
{
	return CELL_CONSOLE_FRAME + cc->name_len + len;
}

/* A new cell: an empty ring of ring_text bytes (a power of two). */
void cell_console_reset(struct cell_console *cc,
			struct warden_console_ring *ring, uint32_t ring_text,
			const char *name, uint64_t now_us);
/*
 * The cell wrote n bytes: all into its ring; to the UART line by line
 * (printable ASCII alone, the rest shown as '.', '\r' dropped:
 * warden/console_text.h) while the rate allows; a line over it starts a
 * flood, which silences the cell there until it has been quiet for
 * CELL_CONSOLE_QUIET_US and is noted once when it starts and once when
 * it ends (with the bytes not shown), in the hypervisor's ring for the
 * cell's first flood alone. mirror = 0: the ring alone (and no output
 * for the UART: quiet).
 */
void cell_console_write(struct cell_console *cc, const char *s, unsigned int n,
			int mirror, uint64_t now_us, cell_console_emit emit,
			cell_console_note note);
/* The root sends n bytes: how many fitted (0 when the FIFO is full). */
unsigned int cell_console_input(struct cell_console *cc, const char *s,
				unsigned int n);
/* The cell reads up to max bytes of input: how many it got. */
unsigned int cell_console_read(struct cell_console *cc, char *out,
			       unsigned int max);

/* Packing of up to 8 bytes into a register, byte 0 lowest (hypercalls). */
static inline void cell_console_unpack(uint64_t reg, char *out, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && i < 8; i++)
		out[i] = (char)(reg >> (8 * i));
}

static inline uint64_t cell_console_pack(const char *in, unsigned int n)
{
	uint64_t reg = 0;
	unsigned int i;

	for (i = 0; i < n && i < 8; i++)
		reg |= (uint64_t)(unsigned char)in[i] << (8 * i);
	return reg;
}

#endif
