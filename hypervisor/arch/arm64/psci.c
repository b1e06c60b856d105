// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI 1.1 and SMCCC for the root cell, reached by trapped SMCs (TSC).
 * CPU_OFF parks the CPU inside the hypervisor and CPU_ON restarts it at
 * the given entry at EL1, still under stage 2: forwarding either to
 * firmware would hand the CPU back to Linux' EL2 stub, out of our control.
 */
#include <stdbool.h>

#include <arch/cell.h>
#include <arch/cell_mgmt.h>
#include <arch/hv.h>
#include <arch/park.h>
#include <arch/psci.h>
#include <arch/recover.h>
#include <warden/errno.h>
#include <warden/smccc_policy.h>

/* SMCCC: arguments in x1-x7, results in x0-x3. */
static uint64_t smc_forward(struct frame *f)
{
	register uint64_t x0 asm("x0") = f->x[0];
	register uint64_t x1 asm("x1") = f->x[1];
	register uint64_t x2 asm("x2") = f->x[2];
	register uint64_t x3 asm("x3") = f->x[3];
	register uint64_t x4 asm("x4") = f->x[4];
	register uint64_t x5 asm("x5") = f->x[5];
	register uint64_t x6 asm("x6") = f->x[6];
	register uint64_t x7 asm("x7") = f->x[7];

	asm volatile("smc #0"
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
		       "+r"(x5), "+r"(x6), "+r"(x7)
		     :
		     : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
		       "x16", "x17", "memory");
	f->x[1] = x1;
	f->x[2] = x2;
	f->x[3] = x3;
	return x0;
}

static int cpu_by_mpidr(uint64_t mpidr)
{
	unsigned int i;

	for (i = 0; i < HV_MAX_CPUS; i++)
		if (root_cpu_set & (1ULL << i) && cpu_state(i) != CPU_ABSENT &&
		    (per_cpu(i)->mpidr & MPIDR_AFF_MASK) ==
			    (mpidr & MPIDR_AFF_MASK))
			return i;
	return -1;
}

long psci_on_result(enum lc_on r)
{
	switch (r) {
	case LC_ON_SUCCESS:
		return PSCI_SUCCESS;
	case LC_ON_INVALID:
		return PSCI_INVALID_PARAMETERS;
	case LC_ON_ALREADY_ON:
		return PSCI_ALREADY_ON;
	case LC_ON_PENDING:
		return PSCI_ON_PENDING;
	default:
		return PSCI_DENIED;
	}
}

long psci_affinity_result(enum lc_affinity r)
{
	switch (r) {
	case LC_AFF_ON:
		return AFF_ON;
	case LC_AFF_ON_PENDING:
		return AFF_ON_PENDING;
	case LC_AFF_OFF:
		return AFF_OFF;
	default:
		return PSCI_DENIED;
	}
}

/*
 * The target is resolved under hv_lock, under which cell create and
 * destroy move CPUs between the root and the cells: a CPU a cell took
 * meanwhile is no longer the root's to start.
 */
static long psci_cpu_on(unsigned int cpu, uint64_t mpidr, uint64_t entry,
			uint64_t context)
{
	struct lc_plan plan = { 0 };
	int target;
	long ret;

	spin_lock(&hv_lock);
	target = cpu_by_mpidr(mpidr);
	ret = target < 0 ? PSCI_INVALID_PARAMETERS :
			   psci_on_result(lc_cpu_on(&hv_lc, cpu, target, entry,
						    context, &plan));
	spin_unlock(&hv_lock);
	cpu_wake_up(&plan);
	return ret;
}

static long psci_affinity_info(unsigned int cpu, uint64_t mpidr, uint64_t level)
{
	int target;
	long ret;

	spin_lock(&hv_lock);
	target = cpu_by_mpidr(mpidr);
	ret = level != 0 || target < 0 ?
		      PSCI_INVALID_PARAMETERS :
		      psci_affinity_result(lc_affinity(&hv_lc, cpu, target));
	spin_unlock(&hv_lock);
	return ret;
}

