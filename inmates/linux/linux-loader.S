/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Linux loader: the first code of a Linux cell, loaded by "warden cell
 * linux" at the cell's reset address. It enters the kernel as the arm64
 * boot protocol asks (Documentation/arch/arm64/booting.rst): x0 = the
 * DTB's address, x1-x3 = 0, MMU and D-cache off, interrupts masked (as
 * the hypervisor starts the CPU). The tool fills in the two addresses
 * after the "WDNLXLDR" mark; the code is position independent.
 */
	.section .text
	.global _start
_start:
	msr	daifset, #0xf
	mrs	x6, sctlr_el1
	bic	x6, x6, #1		/* M: MMU off */
	bic	x6, x6, #4		/* C: D-cache off */
	msr	sctlr_el1, x6
	isb
	adr	x4, params
	ldr	x0, [x4, #8]		/* the DTB */
	ldr	x5, [x4, #16]		/* the kernel's first instruction */
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x5

	.balign 16
params:
	.ascii	"WDNLXLDR"
	.quad	0			/* DTB address */
	.quad	0			/* kernel address */
