/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic timer: the virtual counter and the EL1 virtual timer (PPI
 * 27), which every hypervisor lets a guest use directly.
 */
#ifndef INMATE_TIMER_H
#define INMATE_TIMER_H

#include <stdint.h>

#define TIMER_VIRT_IRQ 27

/*
 * Without overflow for any tick count: the whole seconds and the rest are
 * scaled apart (freq < 2^32, so rest * 1e9 fits in 64 bits).
 */
static inline uint64_t timer_ticks_to_ns_freq(uint64_t ticks, uint64_t freq)
{
	return ticks / freq * 1000000000ULL +
	       ticks % freq * 1000000000ULL / freq;
}

static inline uint64_t timer_ns_to_ticks_freq(uint64_t ns, uint64_t freq)
{
	return ns / 1000000000ULL * freq +
	       ns % 1000000000ULL * freq / 1000000000ULL;
}

uint64_t timer_get_frequency(void);
uint64_t timer_get_ticks(void);
uint64_t timer_ticks_to_ns(uint64_t ticks);
uint64_t timer_ns_to_ticks(uint64_t ns);
/* Fires (PPI 27 pending) once the virtual counter reaches deadline. */
void timer_arm_at(uint64_t deadline);
void timer_stop(void);
void delay_us(uint64_t us);

#endif
