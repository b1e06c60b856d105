/* SPDX-License-Identifier: GPL-2.0 */
/* System register access and barriers at EL2. */
#ifndef WARDEN_ARCH_SYSREG_H
#define WARDEN_ARCH_SYSREG_H

#include <stdint.h>

#define sysreg_read(name)                                   \
	({                                                  \
		uint64_t __v;                               \
		asm volatile("mrs %0, " #name : "=r"(__v)); \
		__v;                                        \
	})

#define sysreg_write(name, v) \
	asm volatile("msr " #name ", %0" : : "r"((uint64_t)(v)) : "memory")

#define isb() asm volatile("isb" : : : "memory")
#define dsb(opt) asm volatile("dsb " #opt : : : "memory")

/* HCR_EL2 */
#define HCR_VM (1ULL << 0)
#define HCR_SWIO (1ULL << 1)
#define HCR_FMO (1ULL << 3)
#define HCR_IMO (1ULL << 4)
#define HCR_AMO (1ULL << 5)
#define HCR_VSE (1ULL << 8)
#define HCR_TSC (1ULL << 19)
/*
 * Bit 20. (Bit 52, where this once stood, is TOCU on a CPU with
 * FEAT_EVT: every IC IALLU, IC IVAU and DC CVAU of Linux then trapped.)
 */
#define HCR_TIDCP (1ULL << 20)
#define HCR_TAC (1ULL << 21)
#define HCR_TLOR (1ULL << 35)
#define HCR_TERR (1ULL << 36)
#define HCR_RW (1ULL << 31)
#define HCR_APK (1ULL << 40)
#define HCR_API (1ULL << 41)

/* Exception classes the traps handle (ESR_EL2[31:26]) */
#define EC_HVC64 0x16
#define EC_SMC64 0x17
#define EC_SYS64 0x18
#define EC_IABT_LOW 0x20
#define EC_DABT_LOW 0x24

#endif
