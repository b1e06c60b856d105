/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading fault reports out of console logs, for `warden decode`: Warden's
 * own and the classic Jailhouse format ("FATAL: ... / Cell state before
 * exception: / pc: ... esr: EC IL ISS / Parking CPU n (Cell: "name")"),
 * also when pasted from a terminal: wrapped lines, blank lines, dmesg and
 * syslog prefixes.
 */
#ifndef WARDEN_TOOLS_FAULT_REPORT_H
#define WARDEN_TOOLS_FAULT_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#define FAULT_REPORT_MAX 16

struct fault_report {
	char headline[160]; /* the first FATAL line, without "FATAL: " */
	bool hyp_exception; /* the hypervisor itself faulted (at EL2) */

	bool have_esr;
	uint64_t esr;
	bool have_ec; /* "exception class 0x.." without an ESR */
	unsigned int ec;

	bool have_addr; /* faulting guest-physical address */
	uint64_t addr;
	int access_size; /* from "(4)" or "size: 4"; 0 if unknown */
	int access_write; /* 1 write, 0 read, -1 unknown */
	/*
	 * Jailhouse's "Unhandled data write at 0x76100000(4)", printed just
	 * before "FATAL: unhandled trap (exception class 0x24)": the only
	 * line of its data-abort report that names the address (an IPA),
	 * the direction and the size. Set when addr etc. came from it.
	 */
	bool unhandled_data;

	uint64_t pc, lr, sp, elr, spsr, far;
	bool have_pc, have_lr, have_sp, have_elr, have_spsr, have_far;
	int el; /* exception level of the faulting code; -1 */

	uint64_t x[31];
	uint32_t x_valid; /* bit n: x[n] was in the report */

	int cpu; /* -1 if the report does not say */
	char cell[64]; /* empty if the report does not say */
};

/*
 * Finds the reports in text (NUL-terminated) and fills up to max of them.
 * Returns how many were found.
 */
int fault_report_parse(const char *text, struct fault_report *reports, int max);

#endif
