// SPDX-License-Identifier: GPL-2.0
/*
 * ipi-sender FROM TO STOPFILE READYFILE: keeps CPU TO busy with a thread of this
 * process and sends it IPIs from CPU FROM in a loop until STOPFILE exists:
 * membarrier(PRIVATE_EXPEDITED) interrupts every other CPU running a
 * thread of this process and returns only when each has answered, so a
 * lost IPI leaves the call waiting (the CPU it went to never idles and
 * takes no other IPI). Creates READYFILE after the first call; prints the
 * calls made and the longest one.
 */
#define _GNU_SOURCE
#include <linux/membarrier.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static volatile int stop;

static int pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

static void *spin(void *arg)
{
	if (pin(*(int *)arg)) {
		perror("ipi-sender: pin the spinning thread");
		exit(2);
	}
	while (!stop)
		;
	return NULL;
}

static long long now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000LL + t.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
	long long calls = 0, longest = 0, t;
	int from, to;
	pthread_t th;

	if (argc != 5) {
		fprintf(stderr, "usage: %s FROM TO STOPFILE READYFILE\n",
			argv[0]);
		return 2;
	}
	from = atoi(argv[1]);
	to = atoi(argv[2]);
	if (syscall(__NR_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED,
		    0, 0)) {
		perror("ipi-sender: membarrier register");
		return 2;
	}
	if (pin(from)) {
		perror("ipi-sender: pin");
		return 2;
	}
	if (pthread_create(&th, NULL, spin, &to)) {
		fprintf(stderr, "ipi-sender: no thread\n");
		return 2;
	}
	while (access(argv[3], F_OK)) {
		t = now_us();
		if (syscall(__NR_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED,
			    0, 0)) {
			perror("ipi-sender: membarrier");
			return 2;
		}
		t = now_us() - t;
		if (t > longest)
			longest = t;
		if (!calls++) {
			FILE *ready = fopen(argv[4], "w");

			if (!ready) {
				perror("ipi-sender: READYFILE");
				return 2;
			}
			fclose(ready);
		}
	}
	stop = 1;
	pthread_join(th, NULL);
	printf("ipi-sender: %lld membarriers from CPU %d to CPU %d, "
	       "the longest %lld ms\n",
	       calls, from, to, longest / 1000);
	return 0;
}
