/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A vector table for the latency probe: the IRQ vector of the current EL
 * stamps PMCCNTR_EL0 as its first work, then continues into the inmate
 * library's handler. Every other vector goes straight to the library's.
 */
	.macro	pass index
	.balign	0x80
	b	inmate_vectors + \index * 0x80
	.endm

	.text
	.balign	0x800
	.globl	latency_vectors
latency_vectors:
	pass	0
	pass	1
	pass	2
	pass	3
	pass	4
	/* Current EL with SP_ELx, IRQ. */
	.balign	0x80
	stp	x0, x1, [sp, #-16]!
	mrs	x0, pmccntr_el0
	adr	x1, latency_vector_stamp
	str	x0, [x1]
	ldp	x0, x1, [sp], #16
	b	inmate_vectors + 5 * 0x80
	.irp	i, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	pass	\i
	.endr

	.data
	.balign	8
	.globl	latency_vector_stamp
latency_vector_stamp:
	.quad	0
