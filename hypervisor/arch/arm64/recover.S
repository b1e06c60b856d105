/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A recovery point for hypercalls (recover.c): hv_recover_set saves the
 * callee-saved registers, the stack pointer and the return address and
 * returns 0; hv_recover_jump, called from the handler of an unexpected
 * exception at EL2 further down the same stack, returns from that
 * hv_recover_set once more with the given value (never 0).
 */
#include <arch/reg_pairs.h>

	.text
	.global	hv_recover_set
hv_recover_set:
	reg_pairs	stp, x0, 0, 19, 30
	mov	x2, sp
	str	x2, [x0, #96]
	mov	x0, #0
	ret

	.global	hv_recover_jump
hv_recover_jump:
	reg_pairs	ldp, x0, 0, 19, 30
	ldr	x2, [x0, #96]
	mov	sp, x2
	cmp	x1, #0
	csinc	x0, x1, xzr, ne
	ret
