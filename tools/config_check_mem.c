// SPDX-License-Identifier: GPL-2.0
/*
 * Memory advice of "warden config check": likely mistakes the hypervisor
 * does not refuse (the rules are hypervisor/core/rules_mem.c).
 */
#include <warden/debug_uart.h>

#include "config_check_int.h"

/*
 * Jailhouse intercepts a physical host bridge's config space; Warden
 * passes no physical PCI through (a virtual one is the rules' business).
 */
void check_ecam(const struct ctx *x, const struct warden_config *c)
{
	const struct jailhouse_system *s = x->sys->system;
	uint64_t ecam = ((uint64_t)s->platform_info.pci_mmconfig_end_bus + 1)
			<< 20;
	uint32_t i;
	char buf[64];

	if (!s->platform_info.pci_mmconfig_base ||
	    s->platform_info.pci_is_virtual == 1)
		return;
	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);
		struct config_finding *f;

		if (!has_phys(m) ||
		    !warden_range_overlaps(m->phys_start, m->size,
					   s->platform_info.pci_mmconfig_base,
					   ecam))
			continue;
		f = config_report_add(
			x->r, FINDING_ADVICE, "ecam-overlap", name_of(c), i,
			"maps the PCI config space (ECAM) %s: Jailhouse "
			"intercepts it and would refuse this; Warden passes no "
			"physical PCI through and lets the cell reach it",
			range_str(s->platform_info.pci_mmconfig_base, ecam, buf,
				  sizeof(buf)));
		set_range(f, m->phys_start, m->size);
		set_fix(f, "split the region around the ECAM window");
	}
}

void check_comm_region(const struct ctx *x, const struct warden_config *c)
{
	uint32_t i, count = 0;
	struct config_finding *f;

	for (i = 0; i < c->cell->num_memory_regions; i++)
		count += is_comm(mem(c, i));
	if (is_root(x, c) || count ||
	    c->cell->flags & JAILHOUSE_CELL_PASSIVE_COMMREG)
		return;
	f = config_report_add(
		x->r, FINDING_ADVICE, "comm-region", name_of(c), -1,
		"no comm region, yet the cell is not PASSIVE_COMMREG: the "
		"hypervisor will wait for answers the cell cannot give");
	set_fix(f, "add a JAILHOUSE_MEM_COMM_REGION region, or set "
		   "JAILHOUSE_CELL_PASSIVE_COMMREG in .flags");
}

void check_reset_address(const struct ctx *x, const struct warden_config *c)
{
	uint64_t pc = c->cell->cpu_reset_address;
	struct config_finding *f;
	uint32_t i;

	if (is_root(x, c))
		return;
	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);
		uint64_t want = JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE;

		if (is_comm(m) ||
		    !warden_range_contains(m->virt_start, m->size, pc, 4))
			continue;
		if ((m->flags & want) == want)
			return;
		f = config_report_add(
			x->r, FINDING_ADVICE, "reset-address", name_of(c), i,
			"cpu_reset_address 0x%llx lies in a region without "
			"%s%s",
			(unsigned long long)pc,
			m->flags & JAILHOUSE_MEM_EXECUTE ? "" : "EXECUTE ",
			m->flags & JAILHOUSE_MEM_LOADABLE ? "" : "LOADABLE");
		set_range(f, m->virt_start, m->size);
		set_fix(f, "flag the region JAILHOUSE_MEM_EXECUTE | "
			   "JAILHOUSE_MEM_LOADABLE so that an image can be "
			   "loaded there and run");
		return;
	}
	f = config_report_add(x->r, FINDING_ADVICE, "reset-address", name_of(c),
			      -1,
			      "cpu_reset_address 0x%llx is in no region of "
			      "the cell: its first CPU faults at once",
			      (unsigned long long)pc);
	set_fix(f, "set cpu_reset_address to an IPA inside an executable, "
		   "loadable RAM region (where the image is loaded)");
}

void check_root_exec(const struct ctx *x)
{
	const struct warden_config *c = x->sys;
	uint32_t i;

	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);
		struct config_finding *f;

		if (!has_phys(m) || m->flags & JAILHOUSE_MEM_IO ||
		    m->flags & JAILHOUSE_MEM_EXECUTE ||
		    !(m->flags & JAILHOUSE_MEM_WRITE) || is_shmem_region(c, i))
			continue;
		f = config_report_add(
			x->r, FINDING_ADVICE, "root-ram-exec", name_of(c), i,
			"writable root memory without JAILHOUSE_MEM_EXECUTE: "
			"Warden enforces execute permission, so if this is "
			"Linux RAM, Linux faults the first time it runs code "
			"from here (TEE memory, PCIe or flash windows and "
			"device memory need no EXECUTE)");
		set_range(f, m->phys_start, m->size);
		set_fix(f, "add JAILHOUSE_MEM_EXECUTE if Linux runs code "
			   "here; otherwise ignore this");
	}
}

void check_console(const struct ctx *x, const struct warden_config *c)
{
	const struct jailhouse_console *con = &c->cell->console;
	uint64_t size = con->size ? con->size : 1;
	struct config_finding *f;
	uint32_t i;

	if (con->type == JAILHOUSE_CON_TYPE_NONE || !con->address ||
	    !(con->flags & JAILHOUSE_CON_ACCESS_MMIO) ||
	    c->cell->flags & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)
		return;
	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);

		if (!is_comm(m) && warden_range_contains(m->virt_start, m->size,
							 con->address, size))
			return;
	}
	f = config_report_add(x->r, FINDING_ADVICE, "console", name_of(c), -1,
			      "the console at 0x%llx is in no region of the "
			      "cell: its first output faults",
			      (unsigned long long)con->address);
	set_range(f, con->address, size);
	set_fix(f, "add a JAILHOUSE_MEM_IO region for the UART (ROOTSHARED "
		   "if the root keeps using it), or set "
		   "JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE");
}

