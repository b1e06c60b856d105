// SPDX-License-Identifier: GPL-2.0
/* The one-line syndrome summary of a hypervisor fault report. */
#include <warden/esr.h>
#include <warden/format.h>

/* Appends to buf at *used, never past size. */
#define APPEND(...)                                                  \
	(*used += format_string(buf + (*used < size ? *used : size), \
				*used < size ? size - *used : 0, __VA_ARGS__))

static void describe_abort(const struct esr_info *e, char *buf, size_t size,
			   size_t *used)
{
	if (e->is_data && e->isv)
		APPEND(" %s, %u bytes, register %c%u,",
		       e->write ? "write" : "read", e->access_size,
		       e->sixty_four ? 'x' : 'w', e->reg);
	else if (e->is_data)
		APPEND(" %s, no instruction syndrome,",
		       e->write ? "write" : "read");
	APPEND(" %s%s", e->from_lower_el ? "stage-2 " : "", e->fault.name);
	if (e->fault.level >= -1)
		APPEND(", level %d", e->fault.level);
	if (e->s1ptw)
		APPEND(" (on a stage-1 table walk)");
}

char *esr_describe(uint64_t esr, char *buf, size_t size)
{
	size_t n = 0, *used = &n;
	struct esr_info e;

	esr_decode(esr, &e);
	APPEND("%s", e.ec_name);
	if (e.is_abort) {
		APPEND(":");
		describe_abort(&e, buf, size, used);
	} else if (e.ec == ESR_EC_SYS64 && e.sysreg.name) {
		APPEND(": %s %s", e.sysreg.read ? "read of" : "write to",
		       e.sysreg.name);
	} else if (e.ec == ESR_EC_SYS64) {
		APPEND(": %s S%u_%u_C%u_C%u_%u",
		       e.sysreg.read ? "read of" : "write to", e.sysreg.op0,
		       e.sysreg.op1, e.sysreg.crn, e.sysreg.crm, e.sysreg.op2);
	} else {
		APPEND(" (EC 0x%02x, ISS 0x%07x)", e.ec, (unsigned int)e.iss);
	}
	return buf;
}
