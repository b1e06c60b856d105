// SPDX-License-Identifier: GPL-2.0
/*
 * warden hypercall [--stub|--smc] CODE [ARG1 [ARG2]]: one call into the
 * enabled hypervisor, made by the driver, for tests and diagnosis. --stub
 * uses "hvc #0" (Linux' hyp-stub convention) instead of "hvc #0x4a48";
 * --smc makes a firmware call ("smc #0", CODE the SMCCC function id) that
 * the hypervisor answers by its SMC policy.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <warden/hypercall.h>
#include <warden/ioctl.h>

#include "commands.h"
#include "driver_dev.h"
#include "numparse.h"

int cmd_hypercall(int argc, char **argv)
{
	struct warden_hypercall hc = { .imm = WARDEN_HVC_IMM };
	uint64_t *args[] = { &hc.code, &hc.arg1, &hc.arg2 };
	int i, fd, err;

	if (argc > 1 && !strcmp(argv[1], "--stub")) {
		hc.imm = 0;
		argc--;
		argv++;
	} else if (argc > 1 && !strcmp(argv[1], "--smc")) {
		hc.imm = WARDEN_HC_SMC;
		argc--;
		argv++;
	}
	if (argc < 2 || argc > 4) {
		fprintf(stderr,
			"Usage: %s hypercall [--stub|--smc] CODE [ARG1 [ARG2]]\n",
			prog_name);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (parse_u64(argv[i], args[i - 1])) {
			fprintf(stderr, "%s: hypercall: '%s' is not a number\n",
				prog_name, argv[i]);
			return 2;
		}
	}
	fd = driver_open();
	if (fd < 0)
		return 1;
	err = ioctl(fd, WARDEN_IOCTL_HYPERCALL, &hc);
	if (err) {
		err = errno;
		fprintf(stderr, "%s: hypercall: %s%s\n", prog_name,
			strerror(err),
			err == ENODEV ? " (the hypervisor is not enabled)" :
					"");
		close(fd);
		return 1;
	}
	close(fd);
	/* The result as the signed value the ABI defines, and raw. */
	printf("%" PRId64 " (0x%" PRIx64 ")\n", (int64_t)hc.result, hc.result);
	return 0;
}
