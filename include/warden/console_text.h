/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What of a cell's console output reaches a terminal (docs/cells.md, "The
 * console"): printable ASCII as it is, a tab as a space, every other byte
 * as '.'. Not only the C0 controls and DEL go: a terminal in an 8-bit
 * mode takes every byte 0x80-0x9f as a C1 control (0x9b CSI, 0x9d OSC),
 * also where it continues a UTF-8 character (U+25CF is e2 97 8f), and
 * one in UTF-8 mode takes c2 80..c2 9f for them. With the terminal's mode
 * unknown, only ASCII is safe; a cell's ring keeps its bytes as written.
 * The hypervisor shows a cell's lines on the UART through
 * console_text_char(), "warden console" a ring through
 * console_text_filter().
 */
#ifndef WARDEN_CONSOLE_TEXT_H
#define WARDEN_CONSOLE_TEXT_H

static inline char console_text_char(unsigned char c)
{
	if (c == '\t')
		return ' ';
	return c >= 0x20 && c < 0x7f ? (char)c : '.';
}

/*
 * buf's n bytes made safe for a terminal in place, line by line as on the
 * UART ('\n' kept, '\r' dropped, so that no line is written over, the
 * rest by console_text_char()): returns how many are left.
 */
static inline unsigned long console_text_filter(char *buf, unsigned long n)
{
	unsigned long i, left = 0;

	for (i = 0; i < n; i++) {
		if (buf[i] == '\r')
			continue;
		buf[left++] = buf[i] == '\n' ? '\n' : console_text_char(buf[i]);
	}
	return left;
}

#endif
