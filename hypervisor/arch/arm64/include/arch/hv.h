/* SPDX-License-Identifier: GPL-2.0 */
/* State and helpers shared by the arm64 hypervisor's C files. */
#ifndef WARDEN_ARCH_HV_H
#define WARDEN_ARCH_HV_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/irqchip.h>
#include <arch/layout.h>
#include <arch/per_cpu.h>
#include <arch/sysreg.h>
#include <jailhouse/cell-config.h>
#include <warden/config.h>
#include <warden/hv-header.h>

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

typedef volatile uint32_t spinlock_t;

/*
 * A held lock holds its owner: LOCK_HELD | CPU number (never 0, also
 * before hv_cpu_enter() wrote the CPU number into its struct per_cpu), so
 * that an unexpected exception at EL2 can release the locks its CPU holds
 * (el2_locks_release(), traps.c).
 */
#define LOCK_HELD 0x80000000U
static inline uint32_t lock_owner_value(void)
{
	return LOCK_HELD | (this_per_cpu()->cpu & 0xffff);
}

static inline void spin_lock(spinlock_t *lock)
{
	uint32_t tmp;

	asm volatile("	sevl\n"
		     "1:	wfe\n"
		     "2:	ldaxr	%w0, [%1]\n"
		     "	cbnz	%w0, 1b\n"
		     "	stxr	%w0, %w2, [%1]\n"
		     "	cbnz	%w0, 2b\n"
		     : "=&r"(tmp)
		     : "r"(lock), "r"(lock_owner_value())
		     : "memory");
}

static inline void spin_unlock(spinlock_t *lock)
{
	asm volatile("stlr wzr, [%0]" : : "r"(lock) : "memory");
}

extern struct warden_hv_header hv_header;
extern char __percpu_start[], __core_end[], __image_start[];
extern char hv_console[];
extern char el2_leave[];
extern char hyp_vectors[];

extern uint64_t hv_phys;
extern spinlock_t hv_lock;
extern const struct jailhouse_system *sys_config;
extern struct warden_config root_config;
extern uint64_t root_cpu_set;
extern uint64_t pool_pages, pool_used;

