// SPDX-License-Identifier: GPL-2.0
/*
 * String formatting for printk. Output goes through fmt_out(), which
 * counts every character but stores only what fits, so the return value
 * is the untruncated length as C99 specifies.
 */
#include <stdbool.h>
#include <stdint.h>

#include "format.h"

struct fmt_state {
	char *buf;
	size_t size;
	size_t len;
};

static void fmt_out(struct fmt_state *st, char c)
{
	if (st->len + 1 < st->size)
		st->buf[st->len] = c;
	st->len++;
}

static void fmt_pad(struct fmt_state *st, char c, int count)
{
	while (count-- > 0)
		fmt_out(st, c);
}

/* Emits text of length len in a field of width, honouring '-'. */
static void fmt_field(struct fmt_state *st, const char *text, int len,
		      int width, bool left)
{
	if (!left)
		fmt_pad(st, ' ', width - len);
	for (int i = 0; i < len; i++)
		fmt_out(st, text[i]);
	if (left)
		fmt_pad(st, ' ', width - len);
}

static void fmt_number(struct fmt_state *st, uint64_t val, bool negative,
		       unsigned int base, bool upper, const char *prefix,
		       int width, bool left, bool zero)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, plen = 0, total;

	do {
		tmp[n++] = digits[val % base];
		val /= base;
	} while (val);
	if (negative)
		prefix = "-";
	while (prefix && prefix[plen])
		plen++;
	total = n + plen;

	if (!left && !zero)
		fmt_pad(st, ' ', width - total);
	for (int i = 0; i < plen; i++)
		fmt_out(st, prefix[i]);
	if (!left && zero)
		fmt_pad(st, '0', width - total);
	while (n > 0)
		fmt_out(st, tmp[--n]);
	if (left)
		fmt_pad(st, ' ', width - total);
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_state st = { .buf = buf, .size = size, .len = 0 };

	for (; *fmt; fmt++) {
		bool left = false, zero = false;
		int width = 0, longs = 0, precision = -1;
		uint64_t uval;
		int64_t sval;
		const char *s;
		char c;

		if (*fmt != '%') {
			fmt_out(&st, *fmt);
			continue;
		}
		for (fmt++;; fmt++) {
			if (*fmt == '-')
				left = true;
			else if (*fmt == '0')
				zero = true;
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		/* Precision: for strings only, to print unterminated ones. */
		if (*fmt == '.') {
			precision = 0;
			if (*++fmt == '*') {
				precision = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				precision = precision * 10 + (*fmt++ - '0');
		}
		while (*fmt == 'l') {
			longs++;
			fmt++;
		}
		if (*fmt == 'z') {
			longs = 1;
			fmt++;
		}

		switch (*fmt) {
		case 'd':
		case 'i':
			sval = longs ? va_arg(ap, long long) : va_arg(ap, int);
			uval = sval < 0 ? -(uint64_t)sval : (uint64_t)sval;
			fmt_number(&st, uval, sval < 0, 10, false, NULL, width,
				   left, zero);
			break;
		case 'u':
		case 'x':
		case 'X':
			uval = longs ? va_arg(ap, unsigned long long) :
				       va_arg(ap, unsigned int);
			fmt_number(&st, uval, false, *fmt == 'u' ? 10 : 16,
				   *fmt == 'X', NULL, width, left, zero);
			break;
		case 'p':
			uval = (uintptr_t)va_arg(ap, void *);
			fmt_number(&st, uval, false, 16, false, "0x", width,
				   left, zero);
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			/* The bound first: s may end there without a NUL. */
			for (sval = 0;
			     (precision < 0 || sval < precision) && s[sval];
			     sval++)
				;
			fmt_field(&st, s, (int)sval, width, left);
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			fmt_field(&st, &c, 1, width, left);
			break;
		case '%':
			fmt_out(&st, '%');
			break;
		case '\0':
			/* A lone '%' at the end: print it, do not overrun. */
			fmt_out(&st, '%');
			fmt--;
			break;
		default:
			/* Unknown conversions are shown, not dropped. */
			fmt_out(&st, '%');
			fmt_out(&st, *fmt);
			break;
		}
	}
	if (size)
		st.buf[st.len < size ? st.len : size - 1] = '\0';
	return (int)st.len;
}

int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}
