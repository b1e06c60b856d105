// SPDX-License-Identifier: GPL-2.0
/* SError attribution and description (serror.h). */
#include <warden/format.h>
#include <warden/serror.h>

#define ESR_ISS_MASK 0x1ffffffULL
#define ESR_IDS (1ULL << 24)
#define ESR_DFSC(esr) ((esr)&0x3f)
#define ESR_AET(esr) (((esr) >> 10) & 7)
#define DFSC_ASYNC_SERROR 0x11

struct serror_verdict serror_attribute(uint64_t esr, bool from_lower, bool root,
				       bool ras)
{
	struct serror_verdict v = { SERROR_HV_FATAL, false, 0 };

	if (!from_lower)
		return v;
	if (!root) {
		v.action = SERROR_STOP_CELL;
		return v;
	}
	v.action = SERROR_TO_ROOT;
	/*
	 * With RAS the root's ESR_EL1 gets the syndrome the hardware gave
	 * EL2 (VSESR_EL2 holds IDS and ISS, the layout of ESR's bits
	 * 24:0), so that Linux classifies it as it would have.
	 */
	if (ras) {
		v.set_vsesr = true;
		v.vsesr = esr & ESR_ISS_MASK;
	}
	return v;
}

static const char *const aet_names[8] = {
	"uncontainable", "unrecoverable", "restartable", "recoverable",
	"severity 4",	 "severity 5",	  "corrected",	 "severity 7",
};

char *serror_describe(uint64_t esr, char *buf, size_t size)
{
	if (esr & ESR_IDS)
		format_string(buf, size,
			      "implementation defined syndrome 0x%llx",
			      (unsigned long long)(esr & (ESR_IDS - 1)));
	else if (ESR_DFSC(esr) == DFSC_ASYNC_SERROR)
		format_string(buf, size, "asynchronous SError, %s",
			      aet_names[ESR_AET(esr)]);
	else if (ESR_DFSC(esr) == 0)
		format_string(buf, size, "uncategorized SError");
	else
		format_string(buf, size, "SError, fault status 0x%02llx",
			      (unsigned long long)ESR_DFSC(esr));
	return buf;
}
