// SPDX-License-Identifier: GPL-2.0
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fault_explain.h"
#include "fault_report.h"

static const char rpi4[] =
	"FATAL: instruction abort at 0xfbfff7c0\n"
	"\n"
	"FATAL: forbidden access (exception class 0x20)\n"
	"Cell state before exception:\n"
	"pc: ffffffc0089fd7c0   lr: ffffffc0089fd7c0 spsr: 20000085     EL1\n"
	"sp: ffffffc01000bef0  esr: 20 1 0000086\n"
	"x0: 0000000000000000   x1: 0000000000000000   x2: 0000000000000000\n"
	"x27: 0000000000000000  x28: ffffff80f6da5940  x29: ffffffc01000bef0\n"
	"\n"
	"Parking CPU 1 (Cell: \"Raspberry-Pi4 4G\")\n";

/* Pasted from dmesg, wrapped by a narrow terminal, then a HYP crash. */
static const char rk3588[] =
	"[  812.113021] FATAL: forbidden access (exception class 0x20)\n"
	"[  812.113022] Cell state before exception:\n"
	"[  812.113023] pc: ffffffc0010f43bc lr: ffffffc0010f43bc spsr: 20400085\n"
	"    EL1\n"
	"[  812.113024] sp: ffffffc00a17be90 elr: ffffffc0010f43bc esr: 20 1\n"
	"0000085\n"
	"\n"
	"[  812.113025] Parking CPU 4 (Cell: \"orangepi5p\")\n"
	"FATAL: Unhandled HYP exception: synchronous abort from EL2\n"
	" pc: 0000ffffc0203e60 lr: 0000ffffc0203e0c spsr: 604003c9\n"
	" sp: 0000ff0000010e60 elr: 0000ffffc0203e60 esr: 00 1 0000000\n";

static void reads_classic_report(void **state)
{
	struct fault_report r[4];

	assert_int_equal(fault_report_parse(rpi4, r, 4), 1);
	assert_true(r[0].have_addr);
	assert_true(r[0].addr == 0xfbfff7c0);
	assert_true(r[0].have_esr);
	assert_true(r[0].esr == ((uint64_t)0x20 << 26 | 1 << 25 | 0x86));
	assert_true(r[0].have_pc && r[0].pc == 0xffffffc0089fd7c0ULL);
	assert_true(r[0].have_sp && r[0].sp == 0xffffffc01000bef0ULL);
	assert_true(r[0].have_spsr && r[0].spsr == 0x20000085);
	assert_int_equal(r[0].el, 1);
	assert_int_equal(r[0].cpu, 1);
	assert_string_equal(r[0].cell, "Raspberry-Pi4 4G");
	assert_true(r[0].x_valid & (1u << 28));
	assert_true(r[0].x[28] == 0xffffff80f6da5940ULL);
	assert_true(r[0].have_ec && r[0].ec == 0x20);
	assert_false(r[0].hyp_exception);
}

static void reads_wrapped_dmesg_with_two_reports(void **state)
{
	struct fault_report r[4];

	assert_int_equal(fault_report_parse(rk3588, r, 4), 2);
	assert_true(r[0].have_esr);
	assert_true(r[0].esr == ((uint64_t)0x20 << 26 | 1 << 25 | 0x85));
	assert_int_equal(r[0].el, 1);
	assert_true(r[0].have_elr && r[0].elr == 0xffffffc0010f43bcULL);
	assert_int_equal(r[0].cpu, 4);
	assert_string_equal(r[0].cell, "orangepi5p");
	assert_true(r[1].hyp_exception);
	assert_true(r[1].have_esr && r[1].esr == (uint64_t)1 << 25);
	assert_true(r[1].lr == 0x0000ffffc0203e0cULL);
	assert_int_equal(r[1].cpu, -1);
}

/* Warden's own report, as the hypervisor prints it. */
static const char warden_dabt[] =
	"FATAL: data abort (access outside the cell) by cell \"qemu-virt\" on CPU 3\n"
	" esr: 0x93830006: data abort from a lower exception level: read, 4 bytes, register w3, stage-2 translation fault, level 2\n"
	" far: 0x0000ffff9826e000  hpfar: 0x80800  (IPA 0x8080000)\n"
	" pc: 00000000004c7ed8  spsr: 60000000  sp_el0: 0000ffffc3e6fd80  sp_el1: ffff80000825c000\n"
	" x0 : 0000ffff9826e000  x1 : 0000000000000000  x2 : 0000000000000000\n"
	" x30: 00000000004c7e10\n"
	"Parking CPU 3 (cell \"qemu-virt\")\n";

static void reads_warden_report(void **state)
{
	struct fault_report r[2];

	assert_int_equal(fault_report_parse(warden_dabt, r, 2), 1);
	assert_true(r[0].have_esr && r[0].esr == 0x93830006);
	assert_true(r[0].have_addr && r[0].addr == 0x8080000);
	assert_true(r[0].have_far && r[0].far == 0xffff9826e000ULL);
	assert_true(r[0].have_pc && r[0].pc == 0x4c7ed8);
	assert_true(r[0].x_valid & 1);
	assert_true(r[0].x[0] == 0xffff9826e000ULL);
	/* lr from x30, the level from SPSR (EL0t). */
	assert_true(r[0].have_lr && r[0].lr == 0x4c7e10);
	assert_int_equal(r[0].el, 0);
	assert_int_equal(r[0].cpu, 3);
	assert_string_equal(r[0].cell, "qemu-virt");
	assert_string_equal(
		r[0].headline,
		"data abort (access outside the cell) by cell \"qemu-virt\" on CPU 3");
}

