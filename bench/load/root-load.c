// SPDX-License-Identifier: GPL-2.0
/*
 * root-load SECONDS: the root cell's load for the latency benchmark (c),
 * run by bench/run in the Linux guest while a cell measures its timer
 * latency. On every CPU Linux may use it runs
 *
 *  - a churn thread: maps 8 pages, touches them, unmaps them (TLB
 *    maintenance, broadcast to the inner shareable domain, which includes
 *    the cell's CPUs) and every 8th round sleeps 50 us (timer
 *    interrupts);
 *  - a ring thread: one token goes round the CPUs through pipes, so every
 *    hand-over wakes a thread on another CPU (inter-processor interrupts).
 *
 * It stops after SECONDS of CLOCK_MONOTONIC (virtual time under -icount)
 * and prints what it did, so that the table can say what the load was.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define MAX_CPUS 64
#define CHURN_PAGES 8

static int ring[MAX_CPUS][2];
static int cpus[MAX_CPUS], ncpus;
static volatile int stop;
static unsigned long churns[MAX_CPUS], handovers[MAX_CPUS];
static long page;

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (pthread_setaffinity_np(pthread_self(), sizeof(set), &set))
		fprintf(stderr, "root-load: cannot pin to CPU %d\n", cpu);
}

static void *churn(void *arg)
{
	int i = (int)(long)arg;
	struct timespec nap = { 0, 50000 };
	unsigned long n;

	pin(cpus[i]);
	for (n = 0; !stop; n++) {
		char *p = mmap(NULL, CHURN_PAGES * page, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		int k;

		if (p == MAP_FAILED) {
			perror("root-load: mmap");
			exit(1);
		}
		for (k = 0; k < CHURN_PAGES; k++)
			p[k * page] = (char)n;
		munmap(p, CHURN_PAGES * page);
		if (n % 8 == 7)
			nanosleep(&nap, NULL);
	}
	churns[i] = n;
	return NULL;
}

static void *ring_hop(void *arg)
{
	int i = (int)(long)arg, next = (i + 1) % ncpus;
	char token;

	pin(cpus[i]);
	for (;;) {
		if (read(ring[i][0], &token, 1) != 1)
			return NULL;
		if (stop) {
			/* Pass it on so that every ring thread sees it. */
			if (write(ring[next][1], &token, 1) != 1)
				return NULL;
			return NULL;
		}
		handovers[i]++;
		if (write(ring[next][1], &token, 1) != 1)
			return NULL;
	}
}

int main(int argc, char **argv)
{
	pthread_t churn_t[MAX_CPUS], ring_t[MAX_CPUS];
	unsigned long total_churn = 0, total_hand = 0;
	struct timespec start, now;
	double seconds, ran;
	cpu_set_t set;
	int c, i;

	if (argc != 2 || (seconds = atof(argv[1])) <= 0) {
		fprintf(stderr, "usage: root-load SECONDS\n");
		return 2;
	}
	page = sysconf(_SC_PAGESIZE);
	if (sched_getaffinity(0, sizeof(set), &set)) {
		perror("root-load: sched_getaffinity");
		return 1;
	}
	for (c = 0; c < CPU_SETSIZE && ncpus < MAX_CPUS; c++)
		if (CPU_ISSET(c, &set))
			cpus[ncpus++] = c;
	for (i = 0; i < ncpus; i++)
		if (pipe(ring[i])) {
			perror("root-load: pipe");
			return 1;
		}
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (i = 0; i < ncpus; i++) {
		pthread_create(&churn_t[i], NULL, churn, (void *)(long)i);
		pthread_create(&ring_t[i], NULL, ring_hop, (void *)(long)i);
	}
	if (write(ring[0][1], "t", 1) != 1)
		return 1;
	do {
		struct timespec tick = { 0, 10000000 };

		nanosleep(&tick, NULL);
		clock_gettime(CLOCK_MONOTONIC, &now);
		ran = (now.tv_sec - start.tv_sec) +
		      (now.tv_nsec - start.tv_nsec) / 1e9;
	} while (ran < seconds);
	stop = 1;
	for (i = 0; i < ncpus; i++) {
		pthread_join(churn_t[i], NULL);
		pthread_join(ring_t[i], NULL);
		total_churn += churns[i];
		total_hand += handovers[i];
	}
	printf("root-load: %d CPUs, %.2f s: %lu map/touch/unmap rounds, "
	       "%lu cross-CPU hand-overs\n",
	       ncpus, ran, total_churn, total_hand);
	return 0;
}
