// SPDX-License-Identifier: GPL-2.0
/*
 * warden cell linux CELLCONFIG KERNEL [-d DTB] [-i INITRD] [-c ARGS]
 * [-w FILE] [--system-config FILE]: Jailhouse's grammar. Creates the
 * cell, loads the Linux loader at its reset address, the kernel, the
 * initrd and the DTB (written from the config when no -d is given, see
 * linux_dt.h), and starts it. -w writes what would be loaded instead:
 * FILE lists the images and their addresses, FILE.dtb is the DTB,
 * FILE.loader the filled-in loader.
 * Everything is read, checked and placed before the cell is created.
 * A cell with PCI devices gets its virtual host bridge in the written DTB,
 * from the running system's config (SYS_CONFIG_SYSFS, or
 * --system-config).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <warden/ioctl.h>

#include "commands.h"
#include "config_create_dt.h"
#include "config_file.h"
#include "driver_dev.h"
#include "driver_log.h"
#include "linux_dt.h"
#include "linux_image.h"
#include "linux_place.h"
#include "numparse.h"

#define LOADER_INSTALLED "/usr/lib/warden/inmates/linux-loader.bin"
#define LOADER_MARK "WDNLXLDR"
#define LOADER_MAX (64u << 10)
#define ROOT_DTB_DEFAULT "/sys/firmware/fdt"
#define SYS_CONFIG_SYSFS "/sys/devices/warden/system_config"
#define INITRD_MAX (192u << 20)
#define DTB_IN_MAX (1u << 20)
/*
 * Without -c: a 128 MiB cell cannot spare Debian's 64 MiB CMA default; a
 * kernel that panics restarts at once (PSCI SYSTEM_RESET), which stops
 * the cell with a message instead of leaving its CPUs spinning.
 */
#define BOOTARGS_DEFAULT "cma=4M panic=-1"

struct linux_args {
	const char *config, *kernel, *dtb, *initrd, *cmdline, *write;
	const char *loader, *root_dtb, *sys_config;
};

struct linux_job {
	struct config_file cfg;
	struct config_file sys; /* for the PCI host bridge, if any */
	struct linux_image kernel;
	uint8_t *initrd, *loader;
	size_t initrd_size, loader_size, dtb_size;
	void *dtb;
	struct linux_layout l;
	char bootargs[1024];
};

static int usage(const char *why)
{
	fprintf(stderr,
		"%s: cell linux: %s\n"
		"Usage: %s cell linux CELLCONFIG KERNEL [-d|--dtb DTB] "
		"[-i|--initrd FILE]\n"
		"       [-c|--cmdline \"ARGS\"] [-w|--write-params FILE] "
		"[--root-dtb DTB] [--loader FILE]\n"
		"       [--system-config SYSTEM.cell]\n",
		prog_name, why, prog_name);
	return 2;
}

static int parse(int argc, char **argv, struct linux_args *a)
{
	const char **pos[] = { &a->config, &a->kernel };
	unsigned int npos = 0;
	int i;

	memset(a, 0, sizeof(*a));
	for (i = 1; i < argc; i++) {
		const char *o = argv[i], **dst = NULL;

		if (!strcmp(o, "-d") || !strcmp(o, "--dtb"))
			dst = &a->dtb;
		else if (!strcmp(o, "-i") || !strcmp(o, "--initrd"))
			dst = &a->initrd;
		else if (!strcmp(o, "-c") || !strcmp(o, "--cmdline"))
			dst = &a->cmdline;
		else if (!strcmp(o, "-w") || !strcmp(o, "--write-params"))
			dst = &a->write;
		else if (!strcmp(o, "--root-dtb"))
			dst = &a->root_dtb;
		else if (!strcmp(o, "--loader"))
			dst = &a->loader;
		else if (!strcmp(o, "--system-config"))
			dst = &a->sys_config;
		else if (o[0] == '-' && o[1])
			return usage("unknown option (see the usage)") * 0 - 1;
		if (dst) {
			if (++i >= argc)
				return usage("an option lacks its value") * 0 -
				       1;
			*dst = argv[i];
			continue;
		}
		if (npos >= 2)
			return usage("too many arguments") * 0 - 1;
		*pos[npos++] = o;
	}
	if (npos < 2)
		return usage("give the cell config and the kernel Image") * 0 -
		       1;
	return 0;
}

