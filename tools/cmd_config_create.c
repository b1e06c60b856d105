// SPDX-License-Identifier: GPL-2.0
/*
 * warden config create [-r DIR|TARBALL] [--mem-hv SIZE] [--mem-inmates SIZE]
 *                      [--console DEV] [--overlay OUT.dts] [--cell OUT.cell]
 *                      OUT.c
 * A root-cell config for this system (or the one collected into DIR or
 * TARBALL). Nothing is written unless everything could be generated.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "config_collect.h"
#include "config_create.h"
#include "numparse.h"

#define INPUT_MAX (64u << 20)

struct input {
	void *tar; /* -r TARBALL, owned */
	size_t tar_len;
	void *fdt, *iomem; /* owned unless from tar */
	size_t fdt_len, iomem_len;
	char *gic, *pci; /* optional members, owned, NUL-terminated */
};

/* An optional text member of a -r DIR or TARBALL: NULL if absent. */
static char *optional_member(const struct input *in, const char *src,
			     const char *name)
{
	char path[4096], err[256], *text = NULL;
	const void *d;
	size_t l;

	if (!in->tar) {
		snprintf(path, sizeof(path), "%s/%s", src, name);
		return access(path, F_OK) ? NULL :
					    read_whole(path, &l, 1 << 20);
	}
	if (tar_find(in->tar, in->tar_len, name, &d, &l, err, sizeof(err)))
		return NULL;
	text = malloc(l + 1);
	if (text) {
		memcpy(text, d, l);
		text[l] = 0;
	}
	return text;
}

static int usage(void)
{
	fprintf(stderr,
		"Usage: %s config create [-r DIR|TARBALL] [--mem-hv SIZE] "
		"[--mem-inmates SIZE]\n"
		"       [--console DEV] [--overlay OUT.dts] [--cell OUT.cell] "
		"[--name NAME]\n"
		"       [--dtb FILE] [--iomem FILE] [--spis N] OUT.c\n",
		prog_name);
	return 2;
}

