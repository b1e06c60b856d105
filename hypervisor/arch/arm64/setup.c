// SPDX-License-Identifier: GPL-2.0
/*
 * Enable: every root CPU arrives here from entry.S with the EL2 MMU on.
 * The first one checks the system config and builds the root cell; then
 * all wait until every CPU has arrived. Only if all did and nothing failed
 * does any CPU turn on stage 2; otherwise all go back to Linux with the
 * same error, so that a failed enable leaves Linux exactly as it was.
 */
#include <arch/cell_irq.h>
#include <arch/el1_state.h>
#include <arch/el2_map.h>
#include <arch/gicd.h>
#include <arch/gicv2.h>
#include <arch/gicv3.h>
#include <arch/harden.h>
#include <arch/hv.h>
#include <arch/rules_log.h>
#include <arch/stage2.h>
#include <arch/test_point.h>
#include <arch/vpci.h>
#include <warden/config.h>
#include <warden/errno.h>

/* entry.S reads these fields before any C runs. */
_Static_assert(offsetof(struct jailhouse_system,
			hypervisor_memory.phys_start) == SYSCFG_HV_PHYS,
	       "SYSCFG_HV_PHYS");
_Static_assert(offsetof(struct jailhouse_system, hypervisor_memory.size) ==
		       SYSCFG_HV_SIZE,
	       "SYSCFG_HV_SIZE");
_Static_assert(offsetof(struct jailhouse_system, debug_console.address) ==
		       SYSCFG_UART_ADDR,
	       "SYSCFG_UART_ADDR");
_Static_assert(offsetof(struct jailhouse_system, platform_info.arm.gicd_base) ==
		       SYSCFG_GICD_BASE,
	       "SYSCFG_GICD_BASE");
/* The rules and config check see CPU sets as 64-bit masks. */
_Static_assert(HV_MAX_CPUS <= RULES_MAX_CPUS, "HV_MAX_CPUS");
/* The rules (rules_el2.c) know the EL2 layout by these. */
_Static_assert(RULES_HV_MAX_SIZE == (unsigned long long)HV_MAX_BLOCKS << 21,
	       "RULES_HV_MAX_SIZE");
/* entry.S refuses the trampoline in level-0 slot 511, EL2's own */
_Static_assert(RULES_HV_PHYS_END == 511ULL << 39 && HV_VIRT_BASE >> 39 == 511 &&
		       HV_GIC_VIRT >> 39 == 511,
	       "RULES_HV_PHYS_END");
_Static_assert(HV_GICR_MAP_SIZE == RULES_MAX_CPUS * RULES_GICR_FRAME,
	       "HV_GICR_MAP_SIZE");

/*
 * A CPU that does not come within this time fails the enable. Generous:
 * on hardware CPUs arrive within microseconds, but an emulator on a busy
 * host may not run a vCPU for seconds.
 */
#define ENTER_TIMEOUT_US 30000000

/* hv_phys, hv_lock, per_cpu_data, sys_config, ...: hv_state.c. */

static struct {
	int started;
	int error;
	int mapped; /* the EL2 tables are built: switch to them */
	int go; /* all arrived, no error: commit */
	int aborted; /* timed out: nobody commits */
	int announced;
	unsigned int arrived;
	unsigned int expected;
	uint64_t deadline;
	uint64_t seen;
} enter;

/* The GIC back-end, once, by the system config's gic_version. */
static const struct irqchip_ops *gic_ops(void)
{
	return sys_config->platform_info.arm.gic_version == 2 ? &gicv2_ops :
								&gicv3_ops;
}

/* The config lies between the core and the end of hypervisor memory. */
static uint64_t sys_config_max_size(uint64_t off)
{
	const struct jailhouse_system *sys =
		(const void *)(__image_start + off);
	uint64_t hv_size = sys->hypervisor_memory.size;

	return hv_size > off ? hv_size - off : 0;
}

/*
 * The root passed the config; it is checked here again because the
 * hypervisor trusts nothing it did not check itself.
 */