/* The installed loader, or the one beside a build tree's CLI. */
static const char *loader_path(char *buf, size_t len)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (!access(LOADER_INSTALLED, R_OK) || n <= 0)
		return LOADER_INSTALLED;
	exe[n] = 0;
	slash = strrchr(exe, '/');
	if (!slash)
		return LOADER_INSTALLED;
	*slash = 0;
	/* build/host/warden -> build/inmates/linux-loader.bin */
	snprintf(buf, len, "%.*s/../inmates/linux-loader.bin", (int)(len - 40),
		 exe);
	return access(buf, R_OK) ? LOADER_INSTALLED : buf;
}

static void put_le64(uint8_t *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = v >> (8 * i);
}

/* Fills the loader's addresses after its mark. */
static int loader_fill(struct linux_job *j, const char *path, char *err,
		       size_t len)
{
	uint8_t *m = NULL;
	size_t i;

	for (i = 0; i + 8 + 16 <= j->loader_size; i += 8)
		if (!memcmp(j->loader + i, LOADER_MARK, 8)) {
			m = j->loader + i + 8;
			break;
		}
	if (!m) {
		snprintf(
			err, len,
			"%.300s is not Warden's Linux loader (no \"" LOADER_MARK
			"\" mark): give inmates/linux-loader.bin of this "
			"build with --loader",
			path);
		return -1;
	}
	put_le64(m, j->l.dtb);
	put_le64(m + 8, j->l.kernel);
	return 0;
}

/*
 * The system config for a cell with PCI devices: --system-config, or the
 * enabled hypervisor's from the driver. Without either, -w writes a DTB
 * without the bridge (and says so); a boot needs it.
 */
static int load_sys_config(struct linux_job *j, const struct linux_args *a,
			   char *err, size_t len)
{
	const char *path = a->sys_config ? a->sys_config : SYS_CONFIG_SYSFS;
	uint8_t *raw;
	size_t size;

	if (!j->cfg.cfg.cell->num_pci_devices)
		return 0;
	raw = file_read_all(path,
			    a->sys_config ? "system config" :
					    "running system's config",
			    CONFIG_FILE_MAX_SIZE, &size, err, len);
	if (raw && !size) {
		free(raw);
		raw = NULL;
		snprintf(err, len, "%s is empty: the hypervisor is not enabled",
			 path);
	}
	if (!raw) {
		if (!a->sys_config && a->write) {
			fprintf(stderr,
				"%s: cell linux: note: the DTB gets no virtual "
				"PCI host bridge for the cell's %u PCI "
				"device(s): %s (give the system config with "
				"--system-config)\n",
				prog_name, j->cfg.cfg.cell->num_pci_devices,
				err);
			err[0] = 0;
			return 0;
		}
		snprintf(err + strlen(err), len - strlen(err),
			 " (the cell's %u PCI device(s) need the virtual PCI "
			 "host bridge of the system config: enable the "
			 "hypervisor or give it with --system-config)",
			 j->cfg.cfg.cell->num_pci_devices);
		return -1;
	}
	j->sys.data = raw; /* freed with j->sys */
	if (config_file_parse(&j->sys, path, raw, size, WARDEN_CONFIG_SYSTEM)) {
		snprintf(err, len, "%s: %s", path, j->sys.error);
		return -1;
	}
	return 0;
}

static int make_dtb(struct linux_job *j, const struct linux_args *a, char *err,
		    size_t len)
{
	struct linux_dt_args d = { &j->cfg.cfg, a->config, &j->l, j->bootargs,
				   j->sys.cfg.system };
	const char *path = a->dtb      ? a->dtb :
			   a->root_dtb ? a->root_dtb :
					 ROOT_DTB_DEFAULT;
	struct dt_tree t = { 0 };
	char perr[200];
	uint8_t *raw;
	size_t size;
	int ret;

	raw = file_read_all(path, a->dtb ? "DTB" : "root device tree",
			    DTB_IN_MAX, &size, err, len);
	if (!raw) {
		if (!a->dtb)
			snprintf(err + strlen(err), len - strlen(err),
				 " (the GIC and the CPUs' MPIDRs are taken "
				 "from the root's device tree: give it with "
				 "--root-dtb, or the cell's DTB with -d)");
		return -1;
	}
	ret = dt_parse(&t, raw, size, perr, sizeof(perr));
	free(raw);
	if (ret) {
		snprintf(err, len, "%s: not a readable DTB: %s", path, perr);
		return -1;
	}
	if (a->dtb && !a->cmdline)
		d.bootargs = NULL; /* the user's DTB keeps its bootargs */
	if (a->dtb)
		ret = linux_dt_patch(&d, &t, &j->dtb, &j->dtb_size, err, len);
	else
		ret = linux_dt_generate(&d, &t, path, &j->dtb, &j->dtb_size,
					err, len);
	dt_free(&t);
	if (!ret && j->dtb_size > LINUX_DTB_MAX) {
		snprintf(err, len,
			 "the cell's DTB is %zu bytes, more than the %u "
			 "KiB kept for it: give a smaller DTB",
			 j->dtb_size, LINUX_DTB_MAX >> 10);
		ret = -1;
	}
	return ret;
}

