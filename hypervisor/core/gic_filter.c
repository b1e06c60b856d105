// SPDX-License-Identifier: GPL-2.0
#include <warden/gic_filter.h>

uint64_t gic_field_mask(unsigned int off, unsigned int size, unsigned int bits,
			int (*owned)(void *ctx, uint64_t intid), void *ctx,
			uint64_t *first)
{
	uint64_t field = bits >= 64 ? ~0ULL : (1ULL << bits) - 1, mask = 0;
	unsigned int n = size * 8 / bits, i;

	*first = (uint64_t)off * 8 / bits;
	for (i = 0; i < n; i++)
		if (owned(ctx, *first + i))
			mask |= field << (i * bits);
	return mask;
}