static int config_check(void)
{
	uint64_t off = hv_header.config_offset, size = hv_header.config_size;
	const struct jailhouse_system *sys;
	struct rules_env env = { .root = &root_config,
				 .max_cpus = HV_MAX_CPUS };
	struct rules_sink sink = { .report = rules_log };
	enum warden_config_status st;
	char msg[RULES_TEXT_MAX];
	uint64_t hv_size;

	if (off < hv_header.core_size || off & 7 ||
	    size > sys_config_max_size(off)) {
		printk("ERROR: system config placed at 0x%llx, size %llu: "
		       "the driver and this hypervisor do not match\n",
		       (unsigned long long)off, (unsigned long long)size);
		return -EINVAL;
	}
	sys = (const void *)(__image_start + off);
	st = warden_config_parse(sys, size, WARDEN_CONFIG_SYSTEM, &root_config);
	if (st != WARDEN_CONFIG_OK) {
		printk("ERROR: invalid system config: %s\n",
		       warden_config_status_describe(st, &root_config, msg,
						     sizeof(msg)));
		return -EINVAL;
	}
	/*
	 * The rules are the rule engine's, the same as "config check" runs;
	 * what follows is what only the running hypervisor knows.
	 */
	if (rules_system(&env, &sink))
		return sink.first_err;
	hv_size = sys->hypervisor_memory.size;
	if (sys->hypervisor_memory.phys_start != hv_phys) {
		printk("ERROR: config says hypervisor memory is at 0x%llx, "
		       "but the hypervisor runs at 0x%llx\n",
		       (unsigned long long)sys->hypervisor_memory.phys_start,
		       (unsigned long long)hv_phys);
		return -EINVAL;
	}
	/* 2 MiB blocks, at most HV_MAX_BLOCKS: rule hv-memory */
	if (off + size + 0x10000 > hv_size) {
		printk("ERROR: hypervisor memory size 0x%llx cannot hold the "
		       "hypervisor (0x%llx bytes), the system config (%llu) "
		       "and a page pool: give it 2 MiB more\n",
		       (unsigned long long)hv_size, (unsigned long long)off,
		       (unsigned long long)size);
		return -EINVAL;
	}
	sys_config = sys;
	root_cpu_set = rules_cpu_mask(&root_config);
	return 0;
}

static int global_init(void)
{
	int err;

	err = config_check();
	if (!err)
		err = el2_map_build();
	if (!err) {
		el2_map_switch();
		enter.mapped = 1;
		err = el2_map_selfcheck();
	}
	if (!err)
		err = gicd_init();
	if (!err) {
		cell_irq_init();
		err = irqchip_init(gic_ops());
	}
	if (!err)
		err = vpci_init();
	if (!err)
		err = stage2_build_root();
	return err;
}

/*
 * Pointer authentication is the kernel's own business: with the CPU
 * offering it (ID_AA64ISAR1/2_EL1 APA, API, GPA, GPI, APA3, GPA3), let
 * its instructions and key registers through (HCR_EL2.API, APK) instead of
 * trapping them. Without it the bits are RES0 and stay clear.
 */
static uint64_t pauth_hcr_bits(void)
{
	uint64_t isar1 = sysreg_read(id_aa64isar1_el1);
	/* ID_AA64ISAR2_EL1 by encoding; reserved ID registers read as 0. */
	uint64_t isar2 = sysreg_read(s3_0_c0_c6_2);

	if (isar1 & (0xffULL << 4 | 0xffULL << 24) || isar2 & (0xffULL << 8))
		return HCR_API | HCR_APK;
	return 0;
}

/*
 * The RAS error records (ERRSELR_EL1, ERX*_EL1: on a Cortex-A55/A76/A78
 * also the cluster's shared L3 record, whose detection and correction a
 * guest could switch off for every owner) and the LORegion registers
 * trap (TERR, TLOR) where the CPU has them (FEAT_RAS, as cpu_activate()
 * found it; ID_AA64MMFR1_EL1.LO); else the bits are RES0 and stay clear.
 */
static uint64_t feature_trap_bits(unsigned int cpu)
{
	uint64_t bits = 0;

	if (per_cpu(cpu)->ras)
		bits |= HCR_TERR;
	if (sysreg_read(id_aa64mmfr1_el1) >> 16 & 0xf)
		bits |= HCR_TLOR;
	return bits;
}

static void cpu_activate(unsigned int cpu, struct frame *frame)
{
	lc_cpu_arrive(&hv_lc, cpu);
	/* ID_AA64PFR0_EL1.RAS: pending SErrors are checked at every exit */
	per_cpu(cpu)->ras = (sysreg_read(id_aa64pfr0_el1) >> 28 & 0xf) != 0;
	sysreg_write(vtcr_el2, stage2_vtcr());
	sysreg_write(vttbr_el2, stage2_vttbr());
	/*
	 * Physical IRQs come to EL2 (IMO) and reach the cell through the
	 * virtual CPU interface (irqchip.c). FIQs (Group 0, given to no cell)
	 * and SErrors come to EL2 too (FMO, AMO; async.c), and with them
	 * every SGI register write and every ICC Group-0 access is the
	 * hypervisor's. SMCs trap (TSC) for PSCI emulation.
	 */
	irqchip_cpu_init(cpu);
	/*
	 * IMPLEMENTATION DEFINED registers and ACTLR_EL1 trap (TIDCP, TAC):
	 * they set how the core behaves for every later owner; so do the
	 * error records and LORegions (sysreg_trap.c). MDCR_EL2:
	 * el1_state.c.
	 */
	el1_state_enter(cpu);
	sysreg_write(hcr_el2, HCR_VM | HCR_SWIO | HCR_IMO | HCR_FMO | HCR_AMO |
				      HCR_TSC | HCR_RW | HCR_TIDCP | HCR_TAC |
				      pauth_hcr_bits() |
				      feature_trap_bits(cpu));
	sysreg_write(vbar_el2, vec_harden_vectors(cpu));
	isb();
	/* Linux' TLB entries were made without stage 2. */
	asm volatile("tlbi vmalls12e1\n dsb nsh\n isb" : : : "memory");
	frame->x[0] = 0;
	arch_cpu_activate(frame);
}

