// SPDX-License-Identifier: GPL-2.0
/*
 * A cell's virtual console: everything in its ring, whole sanitised lines
 * on the hypervisor's console within the rate, a note when a flood starts
 * and ends, a bounded input FIFO.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <warden/cell_console.h>
#include <warden/console_text.h>

#define TEXT 64

static struct {
	struct warden_console_ring ring;
	char text[TEXT];
} r;
static struct cell_console cc;
static char shown[1 << 20];
static unsigned int lines, notes_start, notes_end, notes_ring;
static uint64_t last_dropped, uart_bytes;

/* what the UART gets for a line of len bytes of "linux-demo" */
#define UART_LEN(len) (strlen("[linux-demo] \r\n") + (len))

static void emit(const struct cell_console *c, const char *line,
		 unsigned int len)
{
	size_t at = strlen(shown);

	snprintf(shown + at, sizeof(shown) - at, "[%s] %.*s\n", c->name,
		 (int)len, line);
	/* as the hypervisor prints it: "\n" is "\r\n" on the UART */
	uart_bytes +=
		snprintf(NULL, 0, "[%s] %.*s\r\n", c->name, (int)len, line);
	lines++;
}

static void note(const struct cell_console *c, uint64_t bytes, int started,
		 int ring)
{
	if (ring)
		notes_ring++;
	if (started) {
		notes_start++;
	} else {
		notes_end++;
		last_dropped = bytes;
	}
}

static int setup(void **state)
{
	(void)state;
	memset(&r, 0xee, sizeof(r));
	shown[0] = 0;
	lines = notes_start = notes_end = notes_ring = 0;
	last_dropped = uart_bytes = 0;
	cell_console_reset(&cc, &r.ring, TEXT, "linux-demo", 1000);
	return 0;
}

static void write_s(const char *s, int mirror, uint64_t now)
{
	cell_console_write(&cc, s, strlen(s), mirror, now, emit, note);
}

static void ring_and_lines(void **state)
{
	(void)state;
	assert_int_equal(r.ring.magic, WARDEN_CONSOLE_MAGIC);
	assert_int_equal(r.ring.size, TEXT);
	assert_int_equal(r.ring.tail, 0);
	assert_int_equal(r.ring.seq % 2, 0);
	write_s("hello\r\nwor", 1, 1000);
	assert_memory_equal(r.text, "hello\r\nwor", 10);
	assert_int_equal(r.ring.tail, 10);
	assert_string_equal(shown, "[linux-demo] hello\n");
	/* the rest of the line comes later; controls do not pass */
	write_s("ld\x1b[2J\ttab\n", 1, 1001);
	assert_string_equal(shown,
			    "[linux-demo] hello\n[linux-demo] world.[2J tab\n");
	/* ring only: nothing shown */
	write_s("quiet\n", 0, 1002);
	assert_int_equal(lines, 2);
	assert_int_equal(r.ring.tail, 10 + 11 + 6);
	assert_int_equal(r.ring.seq % 2, 0);
}

static void ring_wraps(void **state)
{
	char big[200];
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(big); i++)
		big[i] = 'a' + i % 26;
	cell_console_write(&cc, big, sizeof(big), 0, 1000, emit, note);
	assert_int_equal(r.ring.tail, sizeof(big));
	/* the last TEXT bytes, in place */
	for (i = sizeof(big) - TEXT; i < sizeof(big); i++)
		assert_int_equal(r.text[i % TEXT], big[i]);
}

static void long_line_split(void **state)
{
	char big[CELL_CONSOLE_LINE + 10];

	(void)state;
	memset(big, 'x', sizeof(big));
	cell_console_write(&cc, big, sizeof(big), 1, 1000, emit, note);
	assert_int_equal(lines, 1);
	assert_int_equal(strlen(shown),
			 strlen("[linux-demo] \n") + CELL_CONSOLE_LINE);
}

