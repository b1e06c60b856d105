// SPDX-License-Identifier: GPL-2.0
/*
 * GIC facts the device tree does not hold, read on the live system for
 * "warden config collect" and "config create": GICD_TYPER.ITLinesNumber
 * (how many SPIs the distributor has) and, on a GICv2, the IIDRs of its
 * CPU and virtual CPU interfaces and GICH_VTR (list registers): proof
 * that the frames the DT names answer. Two ways, the first that works:
 *
 *  - /dev/mem: Debian's kernel (CONFIG_IO_STRICT_DEVMEM) allows it where
 *    no driver claimed the registers, as the GICv2 driver does not;
 *  - the kernel log: the GICv3 driver claims its distributor (so /dev/mem
 *    is refused) but prints "GICv3: N SPIs implemented" at boot.
 *
 * When neither works the text says "spis unknown" and why; "config
 * create" then chooses safely and says so in the config.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <unistd.h>

#include "config_create.h"

#define GICD_TYPER 0x004
#define GICD_IIDR 0x008
#define GICC_IIDR 0x0fc
#define GICH_VTR 0x004
#define SYSLOG_READ_ALL 3
#define SYSLOG_SIZE_BUFFER 10

struct text {
	char buf[2048];
	size_t n;
};

static void put(struct text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->buf + t->n, sizeof(t->buf) - t->n, fmt, ap);
	va_end(ap);
	t->n = strlen(t->buf);
}

static sigjmp_buf bus_env;

static void on_sigbus(int sig)
{
	(void)sig;
	siglongjmp(bus_env, 1);
}

/*
 * One 32-bit register at phys through /dev/mem. Returns 0, or -1 with
 * the reason in why.
 */
static int devmem_read(uint64_t phys, uint32_t *val, char *why, size_t len)
{
	long page = sysconf(_SC_PAGESIZE);
	uint64_t base = phys & ~(uint64_t)(page - 1);
	struct sigaction sa = { .sa_handler = on_sigbus }, old_bus, old_segv;
	volatile uint32_t *reg;
	void *map;
	volatile int ret = 0;
	int fd;

	fd = open("/dev/mem", O_RDONLY | O_SYNC);
	if (fd < 0) {
		snprintf(why, len, "/dev/mem: %s", strerror(errno));
		return -1;
	}
	map = mmap(NULL, page, PROT_READ, MAP_SHARED, fd, (off_t)base);
	if (map == MAP_FAILED) {
		snprintf(why, len, "/dev/mem at 0x%llx: %s%s",
			 (unsigned long long)base, strerror(errno),
			 errno == EPERM ? " (a driver claimed it and the "
					  "kernel keeps it from /dev/mem: "
					  "CONFIG_IO_STRICT_DEVMEM)" :
					  "");
		close(fd);
		return -1;
	}
	reg = (volatile uint32_t *)((char *)map + (phys - base));
	sigaction(SIGBUS, &sa, &old_bus);
	sigaction(SIGSEGV, &sa, &old_segv);
	if (sigsetjmp(bus_env, 1)) {
		snprintf(why, len, "/dev/mem at 0x%llx: the read faulted",
			 (unsigned long long)phys);
		ret = -1;
	} else {
		*val = *reg;
	}
	sigaction(SIGBUS, &old_bus, NULL);
	sigaction(SIGSEGV, &old_segv, NULL);
	munmap(map, page);
	close(fd);
	return ret;
}

/* "GICv3: 256 SPIs implemented" in the kernel log: 0 and the number. */
static int klog_spis(unsigned int *spis, char *line, size_t linelen, char *why,
		     size_t len)
{
	int size = klogctl(SYSLOG_SIZE_BUFFER, NULL, 0), n;
	char *buf, *p;

	if (size <= 0) {
		snprintf(why, len, "kernel log: %s", strerror(errno));
		return -1;
	}
	buf = malloc(size + 1);
	if (!buf)
		return -1;
	n = klogctl(SYSLOG_READ_ALL, buf, size);
	if (n < 0) {
		snprintf(why, len, "kernel log: %s", strerror(errno));
		free(buf);
		return -1;
	}
	buf[n] = 0;
	for (p = buf; (p = strstr(p, "GICv3: ")); p++) {
		char *eol = strchr(p, '\n');
		unsigned int v;
		char word[16];

		if (sscanf(p, "GICv3: %u %15s", &v, word) == 2 &&
		    !strcmp(word, "SPIs")) {
			snprintf(line, linelen, "%.*s",
				 (int)(eol ? eol - p : (long)strlen(p)), p);
			*spis = v;
			free(buf);
			return 0;
		}
	}
	free(buf);
	snprintf(why, len,
		 "kernel log: no \"GICv3: N SPIs implemented\" line (only "
		 "the GICv3 driver prints one, and only at boot)");
	return -1;
}

