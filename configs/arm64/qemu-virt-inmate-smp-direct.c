// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * qemu-virt-inmate-smp.c with direct interrupt delivery
 * (WARDEN_CELL_DIRECT_IRQ, docs/hypervisor.md): CPUs 2 and 3 take their
 * physical interrupts at EL1 without an exit; the SGIs they send each
 * other still trap. The bench measures an SGI inside a direct cell with
 * it (bench/run).
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define INMATE_NAME "inmate-smp-direct"
#define INMATE_FLAGS (JAILHOUSE_CELL_PASSIVE_COMMREG | WARDEN_CELL_DIRECT_IRQ)
#include "qemu-virt-inmate-smp.c"
