/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 entry and exit.
 *
 * The driver installs bootstrap_vectors with the hyp stub's HVC_SET_VECTORS
 * and then issues "hvc #0" with x0 = its logical CPU number. That lands
 * here at EL2 with the MMU off, so everything up to el2_virtual is
 * position independent and must not touch memory it has not written. Every
 * register of the caller is saved in the CPU's frame, the EL2 state of
 * Linux' stub next to it; both are restored when the CPU goes back, after
 * a failed entry or on disable, so that Linux continues as if the hvc had
 * only returned a result in x0.
 */
#include <arch/layout.h>
#include <arch/reg_pairs.h>
#include <warden/errno.h>
#include <warden/hv-header.h>

#define SCTLR_M (1 << 0)
#define SCTLR_C (1 << 2)
#define SCTLR_I (1 << 12)
#define SCTLR_WXN (1 << 19)
/* MAIR: index 0 Normal write-back, index 1 Device-nGnRE */
#define MAIR_VALUE 0x04ff
/* T0SZ 16 (48-bit VA), WBWA inner/outer, inner shareable, 4K, RES1 */
#define TCR_VALUE ((16 << 0) | (1 << 8) | (1 << 10) | (3 << 12) | \
		   (1 << 23) | (1 << 31))
/*
 * Bootstrap descriptors, the same attributes as el2_map.c's: normal is
 * AttrIndx 0, inner shareable, access flag, AP[1] (RES1 at EL2); AP[2]
 * read-only; XN execute-never; device is AttrIndx 1. Level-3 pages end
 * in 0b11, level-2 blocks in 0b01.
 */
#define D_NORMAL 0x740
#define D_RO (1 << 7)
#define D_XN (1 << 54)
#define PAGE_RX (D_NORMAL | D_RO | 3)
#define PAGE_R (D_NORMAL | D_RO | D_XN | 3)
#define PAGE_RW (D_NORMAL | D_XN | 3)
#define BLOCK_RW (D_NORMAL | D_XN | 1)
#define PAGE_DEVICE (0x444 | D_XN | 3)

.macro adr_l reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
.endm

.macro vector target, kind
	.align	7
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp]
	mov	x1, #\kind
	b	\target
.endm

/*
 * Entries from EL1/EL0 on a CPU that needs Spectre-v2/BHB hardening
 * (harden.c, core/vec_harden.c), before any branch of the hypervisor
 * that an earlier context could have trained:
 *  - loop: vh_loop taken branches (struct per_cpu, TPIDR_EL2), then a
 *    barrier, so that the branch history holds nothing of the lower EL
 *    (Spectre-BHB);
 *  - fw: the firmware call vh_fid (struct per_cpu; SMCCC_ARCH_WORKAROUND_3
 *    or _1), which preserves all registers but x0-x3.
 * x0-x3 are saved first and x2/x3 restored after. No conditional branch
 * decides whether to mitigate: the choice is the vector table itself.
 */