static int load_file(const char *path, void **data, size_t *len)
{
	*data = read_whole(path, len, INPUT_MAX);
	if (!*data) {
		fprintf(stderr, "%s: cannot read %s: %s\n", prog_name, path,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* -r: a directory holding "fdt" and "iomem", or a collect tarball. */
static int load_source(struct input *in, const char *src, int want_fdt,
		       int want_iomem)
{
	char path[4096], err[256];
	struct stat st;
	const void *d;
	size_t l;
	int r;

	if (stat(src, &st)) {
		fprintf(stderr, "%s: %s: %s\n", prog_name, src,
			strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(path, sizeof(path), "%s/fdt", src);
		if (want_fdt && load_file(path, &in->fdt, &in->fdt_len))
			return -1;
		snprintf(path, sizeof(path), "%s/iomem", src);
		if (want_iomem && access(path, F_OK) == 0 &&
		    load_file(path, &in->iomem, &in->iomem_len))
			return -1;
		return 0;
	}
	if (load_file(src, &in->tar, &in->tar_len))
		return -1;
	r = want_fdt ? tar_find(in->tar, in->tar_len, "fdt", &d, &l, err,
				sizeof(err)) :
		       1;
	if (r < 0 || (want_fdt && r)) {
		fprintf(stderr, "%s: %s: %s\n", prog_name, src,
			r < 0 ? err :
				"no member \"fdt\" (make it with \"warden "
				"config collect\")");
		return -1;
	}
	if (want_fdt) {
		in->fdt = malloc(l + 1);
		if (!in->fdt)
			return -1;
		memcpy(in->fdt, d, l);
		in->fdt_len = l;
	}
	r = want_iomem ? tar_find(in->tar, in->tar_len, "iomem", &d, &l, err,
				  sizeof(err)) :
			 1;
	if (r < 0) {
		fprintf(stderr, "%s: %s: %s\n", prog_name, src, err);
		return -1;
	}
	if (!r) {
		in->iomem = malloc(l + 1);
		if (!in->iomem)
			return -1;
		memcpy(in->iomem, d, l);
		((char *)in->iomem)[l] = 0;
		in->iomem_len = l;
	}
	return 0;
}

/* Writes data to path through a temporary file and a rename. */
static int write_tmp(const char *path, const void *data, size_t len, char *tmp,
		     size_t tmplen)
{
	FILE *f;

	snprintf(tmp, tmplen, "%s.tmp", path);
	f = fopen(tmp, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f)) {
		fprintf(stderr, "%s: cannot write %s: %s\n", prog_name, tmp,
			strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* The cell name from OUT.c: its base name without ".c", 31 bytes. */
static void name_from(const char *out, char *name, size_t len)
{
	const char *base = strrchr(out, '/');
	size_t n;

	base = base ? base + 1 : out;
	n = strlen(base);
	if (n > 2 && !strcmp(base + n - 2, ".c"))
		n -= 2;
	if (n > 31)
		n = 31;
	snprintf(name, len, "%.*s", (int)n, base);
}

static int parse_size(const char *opt, const char *v, uint64_t *out)
{
	if (!v || parse_u64(v, out) || !*out) {
		fprintf(stderr,
			"%s: %s needs a size (\"4M\", \"0x400000\"), "
			"not \"%s\"\n",
			prog_name, opt, v ? v : "");
		return -1;
	}
	return 0;
}

int cmd_config_create(int argc, char **argv)
{
	const char *src = NULL, *dtb = NULL, *iomem_path = NULL;
	const char *overlay = NULL, *cell = NULL, *out = NULL;
	struct cc_options o = { 0 };
	struct input in = { 0 };
	struct dt_tree t = { 0 };
	struct cc_config *c = NULL;
	struct iomem *io = NULL;
	char name[32], cellpath[4096], err[512];
	char tmp[3][4200] = { "", "", "" };
	char *ctext = NULL, *otext = NULL;
	size_t clen = 0, olen = 0, blen = 0;
	void *bin = NULL;
	int i, ret = 1;
	FILE *f;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "-r") || !strcmp(a, "--root")) {
			src = v;
		} else if (!strcmp(a, "--mem-hv")) {
			if (parse_size(a, v, &o.mem_hv))
				return 2;
		} else if (!strcmp(a, "--mem-inmates")) {
			if (parse_size(a, v, &o.mem_inmates))
				return 2;
		} else if (!strcmp(a, "--console")) {
			o.console = v;
		} else if (!strcmp(a, "--overlay")) {
			overlay = v;
		} else if (!strcmp(a, "--cell")) {
			cell = v;
		} else if (!strcmp(a, "--name")) {
			o.name = v;
		} else if (!strcmp(a, "--dtb")) {
			dtb = v;
		} else if (!strcmp(a, "--iomem")) {
			iomem_path = v;
		} else if (!strcmp(a, "--spis")) {
			uint64_t n;

			if (!v || parse_u64(v, &n) || !n || n > 988) {
				fprintf(stderr,
					"%s: --spis needs the GIC's number of "
					"SPIs (32 x (GICD_TYPER.ITLinesNumber "
					"+ 1) - 32, at most 988), not \"%s\"\n",
					prog_name, v ? v : "");
				return 2;
			}
			o.spis = n;
		} else if (a[0] == '-' || out) {
			fprintf(stderr,
				"%s: config create: unexpected \"%s\"\n",
				prog_name, a);
			return usage();
		} else {
			out = a;
			continue;
		}
		if (!v)
			return usage();
		i++;
	}
	if (!out)
		return usage();
	if (o.name && strlen(o.name) > 31) {
		fprintf(stderr, "%s: --name \"%s\" is longer than 31 bytes\n",
			prog_name, o.name);
		return 2;
	}
	if (!o.name) {
		name_from(out, name, sizeof(name));
		o.name = name;
	}
	if (!cell) {
		size_t n = strlen(out);

		snprintf(cellpath, sizeof(cellpath), "%.*s.cell",
			 (int)(n > 2 && !strcmp(out + n - 2, ".c") ? n - 2 : n),
			 out);
		cell = cellpath;
	}

	/* Inputs: the running system unless told otherwise. */
	if (src && load_source(&in, src, !dtb, !iomem_path))
		goto out;
	if (dtb && load_file(dtb, &in.fdt, &in.fdt_len))
		goto out;
	if (iomem_path && load_file(iomem_path, &in.iomem, &in.iomem_len))
		goto out;
	if (!src && !dtb &&
	    load_file("/sys/firmware/fdt", &in.fdt, &in.fdt_len))
		goto out;
	/* a --dtb from elsewhere does not go with this machine's iomem */
	if (!src && !dtb && !iomem_path &&
	    load_file("/proc/iomem", &in.iomem, &in.iomem_len))
		goto out;

	if (dt_parse(&t, in.fdt, in.fdt_len, err, sizeof(err))) {
		fprintf(stderr, "%s: %s: %s\n", prog_name,
			dtb ? dtb :
			src ? src :
			      "/sys/firmware/fdt",
			err);
		goto out;
	}
	/* GIC facts and PCI functions: collected, or read here and now */
	if (src) {
		in.gic = optional_member(&in, src, "gic");
		in.pci = optional_member(&in, src, "pci-devices");
	} else if (!dtb) {
		in.gic = gic_facts_collect(&t);
		in.pci = pci_devices_list();
	}
	o.gic_facts = in.gic;
	o.pci_devices = in.pci;
	c = malloc(sizeof(*c));
	io = malloc(sizeof(*io));
	if (!c || !io)
		goto out;
	if (in.iomem && iomem_parse(io, in.iomem, err, sizeof(err))) {
		fprintf(stderr, "%s: %s: %s\n", prog_name,
			iomem_path ? iomem_path :
			src	   ? src :
				     "/proc/iomem",
			err);
		goto out;
	}
	if (config_create_build(c, &t, in.iomem ? io : NULL, &o, err,
				sizeof(err))) {
		fprintf(stderr, "%s: config create: %s\nNothing written.\n",
			prog_name, err);
		goto out;
	}

	/* Everything in memory first: nothing is written on an error. */
	f = open_memstream(&ctext, &clen);
	if (!f || config_create_write_c(c, f) || fclose(f))
		goto out;
	bin = config_create_binary(c, &blen);
	if (!bin)
		goto out;
	if (overlay) {
		f = open_memstream(&otext, &olen);
		if (!f || config_create_write_overlay(c, f) || fclose(f))
			goto out;
	}
	if (write_tmp(out, ctext, clen, tmp[0], sizeof(tmp[0])) ||
	    write_tmp(cell, bin, blen, tmp[1], sizeof(tmp[1])) ||
	    (overlay &&
	     write_tmp(overlay, otext, olen, tmp[2], sizeof(tmp[2]))))
		goto out;
	if (rename(tmp[0], out) || rename(tmp[1], cell) ||
	    (overlay && rename(tmp[2], overlay))) {
		fprintf(stderr, "%s: cannot write the outputs: %s\n", prog_name,
			strerror(errno));
		goto out;
	}
	tmp[0][0] = tmp[1][0] = tmp[2][0] = 0;
	printf("wrote %s and %s%s%s: %u memory regions, GICv%u, %u CPUs\n", out,
	       cell, overlay ? " and " : "", overlay ? overlay : "",
	       c->nregions, c->gic.version, c->ncpus);
	printf("hypervisor at 0x%llx+0x%llx", (unsigned long long)c->hv_start,
	       (unsigned long long)c->hv_size);
	if (c->inmates_size)
		printf(", cells' memory at 0x%llx+0x%llx",
		       (unsigned long long)c->inmates_start,
		       (unsigned long long)c->inmates_size);
	printf("\n");
	printf("SPIs for the root: %u (%s)\n", c->gic.spis, c->gic.spis_origin);
	if (c->niommus)
		printf("IOMMU units: %u, the root's stream ids: %u\n",
		       c->niommus, c->nsids);
	if (c->needs_reservation)
		printf("Linux uses that memory now: boot with the overlay%s%s "
		       "first\n",
		       overlay ? "" : " (--overlay)",
		       c->mem_limit ? " or the kernel argument mem=" : "");
	if (c->mem_limit)
		printf("kernel command line alternative to the overlay: "
		       "mem=%lluM\n",
		       (unsigned long long)(c->mem_limit >> 20));
	for (i = 0; i < (int)c->nnotes; i++)
		printf("note: %s\n", c->notes[i]);
	ret = 0;
out:
	for (i = 0; i < 3; i++)
		if (tmp[i][0])
			unlink(tmp[i]);
	dt_free(&t);
	free(c);
	free(io);
	free(ctext);
	free(otext);
	free(bin);
	free(in.tar);
	free(in.fdt);
	free(in.iomem);
	free(in.gic);
	free(in.pci);
	return ret;
}
