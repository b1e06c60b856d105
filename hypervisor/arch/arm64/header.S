/* SPDX-License-Identifier: GPL-2.0 */
/* The image header the driver checks; layout in include/warden/hv-header.h. */
#include <arch/layout.h>
#include <warden/hv-header.h>

	.section .header, "a"
	.global hv_header
hv_header:
	.ascii	WARDEN_HV_SIGNATURE
	.word	WARDEN_HV_HEADER_VERSION
	.word	HV_MAX_CPUS
	.quad	__image_end - hv_header
	.quad	__core_end - hv_header
	.quad	bootstrap_vectors - hv_header
	.quad	hv_console - hv_header
	.quad	HV_CONSOLE_SIZE
	/* driver-filled: config_offset, config_size, stub_vectors */
	.quad	0, 0, 0
	/* online_cpus, reserved */
	.word	0, 0
