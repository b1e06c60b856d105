/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding of the exception syndrome (ESR_ELx) into words, shared by the
 * hypervisor's fault reports and `warden decode`. Pure logic: it builds
 * freestanding for EL2 and for the host.
 */
#ifndef WARDEN_ESR_H
#define WARDEN_ESR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ESR_EC(esr) ((unsigned int)(((esr) >> 26) & 0x3f))
#define ESR_IL(esr) ((unsigned int)(((esr) >> 25) & 1))
#define ESR_ISS(esr) ((uint32_t)((esr)&0x1ffffff))

#define ESR_EC_UNKNOWN 0x00
#define ESR_EC_WFX 0x01
#define ESR_EC_HVC64 0x16
#define ESR_EC_SMC64 0x17
#define ESR_EC_SYS64 0x18
#define ESR_EC_IABT_LOW 0x20
#define ESR_EC_IABT_CUR 0x21
#define ESR_EC_DABT_LOW 0x24
#define ESR_EC_DABT_CUR 0x25

enum esr_fault_kind {
	ESR_FAULT_NONE, /* not an abort */
	ESR_FAULT_ADDRESS_SIZE,
	ESR_FAULT_TRANSLATION,
	ESR_FAULT_ACCESS_FLAG,
	ESR_FAULT_PERMISSION,
	ESR_FAULT_EXTERNAL, /* synchronous external abort */
	ESR_FAULT_EXTERNAL_WALK, /* external abort on a table walk */
	ESR_FAULT_PARITY,
	ESR_FAULT_PARITY_WALK,
	ESR_FAULT_ALIGNMENT,
	ESR_FAULT_TLB_CONFLICT,
	ESR_FAULT_TAG_CHECK,
	ESR_FAULT_ATOMIC_HW_UPDATE,
	ESR_FAULT_IMPDEF,
	ESR_FAULT_OTHER,
};

/* An abort's status code (DFSC/IFSC), decoded. */
struct esr_fault {
	enum esr_fault_kind kind;
	const char *name; /* "translation fault", ... */
	int level; /* translation table level -1..3; -2 if none applies */
	unsigned int code; /* the raw 6-bit status */
};

/* A trapped MSR/MRS or system instruction (EC 0x18). */
struct esr_sysreg {
	unsigned int op0, op1, crn, crm, op2;
	unsigned int rt;
	bool read; /* MRS: the guest reads the register */
	const char *name; /* NULL when not in our table */
};

struct esr_info {
	uint64_t esr;
	unsigned int ec;
	const char *ec_name; /* "data abort from a lower exception level" */
	bool il32; /* 32-bit instruction */
	uint32_t iss;

	/* Aborts (EC 0x20/0x21/0x24/0x25). */
	bool is_abort;
	bool is_data;
	bool from_lower_el;
	struct esr_fault fault;
	bool isv; /* access size and register valid */
	bool write; /* WnR */
	unsigned int access_size; /* bytes, when isv */
	unsigned int reg; /* SRT, when isv; 31 means xzr */
	bool sign_extend;
	bool sixty_four; /* SF: 64-bit register */
	bool s1ptw; /* stage-2 fault on a stage-1 table walk */
	bool ea; /* external abort type */
	bool cm; /* cache maintenance instruction */
	bool fnv; /* FAR not valid */

	/* HVC/SMC/SVC immediate. */
	unsigned int imm16;

	/* Trapped system register access. */
	struct esr_sysreg sysreg;

	/* Trapped WFI/WFE: "WFI", "WFE", "WFIT", "WFET". */
	const char *wfx;
};

/* Fills info from a raw ESR_ELx value; every name is a static string. */
void esr_decode(uint64_t esr, struct esr_info *info);

/* The exception class's name, or "reserved exception class" if unknown. */
const char *esr_ec_name(unsigned int ec);
#define esr_class_name esr_ec_name

/* Decodes a 6-bit DFSC/IFSC. */
void esr_fault_decode(unsigned int fsc, struct esr_fault *fault);

/*
 * The architectural name of a system register or instruction, or NULL.
 * Callers write unknown encodings as S<op0>_<op1>_C<crn>_C<crm>_<op2>.
 */
const char *esr_sysreg_name(unsigned int op0, unsigned int op1,
			    unsigned int crn, unsigned int crm,
			    unsigned int op2);

/*
 * One line for a fault report, e.g. "data abort from a lower exception
 * level: write, 4 bytes, register w1, translation fault, level 3".
 * Returns buf.
 */
char *esr_describe(uint64_t esr, char *buf, size_t size);

#endif
