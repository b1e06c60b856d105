/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The files "warden config collect" gathers on a target, and the small
 * ustar reader/writer that carries them to a host for "config create -r".
 */
#ifndef WARDEN_TOOLS_CONFIG_COLLECT_H
#define WARDEN_TOOLS_CONFIG_COLLECT_H

#include <stddef.h>
#include <stdio.h>

/* Names inside the tarball (and a -r directory) and where they come from. */
struct collect_item {
	const char *name;
	const char *source; /* a file, or NULL: generated */
	int required;
};
extern const struct collect_item collect_items[];

/*
 * "DDDD:BB:DD.F" lines, one per PCI function Linux found
 * (/sys/bus/pci/devices), for stream ids through "iommu-map"; an empty
 * string without PCI. malloc'ed, NULL without memory.
 */
char *pci_devices_list(void);

/* Appends one member to an open tar stream; finish with tar_end(). */
int tar_add(FILE *f, const char *name, const void *data, size_t len);
int tar_end(FILE *f);

/*
 * The member name of a tarball in memory: 0 and a pointer into it, 1 if
 * absent, -1 with a reason in err if the archive is corrupt.
 */
int tar_find(const void *tar, size_t size, const char *name, const void **data,
	     size_t *len, char *err, size_t errlen);

/* Reads a whole file (also /proc and /sys ones, which stat as 0 bytes). */
void *read_whole(const char *path, size_t *len, size_t max);

#endif
