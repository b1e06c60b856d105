// SPDX-License-Identifier: GPL-2.0
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include <warden/esr.h>
#include <warden/hypercall.h>

#include "config_show.h"
#include "fault_explain.h"
#include "numparse.h"

#define HEX "0x%" PRIx64

struct region_hit {
	const struct warden_config *cfg;
	int index;
	const struct jailhouse_memory *mem;
	bool inside;
	uint64_t distance; /* bytes outside the region (below or above) */
	bool below; /* address lies below the region's start */
};

static const char *cell_name(const struct warden_config *cfg)
{
	return cfg->cell->name;
}

/*
 * The region of one config that holds addr (as a guest-physical address
 * of that cell), or else the nearest one.
 */
static bool nearest_region(const struct warden_config *cfg, uint64_t addr,
			   struct region_hit *hit)
{
	bool found = false;
	__u32 i;

	for (i = 0; i < cfg->cell->num_memory_regions; i++) {
		const struct jailhouse_memory *m = &cfg->mem_regions[i];
		uint64_t start = m->virt_start, end = m->virt_start + m->size;
		struct region_hit h = { cfg, (int)i, m, false, 0, false };

		if (!m->size)
			continue;
		if (addr >= start && addr < end) {
			h.inside = true;
			*hit = h;
			return true;
		}
		h.below = addr < start;
		h.distance = h.below ? start - addr : addr - end + 1;
		if (!found || h.distance < hit->distance) {
			*hit = h;
			found = true;
		}
	}
	return found;
}

static void describe_region(FILE *out, const struct region_hit *h,
			    uint64_t addr)
{
	const struct jailhouse_memory *m = h->mem;
	char flags[128], size[32];
	uint64_t end = m->virt_start + m->size;

	config_mem_flags_str(m->flags, flags, sizeof(flags));
	format_size(m->size, size, sizeof(size));
	if (h->inside)
		fprintf(out,
			"  region:    inside region %d of cell \"%s\" (" HEX
			"-" HEX ", %s, %s), " HEX " bytes below its end\n",
			h->index, cell_name(h->cfg), m->virt_start, end - 1,
			size, flags, end - addr);
	else
		fprintf(out,
			"  region:    outside every region of cell \"%s\"; the nearest is region %d (" HEX
			"-" HEX ", %s, %s), " HEX " bytes %s it\n",
			cell_name(h->cfg), h->index, m->virt_start, end - 1,
			size, flags, h->distance,
			h->below ? "below the start of" : "beyond the end of");
}

static const struct warden_config *find_cell(const struct fault_context *ctx,
					     const char *name)
{
	int i;

	for (i = 0; i < ctx->num_configs; i++)
		if (!strncmp(ctx->configs[i].cell->name, name,
			     JAILHOUSE_CELL_NAME_MAXLEN))
			return &ctx->configs[i];
	return NULL;
}

static const struct warden_config *
system_config(const struct fault_context *ctx)
{
	int i;

	for (i = 0; i < ctx->num_configs; i++)
		if (ctx->configs[i].system)
			return &ctx->configs[i];
	return NULL;
}

