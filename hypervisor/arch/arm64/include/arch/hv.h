/* SPDX-License-Identifier: GPL-2.0 */
/* State and helpers shared by the arm64 hypervisor's C files. */
#ifndef WARDEN_ARCH_HV_H
#define WARDEN_ARCH_HV_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/irqchip.h>
#include <arch/layout.h>
#include <arch/per_cpu.h>
#include <arch/spinlock.h>
#include <arch/sysreg.h>
#include <jailhouse/cell-config.h>
#include <warden/config.h>
#include <warden/hv-header.h>
#include <warden/lifecycle.h>

/* The trapped context's general registers, as entry.S saves them. */
struct frame {
	uint64_t x[31];
	uint64_t pad;
};

/* What entry.S saved of Linux' stub, at PERCPU_SAVED_OFF. */
struct el2_saved {
	uint64_t sctlr, tcr, mair, ttbr0, hcr, vtcr, vttbr, vbar;
	uint64_t hv_phys, cpu;
};

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

extern struct warden_hv_header hv_header;
extern char __percpu_start[], __core_end[], __image_start[];
extern char hv_console[];
extern char el2_leave[];
extern char hyp_vectors[];

extern uint64_t hv_phys;
extern spinlock_t hv_lock;
/* The lifecycle's view of per_cpu_data[] and the cells (cell_registry.c). */
extern struct lifecycle hv_lc;
extern const struct jailhouse_system *sys_config;
extern struct warden_config root_config;
extern uint64_t root_cpu_set;
extern uint64_t pool_pages, pool_used;

static inline uint64_t hv_virt_to_phys(const void *p)
{
	return (uint64_t)p - HV_VIRT_BASE + hv_phys;
}

/* A CPU's state, for readers outside the lifecycle (no lock needed). */
static inline enum cpu_state cpu_state(unsigned int cpu)
{
	return READ_ONCE(per_cpu(cpu)->lc.state);
}

static inline struct el2_saved *cpu_saved(unsigned int cpu)
{
	return (struct el2_saved *)(__percpu_start + cpu * PERCPU_SIZE +
				    PERCPU_SAVED_OFF);
}

static inline unsigned int this_cpu(void)
{
	return this_per_cpu()->cpu;
}

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * A report a guest can cause at will (a refused route, a CPU_ON of a CPU
 * not its own, an interrupt lost): the first PRINTK_LIMIT of CPU cpu's
 * run, then one line saying that further ones are not reported. The
 * console is shared, and printk waits for the UART.
 */
#define PRINTK_LIMIT 16
void printk_limited(unsigned int cpu, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void console_init(uint64_t uart_phys, uint16_t type);
/* One character to the console: a cell's or the root's PUTC hypercall */
void console_putc(char c);
/*
 * After an exception at EL2 cut a line short (print_lock released by the
 * recovery): the ring's sequence even again, so that readers stop
 * waiting for the line's end.
 */
void console_ring_line_end(void);
/* The console's lock (printk.c) */
extern spinlock_t print_lock;

void *memset(void *s, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

uint64_t timer_now_us(void);

void arch_cpu_activate(struct frame *frame) __attribute__((noreturn));
void arch_cpu_leave(long result, struct frame *frame, uint64_t frame_pa,
		    uint64_t tramp_pa) __attribute__((noreturn));
/* Returns the CPU to Linux' stub with result in x0; never returns. */
void cpu_leave(struct frame *frame, long result) __attribute__((noreturn));

#endif
