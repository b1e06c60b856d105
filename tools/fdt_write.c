// SPDX-License-Identifier: GPL-2.0
/* Writing a flattened device tree: see fdt_write.h. */
#include <stdlib.h>
#include <string.h>

#include "fdt_write.h"

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_END 9
#define FDT_HEADER_SIZE 40
/* one empty memory reservation entry ends the (empty) map */
#define FDT_RSVMAP_SIZE 16

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static int grow(struct fdt_w *w, void **buf, size_t *cap, size_t need)
{
	size_t n = *cap ? *cap : 1024;
	void *b;

	if (w->oom)
		return -1;
	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	b = realloc(*buf, n);
	if (!b) {
		w->oom = 1;
		return -1;
	}
	*buf = b;
	*cap = n;
	return 0;
}

/* len bytes of data into the structure block, padded to 4 bytes */
static void st_add(struct fdt_w *w, const void *data, size_t len)
{
	size_t padded = (len + 3) & ~(size_t)3;

	if (grow(w, (void **)&w->st, &w->st_cap, w->st_len + padded))
		return;
	memcpy(w->st + w->st_len, data, len);
	memset(w->st + w->st_len + len, 0, padded - len);
	w->st_len += padded;
}

static void st_u32(struct fdt_w *w, uint32_t v)
{
	uint8_t b[4];

	put32(b, v);
	st_add(w, b, 4);
}

/* Offset of name in the strings block, added once. */
static uint32_t str_off(struct fdt_w *w, const char *name)
{
	size_t len = strlen(name) + 1, i;

	for (i = 0; i + len <= w->str_len; i += strlen(w->str + i) + 1)
		if (!strcmp(w->str + i, name))
			return i;
	if (grow(w, (void **)&w->str, &w->str_cap, w->str_len + len))
		return 0;
	memcpy(w->str + w->str_len, name, len);
	w->str_len += len;
	return w->str_len - len;
}

void fdt_w_init(struct fdt_w *w)
{
	memset(w, 0, sizeof(*w));
}

void fdt_w_free(struct fdt_w *w)
{
	free(w->st);
	free(w->str);
	fdt_w_init(w);
}

void fdt_w_begin(struct fdt_w *w, const char *name)
{
	st_u32(w, FDT_BEGIN_NODE);
	st_add(w, name, strlen(name) + 1);
	w->depth++;
}

void fdt_w_end(struct fdt_w *w)
{
	st_u32(w, FDT_END_NODE);
	w->depth--;
}

void fdt_w_prop(struct fdt_w *w, const char *name, const void *val,
		uint32_t len)
{
	uint32_t off = str_off(w, name);

	st_u32(w, FDT_PROP);
	st_u32(w, len);
	st_u32(w, off);
	if (len)
		st_add(w, val, len);
}

void fdt_w_prop_str(struct fdt_w *w, const char *name, const char *s)
{
	fdt_w_prop(w, name, s, strlen(s) + 1);
}

void fdt_w_prop_cells(struct fdt_w *w, const char *name, const uint32_t *c,
		      unsigned int n)
{
	uint8_t b[4 * FDT_W_MAX_CELLS];
	unsigned int i;

	if (n > FDT_W_MAX_CELLS) {
		w->oom = 1;
		return;
	}
	for (i = 0; i < n; i++)
		put32(b + 4 * i, c[i]);
	fdt_w_prop(w, name, b, 4 * n);
}

void fdt_w_prop_u32(struct fdt_w *w, const char *name, uint32_t v)
{
	fdt_w_prop_cells(w, name, &v, 1);
}

void fdt_w_prop_reg64(struct fdt_w *w, const char *name, uint64_t addr,
		      uint64_t size)
{
	uint32_t c[4] = { addr >> 32, (uint32_t)addr, size >> 32,
			  (uint32_t)size };

	fdt_w_prop_cells(w, name, c, 4);
}

int fdt_w_finish(struct fdt_w *w, void **blob, size_t *size)
{
	size_t off_st = FDT_HEADER_SIZE + FDT_RSVMAP_SIZE, off_str, total;
	uint8_t *b;

	if (w->depth)
		return -1;
	st_u32(w, FDT_END);
	if (w->oom)
		return -1;
	off_str = off_st + w->st_len;
	total = (off_str + w->str_len + 7) & ~(size_t)7;
	b = calloc(1, total);
	if (!b)
		return -1;
	put32(b, FDT_MAGIC);
	put32(b + 4, total);
	put32(b + 8, off_st);
	put32(b + 12, off_str);
	put32(b + 16, FDT_HEADER_SIZE);
	put32(b + 20, 17);
	put32(b + 24, 16);
	put32(b + 28, 0); /* boot_cpuid_phys */
	put32(b + 32, w->str_len);
	put32(b + 36, w->st_len);
	memcpy(b + off_st, w->st, w->st_len);
	memcpy(b + off_str, w->str, w->str_len);
	*blob = b;
	*size = total;
	return 0;
}