/* Who else owns the physical address: the hypervisor, the GIC, a cell. */
static void describe_owner(FILE *out, const struct fault_context *ctx,
			   const struct warden_config *self, uint64_t addr)
{
	const struct warden_config *sys = system_config(ctx);
	int i;

	if (sys) {
		const struct jailhouse_system *s = sys->system;
		const struct jailhouse_memory *hv = &s->hypervisor_memory;
		uint64_t gicr = s->platform_info.arm.gicr_base;
		/* one redistributor (two 64 KiB frames) per CPU */
		uint64_t gicr_size = 0x20000ULL * warden_config_cpu_count(sys);
		const struct jailhouse_console *con = &s->debug_console;

		if (addr >= hv->phys_start && addr - hv->phys_start < hv->size)
			fprintf(out,
				"  owner:     " HEX
				" is hypervisor memory (" HEX "+" HEX
				"): no cell may touch it\n",
				addr, (uint64_t)hv->phys_start,
				(uint64_t)hv->size);
		if (s->platform_info.arm.gicd_base &&
		    addr >= s->platform_info.arm.gicd_base &&
		    addr < s->platform_info.arm.gicd_base + 0x10000)
			fprintf(out,
				"  owner:     " HEX
				" is the GIC distributor, which the hypervisor emulates\n",
				addr);
		if (gicr && addr >= gicr && addr - gicr < gicr_size)
			fprintf(out,
				"  owner:     " HEX
				" is the GIC redistributor of CPU %" PRIu64
				", which the hypervisor filters\n",
				addr, (addr - gicr) / 0x20000);
		if (con->address && con->size && addr >= con->address &&
		    addr - con->address < con->size)
			fprintf(out,
				"  owner:     " HEX
				" is the hypervisor's debug console (" HEX
				"+0x%x)\n",
				addr, (uint64_t)con->address, con->size);
	}
	for (i = 0; i < ctx->num_configs; i++) {
		const struct warden_config *c = &ctx->configs[i];
		__u32 j;

		if (c == self)
			continue;
		for (j = 0; j < c->cell->num_memory_regions; j++) {
			const struct jailhouse_memory *m = &c->mem_regions[j];

			if (m->flags & JAILHOUSE_MEM_COMM_REGION)
				continue;
			if (addr >= m->phys_start &&
			    addr - m->phys_start < m->size)
				fprintf(out,
					"  owner:     " HEX
					" is physical memory of cell \"%s\" (region %u)\n",
					addr, cell_name(c), j);
		}
	}
}

static void print_symbol(FILE *out, const char *what, uint64_t addr,
			 const struct fault_context *ctx)
{
	char sym[256];

	if (ctx->symbols &&
	    symbolizer_lookup(ctx->symbols, addr, sym, sizeof(sym)))
		fprintf(out, "  %-10s " HEX " = %s\n", what, addr, sym);
	else
		fprintf(out, "  %-10s " HEX "\n", what, addr);
}

static void explain_abort(FILE *out, const struct fault_report *r,
			  const struct esr_info *e, const struct region_hit *h)
{
	const char *fix = NULL;
	bool fetch = !e->is_data;

	if (r->hyp_exception) {
		fprintf(out,
			"  cause:     the hypervisor itself faulted at EL2: a Warden/Jailhouse bug or a hardware\n"
			"             difference; symbolise pc with --elf on the hypervisor's ELF file\n");
		return;
	}
	if (e->s1ptw)
		fprintf(out,
			"  walk:      the fault hit the guest's own page tables: the address is that of a\n"
			"             stage-1 table entry the guest's MMU read while translating pc/far\n");
	switch (e->fault.kind) {
	case ESR_FAULT_TRANSLATION:
		if (h && h->inside)
			fix = "the address is inside a configured region, yet unmapped: the config shown here\n"
			      "             is not what the hypervisor enforces (another config enabled, or the region was\n"
			      "             given to a cell, or it overlaps hypervisor memory): compare with the running\n"
			      "             configuration, and run \"warden config check\"";
		else if (e->s1ptw)
			fix = "the guest keeps a page table at an address its config does not map: add the\n"
			      "             RAM region that holds it, or find why the guest's memory map differs";
		else if (fetch)
			fix = "the cell executed code at an address its config does not map: add the memory\n"
			      "             region (with JAILHOUSE_MEM_EXECUTE), or find why the code jumped there";
		else
			fix = "the cell accessed an address its config does not map: a device or RAM is missing\n"
			      "             from its memory regions (add it), or the driver/inmate uses a wrong address";
		break;
	case ESR_FAULT_PERMISSION:
		if (fetch)
			fix = "instruction fetch from a region without JAILHOUSE_MEM_EXECUTE: add the flag to the\n"
			      "             region (Warden enforces it; Jailhouse ignores it on Arm, so old configs lack it)";
		else if (e->write)
			fix = "write to a region without JAILHOUSE_MEM_WRITE: add the flag if the cell must write it";
		else
			fix = "read from a region without JAILHOUSE_MEM_READ: add the flag";
		break;
	case ESR_FAULT_EXTERNAL:
	case ESR_FAULT_EXTERNAL_WALK:
		fix = "the memory system answered with an error: the device is off, unclocked or absent";
		break;
	case ESR_FAULT_ALIGNMENT:
		fix = "unaligned access to device memory: use accesses of the register's natural width";
		break;
	default:
		break;
	}
	if (e->is_data && !e->isv && e->fault.kind != ESR_FAULT_TRANSLATION &&
	    e->fault.kind != ESR_FAULT_PERMISSION)
		fix = "an instruction without syndrome (load/store pair, or with writeback) hit an emulated\n"
		      "             device: use plain loads and stores of one register for MMIO";
	if (fix)
		fprintf(out, "  cause:     %s\n", fix);
}

