// SPDX-License-Identifier: GPL-2.0
/*
 * warden enable [--skip-check] SYSCONFIG
 *
 * Checks the system config with the hypervisor's own rules (unless told
 * not to: the hypervisor applies them anyway, and tests need to reach
 * it), finds the kernel's hyp stub in /proc/kallsyms and asks the driver
 * to start the hypervisor. On failure it shows the reasons the driver and
 * the hypervisor gave.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <warden/ioctl.h>

#include "commands.h"
#include "driver_log.h"
#include "config_check.h"
#include "config_file.h"
#include "driver_dev.h"

#define STUB_SYMBOL "__hyp_stub_vectors"

static int find_stub(uint64_t *addr)
{
	FILE *f = fopen("/proc/kallsyms", "r");
	char line[512], sym[256], type;
	unsigned long long a;
	int found = 0;

	if (!f) {
		fprintf(stderr, "%s: cannot read /proc/kallsyms: %s\n",
			prog_name, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%llx %c %255s", &a, &type, sym) == 3 &&
		    !strcmp(sym, STUB_SYMBOL)) {
			found = 1;
			break;
		}
	}
	fclose(f);
	if (!found) {
		fprintf(stderr,
			"%s: %s is not in /proc/kallsyms: this kernel has no "
			"hyp stub (it was not started at EL2, or it runs at "
			"EL2 itself)\n",
			prog_name, STUB_SYMBOL);
		return -1;
	}
	if (!a) {
		FILE *k = fopen("/proc/sys/kernel/kptr_restrict", "r");
		int level = -1;

		if (k) {
			if (fscanf(k, "%d", &level) != 1)
				level = -1;
			fclose(k);
		}
		fprintf(stderr,
			"%s: /proc/kallsyms shows %s at address 0: kernel "
			"addresses are hidden (kernel.kptr_restrict = %d). Run "
			"as root with 'sysctl kernel.kptr_restrict=1' (or 0) "
			"and try again\n",
			prog_name, STUB_SYMBOL, level);
		return -1;
	}
	*addr = a;
	return 0;
}

static int read_whole(const char *path, void **data, size_t *size)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096, n = 0;
	char *buf;

	if (!f) {
		fprintf(stderr, "%s: cannot open %s: %s\n", prog_name, path,
			strerror(errno));
		return -1;
	}
	buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);

		n += got;
		if (n < cap || n >= CONFIG_FILE_MAX_SIZE)
			break;
		cap *= 2;
		buf = realloc(buf, cap);
	}
	fclose(f);
	if (!buf) {
		fprintf(stderr, "%s: out of memory\n", prog_name);
		return -1;
	}
	*data = buf;
	*size = n;
	return 0;
}

/*
 * The rule engine's errors are what the hypervisor would refuse: stop
 * here with the same sentences. Advice is shown and never stops enable.
 */
static int precheck(const char *path, const void *data, size_t size)
{
	struct config_report report = { 0 };
	struct config_file f = { 0 };
	int bad;

	if (config_file_parse(&f, path, data, size, WARDEN_CONFIG_SYSTEM)) {
		fprintf(stderr, "%s: %s: %s\n", prog_name, path, f.error);
		return -1;
	}
	config_check(&f.cfg, NULL, 0, &report);
	bad = report.errors != 0;
	if (report.count)
		config_report_print(&report, stderr);
	if (bad)
		fprintf(stderr,
			"%s: not enabling with %s: the hypervisor refuses it "
			"for the errors above\n",
			prog_name, path);
	config_report_free(&report);
	return bad ? -1 : 0;
}

int cmd_enable(int argc, char **argv)
{
	struct warden_enable args = { 0 };
	struct driver_log_mark mark;
	int skip = 0, fd, err;
	const char *path;
	void *data;
	size_t size;

	if (argc > 1 && !strcmp(argv[1], "--skip-check")) {
		skip = 1;
		argc--;
		argv++;
	}
	if (argc != 2) {
		fprintf(stderr, "Usage: %s enable [--skip-check] SYSCONFIG\n",
			prog_name);
		return 2;
	}
	path = argv[1];
	if (read_whole(path, &data, &size))
		return 1;
	if (!skip && precheck(path, data, size)) {
		free(data);
		return 1;
	}
	if (find_stub(&args.hyp_stub_vectors)) {
		free(data);
		return 1;
	}
	fd = driver_open();
	if (fd < 0) {
		free(data);
		return 1;
	}
	args.config_address = (uintptr_t)data;
	args.config_size = size;
	driver_log_mark(&mark);
	err = ioctl(fd, WARDEN_IOCTL_ENABLE, &args);
	if (err) {
		err = errno;
		fprintf(stderr, "%s: enable failed: %s\n", prog_name,
			strerror(err));
		driver_log_print(&mark);
	} else {
		driver_log_free(&mark);
	}
	close(fd);
	free(data);
	return err ? 1 : 0;
}
