// SPDX-License-Identifier: GPL-2.0
/*
 * warden cell stats {ID|[--name] NAME} [-f]: the cell's exits per reason
 * and per CPU, from /sys/devices/warden/cells/<id>/statistics. One table
 * by default; -f repeats it every second with the rate per second, until
 * the cell is gone or the user interrupts.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cell_args.h"
#include "commands.h"
#include "driver_dev.h"

#define MAX_CPUS 64

static const char *const counters[] = {
	"vmexits_total",     "vmexits_mmio",	    "vmexits_management",
	"vmexits_hypercall", "vmexits_maintenance", "vmexits_virt_irq",
	"vmexits_virt_sgi",  "vmexits_psci",	    "vmexits_smccc",
};

#define NUM_COUNTERS (sizeof(counters) / sizeof(counters[0]))

static int read_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	if (!fgets(buf, len, f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	buf[strcspn(buf, "\n")] = 0;
	return 0;
}

/* The sysfs id of the cell, by id or name; -1 if there is none. */
static int find_cell(const struct jailhouse_cell_id *id, char *name, size_t len)
{
	char path[320];
	struct dirent *d;
	DIR *dir;
	int found = -1;

	dir = opendir(WARDEN_SYSFS "/cells");
	if (!dir)
		return -1;
	while ((d = readdir(dir)) && found < 0) {
		int n = atoi(d->d_name);

		if (d->d_name[0] < '0' || d->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), WARDEN_SYSFS "/cells/%s/name",
			 d->d_name);
		if (read_line(path, name, len))
			continue;
		if (id->id >= 0 ? n == id->id : !strcmp(name, id->name))
			found = n;
	}
	closedir(dir);
	return found;
}

static int read_counter(int cell, int cpu, unsigned int i,
			unsigned long long *v)
{
	char path[160], buf[32];

	if (cpu < 0)
		snprintf(path, sizeof(path),
			 WARDEN_SYSFS "/cells/%d/statistics/%s", cell,
			 counters[i]);
	else
		snprintf(path, sizeof(path),
			 WARDEN_SYSFS "/cells/%d/statistics/cpu%d/%s", cell,
			 cpu, counters[i]);
	if (read_line(path, buf, sizeof(buf)))
		return -1;
	*v = strtoull(buf, NULL, 10);
	return 0;
}

struct sample {
	unsigned long long v[NUM_COUNTERS][MAX_CPUS + 1]; /* [.][0]: sum */
};

/* The cell's CPUs: those with a statistics/cpu<n> directory. */
static int cpus_of(int cell, int *cpus)
{
	unsigned long long v;
	int n = 0, cpu;

	for (cpu = 0; cpu < MAX_CPUS; cpu++)
		if (!read_counter(cell, cpu, 0, &v))
			cpus[n++] = cpu;
	return n;
}

static int take(int cell, const int *cpus, int n, struct sample *s)
{
	unsigned int i;
	int c;

	for (i = 0; i < NUM_COUNTERS; i++) {
		if (read_counter(cell, -1, i, &s->v[i][0]))
			return -1;
		for (c = 0; c < n; c++)
			if (read_counter(cell, cpus[c], i, &s->v[i][c + 1]))
				return -1;
	}
	return 0;
}

static void print(const char *name, int cell, const int *cpus, int n,
		  const struct sample *s, const struct sample *prev)
{
	unsigned int i;
	int c;

	printf("Statistics of cell \"%s\" (ID %d)%s\n", name, cell,
	       prev ? ", per second in brackets" : "");
	printf("%-22s%14s", "", "total");
	for (c = 0; c < n; c++) {
		char head[16];

		snprintf(head, sizeof(head), "CPU %d", cpus[c]);
		printf("%14s", head);
	}
	printf("\n");
	for (i = 0; i < NUM_COUNTERS; i++) {
		printf("%-22s%14llu", counters[i] + 8, s->v[i][0]);
		for (c = 0; c < n; c++)
			printf("%14llu", s->v[i][c + 1]);
		if (prev)
			printf("  (%llu)", s->v[i][0] - prev->v[i][0]);
		printf("\n");
	}
}

int cmd_cell_stats(int argc, char **argv)
{
	struct sample a, b, *now = &a, *prev = NULL;
	struct jailhouse_cell_id id;
	int follow = 0, used = -1, cell, cpus[MAX_CPUS], n;
	char err[160] = "which cell? give its ID or name", name[64];

	/* -f before or after the cell */
	if (argc > 1 &&
	    (!strcmp(argv[1], "-f") || !strcmp(argv[1], "--follow"))) {
		follow = 1;
		argc--;
		argv++;
	} else if (argc > 1 && (!strcmp(argv[argc - 1], "-f") ||
				!strcmp(argv[argc - 1], "--follow"))) {
		follow = 1;
		argc--;
	}
	if (argc >= 2)
		used = cell_ref_parse(argc - 1, argv + 1, &id, err,
				      sizeof(err));
	if (used < 0 || used != argc - 1) {
		fprintf(stderr,
			"%s: cell stats: %s\nUsage: %s cell stats "
			"{ID|[--name] NAME} [-f]\n",
			prog_name, used < 0 ? err : "too many arguments",
			prog_name);
		return 2;
	}
	cell = find_cell(&id, name, sizeof(name));
	if (cell < 0) {
		fprintf(stderr,
			"%s: cell stats: no such cell%s (see %s cell "
			"list)\n",
			prog_name,
			access(WARDEN_SYSFS "/cells", F_OK) ?
				": the warden driver is not loaded" :
				"",
			prog_name);
		return 1;
	}
	n = cpus_of(cell, cpus);
	for (;;) {
		if (take(cell, cpus, n, now)) {
			if (prev)
				return 0; /* the cell went away */
			fprintf(stderr,
				"%s: cell stats: cannot read the statistics "
				"of cell %d\n",
				prog_name, cell);
			return 1;
		}
		print(name, cell, cpus, n, now, prev);
		if (!follow)
			return 0;
		fflush(stdout);
		sleep(1);
		prev = now;
		now = now == &a ? &b : &a;
	}
}
