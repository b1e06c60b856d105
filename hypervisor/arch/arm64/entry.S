/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EL2 entry. The driver calls this on every CPU once the image is in place.
 * The hypervisor proper is not there yet: refuse with -ENOSYS so that the
 * caller leaves Linux as it was.
 */
#define ENOSYS 38

	.text
	.global arch_entry
	.type	arch_entry, %function
arch_entry:
	mov	x0, #-ENOSYS
	ret
	.size	arch_entry, . - arch_entry
