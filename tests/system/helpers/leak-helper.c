// SPDX-License-Identifier: GPL-2.0
/*
 * leak-helper: the root's side of the leak tests (cell-leak-probe.sh).
 *   leak-helper fill CPU FILE
 *                          pinned to CPU, keeps V0-V31, FPCR, FPSR and
 *                          TPIDR_EL0 at a known pattern until killed, so
 *                          that the CPU holds them when a cell takes it;
 *                          after the first complete pass, made on CPU,
 *                          writes "leak-helper: CPU N filled" to FILE
 *                          (the test waits for it before the create)
 *   leak-helper pmu        counts this task's cycles through perf_event_open
 *                          twice at once (one lands on the cycle counter,
 *                          one on an event counter) over a busy loop and
 *                          prints both: the root's PMU use without perf
 *   leak-helper peek ADDR SIZE
 *                          reads physical [ADDR, ADDR+SIZE) through
 *                          /dev/mem and prints how many 64-bit words are
 *                          not zero
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/perf_event.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PATTERN 0x0dd0000c0ffe0000ULL

#define VSET(n) "mov v" #n ".d[0], %0\n mov v" #n ".d[1], %0\n"

static int fill(int cpu, const char *done)
{
	cpu_set_t set;
	uint64_t v = PATTERN, tp;
	int first = 1, on;
	FILE *f;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		perror("leak-helper: sched_setaffinity");
		return 2;
	}
	printf("leak-helper: filling CPU %d\n", cpu);
	fflush(stdout);
	/* the thread pointer, which the pattern overwrites, for libc */
	asm volatile("mrs %0, tpidr_el0" : "=r"(tp));
	for (;;) {
		/* clang-format off */
		asm volatile(VSET(0) VSET(1) VSET(2) VSET(3) VSET(4) VSET(5)
			     VSET(6) VSET(7) VSET(8) VSET(9) VSET(10) VSET(11)
			     VSET(12) VSET(13) VSET(14) VSET(15) VSET(16)
			     VSET(17) VSET(18) VSET(19) VSET(20) VSET(21)
			     VSET(22) VSET(23) VSET(24) VSET(25) VSET(26)
			     VSET(27) VSET(28) VSET(29) VSET(30) VSET(31)
			     "msr tpidr_el0, %0\n"
			     "msr fpcr, %1\n msr fpsr, %2\n"
			     :
			     : "r"(v), "r"(0x03c00000ULL), "r"(0x9fULL)
			     : "memory");
		/* clang-format on */
		if (!first)
			continue;
		/* libc's TLS again; the next pass sets the pattern back */
		asm volatile("msr tpidr_el0, %0" : : "r"(tp) : "memory");
		/* the pass just made ran here (pinned: cannot move) */
		on = sched_getcpu();
		if (on != cpu) {
			fprintf(stderr, "leak-helper: on CPU %d, not %d\n", on,
				cpu);
			return 2;
		}
		f = fopen(done, "w");
		if (!f || fprintf(f, "leak-helper: CPU %d filled\n", on) < 0 ||
		    fclose(f)) {
			perror("leak-helper: fill");
			return 2;
		}
		first = 0;
	}
	return 0;
}

static int cycles_open(void)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_HARDWARE;
	a.size = sizeof(a);
	a.config = PERF_COUNT_HW_CPU_CYCLES;
	a.exclude_kernel = 1;
	a.exclude_hv = 1;
	return syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
}

static int pmu(void)
{
	unsigned long long c1 = 0, c2 = 0;
	volatile unsigned long i;
	int f1 = cycles_open(), f2 = cycles_open();

	if (f1 < 0 || f2 < 0) {
		perror("leak-helper: perf_event_open");
		return 2;
	}
	for (i = 0; i < 20000000; i++)
		;
	if (read(f1, &c1, sizeof(c1)) != sizeof(c1) ||
	    read(f2, &c2, sizeof(c2)) != sizeof(c2)) {
		perror("leak-helper: read");
		return 2;
	}
	printf("leak-helper: pmu: %llu and %llu cycles\n", c1, c2);
	return 0;
}

static int peek(uint64_t addr, uint64_t size)
{
	uint64_t i, nonzero = 0, first = 0;
	volatile uint64_t *p;
	void *map;
	int fd;

	fd = open("/dev/mem", O_RDONLY | O_SYNC);
	if (fd < 0) {
		perror("leak-helper: /dev/mem");
		return 2;
	}
	map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, addr);
	if (map == MAP_FAILED) {
		perror("leak-helper: mmap");
		return 2;
	}
	p = map;
	for (i = 0; i < size / 8; i++)
		if (p[i] && !nonzero++)
			first = p[i];
	printf("leak-helper: 0x%llx+0x%llx: %llu nonzero words (first "
	       "0x%llx)\n",
	       (unsigned long long)addr, (unsigned long long)size,
	       (unsigned long long)nonzero, (unsigned long long)first);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "fill"))
		return fill(atoi(argv[2]), argv[3]);
	if (argc == 2 && !strcmp(argv[1], "pmu"))
		return pmu();
	if (argc == 4 && !strcmp(argv[1], "peek"))
		return peek(strtoull(argv[2], NULL, 0),
			    strtoull(argv[3], NULL, 0));
	fprintf(stderr, "usage: %s fill CPU FILE | pmu | peek ADDR SIZE\n",
		argv[0]);
	return 2;
}
