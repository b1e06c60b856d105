// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls, hvc #0x4a48 with Jailhouse's codes (include/warden/
 * hypercall.h): code in x0, arguments in x1 and x2, the result (>= 0, or
 * a negative errno) in x0.
 */
#include <arch/cell.h>
#include <arch/cell_console.h>
#include <arch/cell_mgmt.h>
#include <arch/hv.h>
#include <arch/hypercall.h>
#include <arch/test_point.h>
#include <arch/recover.h>
#include <warden/errno.h>
#include <warden/hypercall.h>

/* A CPU that does not join a disable within this time fails it. */
#define DISABLE_TIMEOUT_US 10000000 /* generous: see ENTER_TIMEOUT_US */

static struct {
	int active;
	int go;
	int error;
	unsigned int arrived;
	unsigned int expected;
	unsigned int gave_up;
	uint64_t deadline;
} dis;

/*
 * Every running root CPU calls this (the driver does it on each CPU); the
 * hypervisor only goes away when all have arrived, so that no CPU is left
 * under a hypervisor whose memory Linux takes back.
 */
static long hc_disable(struct frame *f, unsigned int cpu)
{
	unsigned int i, n = 0;
	long err;

	spin_lock(&hv_lock);
	if (!dis.active && cell_count()) {
		printk("ERROR: disable refused: %u cells exist; destroy them "
		       "first\n",
		       cell_count());
		spin_unlock(&hv_lock);
		return -EBUSY;
	}
	if (!dis.active) {
		if (lc_disable_ok(&hv_lc, &i)) {
			printk("ERROR: disable refused: CPU %u is %s; bring it "
			       "online first\n",
			       i,
			       cpu_state(i) == CPU_OFF ? "off (PSCI CPU_OFF)" :
							 "failed");
			spin_unlock(&hv_lock);
			return -EBUSY;
		}
		n = __builtin_popcountll(root_cpu_set);
		dis.active = 1;
		dis.go = dis.error = 0;
		dis.arrived = dis.gave_up = 0;
		dis.expected = n;
		dis.deadline = timer_now_us() + DISABLE_TIMEOUT_US;
		printk("Shutting down hypervisor\n");
	}
	if (++dis.arrived == dis.expected && !dis.error)
		dis.go = 1;
	spin_unlock(&hv_lock);

	while (!READ_ONCE(dis.go) && !READ_ONCE(dis.error)) {
		if (timer_now_us() > dis.deadline) {
			spin_lock(&hv_lock);
			if (!dis.go && !dis.error) {
				printk("ERROR: disable: only %u of %u CPUs "
				       "arrived\n",
				       dis.arrived, dis.expected);
				dis.error = -ETIMEDOUT;
			}
			spin_unlock(&hv_lock);
		}
		cpu_relax();
	}
	spin_lock(&hv_lock);
	if (!dis.go) {
		err = dis.error;
		/* the last one to give up lets a new attempt start */
		if (++dis.gave_up == dis.arrived)
			dis.active = 0;
		spin_unlock(&hv_lock);
		return err;
	}
	printk(" Releasing CPU %u\n", cpu);
	irqchip_cpu_shutdown(cpu);
	lc_cpu_leave(&hv_lc, cpu);
	spin_unlock(&hv_lock);
	el2_recover_cancel(cpu);
	cpu_leave(f, 0);
}

long hypercall_cpu_info(uint64_t target, uint64_t type)
{
	if (target >= HV_MAX_CPUS ||
	    !((root_cpu_set | cell_all_cpus()) & (1ULL << target)))
		return -EINVAL;
	if (type == WARDEN_CPU_INFO_STATE)
		return cpu_state(target) == CPU_FAILED ?
			       WARDEN_CPU_INFO_FAILED :
			       WARDEN_CPU_INFO_RUNNING;
	if (type == WARDEN_CPU_INFO_OFF)
		return cpu_state(target) != CPU_RUNNING &&
		       cpu_state(target) != CPU_STOPPING;
	if (type >= WARDEN_CPU_INFO_STAT &&
	    type < WARDEN_CPU_INFO_STAT + NUM_STATS)
		return per_cpu(target)->stats[type - WARDEN_CPU_INFO_STAT] &
		       0x7fffffff;
	return -EINVAL;
}

long hypercall(struct frame *f, unsigned int cpu)
{
	uint64_t code = f->x[0], arg1 = f->x[1], arg2 = f->x[2];

	if (per_cpu(cpu)->lc.cell != LC_ROOT)
		return cell_hypercall_nonroot(f, cpu);
	switch (code) {
	case WARDEN_HC_DISABLE:
		return hc_disable(f, cpu);
	case WARDEN_HC_CELL_CREATE:
		return cell_create(cpu, arg1);
	case WARDEN_HC_CELL_START:
		return cell_start(cpu, arg1);
	case WARDEN_HC_CELL_SET_LOADABLE:
		return cell_set_loadable(cpu, arg1);
	case WARDEN_HC_CELL_DESTROY:
		return cell_destroy(cpu, arg1);
	case WARDEN_HC_HYPERVISOR_GET_INFO:
		return hypercall_get_info(arg1);
	case WARDEN_HC_CELL_GET_STATE:
		return cell_get_state(arg1);
	case WARDEN_HC_CPU_GET_INFO:
		return hypercall_cpu_info(arg1, arg2);
	case WARDEN_HC_DEBUG_CONSOLE_PUTC:
		if (!CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(
			    sys_config->root_cell.flags))
			return -EPERM;
		console_putc(arg1);
		return 0;
	case WARDEN_HC_CONSOLE_INPUT:
		return cell_console_send(arg1, arg2);
	case WARDEN_HC_CONSOLE_MIRROR:
		return cell_console_mirror(arg1, arg2);
	default:
		return hypercall_test(f, cpu);
	}
}

long cell_hypercall_nonroot(struct frame *f, unsigned int cpu)
{
	struct cell *c = cell_of(cpu);
	uint64_t code = f->x[0], arg1 = f->x[1], arg2 = f->x[2];

	switch (code) {
	case WARDEN_HC_DISABLE:
	case WARDEN_HC_CELL_CREATE:
	case WARDEN_HC_CELL_START:
	case WARDEN_HC_CELL_SET_LOADABLE:
	case WARDEN_HC_CELL_DESTROY:
	case WARDEN_HC_CELL_GET_STATE:
		return -EPERM;
	case WARDEN_HC_HYPERVISOR_GET_INFO:
		return hypercall_get_info(arg1);
	case WARDEN_HC_CPU_GET_INFO: /* its own CPUs only */
		if (arg1 >= HV_MAX_CPUS || !(c->lc.cpus & (1ULL << arg1)))
			return -EPERM;
		return hypercall_cpu_info(arg1, arg2);
	case WARDEN_HC_DEBUG_CONSOLE_PUTC:
	case WARDEN_HC_CONSOLE_WRITE:
	case WARDEN_HC_CONSOLE_READ:
		/* its own console (cell_console.c), not the root's */
		return cell_console_hypercall(f, c->id);
	default:
		return -ENOSYS;
	}
}
