/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cells' virtual consoles (cell_console.c; the policy is
 * hypervisor/core/cell_console.c): cell.c opens one when it creates a
 * cell and closes it when it destroys it.
 */
#ifndef WARDEN_ARCH_CELL_CONSOLE_H
#define WARDEN_ARCH_CELL_CONSOLE_H

#include <stdint.h>

#include <arch/hv.h>

void cell_console_open(unsigned int id, const char *name, int permitted);
void cell_console_close(unsigned int id);
/* PUTC, CONSOLE_WRITE and CONSOLE_READ of a CPU of cell id */
long cell_console_hypercall(struct frame *f, unsigned int id);
/* the root's CONSOLE_INPUT */
long cell_console_send(uint64_t arg1, uint64_t arg2);
/* the root's CONSOLE_MIRROR */
long cell_console_mirror(uint64_t id, uint64_t on);

/*
 * An exception at EL2 (traps.c): releases the slot locks this CPU holds.
 * Returns them as a bit mask, bit id - 1 for cell id.
 */
unsigned int cell_console_locks_release(void);

/* printk.c: printk on the UART alone (a cell's lines) */
void uart_printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
