/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PSCI calls. The conduit follows the platform: SMC in a cell (the
 * hypervisor traps it and emulates PSCI), HVC when booted bare (QEMU virt
 * without EL2 implements PSCI at the HVC).
 */
#ifndef INMATE_PSCI_H
#define INMATE_PSCI_H

#define PSCI_CPU_OFF 0x84000002UL
#define PSCI_CPU_ON 0xc4000003UL
#define PSCI_AFFINITY_INFO 0xc4000004UL
#define PSCI_AFFINITY_INFO_32 0x84000004UL
#define PSCI_SYSTEM_OFF 0x84000008UL

#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED -1
#define PSCI_INVALID_PARAMETERS -2
#define PSCI_DENIED -3
#define PSCI_ALREADY_ON -4

long psci_call(unsigned long fn, unsigned long a1, unsigned long a2,
	       unsigned long a3);

#endif
