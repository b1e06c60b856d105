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

/*
 * The EL2 address space: everything lies in the top 512 GiB (level-0
 * slot 511) except the trampoline, which is also mapped at its physical
 * address. EL2_LAYOUT lists the areas; what it does not list is unmapped.
 * Attributes (EL2_* below, descriptors in el2_map.c):
 *  - HV: hypervisor memory at HV_VIRT_BASE, up to HV_MAX_BLOCKS 2 MiB
 *    blocks, mapped page by page by section: header and text read-only
 *    and executable, rodata and the system config read-only, everything
 *    else (data, bss, per-CPU stacks, the page pool) read-write, never
 *    executable.
 *  - UART: the debug UART's page, device memory, at its offset in a
 *    2 MiB slot.
 *  - GIC: stands for the distributor's 1 GiB: the distributor's frame
 *    (HV_GICD_MAP_SIZE) and the redistributors of up to 64 CPUs
 *    (HV_GICR_MAP_SIZE, less where the 1 GiB ends) are mapped at their
 *    offset in it, device memory; nothing else of it. With a GICv2:
 *    the distributor's 4 KiB, the CPU interface (GICC, 8 KiB) and the
 *    list registers (GICH, 4 KiB) instead of redistributors.
 *  - WINDOWS: HV_WINDOW_PAGES pages, empty except while the hypervisor
 *    reads root or cell RAM (a config, an instruction) or cleans it from
 *    the caches: then the pages of that access alone, read-only, normal
 *    memory, never executable (el2_window_map()).
 *  - IDMAP: the trampoline's pages at their physical address (VA 0 here:
 *    it is known at run time only), read-only and executable, for the
 *    instructions that turn the MMU off.
 */
#define HV_VIRT_BASE 0xffffc0000000
#define HV_UART_VIRT 0xffffffe00000
#define HV_GIC_VIRT 0xffff00000000
#define HV_GICD_MAP_SIZE 0x10000
#define HV_GICR_MAP_SIZE (64 * 0x20000)
/* GICv2: a 4 KiB GICD, GICC (GICC_DIR at +0x1000) and GICH, no GICRs */
#define HV_GICD_V2_MAP_SIZE 0x1000
#define HV_GICC_MAP_SIZE 0x2000
#define HV_GICH_MAP_SIZE 0x1000
#define HV_WINDOW_VIRT 0xfffe00000000
/* one level-3 table: windows never need a table allocated */
#define HV_WINDOW_PAGES 512
/* 2 MiB blocks of hypervisor memory the bootstrap tables can map. */
#define HV_MAX_BLOCKS 511

#define EL2_RX 1 /* read-only, executable */
#define EL2_R 2 /* read-only, execute-never */
#define EL2_RW 3 /* read-write, execute-never */
#define EL2_DEVICE 4 /* device memory, read-write, execute-never */
#define EL2_BY_SECTION 5 /* RX, R or RW by what the image holds there */
#define EL2_UNMAPPED 6 /* mapped by use (windows) */

/* AREA(name, VA, size, attributes) */
#define EL2_LAYOUT(AREA)                                                \
	AREA(HV, HV_VIRT_BASE, (unsigned long long)HV_MAX_BLOCKS << 21, \
	     EL2_BY_SECTION)                                            \
	AREA(UART, HV_UART_VIRT, 0x200000, EL2_DEVICE)                  \
	AREA(GIC, HV_GIC_VIRT, 0x40000000, EL2_DEVICE)                  \
	AREA(WINDOWS, HV_WINDOW_VIRT, HV_WINDOW_PAGES * 0x1000ULL,      \
	     EL2_UNMAPPED)                                              \
	AREA(IDMAP, 0, 0x1000, EL2_RX)

/*
 * CPU ids 0-63: CPU sets are 64-bit masks. Each CPU costs PERCPU_SIZE of
 * hypervisor memory (stack, trap frame, saved state) plus its struct
 * per_cpu (per_cpu.h; docs/hypervisor.md gives the sum).
 */
#define HV_MAX_CPUS 64
#define PERCPU_SHIFT 13
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

/* struct per_cpu (per_cpu.h) offsets that entry.S reads */
#define PER_CPU_VH_LOOP 192
#define PER_CPU_VH_FID 196

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
#define EXC_FIQ_LOWER 5 /* Group 0, with HCR_EL2.FMO */
#define EXC_SERROR_LOWER 6 /* with HCR_EL2.AMO */

/*
 * The hypervisor's ring (header plus 8 KiB of text) in the first 16 KiB,
 * then the cells' (warden/hv-console.h): 8 of 12 KiB
 */
#define HV_CONSOLE_SIZE 0x1c000
#define HV_CONSOLE_TEXT 0x2000

#endif
