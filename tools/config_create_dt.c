// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a DTB (the devicetree specification's flattened format) into a
 * tree. Every offset and length from the blob is checked against its size
 * before use: the input may be truncated or hostile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_create_dt.h"

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9
#define FDT_MAX_DEPTH 64

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void free_node(struct dt_node *n)
{
	while (n) {
		struct dt_node *next = n->sibling;
		struct dt_prop *p = n->props;

		while (p) {
			struct dt_prop *pn = p->next;

			free(p);
			p = pn;
		}
		free_node(n->child);
		free(n);
		n = next;
	}
}

void dt_free(struct dt_tree *t)
{
	free_node(t->root);
	free(t->blob);
	t->root = NULL;
	t->blob = NULL;
}

/* Appends c to the end of a list of children (keeps the DTB's order). */
static void add_child(struct dt_node *parent, struct dt_node *c)
{
	struct dt_node **pp = &parent->child;

	while (*pp)
		pp = &(*pp)->sibling;
	*pp = c;
}

int dt_parse(struct dt_tree *t, const void *data, size_t size, char *err,
	     size_t errlen)
{
	uint32_t total, off_struct, off_strings, size_strings, size_struct;
	uint32_t version, pos, end;
	struct dt_node *cur = NULL;
	struct dt_prop **last_prop = NULL;
	unsigned int depth = 0;
	const uint8_t *b;

	memset(t, 0, sizeof(*t));
	if (size < 40) {
		snprintf(err, errlen,
			 "%zu bytes is too short for a DTB header (40 bytes)",
			 size);
		return -1;
	}
	b = data;
	if (be32(b) != FDT_MAGIC) {
		snprintf(err, errlen,
			 "not a DTB: magic 0x%08x, expected 0xd00dfeed (give "
			 "the binary /sys/firmware/fdt or a .dtb, not a .dts)",
			 be32(b));
		return -1;
	}
	total = be32(b + 4);
	off_struct = be32(b + 8);
	off_strings = be32(b + 12);
	version = be32(b + 20);
	size_strings = be32(b + 32);
	size_struct = version >= 17 ? be32(b + 36) : total - off_struct;
	if (total > size) {
		snprintf(err, errlen,
			 "truncated DTB: its header says %u bytes, the file "
			 "has %zu (copy it again, whole)",
			 total, size);
		return -1;
	}
	if (version < 16 || off_struct > total ||
	    size_struct > total - off_struct || off_strings > total ||
	    size_strings > total - off_strings) {
		snprintf(err, errlen,
			 "corrupt DTB header: version %u, structure block "
			 "%u+%u, strings %u+%u in %u bytes",
			 version, off_struct, size_struct, off_strings,
			 size_strings, total);
		return -1;
	}
	t->blob = malloc(total);
	if (!t->blob) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memcpy(t->blob, data, total);
	t->size = total;
	b = t->blob;

	pos = off_struct;
	end = off_struct + size_struct;
	for (;;) {
		uint32_t tok;

		if (end - pos < 4 || pos > end)
			goto trunc;
		tok = be32(b + pos);
		pos += 4;
		if (tok == FDT_BEGIN_NODE) {
			const char *name = (const char *)b + pos;
			size_t nlen = strnlen(name, end - pos);
			struct dt_node *n;

			if (nlen == end - pos)
				goto trunc;
			if (depth >= FDT_MAX_DEPTH) {
				snprintf(err, errlen,
					 "corrupt DTB: nodes nested deeper "
					 "than %d at offset %u",
					 FDT_MAX_DEPTH, pos);
				goto fail;
			}
			if (!cur && t->root) {
				snprintf(err, errlen,
					 "corrupt DTB: a second root node at "
					 "offset %u",
					 pos);
				goto fail;
			}
			n = calloc(1, sizeof(*n));
			if (!n)
				goto oom;
			n->name = name;
			n->parent = cur;
			if (cur)
				add_child(cur, n);
			else
				t->root = n;
			cur = n;
			last_prop = &n->props;
			depth++;
			pos += (nlen + 1 + 3) & ~3u;
		} else if (tok == FDT_END_NODE) {
			if (!cur) {
				snprintf(err, errlen,
					 "corrupt DTB: unbalanced node end at "
					 "offset %u",
					 pos - 4);
				goto fail;
			}
			cur = cur->parent;
			last_prop = NULL;
			depth--;
		} else if (tok == FDT_PROP) {
			uint32_t len, nameoff;
			struct dt_prop *p;

			if (end - pos < 8)
				goto trunc;
			len = be32(b + pos);
			nameoff = be32(b + pos + 4);
			pos += 8;
			if (!cur || !last_prop) {
				snprintf(err, errlen,
					 "corrupt DTB: a property outside a "
					 "node (or after a child) at offset %u",
					 pos - 12);
				goto fail;
			}
			if (len > end - pos)
				goto trunc;
			if (nameoff >= size_strings ||
			    !memchr(b + off_strings + nameoff, 0,
				    size_strings - nameoff)) {
				snprintf(err, errlen,
					 "corrupt DTB: property name offset "
					 "%u outside the strings block",
					 nameoff);
				goto fail;
			}
			p = calloc(1, sizeof(*p));
			if (!p)
				goto oom;
			p->name = (const char *)b + off_strings + nameoff;
			p->val = b + pos;
			p->len = len;
			*last_prop = p;
			last_prop = &p->next;
			pos += (len + 3) & ~3u;
		} else if (tok == FDT_NOP) {
			continue;
		} else if (tok == FDT_END) {
			break;
		} else {
			snprintf(err, errlen,
				 "corrupt DTB: unknown token 0x%x at offset %u",
				 tok, pos - 4);
			goto fail;
		}
		/* Children come after all of a node's properties. */
		if (tok == FDT_END_NODE && cur)
			last_prop = NULL;
	}
	if (cur || !t->root) {
		snprintf(err, errlen, "corrupt DTB: %s",
			 t->root ? "a node is not closed" : "no root node");
		goto fail;
	}
	return 0;
trunc:
	snprintf(err, errlen,
		 "truncated or corrupt DTB: the structure block ends inside "
		 "a node or property (offset %u of %u)",
		 pos, end);
	goto fail;
oom:
	snprintf(err, errlen, "out of memory");
fail:
	dt_free(t);
	return -1;
}