static int prepare(struct linux_job *j, const struct linux_args *a, char *err,
		   size_t len)
{
	char lbuf[PATH_MAX + 40], con[128];
	const char *lpath = a->loader ? a->loader :
					loader_path(lbuf, sizeof(lbuf));

	if (config_file_load(&j->cfg, a->config, WARDEN_CONFIG_CELL)) {
		snprintf(err, len, "%s: %s", a->config, j->cfg.error);
		return -1;
	}
	if (linux_image_read(&j->kernel, a->kernel, err, len))
		return -1;
	if (a->initrd) {
		j->initrd = file_read_all(a->initrd, "initrd", INITRD_MAX,
					  &j->initrd_size, err, len);
		if (!j->initrd)
			return -1;
		if (!j->initrd_size) {
			snprintf(err, len, "initrd %s is empty", a->initrd);
			return -1;
		}
	}
	j->loader = file_read_all(lpath, "Linux loader", LOADER_MAX,
				  &j->loader_size, err, len);
	if (!j->loader)
		return -1;
	if (linux_place(&j->cfg.cfg, a->config, j->loader_size,
			j->kernel.text_offset, j->kernel.image_size,
			j->initrd_size, &j->l, err, len))
		return -1;
	if (!a->dtb && load_sys_config(j, a, err, len))
		return -1;
	linux_dt_earlycon(&j->cfg.cfg, con, sizeof(con));
	/* a user's earlycon= wins over the config's console */
	snprintf(j->bootargs, sizeof(j->bootargs), "%s%s%s",
		 a->cmdline && strstr(a->cmdline, "earlycon") ? "" : con,
		 con[0] && !(a->cmdline && strstr(a->cmdline, "earlycon")) ?
			 " " :
			 "",
		 a->cmdline ? a->cmdline : BOOTARGS_DEFAULT);
	if (make_dtb(j, a, err, len))
		return -1;
	return loader_fill(j, lpath, err, len);
}

static void plan(FILE *f, const struct linux_job *j, const struct linux_args *a)
{
	const struct linux_layout *l = &j->l;
	char s[32];

	fprintf(f, "cell \"%s\" RAM 0x%llx size 0x%llx (%s)\n",
		j->cfg.cfg.cell->name, (unsigned long long)l->ram_start,
		(unsigned long long)l->ram_size,
		format_size(l->ram_size, s, sizeof(s)));
	fprintf(f, "loader 0x%llx size 0x%zx\n", (unsigned long long)l->loader,
		j->loader_size);
	fprintf(f, "kernel 0x%llx size 0x%zx memory-end 0x%llx%s\n",
		(unsigned long long)l->kernel, j->kernel.size,
		(unsigned long long)l->kernel_end,
		j->kernel.gzipped ? " (unpacked from gzip)" : "");
	if (j->initrd_size)
		fprintf(f, "initrd 0x%llx size 0x%zx\n",
			(unsigned long long)l->initrd, j->initrd_size);
	fprintf(f, "dtb 0x%llx size 0x%zx (%s)\n", (unsigned long long)l->dtb,
		j->dtb_size, a->dtb ? a->dtb : "written from the config");
	if (a->dtb && !a->cmdline)
		fprintf(f, "bootargs (the DTB's own)\n");
	else
		fprintf(f, "bootargs %s\n", j->bootargs);
}

