/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Taking typed values from a libFuzzer input, front to back; past its end
 * every value is zero, so that short inputs are still whole test cases.
 * A failed invariant aborts with a message, which libFuzzer reports as a
 * crash and saves the input.
 */
#ifndef WARDEN_FUZZ_INPUT_H
#define WARDEN_FUZZ_INPUT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fuzz_input {
	const uint8_t *p;
	size_t n;
};

static inline uint64_t fuzz_take(struct fuzz_input *in, unsigned int bytes)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < bytes && in->n; i++, in->p++, in->n--)
		v |= (uint64_t)*in->p << (8 * i);
	return v;
}

#define fuzz_u8(in) ((uint8_t)fuzz_take(in, 1))
#define fuzz_u16(in) ((uint16_t)fuzz_take(in, 2))
#define fuzz_u32(in) ((uint32_t)fuzz_take(in, 4))
#define fuzz_u64(in) fuzz_take(in, 8)

/*
 * A copy of a piece of the input in a buffer of its exact size (one byte
 * for an empty piece): the code under test must not depend on the
 * input's alignment, and ASan catches any read past the piece's end.
 * NULL when out of memory.
 */
static inline uint8_t *fuzz_piece(const uint8_t *data, size_t size)
{
	uint8_t *p = malloc(size ? size : 1);

	if (p)
		memcpy(p, data, size);
	return p;
}

#define fuzz_check(cond, ...)                                              \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr,                                    \
				"%s:%d: invariant broken: %s: ", __FILE__, \
				__LINE__, #cond);                          \
			fprintf(stderr, __VA_ARGS__);                      \
			fputc('\n', stderr);                               \
			abort();                                           \
		}                                                          \
	} while (0)

#endif