void cpu_leave(struct frame *frame, long result)
{
	el1_state_leave(this_cpu());
	arch_cpu_leave(result, frame, hv_virt_to_phys(frame),
		       hv_virt_to_phys(el2_leave));
}

/* Called by entry.S on each CPU; x0 of the frame is the CPU number. */
void hv_cpu_enter(struct frame *frame, uint64_t phys)
{
	unsigned int cpu = frame->x[0];
	struct per_cpu *pc = per_cpu(cpu); /* entry.S checked cpu */
	int err;

	/* this_per_cpu() from now on; pc->cpu is set under the lock */
	sysreg_write(tpidr_el2, pc);
	spin_lock(&hv_lock);
	if (!enter.started) {
		enter.started = 1;
		/* nothing of an earlier enable; the others wait for the lock */
		memset(per_cpu_data, 0, sizeof(per_cpu_data));
		hv_phys = phys;
		console_init(
			((const struct jailhouse_system
				  *)(__image_start + hv_header.config_offset))
				->debug_console.address,
			((const struct jailhouse_system
				  *)(__image_start + hv_header.config_offset))
				->debug_console.type);
		printk("\nWarden hypervisor %s starting on CPU %u, memory at "
		       "0x%llx\n",
		       WARDEN_VERSION, cpu, (unsigned long long)phys);
		vec_harden_probe(cpu); /* before the config and the GIC */
		enter.expected = hv_header.online_cpus;
		enter.deadline = timer_now_us() + ENTER_TIMEOUT_US;
		/* W^X from the first instruction: entry.S's tables too */
		enter.error = el2_map_audit("bootstrap");
		if (!enter.error)
			enter.error = global_init();
	} else if (enter.mapped) {
		el2_map_switch();
	}
	pc->cpu = cpu;
	vec_harden_probe(cpu);
	if (!enter.error && enter.seen & (1ULL << cpu)) {
		printk("ERROR: CPU %u entered twice\n", cpu);
		enter.error = -EINVAL;
	}
	enter.seen |= 1ULL << cpu;
	if (!enter.error && !(root_cpu_set & (1ULL << cpu))) {
		printk("ERROR: CPU %u is online but not in the root cell's "
		       "CPU set\n",
		       cpu);
		enter.error = -EINVAL;
	}
	per_cpu(cpu)->mpidr = sysreg_read(mpidr_el1);
	if (!enter.error)
		enter.error = irqchip_cpu_probe(cpu);
	enter.arrived++;
	if (!enter.error && !enter.aborted) {
		printk(" CPU %u (MPIDR 0x%llx) entered\n", cpu,
		       (unsigned long long)per_cpu(cpu)->mpidr & 0xffffff);
		if (enter.arrived == enter.expected) {
			if (enter.seen != root_cpu_set) {
				printk("ERROR: CPUs 0x%llx entered, the root "
				       "cell needs 0x%llx\n",
				       (unsigned long long)enter.seen,
				       (unsigned long long)root_cpu_set);
				enter.error = -EINVAL;
			} else {
				enter.go = 1;
			}
		}
	}
	spin_unlock(&hv_lock);

	/*
	 * Wait without the lock: waiters that keep taking it starve the
	 * CPU that still has to arrive.
	 */
	while (!READ_ONCE(enter.go) && !READ_ONCE(enter.error)) {
		if (timer_now_us() > enter.deadline) {
			spin_lock(&hv_lock);
			if (!enter.go && !enter.error) {
				printk("ERROR: only %u of %u CPUs entered "
				       "within %u ms\n",
				       enter.arrived, enter.expected,
				       ENTER_TIMEOUT_US / 1000);
				enter.aborted = 1;
				enter.error = -ETIMEDOUT;
			}
			spin_unlock(&hv_lock);
		}
		cpu_relax();
	}
	spin_lock(&hv_lock);
	err = enter.go ? 0 : enter.error;
	if (!err && !enter.announced) {
		enter.announced = 1;
		printk("Warden enabled: root cell \"%s\", %u CPUs\n",
		       sys_config->root_cell.name, enter.expected);
	}
	if (err)
		printk(" CPU %u back to Linux: error %d\n", cpu, err);
	spin_unlock(&hv_lock);
	if (err)
		cpu_leave(frame, err);
	el2_test_enable_hold(cpu);
	cpu_activate(cpu, frame);
}
