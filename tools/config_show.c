// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include <warden/mem_flags.h>

#include "config_show.h"
#include "numparse.h"

char *config_mem_flags_str(uint64_t flags, char *buf, size_t len)
{
	if (!mem_flags_format(flags, buf, len))
		snprintf(buf, len, "-");
	return buf;
}

static const char *console_type(uint16_t type)
{
	static const char *const names[] = {
		"none",	       "EFI framebuffer", "8250",  "PL011",
		"Xilinx UART", "MVEBU",		  "HSCIF", "SCIFA",
		"i.MX",	       "i.MX LPUART",	  "SCIF",
	};

	return type < sizeof(names) / sizeof(names[0]) ? names[type] :
							 "unknown type";
}

static void show_console(const char *what, const struct jailhouse_console *c,
			 FILE *out)
{
	char size[32];

	if (c->type == JAILHOUSE_CON_TYPE_NONE) {
		fprintf(out, "%s: none\n", what);
		return;
	}
	fprintf(out, "%s: %s at 0x%llx (%s), %s, %s-bit register stride%s\n",
		what, console_type(c->type), (unsigned long long)c->address,
		format_size(c->size, size, sizeof(size)),
		c->flags & JAILHOUSE_CON_ACCESS_MMIO ? "MMIO" : "port I/O",
		c->flags & JAILHOUSE_CON_REGDIST_4 ? "32" : "8",
		c->divider ? "" : ", set up by firmware (divider 0)");
}

/* CPU numbers as "0-3,6". */
static void show_cpus(const struct warden_config *cfg, FILE *out)
{
	uint64_t n = (uint64_t)cfg->cell->cpu_set_size * 8, cpu, first = 0;
	int in = 0, any = 0;

	fprintf(out, "  CPUs: ");
	for (cpu = 0; cpu <= n; cpu++) {
		int set = cpu < n && warden_config_has_cpu(cfg, cpu);

		if (set && !in) {
			first = cpu;
			in = 1;
		} else if (!set && in) {
			in = 0;
			fprintf(out, "%s%llu", any ? "," : "",
				(unsigned long long)first);
			if (cpu - 1 > first)
				fprintf(out, "-%llu",
					(unsigned long long)cpu - 1);
			any = 1;
		}
	}
	fprintf(out, "%s (%u)\n", any ? "" : "none",
		warden_config_cpu_count(cfg));
}

static const struct warden_config *sort_cfg;

static int by_phys(const void *a, const void *b)
{
	const struct jailhouse_memory *ma =
		&sort_cfg->mem_regions[*(const uint32_t *)a];
	const struct jailhouse_memory *mb =
		&sort_cfg->mem_regions[*(const uint32_t *)b];
	uint64_t pa = ma->flags & JAILHOUSE_MEM_COMM_REGION ? ~0ULL :
							      ma->phys_start;
	uint64_t pb = mb->flags & JAILHOUSE_MEM_COMM_REGION ? ~0ULL :
							      mb->phys_start;

	if (pa != pb)
		return pa < pb ? -1 : 1;
	return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1;
}

static void show_memory(const struct warden_config *cfg, FILE *out)
{
	uint32_t n = cfg->cell->num_memory_regions, i;
	uint32_t *order = malloc((n ? n : 1) * sizeof(*order));
	char size[32], flags[160];

	fprintf(out, "  Memory regions: %u, by physical address\n", n);
	if (!n || !order) {
		free(order);
		return;
	}
	for (i = 0; i < n; i++)
		order[i] = i;
	sort_cfg = cfg;
	qsort(order, n, sizeof(*order), by_phys);
	fprintf(out, "    %3s  %-18s  %-18s  %10s  %s\n", "#", "phys", "virt",
		"size", "flags");
	for (i = 0; i < n; i++) {
		const struct jailhouse_memory *m = &cfg->mem_regions[order[i]];
		char phys[24];

		if (m->flags & JAILHOUSE_MEM_COMM_REGION)
			snprintf(phys, sizeof(phys), "(comm page)");
		else
			snprintf(phys, sizeof(phys), "0x%llx",
				 (unsigned long long)m->phys_start);
		fprintf(out, "    %3u  %-18s  0x%-16llx  %10s  %s\n", order[i],
			phys, (unsigned long long)m->virt_start,
			format_size(m->size, size, sizeof(size)),
			config_mem_flags_str(m->flags, flags, sizeof(flags)));
	}
	free(order);
}

