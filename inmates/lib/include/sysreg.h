/* SPDX-License-Identifier: GPL-2.0 */
/* System register and barrier access for the inmate library (arm64). */
#ifndef INMATE_SYSREG_H
#define INMATE_SYSREG_H

#include <stdint.h>

#define read_sysreg(reg)                                     \
	({                                                   \
		uint64_t __val;                              \
		asm volatile("mrs %0, " #reg : "=r"(__val)); \
		__val;                                       \
	})

#define write_sysreg(val, reg) \
	asm volatile("msr " #reg ", %0" : : "r"((uint64_t)(val)) : "memory")

#define isb() asm volatile("isb" : : : "memory")
#define dsb(opt) asm volatile("dsb " #opt : : : "memory")
#ifdef __aarch64__
#define dmb(opt) asm volatile("dmb " #opt : : : "memory")
#else
/* Host unit tests build the portable parts, comm.c included. */
#define dmb(opt) __atomic_thread_fence(__ATOMIC_SEQ_CST)
#endif

/* GICv3 CPU interface registers by encoding, so any assembler takes them. */
#define ICC_IAR1_EL1 S3_0_C12_C12_0
#define ICC_EOIR1_EL1 S3_0_C12_C12_1
#define ICC_PMR_EL1 S3_0_C4_C6_0
#define ICC_BPR1_EL1 S3_0_C12_C12_3
#define ICC_CTLR_EL1 S3_0_C12_C12_4
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_SGI1R_EL1 S3_0_C12_C11_5
#define ICC_ASGI1R_EL1 S3_0_C12_C11_6
#define ICC_SGI0R_EL1 S3_0_C12_C11_7

/* Expands the register name first, so the encodings above work. */
#define read_sysreg_s(reg) __read_sysreg_s(reg)
#define __read_sysreg_s(reg) read_sysreg(reg)
#define write_sysreg_s(val, reg) __write_sysreg_s(val, reg)
#define __write_sysreg_s(val, reg) write_sysreg(val, reg)

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

#endif
