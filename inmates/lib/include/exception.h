/* SPDX-License-Identifier: GPL-2.0 */
/* Exception entry: the frame the vectors save, and the vector numbers. */
#ifndef INMATE_EXCEPTION_H
#define INMATE_EXCEPTION_H

/* Vector index = (offset in the table) / 0x80. */
#define VECTOR_CUR_SP0_SYNC 0
#define VECTOR_CUR_SPX_SYNC 4
#define VECTOR_CUR_SPX_IRQ 5
#define VECTOR_COUNT 16

/* x0-x30, elr, spsr, sp */
#define EXC_FRAME_SIZE (34 * 8)

#ifndef __ASSEMBLER__
#include <stdint.h>

struct exc_frame {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t sp;
};

_Static_assert(sizeof(struct exc_frame) == EXC_FRAME_SIZE, "frame");

void exception_handle(struct exc_frame *frame, unsigned long vector);
#endif

#endif
