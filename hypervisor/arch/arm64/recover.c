// SPDX-License-Identifier: GPL-2.0
/*
 * Recovery points for the root's management calls: an exception at EL2
 * inside el2_recoverable() ends the call with -EFAULT (traps.c's
 * el2_fault() jumps back here through recover.S) after what the call had
 * claimed is given up, instead of stopping the CPU.
 */
#include <arch/cell_mgmt.h>
#include <arch/el2_map.h>
#include <arch/hv.h>
#include <arch/pool.h>
#include <arch/recover.h>
#include <warden/errno.h>

long el2_recoverable(struct frame *f, unsigned int cpu,
		     long (*fn)(struct frame *f, unsigned int cpu))
{
	struct recover_point *r = &per_cpu(cpu)->recover;
	long ret;

	r->elr = sysreg_read(elr_el2);
	r->spsr = sysreg_read(spsr_el2);
	r->code = f->x[0];
	if (hv_recover_set(r->regs)) {
		/*
		 * Back from el2_fault(), the locks released: the window the
		 * call had mapped, the pool pages it was allocating, the
		 * cells it had claimed and a create it had begun are given
		 * up too, so that later calls work.
		 */
		el2_window_release(cpu);
		pool_recover(cpu);
		cell_recover(cpu);
		sysreg_write(elr_el2, r->elr);
		sysreg_write(spsr_el2, r->spsr);
		isb();
		return -EFAULT;
	}
	r->armed = 1;
	ret = fn(f, cpu);
	r->armed = 0;
	return ret;
}

void el2_recover_cancel(unsigned int cpu)
{
	per_cpu(cpu)->recover.armed = 0;
}
