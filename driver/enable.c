// SPDX-License-Identifier: GPL-2.0
/*
 * Enable and disable: load warden.bin into the reserved hypervisor memory,
 * take every CPU into EL2 through Linux' hyp stub, and give EL2 back.
 *
 * The stock kernel keeps its hyp stub at EL2 (booted with
 * kvm-arm.mode=none). Its HVC_SET_VECTORS call installs a vector table
 * given by physical address; a second hvc then runs that table's code at
 * EL2 with the MMU off. Nothing of the hypervisor executes at EL1, so a
 * plain cacheable mapping of its memory is all the driver needs.
 */
#include <linux/cpu.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/stringify.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/memory.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

#include <jailhouse/cell-config.h>
#include <warden/hv-header.h>
#include <warden/hypercall.h>
#include <warden/rules.h>

#include "vpci.h"
#include "warden.h"

#define CONFIG_MAX_SIZE (1 << 20)
#define HV_MIN_POOL (64 << 10)

/*
 * Set once KVM has initialised (kvm_init()): from then on KVM may install
 * its own code at EL2 at any time, so the hypervisor must not take it.
 * The stock kernel exports nothing more direct.
 */
extern struct dentry *kvm_debugfs_dir;

struct enter_ctx {
	phys_addr_t vectors;
	int result[NR_CPUS];
};

static unsigned long stub_hvc(unsigned long x0, unsigned long x1)
{
	register unsigned long r0 asm("x0") = x0;
	register unsigned long r1 asm("x1") = x1;

	asm volatile("hvc #0" : "+r"(r0), "+r"(r1) : : "x2", "x3", "memory");
	return r0;
}

unsigned long warden_stub_call(unsigned long x0, unsigned long x1)
{
	return stub_hvc(x0, x1);
}

/*
 * A firmware call as the kernel would make it (SMCCC, "smc #0"): only while
 * the hypervisor traps SMCs, so that its policy is what answers.
 */
unsigned long warden_smc_call(unsigned long fid, unsigned long arg1,
			      unsigned long arg2)
{
	register unsigned long r0 asm("x0") = fid;
	register unsigned long r1 asm("x1") = arg1;
	register unsigned long r2 asm("x2") = arg2;

	asm volatile("smc #0"
		     : "+r"(r0), "+r"(r1), "+r"(r2)
		     :
		     : "x3", "memory");
	return r0;
}

long warden_hypercall(unsigned long code, unsigned long arg1,
		      unsigned long arg2)
{
	register unsigned long r0 asm("x0") = code;
	register unsigned long r1 asm("x1") = arg1;
	register unsigned long r2 asm("x2") = arg2;

	asm volatile("hvc #" __stringify(WARDEN_HVC_IMM)
		     : "+r"(r0), "+r"(r1), "+r"(r2)
		     :
		     : "x3", "memory");
	return r0;
}

/* Runs on every CPU with interrupts off. */
static void enter_cpu(void *info)
{
	struct enter_ctx *ctx = info;
	unsigned int cpu = smp_processor_id();

	/* The stub answers 0; anything else is not Linux' stub (KVM?). */
	if (stub_hvc(WARDEN_STUB_HVC_SET_VECTORS, ctx->vectors)) {
		ctx->result[cpu] = -EBUSY;
		return;
	}
	ctx->result[cpu] = (int)stub_hvc(cpu, 0);
}

static void leave_cpu(void *info)
{
	int *result = info;

	result[smp_processor_id()] =
		(int)warden_hypercall(WARDEN_HC_DISABLE, 0, 0);
}

/* Clean and invalidate to the point of coherency: EL2 starts uncached. */
static void dcache_clean_inval(void *start, size_t size)
{
	unsigned long line = 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
	unsigned long p = (unsigned long)start & ~(line - 1);
	unsigned long end = (unsigned long)start + size;

	for (; p < end; p += line)
		asm volatile("dc civac, %0" : : "r"(p) : "memory");
	dsb(sy);
}