.macro bhb_loop
	mrs	x1, tpidr_el2
	ldr	w0, [x1, #PER_CPU_VH_LOOP]
	cmp	w0, #0
	cinc	w0, w0, eq		/* at least once, never 2^32 times */
1:	b	2f
2:	subs	w0, w0, #1
	b.ne	1b
	dsb	nsh
	isb
.endm

.macro fw_workaround
	mrs	x1, tpidr_el2
	ldr	w0, [x1, #PER_CPU_VH_FID]
	smc	#0
.endm

.macro vector_hard target, kind, loop, fw
	.align	7
.Lvector_hard\@:
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp]
	stp	x2, x3, [sp, #16]
	.if	\loop
	bhb_loop
	.endif
	.if	\fw
	fw_workaround
	.endif
	.ifc	\target, trap_irq
	/* x0-x3 are in the frame already: on past their save */
	b	trap_irq_x4
	.else
	.ifc	\target, trap_sync
	b	trap_sync_x4
	.else
	ldp	x2, x3, [sp, #16]
	mov	x1, #\kind
	b	\target
	.endif
	.endif
	/* an entry longer than its 128 bytes fails here, not at run time */
	.org	.Lvector_hard\@ + 128
.endm

/* A vector table like hyp_vectors whose lower-EL entries harden. */
.macro vectors_hard name, loop, fw
	.align	11
	.global	\name
\name:
	vector	trap_common, EXC_SYNC_EL2	/* current EL, SP0 */
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_SYNC_EL2	/* current EL, SPx */
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_OTHER_EL2
	vector_hard	trap_sync, EXC_SYNC_LOWER, \loop, \fw
	vector_hard	trap_irq, EXC_IRQ_LOWER, \loop, \fw
	vector_hard	trap_common, EXC_FIQ_LOWER, \loop, \fw
	vector_hard	trap_common, EXC_SERROR_LOWER, \loop, \fw
	vector_hard	trap_common, EXC_OTHER_LOWER, \loop, \fw /* AArch32 */
	vector_hard	trap_common, EXC_OTHER_LOWER, \loop, \fw
	vector_hard	trap_common, EXC_OTHER_LOWER, \loop, \fw
	vector_hard	trap_common, EXC_OTHER_LOWER, \loop, \fw
.endm

.macro spin
	.align	7
	b	.
.endm

	.section .text.vectors, "ax"
	.align	11
	.global	bootstrap_vectors
bootstrap_vectors:
	/* Only "lower EL, AArch64, synchronous" can happen: the hvc. */
	.rept	8
	spin
	.endr
	.align	7
	b	el2_bootstrap
	.rept	7
	spin
	.endr

	.align	11
	.global	hyp_vectors
hyp_vectors:
	vector	trap_common, EXC_SYNC_EL2	/* current EL, SP0 */
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_SYNC_EL2	/* current EL, SPx */
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_common, EXC_OTHER_EL2
	vector	trap_sync, EXC_SYNC_LOWER	/* lower EL, AArch64 */
	.align	7				/* IRQ: no kind needed */
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp]
	b	trap_irq
	vector	trap_common, EXC_FIQ_LOWER
	vector	trap_common, EXC_SERROR_LOWER
	vector	trap_common, EXC_OTHER_LOWER	/* lower EL, AArch32 */
	vector	trap_common, EXC_OTHER_LOWER
	vector	trap_common, EXC_OTHER_LOWER
	vector	trap_common, EXC_OTHER_LOWER

	vectors_hard	hyp_vectors_fw, 0, 1
	vectors_hard	hyp_vectors_loop, 1, 0
	vectors_hard	hyp_vectors_fw_loop, 1, 1

	.text
trap_common:
	reg_pairs	stp, sp, 16, 2, 29
	str	x30, [sp, #240]
	mov	x0, sp
	bl	arch_handle_exception
	mov	x0, sp
	add	sp, sp, #FRAME_SIZE
	b	frame_restore_eret

/*
 * A physical IRQ from EL1/EL0 (HCR_EL2.IMO): only what a C function may
 * clobber is saved, x0-x18 and x30 (x0-x1, or x0-x3 in a hardened table,
 * by the vector, which enters at trap_irq_x4 then), at their places
 * in the frame, and irq_fast() (irq_fast.c) takes the interrupt. It
 * returns 0 when done; otherwise the frame is completed with x19-x29,
 * which irq_fast() preserved, for irq_slow(frame, why): a report of the
 * registers or a parked CPU that restarts from the frame need them all.
 * The interrupted context's x19-x29 are still in their registers on the
 * way out, whatever irq_slow() did, as the AAPCS64 requires of it.
 */
trap_irq:
	stp	x2, x3, [sp, #16]
trap_irq_x4:
	reg_pairs	stp, sp, 32, 4, 17
	str	x18, [sp, #144]
	str	x30, [sp, #240]
	bl	irq_fast
	cbnz	x0, 2f
1:
restore_partial:
	reg_pairs	ldp, sp, 16, 2, 17
	ldr	x18, [sp, #144]
	ldr	x30, [sp, #240]
	ldp	x0, x1, [sp]
	add	sp, sp, #FRAME_SIZE
	eret
2:	reg_pairs	stp, sp, 152, 19, 28
	str	x29, [sp, #232]
	mov	x1, x0
	mov	x0, sp
	bl	irq_slow
	b	1b

/*
 * A synchronous exception from EL1/EL0 (a hypercall, an SMC, a data
 * abort...): the same partial save, and sync_fast() (sync_fast.c) handles
 * what needs no more of the frame; it returns 0 when done. Otherwise it
 * has changed nothing: the frame is completed and arch_handle_exception()
 * handles the exception from the start, with every register restored
 * from the frame after it (a data abort may write x19-x29).
 */
trap_sync:
	stp	x2, x3, [sp, #16]
trap_sync_x4:
	reg_pairs	stp, sp, 32, 4, 17
	str	x18, [sp, #144]
	str	x30, [sp, #240]
	mov	x0, sp
	bl	sync_fast
	cbz	x0, restore_partial
	reg_pairs	stp, sp, 152, 19, 28
	str	x29, [sp, #232]
	mov	x0, sp
	mov	x1, #EXC_SYNC_LOWER
	bl	arch_handle_exception
	mov	x0, sp
	add	sp, sp, #FRAME_SIZE
	b	frame_restore_eret

/* x0: frame. Restores x0..x30 from it and returns to the trapped context. */
frame_restore_eret:
	reg_pairs	ldp, x0, 16, 2, 29
	ldr	x30, [x0, #240]
	ldp	x0, x1, [x0]
	eret

/*
 * void arch_cpu_activate(struct frame *frame): the CPU is set up; go back
 * to the root cell with the frame's registers. SP_EL2 rests above the
 * frame for the next trap.
 */
	.global	arch_cpu_activate
arch_cpu_activate:
	add	sp, x0, #FRAME_SIZE
	b	frame_restore_eret

el2_bootstrap:
	msr	tpidr_el2, x1
	cmp	x0, #HV_MAX_CPUS
	b.hs	bootstrap_bad_cpu
	adr_l	x1, __percpu_start
	add	x1, x1, x0, lsl #PERCPU_SHIFT
	add	x1, x1, #PERCPU_SIZE
	sub	x1, x1, #(PERCPU_SIZE - PERCPU_FRAME_OFF)
	str	x0, [x1]
	reg_pairs	stp, x1, 16, 2, 29
	str	x30, [x1, #240]
	mrs	x2, tpidr_el2
	str	x2, [x1, #8]
	mov	sp, x1

	add	x2, x1, #FRAME_SIZE
	mrs	x3, sctlr_el2
	mrs	x4, tcr_el2
	stp	x3, x4, [x2, #SAVED_SCTLR]
	mrs	x3, mair_el2
	mrs	x4, ttbr0_el2
	stp	x3, x4, [x2, #SAVED_MAIR]
	mrs	x3, hcr_el2
	mrs	x4, vtcr_el2
	stp	x3, x4, [x2, #SAVED_HCR]
	adr_l	x5, hv_header
	mrs	x3, vttbr_el2
	ldr	x4, [x5, #HV_HEADER_STUB_VECTORS]
	stp	x3, x4, [x2, #SAVED_VTTBR]
	stp	x5, x0, [x2, #SAVED_HV_PHYS]

	/*
	 * Hypervisor memory is 2 MiB aligned, and the identity-mapped
	 * trampoline must not share the top 512 GiB with the hypervisor's
	 * own addresses: refuse anything else.
	 */
	tst	x5, #0x1fffff
	b.ne	bootstrap_refuse
	lsr	x6, x5, #39
	cmp	x6, #511
	b.hs	bootstrap_refuse
	bl	build_bootstrap_tables

	adr_l	x6, boot_pt_l0
	ldr	x7, =MAIR_VALUE
	msr	mair_el2, x7
	mrs	x7, id_aa64mmfr0_el1
	and	x7, x7, #0xf
	mov	x8, #5
	cmp	x7, x8
	csel	x7, x8, x7, hi		/* at most 48 bits */
	ldr	x8, =TCR_VALUE
	orr	x8, x8, x7, lsl #16
	msr	tcr_el2, x8
	msr	ttbr0_el2, x6
	dsb	ish
	tlbi	alle2
	dsb	ish
	isb
	b	el2_mmu_on

el2_virtual:
	/* From here on the image runs at its link address. */
	mov	x7, sp
	sub	x7, x7, x5
	ldr	x8, =HV_VIRT_BASE
	add	x7, x7, x8
	mov	sp, x7
	mov	x0, sp
	mov	x1, x5
	bl	hv_cpu_enter
	b	.

bootstrap_bad_cpu:
	adr_l	x1, hv_header
	ldr	x1, [x1, #HV_HEADER_STUB_VECTORS]
	msr	vbar_el2, x1
	mrs	x1, tpidr_el2
	mov	x0, #-EINVAL
	eret

bootstrap_refuse:
	mov	x0, #-EINVAL
	mov	x1, sp
	ldr	x2, [x1, #FRAME_SIZE + SAVED_VBAR]
	msr	vbar_el2, x2
	b	frame_restore_x0

/*
 * The bootstrap tables, W^X from the first instruction with the MMU on
 * (docs/hypervisor.md, "The EL2 address space"), as the final tables
 * that el2_map.c builds once the config is checked:
 *  - the trampoline's page at its physical address, read-only and
 *    executable: el2_mmu_on turns the MMU on there;
 *  - hypervisor memory at HV_VIRT_BASE: its first 2 MiB page by page
 *    (header and text RX, rodata R, the system config R, the rest RW
 *    XN), the rest in 2 MiB blocks RW XN;
 *  - the debug UART's page at its offset in the slot at HV_UART_VIRT,
 *    device memory, XN.
 * Nothing else: the GIC is first touched with the final tables.
 * Every CPU writes the same values, so the order they arrive in does not
 * matter. x5: physical base. Clobbers x6-x17.
 */
build_bootstrap_tables:
	adr_l	x6, boot_pt_l0
	/* the identity map: one page, through three tables of its own */
	adr_l	x7, boot_pt_l1_id
	adr_l	x8, boot_pt_l2_id
	adr_l	x9, boot_pt_l3_id
	adr_l	x10, __tramp_start
	ubfx	x11, x10, #39, #9
	orr	x12, x7, #3
	str	x12, [x6, x11, lsl #3]
	ubfx	x11, x10, #30, #9
	orr	x12, x8, #3
	str	x12, [x7, x11, lsl #3]
	ubfx	x11, x10, #21, #9
	orr	x12, x9, #3
	str	x12, [x8, x11, lsl #3]
	ubfx	x11, x10, #12, #9
	ldr	x13, =PAGE_RX
	orr	x12, x10, x13
	str	x12, [x9, x11, lsl #3]

	/* HV_VIRT_BASE: level-0 slot 511, level-1 slot 511 */
	adr_l	x7, boot_pt_l1_hv
	adr_l	x8, boot_pt_l2_hv
	adr_l	x9, boot_pt_l3_hv
	orr	x12, x7, #3
	str	x12, [x6, #511 * 8]
	orr	x12, x8, #3
	str	x12, [x7, #511 * 8]
	orr	x12, x9, #3
	str	x12, [x8]

	/* the first 2 MiB page by page: x10-x13 bound text, rodata, config */
	adr_l	x10, __text_end
	sub	x10, x10, x5
	adr_l	x11, __rodata_end
	sub	x11, x11, x5
	ldr	x12, [x5, #HV_HEADER_CONFIG_OFFSET]
	ldr	x13, [x5, #HV_HEADER_CONFIG_SIZE]
	add	x13, x13, x12
	add	x13, x13, #0xfff
	bic	x13, x13, #0xfff
	bic	x12, x12, #0xfff
	mov	x14, #0
1:	ldr	x15, =PAGE_RX
	cmp	x14, x10
	b.lo	3f
	ldr	x15, =PAGE_R
	cmp	x14, x11
	b.lo	3f
	cmp	x14, x12
	b.lo	2f
	cmp	x14, x13
	b.lo	3f
2:	ldr	x15, =PAGE_RW
3:	add	x16, x14, x5
	orr	x16, x16, x15
	lsr	x17, x14, #12
	str	x16, [x9, x17, lsl #3]
	add	x14, x14, #0x1000
	cmp	x14, #0x200000
	b.lo	1b

	/* the rest of hypervisor memory: 2 MiB blocks, RW XN */
	ldr	x11, [x5, #HV_HEADER_CONFIG_OFFSET]
	add	x11, x11, x5
	/* the config is packed: 32-bit loads keep MMU-off accesses aligned */
	ldr	w12, [x11, #SYSCFG_HV_SIZE]
	ldr	w14, [x11, #SYSCFG_HV_SIZE + 4]
	orr	x12, x12, x14, lsl #32
	ldr	x14, =0x1fffff
	add	x12, x12, x14
	lsr	x12, x12, #21
	mov	x14, #HV_MAX_BLOCKS
	cmp	x12, x14
	csel	x12, x14, x12, hi
	ldr	x13, =BLOCK_RW
	mov	x14, #1
4:	cmp	x14, x12
	b.hs	5f
	lsl	x15, x14, #21
	add	x15, x15, x5
	orr	x15, x15, x13
	str	x15, [x8, x14, lsl #3]
	add	x14, x14, #1
	b	4b

	/* the debug UART's page, level-2 slot 511 */
5:	ldr	w12, [x11, #SYSCFG_UART_ADDR]
	ldr	w14, [x11, #SYSCFG_UART_ADDR + 4]
	orr	x12, x12, x14, lsl #32
	cbz	x12, 6f
	adr_l	x9, boot_pt_l3_uart
	orr	x13, x9, #3
	str	x13, [x8, #511 * 8]
	ubfx	x13, x12, #12, #9
	and	x12, x12, #0xfffffffff000
	ldr	x14, =PAGE_DEVICE
	orr	x12, x12, x14
	str	x12, [x9, x13, lsl #3]
6:	ret

	.ltorg

/*
 * void arch_cpu_leave(long result, struct frame *frame, u64 frame_pa,
 * u64 tramp_pa): hand the CPU back to Linux' stub. Reads the stub's EL2
 * state through the hypervisor's mapping, then runs on from tramp_pa, the
 * physical alias of el2_leave: the EL2 tables map only the trampoline's
 * pages there, not the frame. el2_leave restores the state, turns the MMU
 * off and returns to the caller of the hvc with x0 = result.
 */
	.global	arch_cpu_leave
arch_cpu_leave:
	/*
	 * The frame was last written through the cache; after the MMU is off
	 * it is read from memory, so clean it there first.
	 */
	mrs	x4, ctr_el0
	ubfx	x4, x4, #16, #4
	mov	x5, #4
	lsl	x4, x5, x4		/* D-cache line size */
	add	x6, x1, #(2 * FRAME_SIZE)
	sub	x7, x4, #1
	bic	x5, x1, x7
1:	dc	civac, x5
	add	x5, x5, x4
	cmp	x5, x6
	b.lo	1b
	dsb	sy

	add	x12, x1, #FRAME_SIZE
	ldp	x4, x5, [x12, #SAVED_SCTLR]
	ldp	x6, x7, [x12, #SAVED_MAIR]
	ldp	x8, x9, [x12, #SAVED_HCR]
	ldp	x10, x11, [x12, #SAVED_VTTBR]
	mov	x1, x2
	br	x3

	.section .text.tramp, "ax"
/*
 * Turns the EL2 MMU on with the bootstrap tables (TTBR0_EL2, TCR, MAIR
 * set): here, because the trampoline's page is the only one mapped at
 * its physical address. WXN from the start: no writable page executes.
 */
el2_mmu_on:
	mrs	x7, sctlr_el2
	ldr	x8, =(SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_WXN)
	orr	x7, x7, x8
	msr	sctlr_el2, x7
	isb
	ldr	x7, =el2_virtual
	br	x7
	.ltorg

/*
 * x0: result, x1: frame's physical address, x4-x11: the stub's SCTLR,
 * TCR, MAIR, TTBR0, HCR, VTCR, VTTBR, VBAR (in that order).
 */
	.global	el2_leave
el2_leave:
	msr	hcr_el2, x8
	msr	vtcr_el2, x9
	msr	vttbr_el2, x10
	msr	vbar_el2, x11
	isb
	msr	sctlr_el2, x4
	isb
	msr	tcr_el2, x5
	msr	mair_el2, x6
	msr	ttbr0_el2, x7
	dsb	ish
	tlbi	alle2
	tlbi	alle1
	dsb	ish
	isb
frame_restore_x0:
	/* x0: result, x1: frame */
	reg_pairs	ldp, x1, 16, 2, 29
	ldr	x30, [x1, #240]
	ldr	x1, [x1, #8]
	eret

	.section .bss.pagetables, "aw", %nobits
	.align	12
boot_pt_l0:	.space	4096
boot_pt_l1_id:	.space	4096
boot_pt_l2_id:	.space	4096
boot_pt_l3_id:	.space	4096
boot_pt_l1_hv:	.space	4096
boot_pt_l2_hv:	.space	4096
boot_pt_l3_hv:	.space	4096
boot_pt_l3_uart:	.space	4096
