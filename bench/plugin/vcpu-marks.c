// SPDX-License-Identifier: GPL-2.0
/*
 * vcpu-marks: a QEMU TCG plugin that counts the instructions each vCPU
 * executes and logs the count whenever a vCPU executes a marker
 * instruction, HINT #0x70 + k (k = 0..15; unallocated hints, NOPs on
 * every Armv8 CPU).
 *
 * Why: under -icount the PMU's INST_RETIRED is QEMU's global instruction
 * count, shared by all vCPUs, so a guest cannot count its own CPU's
 * instructions while other CPUs run. The plugin can: "vcpu N executed C
 * instructions up to and including marker k" lets bench/run tell the
 * work on one CPU (a cell's, with the hypervisor's share at EL2) from the
 * load on the others.
 *
 * Use: qemu-system-aarch64 -plugin PATH/vcpu-marks.so,out=FILE ...
 * Each marker execution appends "V K C G" (vCPU index, marker, count,
 * and the vCPU's GIC CPU-interface accesses so far).
 *
 * GIC CPU-interface accesses (each costs far more than an instruction on
 * hardware) are counted per vCPU for the instructions at virtual
 * addresses in el2=LO:HI (hexadecimal, LO inclusive, HI exclusive; the
 * hypervisor's image and mappings, bench/run gives Warden's; without it,
 * every address): MRS/MSR of ICC_*, ICV_* (the same encodings) and ICH_*
 * registers (GICv3), and with gicmmio=BASE:SIZE (up to 4 times) loads
 * and stores whose physical address lies in one of those ranges (GICv2:
 * the GICC and GICH frames). A memory callback is registered only for
 * instructions in the el2 range, so the rest of the run is not slowed.
 *
 * With trace=F:T:N it also logs, for the first N times a vCPU goes from
 * marker F to marker T, every instruction that vCPU executes in between
 * as "T V PC" (virtual address), and every GIC CPU-interface access
 * counted meanwhile as "G V PC": where the instructions of a path go
 * (bench/trace maps them to functions). trace=F-G:T:N does so for the
 * first N passes from each of the markers F..G, so that one run traces
 * several operations (bench/trace --from K picks one).
 *
 * Written against the QEMU plugin API version 1 (QEMU 7.x), whose entry
 * points it declares itself (bench/plugin/qemu-plugin-v1.h): Debian does
 * not ship QEMU's header. It refuses other API versions.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin-v1.h"

#define MARK_BASE 0xd5032e1fu /* HINT #0x70 */
#define MARK_MASK 0xfffffe1fu /* HINT #0x70..#0x7f */
#define MAX_VCPUS 64

QEMU_PLUGIN_EXPORT int qemu_plugin_version = 1;

static uint64_t insns[MAX_VCPUS];
static uint64_t gic[MAX_VCPUS];
static uint64_t el2_lo, el2_hi = ~0ULL;
#define MAX_GIC_MMIO 4
static struct {
	uint64_t base, size;
} gic_mmio[MAX_GIC_MMIO];
static unsigned int n_gic_mmio;
static FILE *out;
static unsigned int trace_from, trace_last, trace_to;
static unsigned int trace_left[16];
static bool tracing[MAX_VCPUS];

static void on_insn(unsigned int vcpu, void *udata)
{
	if (vcpu >= MAX_VCPUS)
		return;
	insns[vcpu]++;
	if (tracing[vcpu])
		fprintf(out, "T %u 0x%llx\n", vcpu,
			(unsigned long long)(uintptr_t)udata);
}

/* A GIC CPU-interface access by the instruction at udata. */
static void gic_count(unsigned int vcpu, void *udata)
{
	if (vcpu >= MAX_VCPUS)
		return;
	gic[vcpu]++;
	if (tracing[vcpu])
		fprintf(out, "G %u 0x%llx\n", vcpu,
			(unsigned long long)(uintptr_t)udata);
}

static void on_gic_sysreg(unsigned int vcpu, void *udata)
{
	gic_count(vcpu, udata);
}

static void on_mem(unsigned int vcpu, qemu_plugin_meminfo_t info,
		   uint64_t vaddr, void *udata)
{
	struct qemu_plugin_hwaddr *hw = qemu_plugin_get_hwaddr(info, vaddr);
	uint64_t pa;
	unsigned int i;

	if (!hw || !qemu_plugin_hwaddr_is_io(hw))
		return;
	pa = qemu_plugin_hwaddr_phys_addr(hw);
	for (i = 0; i < n_gic_mmio; i++)
		if (pa - gic_mmio[i].base < gic_mmio[i].size) {
			gic_count(vcpu, udata);
			return;
		}
}

/*
 * MRS/MSR (register) of a GIC CPU-interface register: op0 3 and CRn 12
 * with CRm 8-15 and op1 0 (ICC_*_EL1, ICV_*), 4 (ICH_*, ICC_SRE_EL2) or
 * 6 (ICC_*_EL3), or ICC_PMR_EL1 (S3_0_C4_C6_0). VBAR, ISR and DISR share
 * CRn 12 with CRm 0-1: not counted.
 */
static bool is_gic_sysreg(uint32_t op)
{
	unsigned int op1 = (op >> 16) & 7, crn = (op >> 12) & 0xf;
	unsigned int crm = (op >> 8) & 0xf;

	if ((op & 0xffd80000u) != 0xd5180000u) /* MRS/MSR with op0 3 */
		return false;
	if ((op & 0x0007ffe0u) == 0x00004600u) /* ICC_PMR_EL1 */
		return true;
	return crn == 12 && crm >= 8 && (op1 == 0 || op1 == 4 || op1 == 6);
}

