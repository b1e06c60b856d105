/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inmate layout, linked at INMATE_BASE: 0 for the cell image, QEMU virt's
 * RAM for the bare one. Entry code at +0, the vectors fill the rest of the
 * first page, the parameter buffer sits at +0x1000 (Jailhouse's
 * convention) and belongs to no segment, so the bare ELF leaves it to
 * whatever QEMU loads there. bss and stack follow the image; all of it
 * must fit the 64 KiB RAM region of the usual inmate cell configs.
 */
#define INMATE_SIZE_MAX 0x10000
/*
 * As Jailhouse's: the deepest path (printk in an IRQ handler that
 * interrupted printk) needs under 2 KiB (gcc -fstack-usage).
 */
#define STACK_SIZE 0x1000

OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(__inmate_entry)

PHDRS
{
	boot PT_LOAD FLAGS(5);
	image PT_LOAD FLAGS(7);
}

SECTIONS
{
	. = INMATE_BASE;
	__inmate_start = .;
	.boot : {
		KEEP(*(.boot))
		. = ALIGN(0x800);
		KEEP(*(.vectors))
	} :boot

	. = INMATE_BASE + 0x1000;
	.cmdline (NOLOAD) : {
		cmdline_buffer = .;
		. += 0x100;
	} :NONE

	.text : { *(.text .text.*) } :image
	.rodata : {
		*(.rodata .rodata.*)
		. = ALIGN(8);
		inmate_bare_build = .;
		QUAD(INMATE_BARE)
	}
	.data : { *(.data .data.*) }

	.bss (NOLOAD) : {
		. = ALIGN(16);
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	.stack (NOLOAD) : {
		. = ALIGN(16);
		. += STACK_SIZE;
		__stack_top = .;
	}
	__inmate_end = .;

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}

ASSERT(__inmate_end - INMATE_BASE <= INMATE_SIZE_MAX,
       "inmate with bss and stack exceeds 64 KiB")
ASSERT(SIZEOF(.boot) <= 0x1000, ".boot and vectors exceed the first page")
