/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Whose an SError is and what happens to it (HCR_EL2.AMO routes physical
 * SErrors to EL2). Portable, host-tested (test_serror).
 *
 * EL2 runs with SErrors masked (PSTATE.A), so one raised while it works
 * stays pending and is taken at the next return to a lower EL, from the
 * context the CPU returns to: an SError is always taken "from" a root or
 * a cell CPU, and is that context's.
 */
#ifndef WARDEN_SERROR_H
#define WARDEN_SERROR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum serror_action {
	/*
	 * The root's: made pending for it as a virtual SError
	 * (HCR_EL2.VSE, and VSESR_EL2 with FEAT_RAS), so that Linux sees
	 * what it would see without the hypervisor.
	 */
	SERROR_TO_ROOT,
	/* A cell's: reported as its fault and the CPU stopped. */
	SERROR_STOP_CELL,
	/* Taken at EL2 itself (only if EL2 unmasked it): a hypervisor bug. */
	SERROR_HV_FATAL,
};

struct serror_verdict {
	enum serror_action action;
	bool set_vsesr; /* write vsesr to VSESR_EL2 (FEAT_RAS only) */
	uint64_t vsesr; /* IDS and ISS of the virtual SError's ESR_EL1 */
};

/*
 * esr: ESR_EL2 of the SError (EC 0x2f); from_lower: taken from EL1/EL0;
 * root: the CPU served the root cell; ras: the CPU has FEAT_RAS
 * (ID_AA64PFR0_EL1.RAS != 0), without which VSESR_EL2 does not exist and
 * the virtual SError's syndrome is IMPLEMENTATION DEFINED.
 */
struct serror_verdict serror_attribute(uint64_t esr, bool from_lower, bool root,
				       bool ras);

/*
 * An SError deferred by ESB (RAS): whether DISR_EL1 holds one (bit 31,
 * A), and the ESR_EL2 it would have had (EC 0x2f, IL, and DISR's bits
 * 24:0, which have the layout of ESR's ISS).
 */
static inline bool serror_disr_pending(uint64_t disr)
{
	return disr & (1ULL << 31);
}

static inline uint64_t serror_esr_from_disr(uint64_t disr)
{
	return 0x2fULL << 26 | 1ULL << 25 | (disr & 0x1ffffff);
}

/*
 * The SError's syndrome in words: "implementation defined syndrome 0x..."
 * (IDS), or with RAS the fault status and, for an asynchronous SError,
 * the severity (uncontainable, unrecoverable, restartable, recoverable,
 * corrected). Returns buf.
 */
char *serror_describe(uint64_t esr, char *buf, size_t size);

#endif
