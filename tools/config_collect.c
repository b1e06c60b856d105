// SPDX-License-Identifier: GPL-2.0
/* ustar members for "warden config collect", and reading them back. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config_collect.h"

const struct collect_item collect_items[] = {
	{ "fdt", "/sys/firmware/fdt", 1 },
	{ "iomem", "/proc/iomem", 1 },
	{ "cpuinfo", "/proc/cpuinfo", 0 },
	{ "cmdline", "/proc/cmdline", 0 },
	{ "cpus-online", "/sys/devices/system/cpu/online", 0 },
	/* made by "collect" itself */
	{ "gic", NULL, 0 },
	{ "pci-devices", NULL, 0 },
	{ NULL, NULL, 0 },
};

void *read_whole(const char *path, size_t *len, size_t max)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 65536, n = 0;
	char *buf;

	if (!f)
		return NULL;
	buf = malloc(cap + 1);
	while (buf) {
		size_t r = fread(buf + n, 1, cap - n, f);

		n += r;
		if (n < cap)
			break;
		if (cap >= max) {
			free(buf);
			buf = NULL;
			errno = EFBIG;
			break;
		}
		cap *= 2;
		buf = realloc(buf, cap + 1);
	}
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf) {
		buf[n] = 0; /* text users get a string */
		*len = n;
	}
	return buf;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *pci_devices_list(void)
{
	DIR *d = opendir("/sys/bus/pci/devices");
	char *names[1024], *out;
	unsigned int n = 0, i;
	struct dirent *e;
	size_t len = 1;

	while (d && (e = readdir(d)) && n < 1024) {
		if (e->d_name[0] == '.')
			continue;
		names[n] = strdup(e->d_name);
		if (!names[n])
			break;
		len += strlen(names[n++]) + 1;
	}
	if (d)
		closedir(d);
	qsort(names, n, sizeof(names[0]), cmp_str);
	out = malloc(len);
	if (out)
		out[0] = 0;
	for (i = 0; i < n; i++) {
		if (out) {
			strcat(out, names[i]);
			strcat(out, "\n");
		}
		free(names[i]);
	}
	return out;
}

static void octal(char *field, size_t width, uint64_t v)
{
	snprintf(field, width, "%0*llo", (int)width - 1, (unsigned long long)v);
}

int tar_add(FILE *f, const char *name, const void *data, size_t len)
{
	char h[512] = { 0 };
	unsigned int sum = 0, i;
	static const char zero[512];

	if (strlen(name) >= 100)
		return -1;
	memcpy(h, name, strlen(name));
	octal(h + 100, 8, 0644);
	octal(h + 108, 8, 0);
	octal(h + 116, 8, 0);
	octal(h + 124, 12, len);
	octal(h + 136, 12, (uint64_t)time(NULL));
	memset(h + 148, ' ', 8);
	h[156] = '0';
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	for (i = 0; i < 512; i++)
		sum += (unsigned char)h[i];
	snprintf(h + 148, 8, "%06o", sum);
	if (fwrite(h, 1, 512, f) != 512 || fwrite(data, 1, len, f) != len ||
	    fwrite(zero, 1, (512 - len % 512) % 512, f) !=
		    (512 - len % 512) % 512)
		return -1;
	return 0;
}

int tar_end(FILE *f)
{
	static const char zero[1024];

	return fwrite(zero, 1, sizeof(zero), f) == sizeof(zero) ? 0 : -1;
}

int tar_find(const void *tar, size_t size, const char *name, const void **data,
	     size_t *len, char *err, size_t errlen)
{
	const unsigned char *b = tar;
	size_t pos = 0;

	while (pos + 512 <= size) {
		const unsigned char *h = b + pos;
		char mname[101], szs[13], *end;
		unsigned long long sz;

		if (!h[0])
			return 1; /* end of archive */
		if (memcmp(h + 257, "ustar", 5)) {
			snprintf(err, errlen,
				 "not a tar archive (no ustar header at "
				 "offset %zu)",
				 pos);
			return -1;
		}
		memcpy(mname, h, 100);
		mname[100] = 0;
		memcpy(szs, h + 124, 12);
		szs[12] = 0;
		sz = strtoull(szs, &end, 8);
		if (end == szs || sz > size - pos - 512) {
			snprintf(err, errlen,
				 "truncated tar archive: member \"%s\" of "
				 "%s bytes does not fit",
				 mname, szs);
			return -1;
		}
		/* "./fdt" as written by tar(1) is "fdt" too */
		if (!strcmp(mname, name) ||
		    (!strncmp(mname, "./", 2) && !strcmp(mname + 2, name))) {
			*data = h + 512;
			*len = sz;
			return 0;
		}
		pos += 512 + ((sz + 511) & ~511ULL);
	}
	return 1;
}