static inline uint64_t hv_virt_to_phys(const void *p)
{
	return (uint64_t)p - HV_VIRT_BASE + hv_phys;
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
void console_init(uint64_t uart_phys, uint16_t type);

void *memset(void *s, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

uint64_t timer_now_us(void);

void arch_cpu_activate(struct frame *frame) __attribute__((noreturn));
void arch_cpu_leave(long result, struct frame *frame, uint64_t frame_pa,
		    uint64_t tramp_pa) __attribute__((noreturn));
/* Returns the CPU to Linux' stub with result in x0; never returns. */
void cpu_leave(struct frame *frame, long result) __attribute__((noreturn));

int stage2_build_root(void);
struct pgtable;
/* GICv2: GICV mapped at the GICC address into pt (no-op on GICv3) */
int stage2_map_gicv(struct pgtable *pt);

/*
 * The EL2 tables (el2_map.c): built once the system config is checked,
 * switched to by every CPU, then read back and reported.
 */
int el2_map_build(void);
void el2_map_switch(void);
int el2_map_selfcheck(void);
int el2_map_audit(const char *which);
/*
 * A window onto [pa, pa + size) of root or cell RAM: read-only, normal
 * memory, never executable; NULL (with the reason printed) if pa is in
 * hypervisor memory or no window pages are free. The caller checks that
 * it is RAM. Unmapped, and the TLBs invalidated, by el2_window_unmap with
 * the same size.
 */
const void *el2_window_map(uint64_t pa, uint64_t size);
void el2_window_unmap(const void *p, uint64_t size);
/* The same, writable (never executable): for scrubbing a cell's memory. */
void *el2_window_map_rw(uint64_t pa, uint64_t size);
/* Window pages valid in the EL2 tables now */
/* After an exception at EL2: the window cpu had mapped, if any. */
void el2_window_release(unsigned int cpu);
unsigned int el2_windows_mapped(void);

/* A trapped access: what the data abort's syndrome says. */
struct mmio_access {
	uint64_t addr; /* IPA */
	uint64_t value; /* written, or to be read */
	unsigned int size; /* bytes */
	int is_write;
};

void mmio_handle_dabt(struct frame *frame, unsigned int cpu);
/* A data abort without syndrome at ipa: 0 emulated, -1 no device there */
int mmio_emulate_insn(struct frame *frame, unsigned int cpu, uint64_t ipa);
/* Whether ipa is in a device the hypervisor emulates; its name or NULL */
int mmio_is_emulated(uint64_t ipa);
const char *mmio_emulated_name(uint64_t ipa);
/*
 * A table walk, fetch or external abort on an emulated device: injected
 * into the cell as a synchronous external abort (abort_inject.c). Returns
 * 1 if it was, 0 if the abort is to be handled (or reported) otherwise.
 */
int abort_inject_emulated(unsigned int cpu);
int gicd_init(void);
/* The distributor's frame: 64 KiB on GICv3, 4 KiB on GICv2 */
uint64_t gicd_frame_size(void);
void gicr_init(void);
uint64_t gicr_region_size(void);
/* The CPU starts anew: its refused-write warnings count from zero. */
void gicr_warnings_reset(unsigned int cpu);
int gicr_mmio(struct mmio_access *a, unsigned int cpu);
struct gicr_verdict;
/*
 * A refused write to an SGI's or PPI's register (a redistributor's, or
 * bank 0 of a GICv2 distributor) of CPU frame_cpu, on the console: at
 * most a few lines per CPU and start of its cell.
 */
void gic_report_refused(unsigned int cpu, unsigned int frame_cpu,
			const struct gicr_verdict *v, uint64_t value,
			uint64_t refused);
/* Returns 1 if addr lies in the distributor and the access was handled. */
int gicd_mmio(struct mmio_access *a, unsigned int cpu);
void park_failed(struct frame *f, unsigned int cpu, const char *what)
	__attribute__((noreturn));
uint64_t stage2_vttbr(void);
uint64_t stage2_vtcr(void);
/*
 * Changes to the root's stage 2 while the root runs (cells take and give
 * back memory): break-before-make, under a lock that the fault path below
 * waits for.
 */
int stage2_root_map(uint64_t ipa, uint64_t size, uint64_t attrs,
		    unsigned int flags);
int stage2_root_unmap(uint64_t ipa, uint64_t size);
void stage2_root_collapse(uint64_t ipa, uint64_t size);
/*
 * Whether a stage-2 abort of a root CPU hit an entry that was invalid only
 * while it was being replaced: 1 if the address translates again, and the
 * CPU is to retry the access; 0 if it is a fault to handle or report.
 */
int stage2_root_fault_retry(unsigned int cpu);

long hypercall(struct frame *frame, unsigned int cpu);
/* CPU_GET_INFO, for the root and the cells (GET_INFO: cell.h) */
long hypercall_cpu_info(uint64_t target, uint64_t type);
/*
 * Runs fn(f, cpu) for the root with a recovery point: an exception at
 * EL2 inside it ends it with -EFAULT instead of stopping the CPU (traps.c).
 */
long el2_recoverable(struct frame *f, unsigned int cpu,
		     long (*fn)(struct frame *f, unsigned int cpu));
/* fn does not return (the CPU leaves): its recovery point is void. */
void el2_recover_cancel(unsigned int cpu);
void psci_handle(struct frame *frame, unsigned int cpu);
/* A Warden hypercall, a trapped SMC: counted and handled (traps.c) */
void hypercall_enter(struct frame *f, struct per_cpu *pc);
void smc_enter(struct frame *f, struct per_cpu *pc);
/* The SMCCC service a function id belongs to ("SiP", "OEM", ...). */
const char *smc_service(uint64_t fid);
/* Whether fid is seen for the first time: refusals are logged once each. */
bool smc_first_time(uint64_t fid);
void cpu_park_loop(unsigned int cpu) __attribute__((noreturn));
/*
 * PSCI CPU_OFF of the calling CPU: off (CPU_OFF), or parked for good if a
 * management call asked it to stop meanwhile (the stop is not lost).
 */
void cpu_off_park(unsigned int cpu) __attribute__((noreturn));
/* PSCI CPU_ON of target and AFFINITY_INFO, with hv_lock held */
long psci_cpu_on_locked(unsigned int target, uint64_t entry, uint64_t context);
long psci_affinity_locked(unsigned int target);
void fault_report(struct frame *frame, unsigned int cpu, const char *what);
/* For a stage-2 abort at ipa: nearest region and owner (fault_place.c) */
void fault_report_where(unsigned int cpu, uint64_t ipa);

#endif
