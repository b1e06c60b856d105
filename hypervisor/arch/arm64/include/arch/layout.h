/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 address space and per-CPU layout, shared by assembly and C.
 *
 * The image is linked at HV_VIRT_BASE and runs there once the EL2 MMU is
 * on; until then (and while leaving) it runs at its physical address,
 * which only position-independent code in entry.S does. The physical
 * address comes from the system config, so it cannot be a link address.
 */
#ifndef WARDEN_ARCH_LAYOUT_H
#define WARDEN_ARCH_LAYOUT_H

#define HV_VIRT_BASE 0xffffc0000000
/* Last 2 MiB of the hypervisor's 1 GiB: the debug UART's block. */
#define HV_UART_VIRT 0xffffffe00000
/*
 * The GIC distributor's 1 GiB, as device memory, at L1 index 508 of the
 * hypervisor's 512 GiB: the distributor is at HV_GIC_VIRT plus the
 * distributor's offset in its 1 GiB.
 */
#define HV_GIC_VIRT 0xffff00000000
#define HV_GIC_L1_INDEX 508
/* 2 MiB blocks of hypervisor memory the bootstrap tables can map. */
#define HV_MAX_BLOCKS 511

#define HV_MAX_CPUS 8
#define PERCPU_SHIFT 14
#define PERCPU_SIZE (1 << PERCPU_SHIFT)
/*
 * Top of each CPU's block: the saved EL2 state of Linux' stub (256 bytes),
 * below it the register frame of the trapped context (256 bytes), below
 * that the stack. SP_EL2 rests at the saved state while a cell runs, so
 * that a trap pushes its frame at the same place as the entry did.
 */
#define PERCPU_SAVED_OFF (PERCPU_SIZE - 256)
#define PERCPU_FRAME_OFF (PERCPU_SIZE - 512)
#define FRAME_SIZE 256

/* struct el2_saved offsets */
#define SAVED_SCTLR 0
#define SAVED_TCR 8
#define SAVED_MAIR 16
#define SAVED_TTBR0 24
#define SAVED_HCR 32
#define SAVED_VTCR 40
#define SAVED_VTTBR 48
#define SAVED_VBAR 56
#define SAVED_HV_PHYS 64
#define SAVED_CPU 72

/* Where the system config keeps what the bootstrap code needs. */
#define SYSCFG_HV_PHYS 12
#define SYSCFG_HV_SIZE 28
#define SYSCFG_UART_ADDR 44
#define SYSCFG_GICD_BASE 316

/* Exception kinds passed from the vectors to C */
#define EXC_SYNC_EL2 0
#define EXC_OTHER_EL2 1
#define EXC_SYNC_LOWER 2
#define EXC_IRQ_LOWER 3
#define EXC_OTHER_LOWER 4

#define HV_CONSOLE_SIZE 0x4000 /* ring header plus 8 KiB of text */
#define HV_CONSOLE_TEXT 0x2000

#endif
