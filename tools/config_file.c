// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_file.h"

static const char *kind_name(__u64 kind)
{
	return kind == WARDEN_CONFIG_SYSTEM ? "system config (\"JHSYS\")" :
					      "cell config (\"JHCLL\")";
}

static const char *arch_name(__u64 arch)
{
	switch (arch) {
	case JAILHOUSE_X86:
		return "x86";
	case JAILHOUSE_ARM:
		return "32-bit arm";
	case JAILHOUSE_ARM64:
		return "arm64";
	}
	return "unknown";
}

char *config_status_describe(enum warden_config_status status,
			     const struct warden_config *cfg, char *buf,
			     size_t len)
{
	unsigned long long got = cfg->got, exp = cfg->expected;
	char sig[6];
	int i;

	switch (status) {
	case WARDEN_CONFIG_OK:
		snprintf(buf, len, "no error");
		break;
	case WARDEN_CONFIG_TOO_SMALL:
		snprintf(buf, len,
			 "file is %llu bytes, a %s needs at least %llu: it is "
			 "truncated or not a .cell file",
			 got,
			 exp >= sizeof(struct jailhouse_system) ?
				 kind_name(WARDEN_CONFIG_SYSTEM) :
				 "configuration",
			 exp);
		break;
	case WARDEN_CONFIG_BAD_SIGNATURE:
		for (i = 4; i >= 0; i--, got >>= 8)
			sig[i] = (got & 0xff) >= 0x20 && (got & 0xff) < 0x7f ?
					 (char)(got & 0xff) :
					 '?';
		sig[5] = 0;
		snprintf(
			buf, len,
			"signature \"%s\" is neither \"JHSYS\" (system config) "
			"nor \"JHCLL\" (cell config): not a .cell file",
			sig);
		break;
	case WARDEN_CONFIG_WRONG_KIND:
		snprintf(buf, len, "this is a %s, but a %s is needed here: %s",
			 kind_name(got), kind_name(exp),
			 exp == WARDEN_CONFIG_SYSTEM ?
				 "pass the system config (root cell) first" :
				 "pass only one system config, as the first "
				 "file");
		break;
	case WARDEN_CONFIG_BAD_ARCH:
		snprintf(buf, len,
			 "architecture %llu (%s), expected %llu (arm64): build "
			 "the config for arm64",
			 got, arch_name(got), exp);
		break;
	case WARDEN_CONFIG_BAD_REVISION:
		snprintf(
			buf, len,
			"revision %llu, expected %llu: rebuild the config with "
			"this version's headers",
			got, exp);
		break;
	case WARDEN_CONFIG_BAD_NAME:
		snprintf(buf, len,
			 "the cell name has no terminating NUL in its %zu "
			 "bytes: use at most %d characters",
			 sizeof(((struct jailhouse_cell_desc *)0)->name),
			 JAILHOUSE_CELL_NAME_MAXLEN);
		break;
	case WARDEN_CONFIG_TRUNCATED:
		snprintf(
			buf, len,
			"file is %llu bytes, but its header and counts describe "
			"%llu: the file is truncated or a count (num_*, "
			"cpu_set_size) is larger than its array; set counts "
			"with ARRAY_SIZE() and sizeof()",
			got, exp);
		break;
	case WARDEN_CONFIG_REGION_WRAPS:
		if (got == ~0ULL)
			snprintf(buf, len,
				 "hypervisor memory runs past the end of the "
				 "64-bit address space: fix its phys_start or "
				 "size");
		else
			snprintf(buf, len,
				 "memory region %llu runs past the end of the "
				 "64-bit address space: fix its start or size",
				 got);
		break;
	case WARDEN_CONFIG_CPU_SET_SIZE:
		snprintf(buf, len,
			 "cpu_set_size is %llu bytes, at most %llu are "
			 "accepted: set it with sizeof(config.cpus)",
			 got, exp);
		break;
	default:
		snprintf(buf, len, "unknown parser status %d", (int)status);
	}
	return buf;
}

int config_file_parse(struct config_file *f, const char *path, const void *data,
		      size_t size, enum warden_config_kind kind)
{
	f->path = path;
	f->status = warden_config_parse(data, size, kind, &f->cfg);
	if (f->status == WARDEN_CONFIG_OK)
		return 0;
	config_status_describe(f->status, &f->cfg, f->error, sizeof(f->error));
	return -1;
}

int config_file_load(struct config_file *f, const char *path,
		     enum warden_config_kind kind)
{
	FILE *in;
	long size;

	memset(f, 0, sizeof(*f));
	f->path = path;
	f->status = WARDEN_CONFIG_TOO_SMALL;
	in = fopen(path, "rb");
	if (!in) {
		snprintf(f->error, sizeof(f->error), "cannot open: %s",
			 strerror(errno));
		return -1;
	}
	if (fseek(in, 0, SEEK_END) || (size = ftell(in)) < 0 ||
	    fseek(in, 0, SEEK_SET)) {
		snprintf(f->error, sizeof(f->error),
			 "cannot find its size: %s (a regular file is needed)",
			 strerror(errno));
		fclose(in);
		return -1;
	}
	if (size > (long)CONFIG_FILE_MAX_SIZE) {
		snprintf(f->error, sizeof(f->error),
			 "file is %ld bytes, more than any config (limit %u): "
			 "not a .cell file",
			 size, CONFIG_FILE_MAX_SIZE);
		fclose(in);
		return -1;
	}
	/* One spare byte so that an empty file still gets a buffer. */
	f->data = malloc(size + 1);
	if (!f->data || fread(f->data, 1, size, in) != (size_t)size) {
		snprintf(f->error, sizeof(f->error), "cannot read: %s",
			 f->data ? strerror(errno) : "out of memory");
		fclose(in);
		return -1;
	}
	fclose(in);
	return config_file_parse(f, path, f->data, size, kind);
}

void config_file_free(struct config_file *f)
{
	free(f->data);
	f->data = NULL;
}