static int config_root_cpus(const struct jailhouse_system *sys, u64 *mask)
{
	const u8 *bits = (const u8 *)(&sys->root_cell + 1);
	unsigned int cpu;

	*mask = 0;
	for (cpu = 0; cpu < sys->root_cell.cpu_set_size * 8; cpu++) {
		if (!(bits[cpu / 8] & (1 << (cpu % 8))))
			continue;
		if (cpu >= 64 || cpu >= nr_cpu_ids) {
			pr_err("warden: the root cell lists CPU %u, which "
			       "this system does not have (CPUs 0-%u)\n",
			       cpu, nr_cpu_ids - 1);
			return -EINVAL;
		}
		*mask |= 1ULL << cpu;
	}
	return 0;
}

/* Every root CPU online, no other CPU online: all of Linux moves in. */
static int check_cpus(u64 mask)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
	{
		bool in_root = cpu < 64 && mask & (1ULL << cpu);

		if (in_root && !cpu_online(cpu)) {
			pr_err("warden: CPU %u of the root cell is offline: "
			       "bring it online first (echo 1 > "
			       "/sys/devices/system/cpu/cpu%u/online)\n",
			       cpu, cpu);
			return -EBUSY;
		}
		if (!in_root && cpu_online(cpu)) {
			pr_err("warden: CPU %u is online but not in the root "
			       "cell's CPU set: add it to the system config or "
			       "take it offline\n",
			       cpu);
			return -EBUSY;
		}
	}
	return 0;
}

/* Lowest "System RAM" address, for the mem= suggestion only. */
static u64 ram_start(void)
{
	struct resource *r;
	u64 start = 0;

	for (r = iomem_resource.child; r; r = r->sibling)
		if (r->name && !strcmp(r->name, "System RAM") &&
		    (!start || r->start < start))
			start = r->start;
	return start;
}

static int check_header(const struct firmware *fw, u64 config_size, u64 hv_size)
{
	const struct warden_hv_header *h = (const void *)fw->data;

	if (fw->size < sizeof(*h) ||
	    memcmp(h->signature, WARDEN_HV_SIGNATURE, 8)) {
		pr_err("warden: warden.bin is not a Warden hypervisor image "
		       "(no %s signature)\n",
		       WARDEN_HV_SIGNATURE);
		return -EINVAL;
	}
	if (h->header_version != WARDEN_HV_HEADER_VERSION) {
		pr_err("warden: warden.bin has header version %u, this driver "
		       "needs %u: install matching driver and firmware\n",
		       h->header_version, WARDEN_HV_HEADER_VERSION);
		return -EINVAL;
	}
	if (h->image_size != fw->size || h->core_size < h->image_size ||
	    h->entry & 0x7ff || h->entry >= h->image_size ||
	    h->console_offset + h->console_size > h->core_size) {
		pr_err("warden: warden.bin is damaged (sizes in its header do "
		       "not match)\n");
		return -EINVAL;
	}
	if (h->core_size + config_size + HV_MIN_POOL > hv_size) {
		pr_err("warden: hypervisor memory of %llu KiB is too small: "
		       "the image needs %llu KiB, the config %llu bytes, plus "
		       "%u KiB for page tables\n",
		       hv_size >> 10, h->core_size >> 10, config_size,
		       HV_MIN_POOL >> 10);
		return -ENOMEM;
	}
	if (num_online_cpus() > h->max_cpus) {
		pr_err("warden: %u CPUs online, the hypervisor supports %u\n",
		       num_online_cpus(), h->max_cpus);
		return -EINVAL;
	}
	return 0;
}

static int check_el2(u64 stub_va)
{
	u64 pfr0 = read_sysreg(id_aa64pfr0_el1);

	if (is_kernel_in_hyp_mode()) {
		pr_err("warden: Linux runs at EL2 (VHE), so there is no EL2 "
		       "to take: boot it at EL1 (a CPU without VHE, or "
		       "id_aa64mmfr1.vh=0 on the command line) with "
		       "kvm-arm.mode=none\n");
		return -EBUSY;
	}
	if (IS_ENABLED(CONFIG_KVM) && kvm_debugfs_dir) {
		pr_err("warden: KVM is initialised and owns EL2: boot with "
		       "kvm-arm.mode=none\n");
		return -EBUSY;
	}
	if (!((pfr0 >> 8) & 0xf)) {
		pr_err("warden: this CPU has no EL2 (virtualization "
		       "extensions); with QEMU use -machine "
		       "virtualization=on\n");
		return -ENODEV;
	}
	if (!stub_va || stub_va & 0x7ff || stub_va < kimage_vaddr ||
	    stub_va >= kimage_vaddr + SZ_256M) {
		pr_err("warden: 0x%llx is not the kernel's __hyp_stub_vectors "
		       "(pass the address from /proc/kallsyms)\n",
		       stub_va);
		return -EINVAL;
	}
	return 0;
}

