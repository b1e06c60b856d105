/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device register access of the size a trapped access had (1, 2, 4 or 8
 * bytes), so that the emulation passes it on to the GIC unchanged.
 */
#ifndef WARDEN_ARCH_IO_H
#define WARDEN_ARCH_IO_H

#include <stdint.h>

static inline uint64_t io_read(const volatile void *p, unsigned int size)
{
	switch (size) {
	case 1:
		return *(const volatile uint8_t *)p;
	case 2:
		return *(const volatile uint16_t *)p;
	case 4:
		return *(const volatile uint32_t *)p;
	default:
		return *(const volatile uint64_t *)p;
	}
}

static inline void io_write(volatile void *p, unsigned int size, uint64_t v)
{
	switch (size) {
	case 1:
		*(volatile uint8_t *)p = v;
		break;
	case 2:
		*(volatile uint16_t *)p = v;
		break;
	case 4:
		*(volatile uint32_t *)p = v;
		break;
	default:
		*(volatile uint64_t *)p = v;
		break;
	}
}

#endif
