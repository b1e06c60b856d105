/* SPDX-License-Identifier: GPL-2.0 */
/* The image header the driver checks; layout in include/warden/hv-header.h. */
#include <warden/hv-header.h>

	.section .header, "a"
	.global hv_header
hv_header:
	.ascii	WARDEN_HV_SIGNATURE
	.word	WARDEN_HV_HEADER_VERSION
	.word	0
	.quad	__image_end - hv_header
	.quad	__core_end - hv_header
	.quad	arch_entry - hv_header
