// SPDX-License-Identifier: GPL-2.0
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fault_report.h"

/*
 * A log is read as lines with their prefixes removed and then as a stream
 * of words, so that a report wrapped by a terminal at any column still
 * reads the same. "key: value" pairs are recognised wherever they stand.
 */

static bool parse_hex(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	size_t i = 0;

	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		i = 2;
	if (i == len || len - i > 16)
		return false;
	for (; i < len; i++) {
		int c = tolower((unsigned char)s[i]);

		if (isdigit(c))
			v = v << 4 | (uint64_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v << 4 | (uint64_t)(c - 'a' + 10);
		else
			return false;
	}
	*out = v;
	return true;
}

/* Strips "[  12.345678] ", "<3>", "Nov 22 10:00:00 host kernel: " etc. */
static const char *strip_prefix(const char *line)
{
	const char *p = line;
	const char *k;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '<' && isdigit((unsigned char)p[1])) {
		const char *q = strchr(p, '>');

		if (q && q - p <= 4)
			p = q + 1;
	}
	while (*p == ' ')
		p++;
	if (*p == '[') {
		const char *q = strchr(p, ']');

		if (q && q - p < 24)
			p = q + 1;
	}
	/* Syslog/journal: "... kernel: " or "... jailhouse: " before the text. */
	k = strstr(p, "kernel: ");
	if (k && k - p < 64)
		p = k + 8;
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

struct words {
	char **w;
	size_t n, cap;
	size_t *line_start; /* index of the first word of each line */
};

static void words_add(struct words *ws, const char *s, size_t len)
{
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? ws->cap * 2 : 256;
		ws->w = realloc(ws->w, ws->cap * sizeof(*ws->w));
		if (!ws->w)
			abort();
	}
	ws->w[ws->n] = strndup(s, len);
	if (!ws->w[ws->n])
		abort();
	ws->n++;
}

static void words_append_colon(struct words *ws)
{
	char **last = &ws->w[ws->n - 1];
	size_t len = strlen(*last);
	char *w = realloc(*last, len + 2);

	if (!w)
		abort();
	w[len] = ':';
	w[len + 1] = 0;
	*last = w;
}

static void words_free(struct words *ws)
{
	size_t i;

	for (i = 0; i < ws->n; i++)
		free(ws->w[i]);
	free(ws->w);
}

/* Splits the cleaned text into words; "FATAL:" always starts a word. */
static void split_words(const char *text, struct words *ws)
{
	const char *line = text;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char *copy = strndup(line, len);
		const char *p;

		if (!copy)
			abort();
		p = strip_prefix(copy);
		while (*p) {
			const char *s;

			while (isspace((unsigned char)*p))
				p++;
			if (!*p)
				break;
			s = p;
			while (*p && !isspace((unsigned char)*p))
				p++;
			/* "x0 :" (Warden's register dump) reads as "x0:". */
			if (p - s == 1 && *s == ':' && ws->n &&
			    !strchr(ws->w[ws->n - 1], ':'))
				words_append_colon(ws);
			else
				words_add(ws, s, (size_t)(p - s));
		}
		free(copy);
		line += len;
		if (*line == '\n')
			line++;
	}
}

static bool word_is(const char *w, const char *s)
{
	return !strcasecmp(w, s);
}

/* Like word_is(), ignoring trailing commas and colons: "write,". */
static bool word_is_punct(const char *w, const char *s)
{
	size_t len = strlen(w);

	while (len && (w[len - 1] == ',' || w[len - 1] == ':'))
		len--;
	return len == strlen(s) && !strncasecmp(w, s, len);
}

/* The hex number after the key at *i, which then moves past it. */
static bool take_hex(struct words *ws, size_t *i, uint64_t *out)
{
	const char *w;
	size_t len;

	if (*i + 1 >= ws->n)
		return false;
	w = ws->w[*i + 1];
	len = strlen(w);
	while (len && strchr(",;:)", w[len - 1]))
		len--;
	if (!parse_hex(w, len, out))
		return false;
	(*i)++;
	return true;
}

static void copy_until_quote(char *dst, size_t cap, struct words *ws, size_t *i)
{
	/* Cell names may hold spaces: join words up to the closing quote. */
	size_t used = 0;
	bool first = true;

	while (*i < ws->n) {
		const char *w = ws->w[*i];
		const char *q;
		size_t len;

		if (first && *w == '"')
			w++;
		q = strchr(w, '"');
		len = q ? (size_t)(q - w) : strlen(w);
		if (!first && used + 1 < cap)
			dst[used++] = ' ';
		if (used + len >= cap)
			len = cap - used - 1;
		memcpy(dst + used, w, len);
		used += len;
		first = false;
		if (q)
			break;
		(*i)++;
	}
	dst[used] = 0;
}

