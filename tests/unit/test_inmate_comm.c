// SPDX-License-Identifier: GPL-2.0
/*
 * The inmate's side of the comm region (inmates/lib/comm.c) and the
 * timer conversions, on the host with a comm page in memory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "comm.h"
#include "timer.h"

static struct warden_comm_region *fake_region(const char *sig,
					      uint16_t revision)
{
	static uint64_t page[512];
	struct warden_comm_region *comm = (void *)page;

	memset(page, 0, sizeof(page));
	memcpy(comm->signature, sig, 6);
	comm->revision = revision;
	comm->cell_state = WARDEN_CELL_RUNNING;
	return comm;
}

static void accepts_a_valid_region(void **state)
{
	struct warden_comm_region *comm = fake_region("JHCOMM", 2);

	assert_int_equal(comm_init((uintptr_t)comm), 0);
	assert_ptr_equal(comm_region, comm);
	assert_int_equal(comm->cell_state, WARDEN_CELL_RUNNING);
	comm_set_state(WARDEN_CELL_RUNNING_LOCKED);
	assert_int_equal(comm->cell_state, WARDEN_CELL_RUNNING_LOCKED);
}

static void refuses_bad_signature_or_revision(void **state)
{
	struct warden_comm_region *comm;

	comm_region = NULL;
	comm = fake_region("JHCOMX", 2);
	assert_int_equal(comm_init((uintptr_t)comm), -1);
	assert_int_equal(comm->cell_state, WARDEN_CELL_FAILED_COMM_REV);
	assert_null(comm_region);

	comm = fake_region("JHCOMM", 1);
	assert_int_equal(comm_init((uintptr_t)comm), -1);
	assert_int_equal(comm->cell_state, WARDEN_CELL_FAILED_COMM_REV);
	assert_null(comm_region);
}

static uint32_t send(struct warden_comm_region *comm, uint32_t msg)
{
	comm->reply_from_cell = WARDEN_MSG_NONE;
	comm->msg_to_cell = msg;
	assert_int_equal(comm_poll(), msg);
	assert_int_equal(comm->msg_to_cell, WARDEN_MSG_NONE);
	return comm->reply_from_cell;
}

static void answers_messages(void **state)
{
	struct warden_comm_region *comm = fake_region("JHCOMM", 2);

	assert_int_equal(comm_init((uintptr_t)comm), 0);
	/* Nothing pending: nothing written. */
	comm->reply_from_cell = 77;
	assert_int_equal(comm_poll(), WARDEN_MSG_NONE);
	assert_int_equal(comm->reply_from_cell, 77);

	assert_int_equal(send(comm, WARDEN_MSG_SHUTDOWN_REQUEST),
			 WARDEN_MSG_REQUEST_APPROVED);
	assert_int_equal(send(comm, WARDEN_MSG_RECONFIG_COMPLETED),
			 WARDEN_MSG_RECEIVED);
	assert_int_equal(send(comm, 9), WARDEN_MSG_UNKNOWN);
	comm_set_shutdown_allowed(false);
	assert_int_equal(send(comm, WARDEN_MSG_SHUTDOWN_REQUEST),
			 WARDEN_MSG_REQUEST_DENIED);
	comm_set_shutdown_allowed(true);
	assert_int_equal(send(comm, WARDEN_MSG_SHUTDOWN_REQUEST),
			 WARDEN_MSG_REQUEST_APPROVED);
}

static void converts_ticks_without_overflow(void **state)
{
	/* QEMU: 62.5 MHz, one tick = 16 ns. */
	assert_int_equal(timer_ticks_to_ns_freq(1, 62500000), 16);
	assert_int_equal(timer_ticks_to_ns_freq(6250000, 62500000), 100000000);
	assert_int_equal(timer_ns_to_ticks_freq(100000000, 62500000), 6250000);
	/* Ten years of ticks at 1 GHz: ticks * 1e9 would overflow. */
	assert_true(timer_ticks_to_ns_freq(315360000000000000ULL, 1000000000) ==
		    315360000000000000ULL);
	assert_true(timer_ticks_to_ns_freq(3 * 19200000ULL * 3600 * 24 * 365,
					   19200000) ==
		    3ULL * 1000000000ULL * 3600 * 24 * 365);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_a_valid_region),
		cmocka_unit_test(refuses_bad_signature_or_revision),
		cmocka_unit_test(answers_messages),
		cmocka_unit_test(converts_ticks_without_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