static void ignores_text_without_reports(void **state)
{
	struct fault_report r[2];

	assert_int_equal(fault_report_parse("", r, 2), 0);
	assert_int_equal(fault_report_parse("pc: 1234 esr: 20 1 0\n", r, 2), 0);
	/* A report with junk values keeps what it could read. */
	assert_int_equal(fault_report_parse("FATAL: x\npc: zzz lr: 10\n", r, 2),
			 1);
	assert_false(r[0].have_pc);
	assert_true(r[0].have_lr && r[0].lr == 0x10);
}

static void reads_unhandled_data_access(void **state)
{
	struct fault_report r[1];

	assert_int_equal(
		fault_report_parse(
			"Unhandled data read at 0x76100000(4)\n"
			"FATAL: unhandled trap (exception class 0x24)\n",
			r, 1),
		1);
	/* Jailhouse prints the access before FATAL: it is this report's. */
	assert_true(r[0].have_ec && r[0].ec == 0x24);
	assert_true(r[0].unhandled_data);
	assert_true(r[0].have_addr && r[0].addr == 0x76100000);
	assert_int_equal(r[0].access_size, 4);
	assert_int_equal(r[0].access_write, 0);
	assert_string_equal(r[0].headline,
			    "unhandled trap (exception class 0x24)");
	assert_int_equal(
		fault_report_parse(
			"FATAL: Invalid MMIO write, address: 9000100, size: 4\n",
			r, 1),
		1);
	assert_true(r[0].have_addr && r[0].addr == 0x9000100);
	assert_int_equal(r[0].access_size, 4);
	assert_int_equal(r[0].access_write, 1);
}

/*
 * The line belongs to the report after it, not to the one before whose
 * dump is over; a log that ends with it still makes a report.
 */
static void unhandled_data_starts_the_next_report(void **state)
{
	struct fault_report r[3];
	struct fault_context ctx = { NULL, 0, NULL };
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	assert_int_equal(
		fault_report_parse(
			"FATAL: forbidden access (exception class 0x20)\n"
			" pc: 0000000000001000 esr: 20 1 0000086\n"
			"Parking CPU 1 (Cell: \"a\")\n"
			"Unhandled data write at 0xfe201000(4)\n"
			"FATAL: unhandled trap (exception class 0x24)\n"
			" pc: 0000000000000a3c esr: 24 1 1830047\n"
			"Parking CPU 3 (Cell: \"b\")\n"
			"Unhandled data read at 0x9000000(2)\n",
			r, 3),
		3);
	assert_false(r[0].have_addr);
	assert_false(r[0].unhandled_data);
	assert_true(r[1].unhandled_data && r[1].addr == 0xfe201000);
	assert_int_equal(r[1].access_write, 1);
	assert_int_equal(r[1].cpu, 3);
	assert_true(r[2].unhandled_data && r[2].addr == 0x9000000);
	assert_int_equal(r[2].access_size, 2);
	assert_string_equal(r[2].headline,
			    "Unhandled data read at 0x9000000(2)");

	out = open_memstream(&text, &len);
	fault_explain(out, &r[1], &ctx);
	fclose(out);
	assert_non_null(strstr(text, "address:   IPA 0xfe201000"));
	assert_non_null(
		strstr(text, "unhandled: write of 4 bytes at IPA 0xfe201000"));
	free(text);

	/* Without a syndrome (ISV=0) the "(1)" is no size. */
	assert_int_equal(
		fault_report_parse(
			"Unhandled data write at 0x9000000(1)\n"
			"FATAL: unhandled trap (exception class 0x24)\n"
			" pc: 0000000000000a3c esr: 24 1 0000047\n",
			r, 1),
		1);
	out = open_memstream(&text, &len);
	fault_explain(out, &r[0], &ctx);
	fclose(out);
	assert_non_null(strstr(text, "unhandled: write of unknown size"));
	free(text);
}

static void explains_in_words(void **state)
{
	struct fault_context ctx = { NULL, 0, NULL };
	struct fault_report r[4];
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_int_equal(fault_report_parse(rpi4, r, 4), 1);
	fault_explain(out, &r[0], &ctx);
	fclose(out);
	assert_non_null(
		strstr(text, "instruction abort from a lower exception level"));
	assert_non_null(strstr(text, "taken from EL1"));
	assert_non_null(
		strstr(text, "stage-2 translation fault, level 2 (IFSC 0x06)"));
	assert_non_null(strstr(text, "IPA 0xfbfff7c0"));
	assert_non_null(strstr(text, "CPU 1 of cell \"Raspberry-Pi4 4G\""));
	free(text);

	out = open_memstream(&text, &len);
	assert_int_equal(fault_report_parse(rk3588, r, 4), 2);
	fault_explain(out, &r[1], &ctx);
	fclose(out);
	assert_non_null(strstr(text, "undefined instruction"));
	assert_non_null(strstr(text, "FPEXC32_EL2"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_classic_report),
		cmocka_unit_test(reads_wrapped_dmesg_with_two_reports),
		cmocka_unit_test(reads_warden_report),
		cmocka_unit_test(ignores_text_without_reports),
		cmocka_unit_test(reads_unhandled_data_access),
		cmocka_unit_test(unhandled_data_starts_the_next_report),
		cmocka_unit_test(explains_in_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
