/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Writing a flattened device tree (DTB, version 17) node by node, for
 * "warden cell linux". Self-contained (no libfdt) like config_create_dt.c,
 * so that the static guest build of the CLI has it too.
 */
#ifndef WARDEN_TOOLS_FDT_WRITE_H
#define WARDEN_TOOLS_FDT_WRITE_H

#include <stddef.h>
#include <stdint.h>

struct fdt_w {
	uint8_t *st; /* structure block */
	size_t st_len, st_cap;
	char *str; /* strings block */
	size_t str_len, str_cap;
	int depth;
	int oom; /* an allocation failed: fdt_w_finish() fails */
};

void fdt_w_init(struct fdt_w *w);
void fdt_w_free(struct fdt_w *w);
void fdt_w_begin(struct fdt_w *w, const char *name);
void fdt_w_end(struct fdt_w *w);
void fdt_w_prop(struct fdt_w *w, const char *name, const void *val,
		uint32_t len);
void fdt_w_prop_str(struct fdt_w *w, const char *name, const char *s);
void fdt_w_prop_u32(struct fdt_w *w, const char *name, uint32_t v);
/* n big-endian cells, at most FDT_W_MAX_CELLS (an interrupt-map: 32) */
#define FDT_W_MAX_CELLS 64
void fdt_w_prop_cells(struct fdt_w *w, const char *name, const uint32_t *c,
		      unsigned int n);
/* a pair of 2-cell numbers (address, size), as "reg" with #cells = 2 */
void fdt_w_prop_reg64(struct fdt_w *w, const char *name, uint64_t addr,
		      uint64_t size);

/*
 * The finished blob (malloc'd, caller frees) and its size. Returns 0, or
 * -1 when memory ran out or a node is still open.
 */
int fdt_w_finish(struct fdt_w *w, void **blob, size_t *size);

#endif