/*
 * With Warden enabled the GICv2 CPU interface frames are the hypervisor's:
 * a root access to GICH is a stage-2 fault that parks the CPU. The
 * distributor stays readable (emulated).
 */
static int warden_enabled(void)
{
	FILE *f = fopen("/sys/devices/warden/enabled", "r");
	int v = 0;

	if (f) {
		if (fscanf(f, "%d", &v) != 1)
			v = 0;
		fclose(f);
	}
	return v;
}

char *gic_facts_collect(const struct dt_tree *t)
{
	const struct dt_node *gic = config_create_find_gic(t);
	static const char *const v3[] = { "arm,gic-v3", NULL };
	struct text *x = calloc(1, sizeof(*x));
	uint64_t gicd, gicc, gich, size;
	char path[256], why[2][300] = { "", "" }, line[120];
	uint32_t typer, v;
	unsigned int spis;
	int is_v3;

	if (!x)
		return NULL;
	put(x, "# GIC facts read on the target by \"warden config "
	       "collect\"\n");
	if (!gic || dt_reg(gic, 0, &gicd, &size, why[0], sizeof(why[0]))) {
		put(x, "spis unknown\nwhy no GIC in the device tree\n");
		return (char *)x;
	}
	is_v3 = dt_compatible(gic, v3);
	put(x, "gic %s v%d\ngicd 0x%llx\n", dt_path(gic, path, sizeof(path)),
	    is_v3 ? 3 : 2, (unsigned long long)gicd);
	if (devmem_read(gicd + GICD_TYPER, &typer, why[0], sizeof(why[0])) ==
	    0) {
		unsigned int lines = 32 * ((typer & 0x1f) + 1);

		spis = (lines > 1020 ? 1020 : lines) - 32;
		put(x, "source /dev/mem\ngicd_typer 0x%08x\nspis %u\n", typer,
		    spis);
		if (!devmem_read(gicd + GICD_IIDR, &v, why[1], sizeof(why[1])))
			put(x, "gicd_iidr 0x%08x\n", v);
		if (!is_v3 && warden_enabled()) {
			put(x, "not-read GICC, GICH, GICV: Warden is enabled "
			       "and they are the hypervisor's\n");
			return (char *)x;
		}
		if (!is_v3 &&
		    !dt_reg(gic, 1, &gicc, &size, why[1], sizeof(why[1])) &&
		    !devmem_read(gicc + GICC_IIDR, &v, why[1], sizeof(why[1])))
			put(x, "gicc_iidr 0x%08x\n", v);
		if (!is_v3 &&
		    !dt_reg(gic, 2, &gich, &size, why[1], sizeof(why[1])) &&
		    !devmem_read(gich + GICH_VTR, &v, why[1], sizeof(why[1])))
			put(x, "gich_vtr 0x%08x\n", v);
		if (!is_v3 &&
		    !dt_reg(gic, 3, &gich, &size, why[1], sizeof(why[1])) &&
		    !devmem_read(gich + GICC_IIDR, &v, why[1], sizeof(why[1])))
			put(x, "gicv_iidr 0x%08x\n", v);
		return (char *)x;
	}
	if (klog_spis(&spis, line, sizeof(line), why[1], sizeof(why[1])) == 0) {
		put(x, "source kernel log \"%s\"\nspis %u\nnot-read %s\n", line,
		    spis, why[0]);
		return (char *)x;
	}
	put(x, "spis unknown\nwhy %s; %s\n", why[0], why[1]);
	return (char *)x;
}
