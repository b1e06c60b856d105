// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * qemu-virt-inmate-demo.c with direct interrupt delivery
 * (WARDEN_CELL_DIRECT_IRQ, docs/hypervisor.md): CPU 3 takes its
 * physical interrupts at EL1 without an exit. The same CPU, RAM at
 * 0x7fa00000 and UART as inmate-demo, so only one of the two exists at a
 * time. Used by tests/system/cell-direct-irq.sh and the bench.
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define INMATE_NAME "inmate-direct"
#define INMATE_FLAGS (JAILHOUSE_CELL_PASSIVE_COMMREG | WARDEN_CELL_DIRECT_IRQ)
#include "qemu-virt-inmate-demo.c"