static void report_init(struct fault_report *r)
{
	memset(r, 0, sizeof(*r));
	r->el = -1;
	r->cpu = -1;
	r->access_write = -1;
}

static bool report_has_state(const struct fault_report *r)
{
	return r->have_pc || r->have_esr || r->x_valid;
}

/* The rest of a FATAL line, as words up to the next keyword. */
static void take_headline(struct fault_report *r, struct words *ws, size_t i)
{
	size_t used = strlen(r->headline);
	size_t j;

	if (used)
		return;
	for (j = i + 1; j < ws->n; j++) {
		const char *w = ws->w[j];
		size_t len = strlen(w);

		if (word_is(w, "FATAL:") || word_is(w, "esr:") ||
		    (word_is(w, "Cell") && j + 1 < ws->n &&
		     word_is(ws->w[j + 1], "state")) ||
		    word_is(w, "pc:") || word_is(w, "Parking"))
			break;
		if (used + len + 2 >= sizeof(r->headline))
			break;
		if (used)
			r->headline[used++] = ' ';
		memcpy(r->headline + used, w, len);
		used += len;
		r->headline[used] = 0;
	}
}

/* "esr: 20 1 0000086" (EC IL ISS) or "esr: 0x92000046". */
static void take_esr(struct fault_report *r, struct words *ws, size_t *i)
{
	uint64_t ec, il, iss;
	size_t k = *i;

	if (take_hex(ws, &k, &ec) && take_hex(ws, &k, &il) &&
	    take_hex(ws, &k, &iss) && ec <= 0x3f && il <= 1 &&
	    iss <= 0x1ffffff) {
		r->esr = ec << 26 | il << 25 | iss;
		r->have_esr = true;
		*i = k;
	} else if (take_hex(ws, i, &r->esr)) {
		r->have_esr = true;
	}
}

static void parse_word(struct fault_report *r, struct words *ws, size_t *i)
{
	/* "(IPA 0x8080000)": a key may open a parenthesis. */
	const char *w =
		ws->w[*i] + (ws->w[*i][0] == '(' && ws->w[*i][1] != 'C');
	uint64_t v;

	if (word_is(w, "pc:"))
		r->have_pc = take_hex(ws, i, &r->pc);
	else if (word_is(w, "lr:"))
		r->have_lr = take_hex(ws, i, &r->lr);
	else if (word_is(w, "sp:"))
		r->have_sp = take_hex(ws, i, &r->sp);
	else if (word_is(w, "elr:"))
		r->have_elr = take_hex(ws, i, &r->elr);
	else if (word_is(w, "spsr:"))
		r->have_spsr = take_hex(ws, i, &r->spsr);
	else if (word_is(w, "far:"))
		r->have_far = take_hex(ws, i, &r->far);
	else if (word_is(w, "esr:"))
		take_esr(r, ws, i);
	else if (word_is(w, "ipa:") || word_is(w, "ipa") ||
		 word_is(w, "address:")) {
		if (take_hex(ws, i, &r->addr))
			r->have_addr = true;
	} else if (word_is(w, "size:")) {
		if (take_hex(ws, i, &v) && v <= 64)
			r->access_size = (int)v;
	} else if ((w[0] == 'x' || w[0] == 'X') &&
		   isdigit((unsigned char)w[1])) {
		char *end;
		long n = strtol(w + 1, &end, 10);

		if (!strcmp(end, ":") && n >= 0 && n <= 30 &&
		    take_hex(ws, i, &r->x[n]))
			r->x_valid |= 1u << n;
	} else if (!strncmp(w, "EL", 2) && w[2] >= '0' && w[2] <= '3' &&
		   !w[3]) {
		r->el = w[2] - '0';
	} else if (word_is(w, "class") && *i + 1 < ws->n) {
		/* "(exception class 0x20)" */
		const char *h = ws->w[*i + 1];
		size_t len = strcspn(h, ")");

		if (parse_hex(h, len, &v) && v <= 0x3f) {
			r->ec = (unsigned int)v;
			r->have_ec = true;
			(*i)++;
		}
	} else if (word_is(w, "at") && *i + 1 < ws->n) {
		/* "instruction abort at 0x..", "data read at 0x..(4)" */
		const char *h = ws->w[*i + 1];
		size_t len = strcspn(h, "(,");

		if (!r->have_addr && parse_hex(h, len, &r->addr)) {
			r->have_addr = true;
			if (h[len] == '(')
				r->access_size = atoi(h + len + 1);
			(*i)++;
		}
	} else if (word_is_punct(w, "read") || word_is_punct(w, "write")) {
		if (r->access_write < 0)
			r->access_write = word_is_punct(w, "write");
	} else if ((word_is(w, "Parking") || word_is(w, "Stopping")) &&
		   *i + 2 < ws->n && word_is(ws->w[*i + 1], "CPU")) {
		r->cpu = atoi(ws->w[*i + 2]);
		*i += 2;
	} else if (word_is(w, "(Cell:") || word_is(w, "cell")) {
		if (*i + 1 < ws->n && ws->w[*i + 1][0] == '"') {
			(*i)++;
			copy_until_quote(r->cell, sizeof(r->cell), ws, i);
		}
	}
}