static void print_hv_console(u32 from)
{
	struct warden_console_ring *ring = warden.console;
	char line[384]; /* a rule engine sentence: up to 320 + "ERROR: " */
	unsigned int n = 0;
	u32 pos;

	if (!ring || ring->magic != WARDEN_CONSOLE_MAGIC)
		return;
	if (ring->tail - from > ring->size)
		from = ring->tail - ring->size;
	for (pos = from; pos != ring->tail; pos++) {
		char c = ring->buf[pos & (ring->size - 1)];

		if (c != '\n' && n < sizeof(line) - 1) {
			line[n++] = c;
			continue;
		}
		line[n] = 0;
		if (n)
			pr_err("warden: hypervisor: %s\n", line);
		n = 0;
	}
}

static int enter_all(phys_addr_t vectors)
{
	struct enter_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int err = 0, ok = 0, failed = 0;
	unsigned int cpu;

	if (!ctx)
		return -ENOMEM;
	ctx->vectors = vectors;
	on_each_cpu(enter_cpu, ctx, 1);
	for_each_online_cpu(cpu)
	{
		if (ctx->result[cpu]) {
			if (!err)
				err = ctx->result[cpu];
			failed++;
			if (ctx->result[cpu] == -EBUSY)
				pr_err("warden: CPU %u: EL2 does not run "
				       "Linux' hyp stub (is KVM using it? "
				       "boot with kvm-arm.mode=none)\n",
				       cpu);
		} else {
			ok++;
		}
	}
	if (ok && failed)
		pr_crit("warden: %d CPUs entered the hypervisor, %d did not; "
			"the system is in an inconsistent state\n",
			ok, failed);
	kfree(ctx);
	return err;
}

