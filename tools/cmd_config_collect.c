// SPDX-License-Identifier: GPL-2.0
/*
 * warden config collect OUT.tar: what "config create" needs from a target
 * (the booted device tree, /proc/iomem, ...) in one tarball, so that the
 * config can be generated on a development host with -r OUT.tar.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "config_collect.h"
#include "config_create.h"

/* The members "collect" makes itself: GIC facts, the PCI functions. */
static void *generated(const char *name, const void *fdt, size_t fdt_len,
		       size_t *len)
{
	char *text, err[256];
	struct dt_tree t = { 0 };

	if (!strcmp(name, "pci-devices")) {
		text = pci_devices_list();
	} else if (dt_parse(&t, fdt, fdt_len, err, sizeof(err))) {
		text = malloc(strlen(err) + 64);
		if (text)
			sprintf(text, "spis unknown\nwhy the fdt: %s\n", err);
	} else {
		text = gic_facts_collect(&t);
		dt_free(&t);
	}
	if (text)
		*len = strlen(text);
	return text;
}

/* What was found out about the GIC, in one line. */
static void gic_summary(const char *facts)
{
	const char *spis = strstr(facts, "\nspis "), *why;

	if (!spis)
		return;
	why = strstr(facts, "\nwhy ");
	if (!strncmp(spis, "\nspis unknown", 13))
		printf("GIC: the number of SPIs is not readable here (%.*s); "
		       "\"config create\" will choose safely or take --spis\n",
		       why ? (int)strcspn(why + 5, "\n") : 0,
		       why ? why + 5 : "");
	else
		printf("GIC: %d SPIs\n", atoi(spis + 6));
}

int cmd_config_collect(int argc, char **argv)
{
	const struct collect_item *it;
	void *fdt = NULL;
	size_t fdt_len = 0;
	char tmp[4096];
	FILE *f;

	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "Usage: %s config collect OUT.tar\n",
			prog_name);
		return 2;
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp", argv[1]);
	f = fopen(tmp, "wb");
	if (!f) {
		fprintf(stderr, "%s: cannot write %s: %s\n", prog_name, tmp,
			strerror(errno));
		return 1;
	}
	for (it = collect_items; it->name; it++) {
		size_t len = 0;
		void *data;

		if (!it->source) {
			data = generated(it->name, fdt, fdt_len, &len);
			if (!data)
				goto wfail;
			if (!strcmp(it->name, "gic"))
				gic_summary(data);
			if (tar_add(f, it->name, data, len)) {
				free(data);
				goto wfail;
			}
			free(data);
			continue;
		}
		data = read_whole(it->source, &len, 64u << 20);

		if (!data) {
			if (!it->required) {
				fprintf(stderr,
					"%s: note: %s not collected "
					"(%s: %s)\n",
					prog_name, it->name, it->source,
					strerror(errno));
				continue;
			}
			fprintf(stderr, "%s: cannot read %s: %s%s\n", prog_name,
				it->source, strerror(errno),
				errno == EACCES ? " (run as root)" : "");
			goto fail;
		}
		/* iomem read by a user shows zeros: useless */
		if (!strcmp(it->name, "iomem") && geteuid()) {
			fprintf(stderr,
				"%s: /proc/iomem shows addresses only "
				"to root: run as root\n",
				prog_name);
			free(data);
			goto fail;
		}
		if (tar_add(f, it->name, data, len)) {
			free(data);
			goto wfail;
		}
		if (!strcmp(it->name, "fdt")) {
			fdt = data;
			fdt_len = len;
		} else {
			free(data);
		}
	}
	if (tar_end(f))
		goto wfail;
	if (fclose(f)) {
		f = NULL;
		goto wfail;
	}
	if (rename(tmp, argv[1])) {
		fprintf(stderr, "%s: cannot write %s: %s\n", prog_name, argv[1],
			strerror(errno));
		unlink(tmp);
		return 1;
	}
	free(fdt);
	printf("wrote %s: fdt, iomem, cpuinfo, cmdline, cpus-online, gic, "
	       "pci-devices\n"
	       "Next, here or on a host: %s config create -r %s OUT.c\n",
	       argv[1], prog_name, argv[1]);
	return 0;
wfail:
	fprintf(stderr, "%s: writing %s: %s\n", prog_name, tmp,
		strerror(errno));
fail:
	free(fdt);
	if (f)
		fclose(f);
	unlink(tmp);
	return 1;
}
