/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding of the AArch64 loads and stores that a data abort may report
 * without an instruction syndrome (ESR ISV=0): pre- and post-indexed
 * (writeback) forms and register pairs. The hypervisor reads the faulting
 * instruction from guest memory and emulates it with this, instead of
 * giving up as Jailhouse does. Pure logic, host-tested.
 */
#ifndef WARDEN_INSN_H
#define WARDEN_INSN_H

#include <stdbool.h>
#include <stdint.h>

/* Register number 31 as a base means SP; as a data register, XZR/WZR. */
#define INSN_REG_SP_OR_ZR 31

enum insn_addressing {
	INSN_ADDR_OFFSET, /* [Xn, #imm], no writeback */
	INSN_ADDR_PRE_INDEX, /* [Xn, #imm]!: address Xn + imm, Xn updated */
	INSN_ADDR_POST_INDEX, /* [Xn], #imm: address Xn, then Xn += imm */
	INSN_ADDR_REG_OFFSET, /* [Xn, Xm{, extend/shift}] */
};

struct insn_ldst {
	bool load;
	bool pair; /* LDP/STP/LDPSW: two registers */
	unsigned int size; /* bytes per register access: 1, 2, 4, 8 */
	bool sign_extend; /* LDRS*, LDPSW */
	bool dest_64; /* loads: the destination is an X register */
	unsigned int rt, rt2; /* rt2 only for pairs */
	unsigned int rn; /* base register, 31 = SP */
	enum insn_addressing addressing;
	int64_t offset; /* immediate, already scaled */
	unsigned int rm; /* register offset forms */
	unsigned int extend; /* option field of the register forms */
	unsigned int shift; /* 0 or log2(size) for the register forms */
};

enum insn_decode_status {
	INSN_OK = 0,
	INSN_NOT_LDST, /* not a load or store at all */
	INSN_SIMD_FP, /* SIMD/FP register transfer: not emulated */
	INSN_EXCLUSIVE, /* exclusive, acquire/release or atomic */
	INSN_UNSUPPORTED, /* a load/store form we do not emulate */
	INSN_UNALLOCATED, /* an unallocated encoding */
};

/* Decodes insn; fills *out only when returning INSN_OK. */
enum insn_decode_status insn_decode_ldst(uint32_t insn, struct insn_ldst *out);

/* A short description of a status ("SIMD/FP load or store", ...). */
const char *insn_status_name(enum insn_decode_status status);

/*
 * The address of the first access and the base register's value after
 * the instruction, given the base's value before it. For the register
 * offset form, index is Xm's value (ignored otherwise).
 */
void insn_ldst_address(const struct insn_ldst *in, uint64_t base,
		       uint64_t index, uint64_t *address, uint64_t *new_base);

/*
 * The value a load writes to its destination register, from the raw
 * little-endian bytes that were read (size bytes, zero-extended in raw).
 */
uint64_t insn_load_value(const struct insn_ldst *in, uint64_t raw);

#endif