static void explain_other(FILE *out, const struct fault_report *r,
			  const struct esr_info *e)
{
	switch (e->ec) {
	case ESR_EC_UNKNOWN:
		fprintf(out,
			"  cause:     an undefined instruction%s: e.g. an access to a system register this\n"
			"             CPU lacks (FPEXC32_EL2 on cores without AArch32, such as Cortex-A76/A55)\n",
			r->hyp_exception ? " in the hypervisor" : "");
		break;
	case ESR_EC_SMC64:
	case 0x13:
		fprintf(out,
			"  cause:     an SMC the hypervisor does not handle: firmware service calls (SiP/OEM,\n"
			"             e.g. SCMI or a TEE) must be allowed by the system config's SMC policy\n");
		break;
	case ESR_EC_HVC64:
		fprintf(out,
			"  cause:     an HVC with immediate 0x%x; hypercalls use hvc #0x%x\n",
			e->imm16, WARDEN_HVC_IMM);
		break;
	case ESR_EC_SYS64:
		fprintf(out,
			"  cause:     the cell touched a system register the hypervisor traps and does not\n"
			"             emulate\n");
		break;
	}
}

/*
 * Jailhouse's "Unhandled data write at 0x76100000(4)": the cell's access
 * hit no region of its config and no device the hypervisor emulates. The
 * size is 1 << ESR.SAS, which means nothing without a syndrome (ISV=0).
 */
static void explain_unhandled_data(FILE *out, const struct fault_report *r,
				   const struct esr_info *e,
				   const struct region_hit *h)
{
	bool no_size = r->access_size <= 0 || (e && e->is_data && !e->isv);

	fprintf(out, "  unhandled: %s of ", r->access_write ? "write" : "read");
	if (no_size)
		fprintf(out, "unknown size");
	else
		fprintf(out, "%d byte%s", r->access_size,
			r->access_size == 1 ? "" : "s");
	fprintf(out,
		" at IPA " HEX
		": no memory region of the cell and no emulated device covers it%s%s\n",
		r->addr,
		e && e->is_data && !e->isv ?
			"\n             (ISV=0: the \"(1)\" in the report is not the access's size)" :
			"",
		h && h->inside ?
			"\n             -- yet the config given maps it: the hypervisor runs another configuration" :
			"");
	/* Without a syndrome in the report, this line is the whole story. */
	if (!e && !(h && h->inside))
		fprintf(out,
			"  cause:     the cell %s an address its config does not map: a device or RAM is missing\n"
			"             from its memory regions (add it), or the driver/inmate uses a wrong address\n",
			r->access_write ? "wrote to" : "read from");
}

