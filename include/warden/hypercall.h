/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The hypercall ABI, Jailhouse's numbers: `hvc #WARDEN_HVC_IMM` with the
 * code in x0 and the arguments in x1 and x2; the result (>= 0, or a
 * negative errno) comes back in x0. The one definition, for the
 * hypervisor (hypercall.c, cell.c, traps.c), the driver, the warden CLI,
 * the inmate library and the bench inmates: nothing else spells these
 * numbers (system tests' shell scripts pass them as text).
 */
#ifndef WARDEN_HYPERCALL_H
#define WARDEN_HYPERCALL_H

/* the HVC immediate of a hypercall ('JH') */
#define WARDEN_HVC_IMM 0x4a48

/*
 * Linux' hyp stub (hvc #0, arch/arm64/include/asm/virt.h), which enable
 * uses and the hypervisor imitates for calls it refuses: x0 =
 * HVC_SET_VECTORS installs the vector table at x1; then the driver's
 * "hvc #0" with x0 = the CPU number enters the hypervisor through it.
 */
#define WARDEN_STUB_HVC_SET_VECTORS 0
#define WARDEN_STUB_HVC_ERR 0xbadca11 /* the stub's "unknown call" */

/*
 * codes (x0); a non-root cell may call only GET_INFO, CPU_GET_INFO, PUTC,
 * CONSOLE_WRITE and CONSOLE_READ
 */
#define WARDEN_HC_DISABLE 0
#define WARDEN_HC_CELL_CREATE 1 /* x1: config's IPA in the root */
#define WARDEN_HC_CELL_START 2 /* x1: cell id */
#define WARDEN_HC_CELL_SET_LOADABLE 3 /* x1: cell id */
#define WARDEN_HC_CELL_DESTROY 4 /* x1: cell id */
#define WARDEN_HC_HYPERVISOR_GET_INFO 5 /* x1: WARDEN_INFO_* */
#define WARDEN_HC_CELL_GET_STATE 6 /* x1: cell id; WARDEN_CELL_* result */
#define WARDEN_HC_CPU_GET_INFO 7 /* x1: CPU, x2: WARDEN_CPU_INFO_* */
#define WARDEN_HC_DEBUG_CONSOLE_PUTC 8 /* x1: the character */
/*
 * Warden's own: a cell's virtual console (docs/cells.md), numbered apart
 * from Jailhouse's. Up to 8 bytes travel in one register, byte 0 in bits
 * 0-7. A cell needs JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED.
 */
/* cell: x1 the bytes, x2 their count (1-8) | flags; result: the count */
#define WARDEN_HC_CONSOLE_WRITE 0x100
#define WARDEN_CONSOLE_RING_ONLY 0x100 /* x2 flag: not on the hv console */
/* cell: result the count of input bytes (0-8), the bytes in x1 */
#define WARDEN_HC_CONSOLE_READ 0x101
/*
 * root: x1 the cell id | count (1-8) << 32, x2 the bytes; result: how
 * many the cell's input FIFO took (0: full, try again later)
 */
#define WARDEN_HC_CONSOLE_INPUT 0x102
/*
 * root: x1 the cell id, x2 1 or 0: the cell's lines on the UART or not
 * (an interactive session shows them itself); on again at each create
 */
#define WARDEN_HC_CONSOLE_MIRROR 0x103

/* HYPERVISOR_GET_INFO: what x1 asks for */
#define WARDEN_INFO_MEM_POOL_SIZE 0 /* pages */
#define WARDEN_INFO_MEM_POOL_USED 1
#define WARDEN_INFO_REMAP_POOL_SIZE 2 /* always 0: no remap pool */
#define WARDEN_INFO_REMAP_POOL_USED 3
#define WARDEN_INFO_NUM_CELLS 4 /* the root included */

/* CPU_GET_INFO: x2 is the state, or statistic n at WARDEN_CPU_INFO_STAT + n */
#define WARDEN_CPU_INFO_STATE 0
/*
 * Warden's own: 1 while the CPU is off or parked in the hypervisor, 0 while
 * it runs. Linux gives up waiting for a CPU it takes offline after 100 ms
 * (and says "may not have shut down cleanly"); the driver waits here longer
 * before it hands the CPU to a cell.
 */
#define WARDEN_CPU_INFO_OFF 1
#define WARDEN_CPU_INFO_STAT 1000
/* ... and the state it returns */
#define WARDEN_CPU_INFO_RUNNING 0
#define WARDEN_CPU_INFO_FAILED 2

#endif