/*
 * Only where an IOMMU exists: without one, every device reaches all
 * memory and the flag changes nothing.
 */
static int has_iommu(const struct ctx *x)
{
	return !!x->sys->system->platform_info.iommu_units[0].base;
}

static void dma_advice(const struct ctx *x, const struct warden_config *c,
		       uint32_t i, uint32_t k)
{
	const struct warden_config *root = x->sys;
	const struct jailhouse_memory *m = mem(c, i), *rm = mem(root, k);
	struct config_finding *f;

	if (!has_iommu(x) || !(m->flags & JAILHOUSE_MEM_DMA) ||
	    rm->flags & JAILHOUSE_MEM_DMA)
		return;
	f = config_report_add(
		x->r, FINDING_ADVICE, "dma-mismatch", name_of(c), i,
		"the cell's region has JAILHOUSE_MEM_DMA, but root region %u "
		"at 0x%llx of \"%s\", which backs it, does not: an IOMMU "
		"set up by these flags never maps this memory for the root's "
		"devices, so none could DMA into it: not a DMA engine loading "
		"the cell's image, nor any device after the cell is destroyed "
		"and the memory returns to the root (Warden programs no "
		"IOMMU yet: today every device reaches all memory)",
		k, (unsigned long long)rm->phys_start, name_of(root));
	set_range(f, m->phys_start, m->size);
	set_fix(f,
		"if root devices must DMA there, add JAILHOUSE_MEM_DMA to "
		"root region %u; if not (e.g. memory reserved for the inmate "
		"only, on a TI PVU that cannot unmap at run time), this is "
		"intended and the advice can be ignored",
		k);
}

/*
 * EXECUTE is a right the root region need not have for the cell to get
 * it (the rules hold WRITE and IO to the root region's, not EXECUTE):
 * Jailhouse ignores the flag on arm64, and real configs give inmates
 * RAM with EXECUTE from root memory without it (NXP's i.MX8QM "Inmate
 * memory"). What the cell runs there is its own; the advice only says
 * that the two configs disagree.
 */
static void exec_advice(const struct ctx *x, const struct warden_config *c,
			uint32_t i, uint32_t k)
{
	const struct warden_config *root = x->sys;
	const struct jailhouse_memory *m = mem(c, i), *rm = mem(root, k);
	struct config_finding *f;

	if (!(m->flags & JAILHOUSE_MEM_EXECUTE) ||
	    rm->flags & JAILHOUSE_MEM_EXECUTE)
		return;
	f = config_report_add(
		x->r, FINDING_ADVICE, "exec-mismatch", name_of(c), i,
		"the cell's region has JAILHOUSE_MEM_EXECUTE, but root region "
		"%u at 0x%llx of \"%s\", which backs it, does not: the cell "
		"may run code from memory the root may not (Jailhouse "
		"ignores EXECUTE on arm64, Warden enforces it)",
		k, (unsigned long long)rm->phys_start, name_of(root));
	set_range(f, m->phys_start, m->size);
	set_fix(f,
		"if cells run code there (memory reserved for inmates), add "
		"JAILHOUSE_MEM_EXECUTE to root region %u; if the cell does "
		"not, clear it from the cell's region",
		k);
}

/*
 * What the root regions backing a cell's regions lack: DMA (with an
 * IOMMU), EXECUTE.
 */
void check_dma(const struct ctx *x, const struct warden_config *c)
{
	const struct warden_config *root = x->sys;
	uint32_t i, k;

	for (i = 0; i < c->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = mem(c, i);

		if (!has_phys(m))
			continue;
		for (k = 0; k < root->cell->num_memory_regions; k++) {
			const struct jailhouse_memory *rm = mem(root, k);

			if (!has_phys(rm) ||
			    !warden_range_overlaps(m->phys_start, m->size,
						   rm->phys_start, rm->size))
				continue;
			dma_advice(x, c, i, k);
			exec_advice(x, c, i, k);
		}
	}
}

/*
 * The system config's debug console, if the hypervisor cannot drive it
 * (another type, port I/O, registers past its page): the hypervisor then
 * prints into its console ring only, and nothing on a UART says why.
 */
void check_debug_uart(const struct ctx *x)
{
	const struct jailhouse_console *con = &x->sys->system->debug_console;
	struct config_finding *f;

	if (con->type == JAILHOUSE_CON_TYPE_NONE || !con->address ||
	    debug_uart_supported(con))
		return;
	f = config_report_add(
		x->r, FINDING_ADVICE, "debug-uart", name_of(x->sys), -1,
		"the debug console (type %u at 0x%llx, flags 0x%x) is not a "
		"UART the hypervisor drives: it prints to its console ring "
		"only (warden console)",
		con->type, (unsigned long long)con->address, con->flags);
	set_fix(f, "use a PL011 (JAILHOUSE_CON_TYPE_PL011) or an MMIO 8250 "
		   "(JAILHOUSE_CON_TYPE_8250, JAILHOUSE_CON_ACCESS_MMIO, "
		   "JAILHOUSE_CON_REGDIST_4 for 32-bit registers), whose "
		   "registers lie in one page");
}
