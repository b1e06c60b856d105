// SPDX-License-Identifier: GPL-2.0
/* Symbolisation with elfutils' libdwfl: one offline session per file. */
#include <elfutils/libdwfl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "symbolize.h"

struct symbol_file {
	const char *path;
	Dwfl *dwfl;
	uint64_t bias; /* runtime address - link address */
};

struct symbolizer {
	struct symbol_file *files;
	int count;
};

static const Dwfl_Callbacks offline_callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
};

/* vmlinux is the file whose symbols live in the kernel's half. */
static bool is_kernel_image(Dwfl_Module *mod)
{
	Dwarf_Addr start, end;

	dwfl_module_info(mod, NULL, &start, &end, NULL, NULL, NULL, NULL);
	return start >= 0xffff000000000000ULL;
}

struct symbolizer *symbolizer_open(char *const *paths, int count,
				   uint64_t kernel_offset, char *err,
				   size_t errlen)
{
	struct symbolizer *s = calloc(1, sizeof(*s));
	int i;

	if (!s || !(s->files = calloc(count ? count : 1, sizeof(*s->files))))
		abort();
	for (i = 0; i < count; i++) {
		struct symbol_file *f = &s->files[i];
		Dwfl_Module *mod;

		f->path = paths[i];
		if (access(paths[i], R_OK)) {
			snprintf(err, errlen, "cannot read %s: %s", paths[i],
				 strerror(errno));
			goto fail;
		}
		f->dwfl = dwfl_begin(&offline_callbacks);
		mod = f->dwfl ? dwfl_report_offline(f->dwfl, paths[i], paths[i],
						    -1) :
				NULL;
		if (!mod || dwfl_report_end(f->dwfl, NULL, NULL)) {
			snprintf(err, errlen, "%s is not an ELF file: %s",
				 paths[i], dwfl_errmsg(-1));
			s->count = i + 1;
			goto fail;
		}
		if (is_kernel_image(mod))
			f->bias = kernel_offset;
		s->count = i + 1;
	}
	return s;
fail:
	symbolizer_close(s);
	return NULL;
}

bool symbolizer_lookup(struct symbolizer *s, uint64_t addr, char *buf,
		       size_t len)
{
	int i;

	for (i = 0; s && i < s->count; i++) {
		struct symbol_file *f = &s->files[i];
		Dwarf_Addr a = addr - f->bias;
		Dwfl_Module *mod = dwfl_addrmodule(f->dwfl, a);
		GElf_Off off;
		GElf_Sym sym;
		const char *name, *file;
		Dwfl_Line *line;
		int lineno = 0;
		size_t used;

		if (!mod)
			continue;
		name = dwfl_module_addrinfo(mod, a, &off, &sym, NULL, NULL,
					    NULL);
		if (!name)
			continue;
		used = (size_t)snprintf(buf, len, "%s+0x%llx", name,
					(unsigned long long)off);
		line = dwfl_module_getsrc(mod, a);
		file = line ? dwfl_lineinfo(line, NULL, &lineno, NULL, NULL,
					    NULL) :
			      NULL;
		if (file && used < len) {
			const char *base = strrchr(file, '/');

			used += (size_t)snprintf(buf + used, len - used,
						 " (%s:%d)",
						 base ? base + 1 : file,
						 lineno);
		}
		if (used < len) {
			const char *base = strrchr(f->path, '/');

			snprintf(buf + used, len - used, " in %s",
				 base ? base + 1 : f->path);
		}
		return true;
	}
	return false;
}

void symbolizer_close(struct symbolizer *s)
{
	int i;

	if (!s)
		return;
	for (i = 0; i < s->count; i++)
		if (s->files[i].dwfl)
			dwfl_end(s->files[i].dwfl);
	free(s->files);
	free(s);
}