static void flood_limited(void **state)
{
	char line[100];
	unsigned int i, shown_lines;
	uint64_t now = 1000;

	(void)state;
	memset(line, 'f', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';
	/* a flood at one instant: only the burst passes */
	for (i = 0; i < 1000; i++)
		cell_console_write(&cc, line, sizeof(line), 1, now, emit, note);
	shown_lines = lines;
	assert_int_equal(shown_lines,
			 CELL_CONSOLE_BURST / UART_LEN(sizeof(line) - 1));
	assert_int_equal(notes_start, 1);
	assert_int_equal(notes_end, 0);
	/*
	 * Flooding on for 20 s at 1 line per 100 us: a full bucket is no
	 * reason to show it again, it never went quiet: no line, no note.
	 */
	for (i = 0; i < 200000; i++) {
		now += 100;
		cell_console_write(&cc, line, sizeof(line), 1, now, emit, note);
	}
	assert_int_equal(lines, shown_lines);
	assert_int_equal(notes_start, 1);
	assert_int_equal(notes_end, 0);
	/* nor is a line every 1.9 s quiet */
	for (i = 0; i < 20; i++) {
		now += CELL_CONSOLE_QUIET_US - 100000;
		write_s("slow\n", 1, now);
	}
	assert_int_equal(lines, shown_lines);
	assert_int_equal(notes_end, 0);
	/* quiet for 2 s: the next line passes, after the count */
	now += CELL_CONSOLE_QUIET_US;
	write_s("calm\n", 1, now);
	assert_true(strstr(shown, "[linux-demo] calm\n"));
	assert_int_equal(lines, shown_lines + 1);
	assert_int_equal(notes_end, 1);
	assert_int_equal(last_dropped,
			 (1000 - shown_lines + 200000) * sizeof(line) + 20 * 5);
	assert_int_equal(notes_ring, 2);
}

/*
 * A cell that floods, keeps quiet for 2 s and floods again, over and
 * over: two notes each time on the UART, but only its first flood's two
 * in the hypervisor's ring, which no cell can fill.
 */
static void flood_notes_bounded(void **state)
{
	char line[100];
	unsigned int i, j, burst = CELL_CONSOLE_BURST / UART_LEN(99);
	uint64_t now = 1000;

	(void)state;
	memset(line, 'f', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';
	for (i = 0; i < 100; i++) {
		for (j = 0; j <= burst; j++)
			cell_console_write(&cc, line, sizeof(line), 1, now,
					   emit, note);
		now += CELL_CONSOLE_QUIET_US;
	}
	/* each flood shown to the burst, then noted */
	assert_int_equal(lines, 100 * burst);
	assert_int_equal(notes_start, 100);
	assert_int_equal(notes_end, 99);
	assert_int_equal(last_dropped, sizeof(line));
	assert_int_equal(notes_ring, 2);
	/* a new cell in the slot has its first flood noted there again */
	cell_console_reset(&cc, &r.ring, TEXT, "linux-demo", now);
	for (j = 0; j <= burst; j++)
		cell_console_write(&cc, line, sizeof(line), 1, now, emit, note);
	assert_int_equal(notes_ring, 3);
}

static void flood_silenced_until_quiet(void **state)
{
	char line[100];
	unsigned int i, before;
	uint64_t now = 1000;

	(void)state;
	memset(line, 'f', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';
	for (i = 0; i < 100; i++)
		cell_console_write(&cc, line, sizeof(line), 1, now, emit, note);
	before = lines;
	/* enough time for a line, not quiet for long enough: still silent */
	now += 1000000ULL * sizeof(line) * 2 / CELL_CONSOLE_RATE;
	write_s("short\n", 1, now);
	assert_int_equal(lines, before);
	assert_int_equal(notes_start, 1);
	assert_int_equal(notes_end, 0);
	now += CELL_CONSOLE_QUIET_US;
	write_s("again\n", 1, now);
	assert_int_equal(lines, before + 1);
	assert_int_equal(notes_end, 1);
}

static void flood_note_counts(void **state)
{
	char line[100];
	unsigned int i;

	(void)state;
	memset(line, 'f', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\n';
	for (i = 0; i < 200; i++)
		cell_console_write(&cc, line, sizeof(line), 1, 1000, emit,
				   note);
	assert_int_equal(notes_start, 1);
	write_s("calm\n", 1, 1000 + 100000000ULL);
	assert_int_equal(notes_end, 1);
	assert_int_equal(
		last_dropped,
		(200 - CELL_CONSOLE_BURST / UART_LEN(sizeof(line) - 1)) *
			sizeof(line));
	/* the clock going back refills nothing and breaks nothing */
	write_s("back\n", 1, 5);
	assert_true(strstr(shown, "[linux-demo] back\n"));
}

/*
 * The rate counts all the UART gets, the "[NAME] " and "\r\n" around a
 * line too: empty lines are not nearly free.
 */
static void rate_counts_prefix(void **state)
{
	unsigned int i;
	uint64_t now = 1000;

	(void)state;
	for (i = 0; i < 10000; i++)
		write_s("\n", 1, now);
	assert_int_equal(lines, CELL_CONSOLE_BURST / UART_LEN(0));
	assert_true(uart_bytes <= CELL_CONSOLE_BURST);
	/* 20 s of empty lines, one per 2 ms: the rate holds */
	for (i = 0; i < 10000; i++) {
		now += 2000;
		write_s("\n", 1, now);
	}
	assert_true(uart_bytes <=
		    CELL_CONSOLE_BURST +
			    (now - 1000) * CELL_CONSOLE_RATE / 1000000);
}

/*
 * Nothing rounded in the cell's favour: a cell writing just under the
 * rate after its burst never gets past CELL_CONSOLE_BURST plus the rate
 * times the time that passed, at any moment (a refill that carried the
 * time worth less than a byte rounded down gave about 25 bytes more in a
 * minute).
 */
static void rate_exact(void **state)
{
	unsigned int i;
	uint64_t now = 1000;

	(void)state;
	cell_console_reset(&cc, &r.ring, TEXT, "x", now);
	/* "[x] a\r\n" is 7 bytes, one line per 3306 us is 2117 bytes/s */
	for (i = 0; i < 18000; i++) {
		now += 3306;
		write_s("a\n", 1, now);
		assert_true(uart_bytes * 1000000 <=
			    (uint64_t)CELL_CONSOLE_BURST * 1000000 +
				    (now - 1000) * CELL_CONSOLE_RATE);
	}
	assert_true(lines > 17000);
}

/*
 * Printable ASCII alone on the UART: C1 controls (0x9b CSI, 0x9d OSC,
 * raw or as UTF-8 c2 9b) are terminal controls to many terminals, and
 * 0x80-0x9f within any UTF-8 character are to one in an 8-bit mode; the
 * ring keeps every byte.
 */
static void c1_not_shown(void **state)
{
	const char *s = "a\x9b"
			"31mred\xc2\x9d"
			"0;t\x07 \xe2\x97\x8f\x80\xff\x7f\n";

	(void)state;
	write_s(s, 1, 1000);
	assert_string_equal(shown, "[linux-demo] a.31mred..0;t. ......\n");
	assert_memory_equal(r.text, s, strlen(s));
}

/*
 * "warden console" shows a ring so: the same bytes as the UART, lines
 * kept, '\r' dropped (no line written over another).
 */
static void terminal_filter(void **state)
{
	char buf[] = "ok\r\n\x1b]52;c;aGk=\x07\x9b"
		     "2J\xc2\x9btab\there\nevil\rgood\xe2\x97\x8f\n";
	const char *want = "ok\n.]52;c;aGk=..2J..tab here\nevilgood...\n";
	unsigned long n;
	unsigned int c;

	(void)state;
	n = console_text_filter(buf, strlen(buf));
	assert_int_equal(n, strlen(want));
	assert_memory_equal(buf, want, n);
	for (c = 0; c < 256; c++) {
		char t = console_text_char(c);

		if (c >= 0x20 && c < 0x7f)
			assert_int_equal(t, c);
		else
			assert_int_equal(t, c == '\t' ? ' ' : '.');
	}
}

static void input_fifo(void **state)
{
	char big[CELL_CONSOLE_INPUT + 50], out[8];
	unsigned int i, n, total = 0;

	(void)state;
	assert_int_equal(cell_console_read(&cc, out, 8), 0);
	for (i = 0; i < sizeof(big); i++)
		big[i] = (char)i;
	/* bounded: the rest is refused, not lost silently */
	assert_int_equal(cell_console_input(&cc, big, sizeof(big)),
			 CELL_CONSOLE_INPUT);
	assert_int_equal(cell_console_input(&cc, big, 1), 0);
	while ((n = cell_console_read(&cc, out, 8))) {
		for (i = 0; i < n; i++)
			assert_int_equal(out[i], (char)(total + i));
		total += n;
	}
	assert_int_equal(total, CELL_CONSOLE_INPUT);
	assert_int_equal(cell_console_input(&cc, "ls\n", 3), 3);
	assert_int_equal(cell_console_read(&cc, out, 8), 3);
	assert_memory_equal(out, "ls\n", 3);
	/* a new cell starts with no input */
	cell_console_input(&cc, "x", 1);
	cell_console_reset(&cc, &r.ring, TEXT, "next", 2000);
	assert_int_equal(cell_console_read(&cc, out, 8), 0);
}

static void packing(void **state)
{
	char out[8];

	(void)state;
	assert_int_equal(cell_console_pack("ab", 2), 0x6261);
	assert_int_equal(cell_console_pack("abcdefghij", 10),
			 0x6867666564636261ULL);
	cell_console_unpack(0x0a736c, out, 3);
	assert_memory_equal(out, "ls\n", 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(ring_and_lines, setup),
		cmocka_unit_test_setup(ring_wraps, setup),
		cmocka_unit_test_setup(long_line_split, setup),
		cmocka_unit_test_setup(flood_limited, setup),
		cmocka_unit_test_setup(flood_notes_bounded, setup),
		cmocka_unit_test_setup(flood_silenced_until_quiet, setup),
		cmocka_unit_test_setup(flood_note_counts, setup),
		cmocka_unit_test_setup(rate_counts_prefix, setup),
		cmocka_unit_test_setup(rate_exact, setup),
		cmocka_unit_test_setup(c1_not_shown, setup),
		cmocka_unit_test_setup(terminal_filter, setup),
		cmocka_unit_test_setup(input_fifo, setup),
		cmocka_unit_test_setup(packing, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