int warden_enable(const struct warden_enable __user *uarg)
{
	const struct firmware *fw = NULL;
	struct jailhouse_system *sys = NULL;
	struct warden_hv_header *h;
	struct warden_enable args;
	struct resource *res = NULL;
	void *mem = NULL;
	u64 hv_phys, hv_size, mask;
	int err;

	/* before anything is read: the config is the root's, not ours */
	if (warden.in_cell) {
		pr_err("warden: this Linux runs in a Warden cell (its device "
		       "tree says \"warden,linux-cell\"): the hypervisor is "
		       "below it already; enable and manage cells from the "
		       "root cell\n");
		return -EPERM;
	}
	if (copy_from_user(&args, uarg, sizeof(args)))
		return -EFAULT;
	if (args.flags)
		return -EINVAL;
	if (args.config_size < sizeof(*sys) ||
	    args.config_size > CONFIG_MAX_SIZE) {
		pr_err("warden: a system config of %llu bytes: must be %zu "
		       "to %u bytes\n",
		       args.config_size, sizeof(*sys), CONFIG_MAX_SIZE);
		return -EINVAL;
	}
	sys = vmalloc(args.config_size);
	if (!sys)
		return -ENOMEM;
	if (copy_from_user(sys, u64_to_user_ptr(args.config_address),
			   args.config_size)) {
		err = -EFAULT;
		goto out;
	}
	/*
	 * Only what the driver itself relies on is checked here; the
	 * hypervisor checks the whole config again, trusting nothing.
	 */
	if (memcmp(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE,
		   JAILHOUSE_SIGNATURE_SIZE) ||
	    sys->architecture != JAILHOUSE_ARM64 ||
	    sys->revision != JAILHOUSE_CONFIG_REVISION) {
		pr_err("warden: not an arm64 system config of revision %u\n",
		       JAILHOUSE_CONFIG_REVISION);
		err = -EINVAL;
		goto out;
	}
	hv_phys = sys->hypervisor_memory.phys_start;
	hv_size = sys->hypervisor_memory.size;
	if (hv_phys & (SZ_2M - 1) || hv_size & (SZ_2M - 1) || !hv_size ||
	    hv_phys + hv_size < hv_phys) {
		pr_err("warden: hypervisor memory 0x%llx, size 0x%llx: start "
		       "and size must be multiples of 2 MiB\n",
		       hv_phys, hv_size);
		err = -EINVAL;
		goto out;
	}
	/* entry.S refuses these before the hypervisor's console is up */
	if (hv_size > RULES_HV_MAX_SIZE ||
	    hv_phys + hv_size > RULES_HV_PHYS_END) {
		pr_err("warden: hypervisor memory 0x%llx, size 0x%llx: at most "
		       "%llu MiB, below 0x%llx (rule hv-memory; warden config "
		       "check says more)\n",
		       hv_phys, hv_size, RULES_HV_MAX_SIZE >> 20,
		       RULES_HV_PHYS_END);
		err = -EINVAL;
		goto out;
	}
	if (sys->root_cell.cpu_set_size > 8 ||
	    args.config_size < sizeof(*sys) + sys->root_cell.cpu_set_size) {
		pr_err("warden: the root cell's CPU set is %u bytes: at most "
		       "8 supported\n",
		       sys->root_cell.cpu_set_size);
		err = -EINVAL;
		goto out;
	}
	err = config_root_cpus(sys, &mask);
	if (err)
		goto out;

	mutex_lock(&warden.lock);
	if (warden.enabled) {
		pr_err("warden: already enabled; run 'warden disable' first\n");
		err = -EBUSY;
		goto unlock;
	}
	err = check_el2(args.hyp_stub_vectors);
	if (err)
		goto unlock;
	err = request_firmware(&fw, "warden.bin", warden_dev);
	if (err) {
		pr_err("warden: cannot load the hypervisor image: "
		       "/lib/firmware/warden.bin missing? (error %d)\n",
		       err);
		goto unlock;
	}
	err = check_header(fw, args.config_size, hv_size);
	if (err)
		goto unlock;

	res = request_mem_region(hv_phys, hv_size, "Warden hypervisor");
	if (!res) {
		pr_err("warden: hypervisor memory 0x%llx-0x%llx is in use by "
		       "Linux (see /proc/iomem): reserve it with mem= on the "
		       "kernel command line (mem=%lluM if nothing else lies "
		       "above it) or a reserved-memory node with no-map\n",
		       hv_phys, hv_phys + hv_size - 1,
		       (hv_phys - ram_start()) >> 20);
		err = -EBUSY;
		goto unlock;
	}
	mem = memremap(hv_phys, hv_size, MEMREMAP_WB);
	if (!mem) {
		pr_err("warden: cannot map hypervisor memory 0x%llx\n",
		       hv_phys);
		err = -ENOMEM;
		goto release;
	}

	/* All of it: stale data must not survive into a new hypervisor. */
	memset(mem, 0, hv_size);
	memcpy(mem, fw->data, fw->size);
	h = mem;
	h->config_offset = h->core_size;
	h->config_size = args.config_size;
	h->stub_vectors = args.hyp_stub_vectors - kimage_voffset;
	memcpy(mem + h->config_offset, sys, args.config_size);
	warden.console_offset = h->console_offset;
	warden.console_size = h->console_size;

	cpus_read_lock();
	err = check_cpus(mask);
	if (err)
		goto unlock_cpus;
	h->online_cpus = num_online_cpus();
	dcache_clean_inval(mem, hv_size);
	/* Linux keeps no mapping of hypervisor memory but the console. */
	memunmap(mem);
	mem = NULL;
	warden.console = memremap(hv_phys + warden.console_offset,
				  warden.console_size, MEMREMAP_WB);
	if (!warden.console) {
		err = -ENOMEM;
		goto unlock_cpus;
	}
	warden.hv_phys = hv_phys;
	warden.hv_size = hv_size;

	err = enter_all(hv_phys + ((struct warden_hv_header *)fw->data)->entry);
	if (err) {
		pr_err("warden: enable failed (%d); Linux continues without "
		       "the hypervisor\n",
		       err);
		print_hv_console(0);
		warden_console_save();
		memunmap(warden.console);
		warden.console = NULL;
		goto unlock_cpus;
	}
	warden.enabled = true;
	warden.root_cpus = mask;
	strscpy(warden.root_name, sys->root_cell.name,
		sizeof(warden.root_name));
	__module_get(THIS_MODULE);
	cpus_read_unlock();
	warden_sysfs_cell_add();
	pr_info("warden: hypervisor enabled, Linux is the root cell \"%s\"\n",
		warden.root_name);
	/* The hypervisor stays without it: only ivshmem is unavailable. */
	if (warden_vpci_add(sys, args.config_size))
		pr_err("warden: no virtual PCI host bridge: the root cell's "
		       "ivshmem devices are unavailable until the next "
		       "enable\n");
	res = NULL; /* kept while enabled */
	warden.sys_config = sys;
	warden.sys_config_size = args.config_size;
	sys = NULL; /* kept while enabled */
	goto unlock;

unlock_cpus:
	cpus_read_unlock();
release:
	if (mem)
		memunmap(mem);
	release_mem_region(hv_phys, hv_size);
unlock:
	mutex_unlock(&warden.lock);
	release_firmware(fw);
out:
	vfree(sys);
	return err;
}

