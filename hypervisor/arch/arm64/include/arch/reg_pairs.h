/* SPDX-License-Identifier: GPL-2.0 */
/*
 * reg_pairs OP, BASE, OFF, FIRST, LAST: OP (stp or ldp) x<FIRST> up to
 * x<LAST>, two at a time, at [BASE, #OFF] upwards, 16 bytes a pair. One
 * shape for every register block the hypervisor saves and restores: the
 * trap frame in entry.S and the recovery point in recover.S.
 */
#ifndef ARCH_REG_PAIRS_H
#define ARCH_REG_PAIRS_H

#ifdef __ASSEMBLER__
/* clang-format off */
/* .altmacro only to compute the next numbers; the instruction is plain. */
.macro reg_pairs op, base, off, first, last
	.altmacro
	reg_pairs_from \op, \base, %(\off), %(\first), %(\first + 1), \last
	.noaltmacro
.endm

.macro reg_pairs_from op, base, off, a, b, last
	.noaltmacro
	\op	x\a, x\b, [\base, #\off]
	.altmacro
	.if \b < \last
	reg_pairs_from \op, \base, %(\off + 16), %(\a + 2), %(\b + 2), \last
	.endif
.endm
/* clang-format on */
#endif

#endif