static long psci_features(uint64_t fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
		return PSCI_SUCCESS;
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
		return 0; /* original power-state format, no OS-initiated */
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

const char *smc_service(uint64_t fid)
{
	switch ((fid >> 24) & 0x3f) {
	case 0:
		return "Arm architecture";
	case 1:
		return "CPU service";
	case 2:
		return "SiP";
	case 3:
		return "OEM";
	case 4:
		return "standard secure service";
	case 5:
		return "standard hypervisor service";
	case 6:
		return "vendor hypervisor service";
	default:
		return (fid >> 24 & 0x3f) >= 0x30 ? "trusted OS" : "reserved";
	}
}

/* Firmware at EL3 (ID_AA64PFR0_EL1.EL3): without it an SMC is undefined. */
static bool el3_present(void)
{
	return (sysreg_read(id_aa64pfr0_el1) >> 12 & 0xf) != 0;
}

/* Each function id is reported once; a root may call one in a loop. */
bool smc_first_time(uint64_t fid)
{
	static uint32_t seen[16];
	static unsigned int count;
	unsigned int i;
	bool first = true;

	spin_lock(&hv_lock);
	for (i = 0; i < count && first; i++)
		if (seen[i] == (uint32_t)fid)
			first = false;
	if (first && count < sizeof(seen) / sizeof(seen[0]))
		seen[count++] = (uint32_t)fid;
	spin_unlock(&hv_lock);
	return first;
}

/*
 * The SMC policy for calls PSCI and SMCCC emulation do not answer: the
 * root's SiP and OEM calls go to the firmware when the system config sets
 * WARDEN_SYS_FORWARD_SIP_OEM_SMC and there is firmware to take them;
 * everything else is refused with NOT_SUPPORTED.
 */
static long smc_policy(struct frame *f, unsigned int cpu, uint64_t fid)
{
	unsigned int owner = fid >> 24 & 0x3f;
	bool forward = sys_config->flags & WARDEN_SYS_FORWARD_SIP_OEM_SMC &&
		       (owner == 2 || owner == 3);

	if (forward && el3_present()) {
		if (smc_first_time(fid))
			printk("CPU %u: SMC 0x%08llx (%s) forwarded to firmware\n",
			       cpu, (unsigned long long)fid, smc_service(fid));
		return (long)smc_forward(f);
	}
	if (smc_first_time(fid))
		printk("Warning: CPU %u: SMC 0x%08llx (%s) refused%s\n", cpu,
		       (unsigned long long)fid, smc_service(fid),
		       forward ? ": forwarding is configured, but this machine "
				 "has no EL3 firmware" :
				 "");
	return PSCI_NOT_SUPPORTED;
}

/*
 * The firmware's CPU vulnerability workarounds (SMCCC_ARCH_WORKAROUND_1-3)
 * and SMCCC_ARCH_FEATURES queries for them go to EL3 where there is one:
 * the root's Linux on a Cortex-A57/A72 keeps its Spectre mitigations.
 * Without EL3 they are answered as if no firmware offered them. Other
 * calls follow the SMC policy.
 */
static long smccc_arch(struct frame *f, unsigned int cpu, uint64_t fid)
{
	static bool workaround_logged;

	switch (smccc_arch_policy(fid, f->x[1] & 0xffffffff, el3_present())) {
	case SMCCC_ARCH_FORWARD:
		/* once: Linux calls WORKAROUND_1 on every context switch */
		if (!workaround_logged) {
			workaround_logged = true;
			printk("CPU %u: SMC 0x%08llx (x1 0x%llx, firmware "
			       "workaround) forwarded to firmware (logged "
			       "once)\n",
			       cpu, (unsigned long long)fid,
			       (unsigned long long)f->x[1]);
		}
		return (long)smc_forward(f);
	case SMCCC_ARCH_NOT_SUPPORTED:
		return PSCI_NOT_SUPPORTED;
	default:
		return smc_policy(f, cpu, fid);
	}
}

static long smc_forward_call(struct frame *f, unsigned int cpu)
{
	return (long)smc_forward(f);
}

/*
 * The root powers off or resets the machine. The cells go first: their
 * CPUs are parked, one line per cell, so that none is cut off in the
 * middle of a write it does not know is its last. Then the call goes to
 * the PSCI firmware, also without EL3 (QEMU's virt machine implements
 * PSCI for an SMC from EL2 itself). Where no firmware takes the SMC
 * (undefined without EL3 on hardware), the exception at EL2 ends the call
 * with -EFAULT; whatever comes back is reported and returned to the root.
 */
static long psci_system_off(struct frame *f, unsigned int cpu, uint64_t fid)
{
	const char *what = fid == PSCI_SYSTEM_OFF ? "off" : "reset";
	long ret;

	printk("Root cell requested system %s\n", what);
	cell_stop_all(what);
	ret = el2_recoverable(f, cpu, smc_forward_call);
	printk("ERROR: system %s: the firmware returned %ld%s; the cells stay "
	       "stopped\n",
	       what, ret, el3_present() ? "" : " (this machine has no EL3)");
	return ret == -EFAULT ? PSCI_NOT_SUPPORTED : ret;
}

void psci_handle(struct frame *f, unsigned int cpu)
{
	uint64_t fid = f->x[0] & 0xffffffff;
	long ret;

	if (fid >> 24 == 0x84 || fid >> 24 == 0xc4)
		per_cpu(cpu)->stats[STAT_PSCI]++;
	switch (fid) {
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_1;
		break;
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
		/* Standby only: a wake-up event returns, like a wfi. */
		asm volatile("wfi");
		ret = PSCI_SUCCESS;
		break;
	case PSCI_CPU_OFF:
		printk("CPU %u parked (PSCI CPU_OFF)\n", cpu);
		cpu_off_park(cpu);
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		ret = psci_cpu_on(cpu, smccc_arg(fid, f->x[1]),
				  smccc_arg(fid, f->x[2]),
				  smccc_arg(fid, f->x[3]));
		break;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		ret = psci_affinity_info(cpu, smccc_arg(fid, f->x[1]),
					 smccc_arg(fid, f->x[2]));
		break;
	case PSCI_FEATURES:
		ret = psci_features(f->x[1] & 0xffffffff);
		break;
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		ret = psci_system_off(f, cpu, fid);
		break;
	case SMCCC_VERSION:
		ret = PSCI_VERSION_1_1;
		break;
	default:
		ret = smccc_arch(f, cpu, fid);
		break;
	}
	f->x[0] = (uint64_t)ret;
}
