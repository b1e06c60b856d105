// SPDX-License-Identifier: GPL-2.0
/*
 * Comm-region protocol, cell side. The hypervisor clears the reply and
 * then writes the message; the cell clears the message before it writes
 * the reply, with a store barrier between, so the hypervisor never sees a
 * reply next to a stale message.
 */
#include "comm.h"
#include "sysreg.h"

struct warden_comm_region *comm_region;
static bool comm_shutdown_allowed = true;

int comm_init(uintptr_t addr)
{
	struct warden_comm_region *comm = (void *)addr;
	const char *sig = WARDEN_COMM_SIGNATURE;

	for (int i = 0; i < 6; i++) {
		if (comm->signature[i] != sig[i])
			goto mismatch;
	}
	if (comm->revision != WARDEN_COMM_REVISION)
		goto mismatch;
	comm_region = comm;
	return 0;

mismatch:
	comm->cell_state = WARDEN_CELL_FAILED_COMM_REV;
	return -1;
}

void comm_set_state(uint32_t state)
{
	if (comm_region)
		comm_region->cell_state = state;
}

void comm_set_shutdown_allowed(bool allowed)
{
	comm_shutdown_allowed = allowed;
}

uint32_t comm_poll(void)
{
	uint32_t msg, reply;

	if (!comm_region)
		return WARDEN_MSG_NONE;
	msg = comm_region->msg_to_cell;
	switch (msg) {
	case WARDEN_MSG_NONE:
		return msg;
	case WARDEN_MSG_SHUTDOWN_REQUEST:
		reply = comm_shutdown_allowed ? WARDEN_MSG_REQUEST_APPROVED :
						WARDEN_MSG_REQUEST_DENIED;
		break;
	case WARDEN_MSG_RECONFIG_COMPLETED:
		reply = WARDEN_MSG_RECEIVED;
		break;
	default:
		reply = WARDEN_MSG_UNKNOWN;
		break;
	}
	comm_region->msg_to_cell = WARDEN_MSG_NONE;
	dmb(ishst);
	comm_region->reply_from_cell = reply;
	return msg;
}