static int write_file(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(data, 1, size, f) == size;

	if (f && fclose(f))
		ok = 0;
	if (!ok)
		fprintf(stderr, "%s: cannot write %s: %s\n", prog_name, path,
			strerror(errno));
	return ok ? 0 : -1;
}

static int write_params(const struct linux_job *j, const struct linux_args *a)
{
	char path[PATH_MAX];
	FILE *f = fopen(a->write, "w");

	if (!f) {
		fprintf(stderr, "%s: cannot write %s: %s\n", prog_name,
			a->write, strerror(errno));
		return 1;
	}
	plan(f, j, a);
	if (fclose(f))
		return 1;
	snprintf(path, sizeof(path), "%s.dtb", a->write);
	if (write_file(path, j->dtb, j->dtb_size))
		return 1;
	snprintf(path, sizeof(path), "%s.loader", a->write);
	if (write_file(path, j->loader, j->loader_size))
		return 1;
	printf("Wrote %s, %s.dtb and %s.loader (nothing loaded)\n", a->write,
	       a->write, a->write);
	return 0;
}

static void add_image(struct jailhouse_cell_load *req, const void *data,
		      size_t size, uint64_t addr)
{
	struct jailhouse_preload_image *img =
		&req->image[req->num_preload_images++];

	img->source_address = (uintptr_t)data;
	img->size = size;
	img->target_address = addr;
}

static int boot(struct linux_job *j)
{
	struct jailhouse_cell_create create = { 0 };
	struct jailhouse_cell_load *req;
	struct jailhouse_cell_id id = { 0 };
	const char *name = j->cfg.cfg.cell->name;
	char what[96];
	int fd, err;

	req = calloc(1, sizeof(*req) + 4 * sizeof(req->image[0]));
	if (!req)
		return 1;
	fd = driver_open();
	if (fd < 0) {
		free(req);
		return 1;
	}
	create.config_address = (uintptr_t)j->cfg.data;
	create.config_size = j->cfg.cfg.file_size;
	snprintf(what, sizeof(what), "cannot create cell \"%s\"", name);
	err = driver_ioctl(fd, JAILHOUSE_CELL_CREATE, &create, what);
	if (err)
		goto out;
	printf("Created cell \"%s\"\n", name);
	id.id = JAILHOUSE_CELL_ID_UNUSED;
	snprintf(id.name, sizeof(id.name), "%s", name);
	req->cell_id = id;
	add_image(req, j->loader, j->loader_size, j->l.loader);
	add_image(req, j->kernel.data, j->kernel.size, j->l.kernel);
	if (j->initrd_size)
		add_image(req, j->initrd, j->initrd_size, j->l.initrd);
	add_image(req, j->dtb, j->dtb_size, j->l.dtb);
	snprintf(what, sizeof(what), "cannot load Linux into cell \"%s\"",
		 name);
	err = driver_ioctl(fd, JAILHOUSE_CELL_LOAD, req, what);
	if (!err) {
		snprintf(what, sizeof(what), "cannot start cell \"%s\"", name);
		err = driver_ioctl(fd, JAILHOUSE_CELL_START, &id, what);
	}
	if (err)
		fprintf(stderr,
			"%s: cell \"%s\" was created but not started: "
			"\"%s cell destroy %s\" gives its CPUs and memory "
			"back\n",
			prog_name, name, prog_name, name);
	else
		printf("Started Linux in cell \"%s\" (kernel at 0x%llx, DTB "
		       "at 0x%llx)\n",
		       name, (unsigned long long)j->l.kernel,
		       (unsigned long long)j->l.dtb);
out:
	close(fd);
	free(req);
	return err ? 1 : 0;
}

int cmd_cell_linux(int argc, char **argv)
{
	struct linux_job j;
	struct linux_args a;
	char err[600];
	int ret;

	if (parse(argc, argv, &a))
		return 2;
	memset(&j, 0, sizeof(j));
	err[0] = 0;
	if (prepare(&j, &a, err, sizeof(err))) {
		fprintf(stderr, "%s: cell linux: %s\n(nothing was loaded)\n",
			prog_name, err);
		ret = 1;
	} else if (a.write) {
		ret = write_params(&j, &a);
	} else {
		ret = boot(&j);
	}
	config_file_free(&j.cfg);
	config_file_free(&j.sys);
	linux_image_free(&j.kernel);
	free(j.initrd);
	free(j.loader);
	free(j.dtb);
	return ret;
}
