/* SPDX-License-Identifier: GPL-2.0 */
/* PSCI 1.1 and SMCCC function ids and results, shared by psci.c (the root)
 * and cell_psci.c (non-root cells). */
#ifndef ARCH_PSCI_H
#define ARCH_PSCI_H

#define PSCI_VERSION 0x84000000
/* What PSCI_VERSION and SMCCC_VERSION answer to every caller: 1.1 */
#define PSCI_VERSION_1_1 0x10001
#define PSCI_CPU_SUSPEND_32 0x84000001
#define PSCI_CPU_SUSPEND_64 0xc4000001
#define PSCI_CPU_OFF 0x84000002
#define PSCI_CPU_ON_32 0x84000003
#define PSCI_CPU_ON_64 0xc4000003
#define PSCI_AFFINITY_INFO_32 0x84000004
#define PSCI_AFFINITY_INFO_64 0xc4000004
#define PSCI_MIGRATE_INFO_TYPE 0x84000006
#define PSCI_SYSTEM_OFF 0x84000008
#define PSCI_SYSTEM_RESET 0x84000009
#define PSCI_FEATURES 0x8400000a
#define SMCCC_VERSION 0x80000000
#define SMCCC_ARCH_FEATURES 0x80000001
/* SMCCC TRNG (DEN0098): a cell has none */
#define SMCCC_TRNG_VERSION 0x84000050
/* MIGRATE_INFO_TYPE: no Trusted OS, or none that needs migrating */
#define PSCI_TOS_NOT_PRESENT 2

#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED -1
#define PSCI_INVALID_PARAMETERS -2
#define PSCI_DENIED -3
#define PSCI_ALREADY_ON -4
#define PSCI_ON_PENDING -5

/* AFFINITY_INFO results */
#define AFF_ON 0
#define AFF_OFF 1
#define AFF_ON_PENDING 2

#define MPIDR_AFF_MASK 0xff00ffffffULL

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

#include <arch/hv.h>

/* PSCI and SMCCC of the root (psci.c; a cell's: arch/cell_psci.h) */
void psci_handle(struct frame *frame, unsigned int cpu);
/* The SMCCC service a function id belongs to ("SiP", "OEM", ...). */
const char *smc_service(uint64_t fid);
/* Whether fid is seen for the first time: refusals are logged once each. */
bool smc_first_time(uint64_t fid);
/* The lifecycle's answers as PSCI return values */
long psci_on_result(enum lc_on r);
long psci_affinity_result(enum lc_affinity r);
#endif

#endif
