/* SPDX-License-Identifier: GPL-2.0 */
/* Zeroing a cell's memory before the root gets it back (mem_scrub.c). */
#ifndef WARDEN_ARCH_MEM_SCRUB_H
#define WARDEN_ARCH_MEM_SCRUB_H

#include <stdint.h>

/*
 * Zeroes [pa, pa + size) (8-byte aligned) in memory, past the caches.
 * Returns the bytes done: less than size if no EL2 window was free.
 */
uint64_t mem_scrub(uint64_t pa, uint64_t size);

#endif
