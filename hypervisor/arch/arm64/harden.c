// SPDX-License-Identifier: GPL-2.0
/*
 * EL2 vector hardening (Spectre-v2, and Spectre-BHB where the firmware's
 * WORKAROUND_3 covers it): each CPU, as it enters, decides by its MIDR,
 * CSV2 and its firmware's answers (core/vec_harden.c) whether every
 * exception from EL1/EL0 calls the firmware first (hyp_vectors_fw in
 * entry.S, with the call in vh_fid[cpu]) or not (hyp_vectors). The
 * decision is printed before the hypervisor touches the GIC, so that it
 * shows even where enable fails later.
 */
#include <arch/hv.h>
#include <warden/smccc_policy.h>
#include <warden/vec_harden.h>

extern char hyp_vectors_fw[];

/* Read by entry.S's vector_fw: the call each CPU makes, 0 for none. */
uint32_t vh_fid[HV_MAX_CPUS];
static const char *vh_vectors[HV_MAX_CPUS];
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
	char line[160];

	if (cpu >= HV_MAX_CPUS || vh_probed & (1ULL << cpu))
		return;
	vh_probed |= 1ULL << cpu;
	if (fw.el3 && vh_ask_firmware(vh_affected(midr, pfr0))) {
		fw.version = fw_call(SMCCC_VERSION_ID, 0);
		if (fw.version >= 0x10001) {
			fw.wa1 = fw_call(SMCCC_ARCH_FEATURES_ID,
					 SMCCC_ARCH_WORKAROUND_1);
			fw.wa3 = fw_call(SMCCC_ARCH_FEATURES_ID,
					 SMCCC_ARCH_WORKAROUND_3);
		}
	}
	v = vh_choose(midr, pfr0, &fw);
	vh_fid[cpu] = v.choice == VH_FIRMWARE ? v.fid : 0;
	vh_vectors[cpu] = v.choice == VH_FIRMWARE ? hyp_vectors_fw :
						    hyp_vectors;
	/* once per kind of CPU (big.LITTLE systems have two) */
	if ((midr & 0xffffffff) != printed_midr) {
		printed_midr = midr & 0xffffffff;
		printk("%s\n", vh_describe(&v, midr, line, sizeof(line)));
	}
}

const void *vec_harden_vectors(unsigned int cpu)
{
	return cpu < HV_MAX_CPUS && vh_vectors[cpu] ? vh_vectors[cpu] :
						      hyp_vectors;
}