/* Granted INTIDs as ranges, per irqchip entry. */
static void show_irqs(const struct warden_config *cfg, FILE *out)
{
	uint32_t i;

	if (!cfg->cell->num_irqchips) {
		fprintf(out, "  Interrupts: none\n");
		return;
	}
	for (i = 0; i < cfg->cell->num_irqchips; i++) {
		const struct jailhouse_irqchip *chip = &cfg->irqchips[i];
		uint64_t first = 0, bit;
		int in = 0, any = 0;

		fprintf(out, "  Interrupts (irqchip at 0x%llx): INTID ",
			(unsigned long long)chip->address);
		for (bit = 0; bit <= 128; bit++) {
			int set = bit < 128 &&
				  (chip->pin_bitmap[bit / 32] >> (bit % 32)) &
					  1;
			uint64_t intid = chip->pin_base + bit;

			if (set && !in) {
				first = intid;
				in = 1;
			} else if (!set && in) {
				in = 0;
				fprintf(out, "%s%llu", any ? "," : "",
					(unsigned long long)first);
				if (intid - 1 > first)
					fprintf(out, "-%llu",
						(unsigned long long)intid - 1);
				any = 1;
			}
		}
		fprintf(out, "%s\n", any ? "" : "none");
	}
}

static void show_pci(const struct warden_config *cfg, FILE *out)
{
	static const char *const types[] = { "?", "device", "bridge",
					     "ivshmem" };
	uint32_t i;

	for (i = 0; i < cfg->cell->num_pci_devices; i++) {
		const struct jailhouse_pci_device *d = &cfg->pci_devices[i];

		fprintf(out, "  PCI %04x:%02x:%02x.%x %s", d->domain,
			d->bdf >> 8, (d->bdf >> 3) & 0x1f, d->bdf & 7,
			d->type < 4 ? types[d->type] : "?");
		if (d->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			fprintf(out,
				": peer %u of %u, regions %u-%llu, protocol "
				"0x%04x, ",
				d->shmem_dev_id, d->shmem_peers,
				d->shmem_regions_start,
				(unsigned long long)d->shmem_regions_start + 1 +
					d->shmem_peers,
				d->shmem_protocol);
		/* MSI-X mode has no INTx: the vectors' data are the SPIs */
		if (d->type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
		    d->num_msix_vectors)
			fprintf(out, "MSI-X, %u vectors (SPI = vector data)",
				d->num_msix_vectors);
		else if (d->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			fprintf(out, "INTx INTID %llu",
				32 +
					(unsigned long long)
						cfg->cell->vpci_irq_base +
					((d->bdf >> 3) & 3));
		fprintf(out, "\n");
	}
}

static void show_cell_flags(uint32_t flags, FILE *out)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} names[] = {
		{ JAILHOUSE_CELL_PASSIVE_COMMREG, "PASSIVE_COMMREG" },
		{ JAILHOUSE_CELL_TEST_DEVICE, "TEST_DEVICE" },
		{ JAILHOUSE_CELL_AARCH32, "AARCH32" },
		{ WARDEN_CELL_DIRECT_IRQ, "DIRECT_IRQ" },
		{ JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,
		  "VIRTUAL_CONSOLE_PERMITTED" },
		{ JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE,
		  "VIRTUAL_CONSOLE_ACTIVE" },
	};
	uint32_t rest = flags;
	unsigned int i;

	fprintf(out, "  Flags:");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].bit) {
			fprintf(out, " %s", names[i].name);
			rest &= ~names[i].bit;
		}
	if (rest)
		fprintf(out, " 0x%x", rest);
	fprintf(out, "%s\n", flags ? "" : " none");
}

static void show_cell(const struct warden_config *cfg, FILE *out)
{
	const struct jailhouse_cell_desc *c = cfg->cell;
	uint32_t i;

	fprintf(out, "Cell \"%s\"%s\n", c->name,
		cfg->system ? " (root cell)" : "");
	show_cell_flags(c->flags, out);
	show_cpus(cfg, out);
	if (!cfg->system)
		fprintf(out, "  Reset address: 0x%llx\n",
			(unsigned long long)c->cpu_reset_address);
	show_memory(cfg, out);
	show_irqs(cfg, out);
	show_pci(cfg, out);
	if (c->num_stream_ids) {
		fprintf(out, "  Stream ids:");
		for (i = 0; i < c->num_stream_ids; i++)
			fprintf(out, " 0x%x", warden_config_stream_id(cfg, i));
		fprintf(out, "\n");
	}
	show_console("  Console", &c->console, out);
}