const struct dt_prop *dt_prop(const struct dt_node *n, const char *name)
{
	const struct dt_prop *p;

	for (p = n ? n->props : NULL; p; p = p->next)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

uint32_t dt_cell(const struct dt_prop *p, unsigned int i)
{
	if (!p || (uint64_t)i * 4 + 4 > p->len)
		return 0;
	return be32(p->val + i * 4);
}

uint64_t dt_cells(const struct dt_prop *p, unsigned int i, unsigned int ncells)
{
	uint64_t v = 0;
	unsigned int k;

	for (k = 0; k < ncells; k++)
		v = v << 32 | dt_cell(p, i + k);
	return v;
}

uint32_t dt_u32(const struct dt_node *n, const char *name, uint32_t def)
{
	const struct dt_prop *p = dt_prop(n, name);

	return p && p->len >= 4 ? dt_cell(p, 0) : def;
}

int dt_has_string(const struct dt_node *n, const char *name, const char *s)
{
	const struct dt_prop *p = dt_prop(n, name);
	uint32_t off = 0;

	while (p && off < p->len) {
		const char *str = (const char *)p->val + off;
		size_t l = strnlen(str, p->len - off);

		if (l == strlen(s) && !memcmp(str, s, l))
			return 1;
		off += l + 1;
	}
	return 0;
}

int dt_compatible(const struct dt_node *n, const char *const *list)
{
	for (; *list; list++)
		if (dt_has_string(n, "compatible", *list))
			return 1;
	return 0;
}

int dt_enabled(const struct dt_node *n)
{
	const struct dt_prop *p = dt_prop(n, "status");

	if (!p)
		return 1;
	return (p->len >= 3 && !strncmp((const char *)p->val, "ok", 2));
}

unsigned int dt_addr_cells(const struct dt_node *n)
{
	return n->parent ? dt_u32(n->parent, "#address-cells", 2) : 2;
}

unsigned int dt_size_cells(const struct dt_node *n)
{
	return n->parent ? dt_u32(n->parent, "#size-cells", 1) : 1;
}

char *dt_path(const struct dt_node *n, char *buf, size_t len)
{
	char tmp[512];

	if (!n->parent) {
		snprintf(buf, len, "/");
		return buf;
	}
	if (!n->parent->parent) {
		snprintf(buf, len, "/%s", n->name);
		return buf;
	}
	dt_path(n->parent, tmp, sizeof(tmp));
	snprintf(buf, len, "%s/%s", tmp, n->name);
	return buf;
}

static int name_matches(const char *name, const char *comp, size_t clen)
{
	if (strlen(name) == clen && !memcmp(name, comp, clen))
		return 1;
	/* "memory" matches "memory@40000000" when unambiguous enough */
	return !memchr(comp, '@', clen) && !strncmp(name, comp, clen) &&
	       name[clen] == '@';
}

struct dt_node *dt_find_path(const struct dt_tree *t, const char *path)
{
	struct dt_node *n = t->root;

	if (!n || path[0] != '/')
		return NULL;
	while (*path) {
		const char *comp, *slash;
		struct dt_node *c;
		size_t clen;

		while (*path == '/')
			path++;
		if (!*path)
			break;
		comp = path;
		slash = strchr(comp, '/');
		clen = slash ? (size_t)(slash - comp) : strlen(comp);
		for (c = n->child; c; c = c->sibling)
			if (name_matches(c->name, comp, clen))
				break;
		if (!c)
			return NULL;
		n = c;
		path = comp + clen;
	}
	return n;
}

struct dt_node *dt_resolve(const struct dt_tree *t, const char *spec)
{
	char buf[256];
	const struct dt_prop *alias;
	char *colon;

	snprintf(buf, sizeof(buf), "%s", spec);
	colon = strchr(buf, ':');
	if (colon)
		*colon = 0;
	if (buf[0] == '/')
		return dt_find_path(t, buf);
	alias = dt_prop(dt_find_path(t, "/aliases"), buf);
	if (!alias || !alias->len || alias->val[alias->len - 1])
		return NULL;
	return dt_find_path(t, (const char *)alias->val);
}

static struct dt_node *find_ph(struct dt_node *n, uint32_t ph)
{
	for (; n; n = n->sibling) {
		struct dt_node *f;

		if (dt_u32(n, "phandle", 0) == ph ||
		    dt_u32(n, "linux,phandle", 0) == ph)
			return n;
		f = find_ph(n->child, ph);
		if (f)
			return f;
	}
	return NULL;
}

struct dt_node *dt_find_phandle(const struct dt_tree *t, uint32_t ph)
{
	if (!ph || ph == 0xffffffff)
		return NULL;
	return find_ph(t->root, ph);
}

struct dt_node *dt_irq_parent(const struct dt_tree *t, const struct dt_node *n)
{
	for (; n; n = n->parent) {
		const struct dt_prop *p = dt_prop(n, "interrupt-parent");

		if (p)
			return dt_find_phandle(t, dt_cell(p, 0));
	}
	return NULL;
}

int dt_translate(const struct dt_node *bus, uint64_t addr, uint64_t *out,
		 char *err, size_t errlen)
{
	char path[256];

	while (bus->parent) {
		const struct dt_prop *r = dt_prop(bus, "ranges");
		unsigned int ca = dt_u32(bus, "#address-cells", 2);
		unsigned int cs = dt_u32(bus, "#size-cells", 1);
		unsigned int pa = dt_addr_cells(bus);
		unsigned int entry = ca + pa + cs, i, n;

		if (!r) {
			snprintf(err, errlen,
				 "%s has no \"ranges\": its children's "
				 "addresses are not CPU addresses",
				 dt_path(bus, path, sizeof(path)));
			return -1;
		}
		if (ca > 3 || pa > 3 || cs > 2 || !entry) {
			snprintf(err, errlen,
				 "%s: unsupported #address-cells %u / "
				 "#size-cells %u",
				 dt_path(bus, path, sizeof(path)), ca, cs);
			return -1;
		}
		n = r->len / 4 / entry;
		if (r->len) {
			for (i = 0; i < n; i++) {
				unsigned int o = i * entry;
				/* a third child cell is PCI's space code */
				uint64_t c = dt_cells(r, o + (ca == 3),
						      ca - (ca == 3));
				uint64_t p = dt_cells(r, o + ca + (pa == 3),
						      pa - (pa == 3));
				uint64_t s = dt_cells(r, o + ca + pa, cs);

				if (addr >= c && addr - c < s) {
					addr = addr - c + p;
					break;
				}
			}
			if (i == n) {
				snprintf(err, errlen,
					 "address 0x%llx is in none of the "
					 "\"ranges\" of %s",
					 (unsigned long long)addr,
					 dt_path(bus, path, sizeof(path)));
				return -1;
			}
		}
		bus = bus->parent;
	}
	*out = addr;
	return 0;
}

int dt_reg(const struct dt_node *n, unsigned int i, uint64_t *addr,
	   uint64_t *size, char *err, size_t errlen)
{
	const struct dt_prop *reg = dt_prop(n, "reg");
	unsigned int ca = dt_addr_cells(n), cs = dt_size_cells(n);
	unsigned int entry = ca + cs;

	if (!reg || !entry || ca > 3 || cs > 2 ||
	    (uint64_t)(i + 1) * entry * 4 > reg->len)
		return 1;
	*addr = dt_cells(reg, i * entry + (ca == 3), ca - (ca == 3));
	*size = dt_cells(reg, i * entry + ca, cs);
	return dt_translate(n->parent, *addr, addr, err, errlen);
}
