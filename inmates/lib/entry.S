/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inmate entry at offset 0 of the image. The CPU arrives at EL1 with the
 * MMU off; everything here is PC-relative, and the C code is linked for
 * where the image was loaded.
 */
	.section .boot, "ax"
	.globl __inmate_entry
__inmate_entry:
	/*
	 * A bare boot on a machine that starts at EL3 or EL2 (QEMU's
	 * raspi4b with -kernel) drops to non-secure EL1: AArch64 below,
	 * no stage 2, the counters and timers EL1's, no virtual offset.
	 * There all CPUs start here: only CPU 0 goes on. In a cell the
	 * CPU is at EL1.
	 */
	mrs	x0, CurrentEL
	cmp	x0, #(1 << 2)
	b.eq	1f
	mrs	x0, mpidr_el1
	tst	x0, #0xff
	b.ne	park
	mov	x0, #(1 << 31)		/* HCR_EL2.RW */
	msr	hcr_el2, x0
	mov	x0, #3			/* CNTHCTL_EL2.EL1PCTEN, EL1PCEN */
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	mov	x1, #0x3c5		/* EL1h, DAIF masked */
	adr	x2, 1f
	mrs	x0, CurrentEL
	cmp	x0, #(3 << 2)
	b.eq	from_el3
	msr	spsr_el2, x1
	msr	elr_el2, x2
	eret
from_el3:
	mov	x0, #0x501		/* SCR_EL3.NS, HCE, RW */
	msr	scr_el3, x0
	msr	spsr_el3, x1
	msr	elr_el3, x2
	eret
1:
	/* Anything else but EL1 is not supported. */
	mrs	x0, CurrentEL
	cmp	x0, #(1 << 2)
	b.ne	park

	msr	daifset, #0xf
	adr	x0, inmate_vectors
	msr	vbar_el1, x0

	/* FP/SIMD on, so that later code that uses it does not trap. */
	mov	x0, #(3 << 20)
	msr	cpacr_el1, x0
	isb

	adrp	x0, __stack_top
	add	x0, x0, :lo12:__stack_top
	mov	sp, x0

	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:
	mov	x29, #0
	mov	x30, #0
	bl	inmate_setup
park:
	wfe
	b	park

/*
 * Entry of further CPUs (PSCI CPU_ON), x0 = struct smp_boot, whose first
 * field is the stack top. The MMU is off as on the first CPU.
 */
	.text
	.globl __inmate_secondary_entry
__inmate_secondary_entry:
	msr	daifset, #0xf
	adr	x1, inmate_vectors
	msr	vbar_el1, x1
	mov	x1, #(3 << 20)
	msr	cpacr_el1, x1
	isb
	ldr	x1, [x0]
	mov	sp, x1
	mov	x29, #0
	mov	x30, #0
	bl	inmate_secondary_setup
	b	park