/* Jailhouse's "Unhandled data read|write at 0xADDR(SIZE)", at *i. */
struct unhandled_data {
	bool valid;
	uint64_t addr;
	int size, write;
	char line[80];
};

static bool take_unhandled_data(struct words *ws, size_t *i,
				struct unhandled_data *u)
{
	const char *h;
	size_t len;

	if (*i + 4 >= ws->n || !word_is(ws->w[*i], "Unhandled") ||
	    !word_is(ws->w[*i + 1], "data") ||
	    !(word_is(ws->w[*i + 2], "read") ||
	      word_is(ws->w[*i + 2], "write")) ||
	    !word_is(ws->w[*i + 3], "at"))
		return false;
	h = ws->w[*i + 4];
	len = strcspn(h, "(");
	if (!parse_hex(h, len, &u->addr))
		return false;
	u->size = h[len] == '(' ? atoi(h + len + 1) : 0;
	if (u->size < 0 || u->size > 64)
		u->size = 0;
	u->write = word_is(ws->w[*i + 2], "write");
	snprintf(u->line, sizeof(u->line), "Unhandled data %s at %s",
		 ws->w[*i + 2], h);
	u->valid = true;
	*i += 4;
	return true;
}

static void apply_unhandled_data(struct fault_report *r,
				 struct unhandled_data *u)
{
	if (!u->valid)
		return;
	r->unhandled_data = true;
	r->have_addr = true;
	r->addr = u->addr;
	r->access_size = u->size;
	r->access_write = u->write;
	if (!r->headline[0])
		snprintf(r->headline, sizeof(r->headline), "%s", u->line);
	u->valid = false;
}

int fault_report_parse(const char *text, struct fault_report *reports, int max)
{
	struct words ws = { 0 };
	struct fault_report *cur = NULL;
	struct unhandled_data pending = { 0 };
	int n = 0;
	size_t i;

	split_words(text, &ws);
	for (i = 0; i < ws.n; i++) {
		const char *w = ws.w[i];

		/*
		 * Jailhouse prints it before the FATAL line of its report: it
		 * belongs to the next report, not to one whose dump is over.
		 */
		if (take_unhandled_data(&ws, &i, &pending)) {
			if (cur && !report_has_state(cur) && cur->cpu < 0 &&
			    !cur->have_addr)
				apply_unhandled_data(cur, &pending);
			continue;
		}
		if (word_is(w, "FATAL:")) {
			/*
			 * Several FATAL lines before the register dump belong
			 * to one report; one after it starts the next.
			 */
			if (!cur || report_has_state(cur) || cur->cpu >= 0) {
				if (n == max)
					break;
				cur = &reports[n++];
				report_init(cur);
			}
			take_headline(cur, &ws, i);
			if (!cur->have_addr)
				apply_unhandled_data(cur, &pending);
			if (i + 2 < ws.n && word_is(ws.w[i + 1], "Unhandled") &&
			    word_is(ws.w[i + 2], "HYP"))
				cur->hyp_exception = true;
			continue;
		}
		if (!cur)
			continue;
		parse_word(cur, &ws, &i);
	}
	words_free(&ws);
	/* A log cut off after the line still reports an access. */
	if (pending.valid && n < max) {
		report_init(&reports[n]);
		apply_unhandled_data(&reports[n++], &pending);
	}
	for (i = 0; i < (size_t)n; i++) {
		struct fault_report *r = &reports[i];

		/* Warden's dump names the link register x30. */
		if (!r->have_lr && (r->x_valid & (1u << 30))) {
			r->lr = r->x[30];
			r->have_lr = true;
		}
		/* SPSR.M[3:2] is the exception level of AArch64 code. */
		if (r->el < 0 && r->have_spsr && !r->hyp_exception &&
		    !(r->spsr & 0x10))
			r->el = (int)(r->spsr >> 2 & 3);
	}
	return n;
}
