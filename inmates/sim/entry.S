/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cell-sim entry at EL2 (QEMU virt with virtualization=on starts an ELF
 * there) and its EL2 vectors. Only exceptions from the cell (lower EL,
 * AArch64) are expected; each saves x0-x30 and calls sim_trap(regs).
 */
	.section .boot, "ax"
	.globl	sim_entry
sim_entry:
	msr	daifset, #0xf
	adr	x0, sim_vectors
	msr	vbar_el2, x0
	adrp	x0, sim_stack_top
	add	x0, x0, :lo12:sim_stack_top
	mov	sp, x0
	bl	sim_main
1:	wfe
	b	1b

	.macro	vpark
	.balign	0x80
	b	sim_unexpected
	.endm

	.macro	vtrap
	.balign	0x80
	b	sim_lower_sync
	.endm

	.balign	0x800
sim_vectors:
	.rept	8
	vpark
	.endr
	vtrap		/* lower EL AArch64, synchronous */
	.rept	7
	vpark
	.endr

sim_lower_sync:
	sub	sp, sp, #256
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	mov	x0, sp
	bl	sim_trap
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	ldr	x30, [sp, #240]
	add	sp, sp, #256
	eret

sim_unexpected:
	bl	sim_fatal
2:	wfe
	b	2b