static void on_mark(unsigned int vcpu, void *udata)
{
	unsigned int mark = (unsigned int)(uintptr_t)udata;

	if (vcpu >= MAX_VCPUS)
		return;
	/* Registered after on_insn: the marker itself is counted. */
	fprintf(out, "%u %u %llu %llu\n", vcpu, mark,
		(unsigned long long)insns[vcpu], (unsigned long long)gic[vcpu]);
	if (tracing[vcpu] && mark == trace_to) {
		tracing[vcpu] = false;
	} else if (!tracing[vcpu] && mark >= trace_from && mark <= trace_last &&
		   trace_left[mark]) {
		trace_left[mark]--;
		tracing[vcpu] = true;
	}
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb), i;

	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint64_t pc = qemu_plugin_tb_vaddr(tb) + 4 * i;
		bool el2 = pc >= el2_lo && pc < el2_hi;
		uint32_t op;

		/* AArch64 instructions are 4 bytes: no call per address. */
		qemu_plugin_register_vcpu_insn_exec_cb(insn, on_insn,
						       QEMU_PLUGIN_CB_NO_REGS,
						       (void *)(uintptr_t)pc);
		if (el2 && n_gic_mmio)
			qemu_plugin_register_vcpu_mem_cb(insn, on_mem,
							 QEMU_PLUGIN_CB_NO_REGS,
							 QEMU_PLUGIN_MEM_RW,
							 (void *)(uintptr_t)pc);
		if (qemu_plugin_insn_size(insn) != 4)
			continue;
		memcpy(&op, qemu_plugin_insn_data(insn), 4);
		if (el2 && is_gic_sysreg(op))
			qemu_plugin_register_vcpu_insn_exec_cb(
				insn, on_gic_sysreg, QEMU_PLUGIN_CB_NO_REGS,
				(void *)(uintptr_t)pc);
		if ((op & MARK_MASK) == MARK_BASE)
			qemu_plugin_register_vcpu_insn_exec_cb(
				insn, on_mark, QEMU_PLUGIN_CB_NO_REGS,
				(void *)(uintptr_t)((op >> 5) & 0xf));
	}
}

static void on_qemu_exit(qemu_plugin_id_t id, void *udata)
{
	fclose(out);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
					   const struct qemu_info *info,
					   int argc, char **argv)
{
	const char *path = NULL;
	int i;

	if (info->version.cur < 1 || info->version.min > 1) {
		fprintf(stderr,
			"vcpu-marks: this QEMU's plugin API is version %d "
			"(oldest supported %d); the plugin speaks version 1 "
			"(QEMU 7.x)\n",
			info->version.cur, info->version.min);
		return -1;
	}
	for (i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "out=", 4)) {
			path = argv[i] + 4;
		} else if (!strncmp(argv[i], "el2=", 4)) {
			if (sscanf(argv[i] + 4, "%" SCNx64 ":%" SCNx64, &el2_lo,
				   &el2_hi) != 2 ||
			    el2_lo >= el2_hi) {
				fprintf(stderr,
					"vcpu-marks: el2=LO:HI in hexadecimal, "
					"LO below HI, not %s\n",
					argv[i]);
				return -1;
			}
		} else if (!strncmp(argv[i], "gicmmio=", 8)) {
			if (n_gic_mmio == MAX_GIC_MMIO ||
			    sscanf(argv[i] + 8, "%" SCNx64 ":%" SCNx64,
				   &gic_mmio[n_gic_mmio].base,
				   &gic_mmio[n_gic_mmio].size) != 2) {
				fprintf(stderr,
					"vcpu-marks: gicmmio=BASE:SIZE in "
					"hexadecimal, at most %d times, not "
					"%s\n",
					MAX_GIC_MMIO, argv[i]);
				return -1;
			}
			n_gic_mmio++;
		} else if (!strncmp(argv[i], "trace=", 6)) {
			unsigned int n = 0, k;

			if (sscanf(argv[i] + 6, "%u-%u:%u:%u", &trace_from,
				   &trace_last, &trace_to, &n) != 4) {
				if (sscanf(argv[i] + 6, "%u:%u:%u", &trace_from,
					   &trace_to, &n) != 3)
					trace_from = 16;
				trace_last = trace_from;
			}
			if (trace_from > trace_last || trace_last > 15 ||
			    trace_to > 15) {
				fprintf(stderr,
					"vcpu-marks: trace=FROM[-LAST]:TO:N "
					"with markers 0-15, not %s\n",
					argv[i]);
				return -1;
			}
			for (k = trace_from; k <= trace_last; k++)
				trace_left[k] = n;
		} else {
			fprintf(stderr, "vcpu-marks: unknown argument %s\n",
				argv[i]);
			return -1;
		}
	}
	if (!path) {
		fprintf(stderr, "vcpu-marks: needs out=FILE\n");
		return -1;
	}
	out = fopen(path, "w");
	if (!out) {
		perror(path);
		return -1;
	}
	setvbuf(out, NULL, _IOFBF, 1 << 16);
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
	qemu_plugin_register_atexit_cb(id, on_qemu_exit, NULL);
	return 0;
}
