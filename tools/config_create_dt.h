/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A flattened device tree (DTB) read into a tree of nodes, for
 * "warden config create". Self-contained (no libfdt) so that the static
 * guest build of the CLI can read /sys/firmware/fdt on the target.
 */
#ifndef WARDEN_TOOLS_CONFIG_CREATE_DT_H
#define WARDEN_TOOLS_CONFIG_CREATE_DT_H

#include <stddef.h>
#include <stdint.h>

struct dt_prop {
	const char *name;
	const uint8_t *val; /* points into the blob */
	uint32_t len;
	struct dt_prop *next;
};

struct dt_node {
	const char *name; /* "uart@7e215040"; "" for the root */
	struct dt_node *parent, *child, *sibling;
	struct dt_prop *props;
};

struct dt_tree {
	uint8_t *blob; /* owned copy */
	size_t size;
	struct dt_node *root;
};

/*
 * Reads size bytes of a DTB. Returns 0, or -1 with a sentence in err
 * (truncated, bad magic, a token past the end, ...).
 */
int dt_parse(struct dt_tree *t, const void *data, size_t size, char *err,
	     size_t errlen);
void dt_free(struct dt_tree *t);

const struct dt_prop *dt_prop(const struct dt_node *n, const char *name);
/* Cell i of a property (big-endian u32); 0 past its end. */
uint32_t dt_cell(const struct dt_prop *p, unsigned int i);
/* ncells cells (at most 2) from cell i on, as one number. */
uint64_t dt_cells(const struct dt_prop *p, unsigned int i, unsigned int ncells);
/* A u32 property, or def when absent or too short. */
uint32_t dt_u32(const struct dt_node *n, const char *name, uint32_t def);
/* Whether a string-list property holds s. */
int dt_has_string(const struct dt_node *n, const char *name, const char *s);
/* Compatible strings begin with one of the NULL-ended list. */
int dt_compatible(const struct dt_node *n, const char *const *list);
/* "status" absent, "okay" or "ok". */
int dt_enabled(const struct dt_node *n);

/* #address-cells / #size-cells that n's "reg" is written in (parent's). */
unsigned int dt_addr_cells(const struct dt_node *n);
unsigned int dt_size_cells(const struct dt_node *n);

/* The full path of n into buf ("/soc/serial@7e215040"). */
char *dt_path(const struct dt_node *n, char *buf, size_t len);
/* A node by absolute path; a component without "@" also matches names
 * with a unit address ("/memory" finds "/memory@40000000"). */
struct dt_node *dt_find_path(const struct dt_tree *t, const char *path);
/* A path, or an alias of /aliases; options after ':' are ignored. */
struct dt_node *dt_resolve(const struct dt_tree *t, const char *spec);
struct dt_node *dt_find_phandle(const struct dt_tree *t, uint32_t ph);
/* The interrupt parent of n (own or inherited), NULL if none. */
struct dt_node *dt_irq_parent(const struct dt_tree *t, const struct dt_node *n);

/*
 * Entry i of n's "reg" as a CPU physical address, translated through the
 * parents' "ranges". Returns 0; 1 past the last entry; -1 when the address
 * is not in the CPU's space (a parent without "ranges", no matching range:
 * an I2C or SPI child, say), with the reason in err.
 */
int dt_reg(const struct dt_node *n, unsigned int i, uint64_t *addr,
	   uint64_t *size, char *err, size_t errlen);
/* Translates a bus address of the children of bus up to the CPU. */
int dt_translate(const struct dt_node *bus, uint64_t addr, uint64_t *out,
		 char *err, size_t errlen);

#endif