static void show_system(const struct jailhouse_system *s, FILE *out)
{
	const typeof(s->platform_info.arm) *arm = &s->platform_info.arm;
	char buf[32];
	unsigned int u;

	fprintf(out, "Hypervisor memory: 0x%llx-0x%llx (%s)\n",
		(unsigned long long)s->hypervisor_memory.phys_start,
		(unsigned long long)(s->hypervisor_memory.phys_start +
				     s->hypervisor_memory.size - 1),
		format_size(s->hypervisor_memory.size, buf, sizeof(buf)));
	show_console("Debug console", &s->debug_console, out);
	if (s->flags & JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE)
		fprintf(out, "  The root cell may read it "
			     "(VIRTUAL_DEBUG_CONSOLE)\n");
	fprintf(out, "SMC policy: the root's SiP and OEM calls are %s\n",
		s->flags & WARDEN_SYS_FORWARD_SIP_OEM_SMC ?
			"forwarded to firmware (WARDEN_SYS_FORWARD_SIP_OEM_SMC)" :
			"refused (set WARDEN_SYS_FORWARD_SIP_OEM_SMC to forward them)");
	fprintf(out, "GIC: v%u, distributor 0x%llx", arm->gic_version,
		(unsigned long long)arm->gicd_base);
	if (arm->gic_version == 3)
		fprintf(out, ", redistributors from 0x%llx (128 KiB per CPU)",
			(unsigned long long)arm->gicr_base);
	else
		fprintf(out,
			", CPU/hyp/virtual interfaces 0x%llx/0x%llx/0x%llx",
			(unsigned long long)arm->gicc_base,
			(unsigned long long)arm->gich_base,
			(unsigned long long)arm->gicv_base);
	fprintf(out, ", maintenance INTID %u\n", arm->maintenance_irq);
	if (s->platform_info.pci_mmconfig_base)
		fprintf(out,
			"PCI: %s, ECAM at 0x%llx (buses 0-%u), domain %u\n",
			s->platform_info.pci_is_virtual ?
				"virtual host bridge" :
				"physical host bridge",
			(unsigned long long)s->platform_info.pci_mmconfig_base,
			s->platform_info.pci_mmconfig_end_bus,
			s->platform_info.pci_domain);
	else
		fprintf(out, "PCI: none\n");
	for (u = 0; u < JAILHOUSE_MAX_IOMMU_UNITS; u++) {
		const struct jailhouse_iommu *io =
			&s->platform_info.iommu_units[u];

		if (!io->base)
			break;
		fprintf(out, "IOMMU %u: type %u%s at 0x%llx (%s)", u, io->type,
			io->type == JAILHOUSE_IOMMU_PVU	       ? " (TI PVU)" :
			io->type == JAILHOUSE_IOMMU_SMMUV3     ? " (SMMUv3)" :
			io->type == JAILHOUSE_IOMMU_ARM_MMU500 ? " (MMU-500)" :
								 "",
			(unsigned long long)io->base,
			format_size(io->size, buf, sizeof(buf)));
		if (io->type == JAILHOUSE_IOMMU_PVU)
			fprintf(out, ", TLBs at 0x%llx (%s)",
				(unsigned long long)io->tipvu.tlb_base,
				format_size(io->tipvu.tlb_size, buf,
					    sizeof(buf)));
		fprintf(out, "\n");
	}
}

void config_show(const struct warden_config *cfg, FILE *out)
{
	fprintf(out, "%s configuration, revision %u, arm64, %llu bytes\n",
		cfg->system ? "System" : "Cell",
		cfg->system ? cfg->system->revision : cfg->cell->revision,
		(unsigned long long)cfg->size);
	if (cfg->size < cfg->file_size)
		fprintf(out,
			"(the file has %llu more bytes than its counts "
			"describe: run \"warden config check\")\n",
			(unsigned long long)(cfg->file_size - cfg->size));
	if (cfg->system)
		show_system(cfg->system, out);
	show_cell(cfg, out);
}
