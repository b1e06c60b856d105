/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A recovery point for hypercalls (traps.c): hv_recover_set saves the
 * callee-saved registers, the stack pointer and the return address and
 * returns 0; hv_recover_jump, called from the handler of an unexpected
 * exception at EL2 further down the same stack, returns from that
 * hv_recover_set once more with the given value (never 0).
 */
	.text
	.global	hv_recover_set
hv_recover_set:
	stp	x19, x20, [x0, #0]
	stp	x21, x22, [x0, #16]
	stp	x23, x24, [x0, #32]
	stp	x25, x26, [x0, #48]
	stp	x27, x28, [x0, #64]
	stp	x29, x30, [x0, #80]
	mov	x2, sp
	str	x2, [x0, #96]
	mov	x0, #0
	ret

	.global	hv_recover_jump
hv_recover_jump:
	ldp	x19, x20, [x0, #0]
	ldp	x21, x22, [x0, #16]
	ldp	x23, x24, [x0, #32]
	ldp	x25, x26, [x0, #48]
	ldp	x27, x28, [x0, #64]
	ldp	x29, x30, [x0, #80]
	ldr	x2, [x0, #96]
	mov	sp, x2
	cmp	x1, #0
	csinc	x0, x1, xzr, ne
	ret