/*
 * A CPU the hypervisor stopped after a fault never answers an IPI: asking
 * it to leave would hang this CPU too.
 */
static int check_failed_cpus(u64 mask)
{
	unsigned int cpu;

	for (cpu = 0; cpu < 64; cpu++) {
		if (!(mask & (1ULL << cpu)))
			continue;
		if (warden_hypercall(WARDEN_HC_CPU_GET_INFO, cpu,
				     WARDEN_CPU_INFO_STATE) ==
		    WARDEN_CPU_INFO_FAILED) {
			pr_err("warden: CPU %u was stopped by the hypervisor "
			       "after a fault (see 'warden console'); the "
			       "hypervisor cannot leave without it: reboot\n",
			       cpu);
			return -EBUSY;
		}
	}
	return 0;
}

int warden_disable(void)
{
	int *result, err = 0;
	unsigned int cpu;

	mutex_lock(&warden.lock);
	if (!warden.enabled) {
		pr_err("warden: not enabled\n");
		err = -EINVAL;
		goto unlock;
	}
	result = kcalloc(nr_cpu_ids, sizeof(*result), GFP_KERNEL);
	if (!result) {
		err = -ENOMEM;
		goto unlock;
	}
	/*
	 * The virtual host bridge's devices are unbound while the hypervisor
	 * still answers their config space; a refusal seen here (a failed
	 * CPU) leaves the bridge in place.
	 */
	err = check_failed_cpus(warden.root_cpus);
	if (err) {
		kfree(result);
		goto unlock;
	}
	warden_vpci_remove();
	cpus_read_lock();
	err = check_cpus(warden.root_cpus);
	if (!err)
		err = check_failed_cpus(warden.root_cpus);
	if (!err) {
		on_each_cpu(leave_cpu, result, 1);
		for_each_online_cpu(cpu) if (result[cpu] && !err)
			err = result[cpu];
	}
	cpus_read_unlock();
	kfree(result);
	if (err) {
		pr_err("warden: disable failed (%d); the hypervisor stays\n",
		       err);
		goto unlock;
	}
	warden.enabled = false;
	warden_console_save();
	memunmap(warden.console);
	warden.console = NULL;
	release_mem_region(warden.hv_phys, warden.hv_size);
	vfree(warden.sys_config);
	warden.sys_config = NULL;
	warden.sys_config_size = 0;
	module_put(THIS_MODULE);
	mutex_unlock(&warden.lock);
	warden_sysfs_cell_remove();
	pr_info("warden: hypervisor disabled\n");
	return 0;
unlock:
	mutex_unlock(&warden.lock);
	return err;
}
