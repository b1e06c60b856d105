// SPDX-License-Identifier: GPL-2.0
/*
 * EL2 vector hardening (Spectre-v2 and Spectre-BHB): each CPU, as it
 * enters, decides by its MIDR, CSV2, ECBHB and its firmware's answers
 * (core/vec_harden.c) whether every exception from EL1/EL0 first calls
 * the firmware (per_cpu(cpu)->vh_fid), runs the branch history loop
 * (vh_loop times), both, or neither: one of four vector tables in entry.S. The
 * decision is printed before the hypervisor touches the GIC, so that it
 * shows even where enable fails later.
 */
#include <arch/harden.h>
#include <arch/hv.h>
#include <warden/smccc_policy.h>
#include <warden/vec_harden.h>

extern char hyp_vectors_fw[], hyp_vectors_loop[], hyp_vectors_fw_loop[];

/*
 * Each CPU's call and loop count are in its struct per_cpu (vh_fid,
 * vh_loop), where entry.S's hardened vectors read them.
 */
static uint64_t vh_probed;

/* An SMCCC fast call to EL3; only called where EL3 exists. */
static int32_t fw_call(uint32_t fid, uint32_t arg)
{
	register uint64_t x0 asm("x0") = fid;
	register uint64_t x1 asm("x1") = arg;
	register uint64_t x2 asm("x2") = 0;
	register uint64_t x3 asm("x3") = 0;

	asm volatile("smc #0"
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
		     :
		     : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
		       "x13", "x14", "x15", "x16", "x17", "memory");
	return (int32_t)x0;
}

void vec_harden_probe(unsigned int cpu)
{
	static uint64_t printed_midr = ~0ULL;
	uint64_t midr = sysreg_read(midr_el1);
	uint64_t pfr0 = sysreg_read(id_aa64pfr0_el1);
	struct vh_firmware fw = { (pfr0 >> 12 & 0xf) != 0, -1, -1, -1 };
	struct vh_verdict v;
	uint32_t fid;
	bool loop;
	char line[160];

	if (cpu >= HV_MAX_CPUS || vh_probed & (1ULL << cpu))
		return;
	vh_probed |= 1ULL << cpu;
	if (fw.el3 && vh_firmware_wanted(midr, pfr0)) {
		fw.version = fw_call(SMCCC_VERSION_ID, 0);
		if (fw.version >= 0x10001) {
			fw.wa1 = fw_call(SMCCC_ARCH_FEATURES_ID,
					 SMCCC_ARCH_WORKAROUND_1);
			fw.wa3 = fw_call(SMCCC_ARCH_FEATURES_ID,
					 SMCCC_ARCH_WORKAROUND_3);
		}
	}
	v = vh_choose(midr, pfr0, sysreg_read(id_aa64mmfr1_el1), &fw);
	fid = vh_entry_call(&v);
	loop = v.bhb == VH_BHB_LOOP;
	per_cpu(cpu)->vh_fid = fid;
	per_cpu(cpu)->vh_loop = loop ? v.bhb_loop : 0;
	per_cpu(cpu)->vh_vectors = fid && loop ? hyp_vectors_fw_loop :
				   fid	       ? hyp_vectors_fw :
				   loop	       ? hyp_vectors_loop :
						 hyp_vectors;
	/* once per kind of CPU (big.LITTLE systems have two) */
	if ((midr & 0xffffffff) != printed_midr) {
		printed_midr = midr & 0xffffffff;
		printk("%s\n", vh_describe(&v, midr, line, sizeof(line)));
		printk("%s\n", vh_describe_bhb(&v, midr, line, sizeof(line)));
	}
}

const void *vec_harden_vectors(unsigned int cpu)
{
	return cpu < HV_MAX_CPUS && per_cpu(cpu)->vh_vectors ?
		       per_cpu(cpu)->vh_vectors :
		       hyp_vectors;
}