void fault_explain(FILE *out, const struct fault_report *r,
		   const struct fault_context *ctx)
{
	const struct warden_config *self =
		r->cell[0] ? find_cell(ctx, r->cell) : NULL;
	bool assumed_root = false;
	struct region_hit hit, *h = NULL;
	struct esr_info e;
	bool have_esr = r->have_esr;

	fprintf(out, "%s", r->headline[0] ? r->headline : "fault report");
	if (r->cpu >= 0)
		fprintf(out, " -- CPU %d", r->cpu);
	if (r->cell[0])
		fprintf(out, " of cell \"%s\"", r->cell);
	fprintf(out, "\n");

	if (have_esr) {
		esr_decode(r->esr, &e);
	} else if (r->have_ec) {
		/* Only the class is known: decode that much. */
		esr_decode((uint64_t)r->ec << 26, &e);
	} else {
		fprintf(out, "  exception: not stated in the report\n");
		e.ec = 0x40;
	}
	if (have_esr || r->have_ec) {
		fprintf(out, "  exception: %s (EC 0x%02x)", e.ec_name, e.ec);
		if (r->el >= 0)
			fprintf(out, ", taken from EL%d", r->el);
		else if (r->hyp_exception)
			fprintf(out, ", taken at EL2");
		fprintf(out, "\n");
	}
	if (have_esr && e.is_abort) {
		fprintf(out, "  fault:     %s%s",
			e.from_lower_el ? "stage-2 " : "", e.fault.name);
		if (e.fault.level >= -1)
			fprintf(out, ", level %d", e.fault.level);
		fprintf(out, " (%s 0x%02x)%s%s\n", e.is_data ? "DFSC" : "IFSC",
			e.fault.code,
			e.s1ptw ? ", during a stage-1 table walk" : "",
			e.ea ? ", external abort" : "");
		if (e.is_data && e.isv)
			fprintf(out, "  access:    %s of %u byte%s %s %s%u%s\n",
				e.write ? "write" : "read", e.access_size,
				e.access_size == 1 ? "" : "s",
				e.write ? "from" : "into",
				e.sixty_four ? "x" : "w", e.reg,
				e.reg == 31 ? " (zero register)" : "");
		else if (e.is_data)
			fprintf(out,
				"  access:    %s; size and register not reported (ISV=0: load/store pair or writeback)\n",
				e.cm	? "cache maintenance" :
				e.write ? "write" :
					  "read");
		else
			fprintf(out, "  access:    instruction fetch\n");
	} else if (have_esr && e.ec == ESR_EC_SYS64) {
		const struct esr_sysreg *s = &e.sysreg;

		if (s->name)
			fprintf(out, "  register:  %s %s x%u\n",
				s->read ? "read of" : "write to", s->name,
				s->rt);
		else
			fprintf(out, "  register:  %s S%u_%u_C%u_C%u_%u x%u\n",
				s->read ? "read of" : "write to", s->op0,
				s->op1, s->crn, s->crm, s->op2, s->rt);
	} else if (have_esr && (e.ec == ESR_EC_HVC64 || e.ec == ESR_EC_SMC64)) {
		fprintf(out, "  immediate: #0x%x", e.imm16);
		if (r->x_valid & 1)
			fprintf(out, ", function id x0=" HEX, r->x[0]);
		fprintf(out, "\n");
	}
	/*
	 * Users name the root cell in the config differently from the name
	 * a report prints: with no match, take the system config's root.
	 */
	if (!self && system_config(ctx)) {
		self = system_config(ctx);
		assumed_root = true;
	}
	if (r->have_addr) {
		fprintf(out, "  address:   IPA " HEX "%s\n", r->addr,
			!e.is_abort ? "" :
			e.s1ptw	    ? " (read by a stage-1 table walk)" :
			!e.is_data  ? " (instruction fetch)" :
				      "");
		if (assumed_root)
			fprintf(out,
				"  config:    taking the root cell \"%s\" of the system config%s%s%s\n",
				cell_name(self), r->cell[0] ? " for \"" : "",
				r->cell, r->cell[0] ? "\"" : "");
		if (self && nearest_region(self, r->addr, &hit)) {
			h = &hit;
			describe_region(out, h, r->addr);
		}
		describe_owner(out, ctx, self, r->addr);
		if (!self && ctx->num_configs)
			fprintf(out,
				"  region:    no config given for cell \"%s\" (pass its .cell with --config)\n",
				r->cell);
	}
	if (r->unhandled_data)
		explain_unhandled_data(out, r, have_esr ? &e : NULL, h);
	if (r->have_pc)
		print_symbol(out, "pc:", r->pc, ctx);
	if (r->have_lr)
		print_symbol(out, "lr:", r->lr, ctx);
	if (have_esr && e.is_abort)
		explain_abort(out, r, &e, h);
	else if (have_esr)
		explain_other(out, r, &e);
	else if (r->have_ec && !r->unhandled_data &&
		 (e.ec == ESR_EC_IABT_LOW || e.ec == ESR_EC_DABT_LOW))
		fprintf(out,
			"  cause:     an access the cell's config does not allow (no syndrome in the report)\n");
}
