// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI for non-root cells: a cell powers its own CPUs on and off and
 * nothing else. SYSTEM_OFF and SYSTEM_RESET stop the cell, not the
 * machine: the cell is shut down and can be loaded and started again.
 */
#include <arch/cell.h>
#include <arch/cell_psci.h>
#include <arch/park.h>
#include <arch/psci.h>
#include <warden/errno.h>
#include <warden/smccc_policy.h>

/* The CPU with this affinity, -1 if none: whose it is, lc_* decide. */
static int target_cpu(uint64_t mpidr)
{
	unsigned int i;

	for (i = 0; i < HV_MAX_CPUS; i++)
		if ((per_cpu(i)->mpidr & MPIDR_AFF_MASK) ==
			    (mpidr & MPIDR_AFF_MASK) &&
		    cpu_state(i) != CPU_ABSENT)
			return i;
	return -1;
}

static long cpu_on(unsigned int cpu, uint64_t mpidr, uint64_t entry,
		   uint64_t context)
{
	int t = target_cpu(mpidr);
	struct lc_plan plan = { 0 };
	enum lc_on r;

	if (t < 0)
		return PSCI_INVALID_PARAMETERS;
	/* a cell being stopped starts nothing: its stop would miss the CPU */
	spin_lock(&hv_lock);
	r = lc_cpu_on(&hv_lc, cpu, t, entry, context, &plan);
	spin_unlock(&hv_lock);
	cpu_wake_up(&plan);
	if (r == LC_ON_NOT_MINE)
		printk_limited(cpu,
			       "Cell \"%s\": CPU %u: PSCI CPU_ON of MPIDR "
			       "0x%llx, not a CPU of the cell: denied\n",
			       cell_name_of(cpu), cpu,
			       (unsigned long long)mpidr);
	return psci_on_result(r);
}

static long affinity_info(unsigned int cpu, uint64_t mpidr, uint64_t level)
{
	int t = target_cpu(mpidr);
	long ret;

	if (level != 0 || t < 0)
		return PSCI_INVALID_PARAMETERS;
	spin_lock(&hv_lock);
	ret = psci_affinity_result(lc_affinity(&hv_lc, cpu, t));
	spin_unlock(&hv_lock);
	return ret;
}

void cell_psci(struct frame *f, unsigned int cpu)
{
	uint64_t fid = f->x[0] & 0xffffffff;
	long ret;

	if (fid >> 24 == 0x84 || fid >> 24 == 0xc4)
		per_cpu(cpu)->stats[STAT_PSCI]++;
	switch (fid) {
	case PSCI_VERSION:
	case SMCCC_VERSION:
		ret = PSCI_VERSION_1_1;
		break;
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
		asm volatile("wfi");
		ret = PSCI_SUCCESS;
		break;
	case PSCI_CPU_OFF:
		cpu_off_park(cpu);
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		ret = cpu_on(cpu, smccc_arg(fid, f->x[1]),
			     smccc_arg(fid, f->x[2]), smccc_arg(fid, f->x[3]));
		break;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		ret = affinity_info(cpu, smccc_arg(fid, f->x[1]),
				    smccc_arg(fid, f->x[2]));
		break;
	case PSCI_FEATURES:
		switch (f->x[1] & 0xffffffff) {
		case PSCI_VERSION:
		case PSCI_CPU_SUSPEND_32:
		case PSCI_CPU_SUSPEND_64:
		case PSCI_CPU_OFF:
		case PSCI_CPU_ON_32:
		case PSCI_CPU_ON_64:
		case PSCI_AFFINITY_INFO_32:
		case PSCI_AFFINITY_INFO_64:
		case PSCI_SYSTEM_OFF:
		case PSCI_SYSTEM_RESET:
		case PSCI_FEATURES:
		case SMCCC_VERSION:
			ret = PSCI_SUCCESS;
			break;
		default:
			ret = PSCI_NOT_SUPPORTED;
		}
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		/* no Trusted OS that would need migrating: Linux asks */
		ret = PSCI_TOS_NOT_PRESENT;
		break;
	case SMCCC_ARCH_FEATURES:
	case SMCCC_TRNG_VERSION:
		/* discovery Linux makes at boot: an answer, no warning */
		ret = PSCI_NOT_SUPPORTED;
		break;
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		printk("Cell \"%s\" shut itself down (PSCI SYSTEM_%s)\n",
		       cell_name_of(cpu),
		       fid == PSCI_SYSTEM_OFF ? "OFF" : "RESET");
		cell_shutdown_self(cpu);
	default:
		/* a cell has no firmware services: say which one it wanted */
		if (smc_first_time(fid))
			printk("Warning: Cell \"%s\": CPU %u: SMC 0x%08llx "
			       "(%s) refused\n",
			       cell_name_of(cpu), cpu, (unsigned long long)fid,
			       smc_service(fid));
		ret = PSCI_NOT_SUPPORTED;
		break;
	}
	f->x[0] = (uint64_t)ret;
}
