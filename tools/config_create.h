/* SPDX-License-Identifier: GPL-2.0 */
/*
 * "warden config create": a root-cell (system) config from the booted
 * device tree and /proc/iomem. config_create_build() turns the inputs
 * into a model; config_create_emit.c writes it as C source, as the binary
 * .cell and as a reserved-memory overlay.
 */
#ifndef WARDEN_TOOLS_CONFIG_CREATE_H
#define WARDEN_TOOLS_CONFIG_CREATE_H

#include <stdint.h>
#include <stdio.h>

#include "config_create_dt.h"

#define CC_MAX_REGIONS 256
#define CC_MAX_RANGES 64
#define CC_MAX_IO 2048 /* device "reg" entries */
#define CC_MAX_IOMEM 512
#define CC_MAX_CPUS 256
#define CC_MAX_NOTES 24
#define CC_MAX_SPI 988 /* GIC SPIs 32..1019 */
#define CC_MAX_IOMMUS 8 /* JAILHOUSE_MAX_IOMMU_UNITS */
#define CC_MAX_SIDS 256 /* the root's stream ids */

/* One line of /proc/iomem. */
struct iomem_line {
	uint64_t start, end; /* inclusive, as printed */
	unsigned int depth; /* indentation / 2 */
	unsigned int lineno;
	char name[80];
};

struct iomem {
	struct iomem_line lines[CC_MAX_IOMEM];
	unsigned int n;
};

/* Parses /proc/iomem text; -1 with the line in err. */
int iomem_parse(struct iomem *io, const char *text, char *err, size_t errlen);

/* A range with the place it came from, for comments. */
struct cc_range {
	uint64_t start, size;
	char origin[512];
};

struct cc_region {
	uint64_t start, size, flags;
	char comment[512];
};

struct cc_options {
	const char *name; /* root cell name */
	uint64_t mem_hv; /* 0: the default */
	uint64_t mem_inmates;
	const char *console; /* DT path or alias, NULL: /chosen/stdout-path */
	/* "warden config collect"'s "gic" member (GIC registers read on
	 * the target), NULL if none */
	const char *gic_facts;
	unsigned int spis; /* --spis N, 0: from gic_facts or the DT */
	const char *pci_devices; /* collect's "pci-devices", NULL if none */
};

struct cc_config {
	char name[32];
	uint64_t hv_start, hv_size;
	uint64_t inmates_start, inmates_size;
	unsigned int ncpus;
	uint64_t mpidr[CC_MAX_CPUS];

	struct {
		uint64_t address, size;
		uint32_t type, flags;
		char type_name[32], flags_names[80];
		char origin[512];
	} console;

	struct {
		unsigned int version;
		uint64_t gicd, gicc, gich, gicv, gicr;
		uint64_t frame_size[4]; /* "reg" sizes, in its order */
		unsigned int maintenance_irq;
		char origin[512];
		/* the number of SPIs the root gets, and how it was found */
		unsigned int spis;
		char spis_origin[700];
		/* registers read on the target, for the comment; 0: unread */
		uint32_t gicd_iidr, gicc_iidr, gich_vtr, gicv_iidr;
	} gic;

	/* IOMMU units (platform_info.iommu_units) */
	struct {
		uint32_t type; /* JAILHOUSE_IOMMU_* */
		char type_name[24];
		uint64_t base, size, tlb_base, tlb_size;
		char origin[300];
	} iommu[CC_MAX_IOMMUS];
	unsigned int niommus;
	/* the root's DMA masters behind them (stream_ids) */
	struct {
		uint32_t id; /* mmu500: id | mask_out << 16 */
		int mmu500;
		char origin[200];
	} sid[CC_MAX_SIDS];
	unsigned int nsids;

	/* SCMI or another SiP/OEM service over SMC: forward them */
	int forward_smc;
	char smc_origin[400];

	struct cc_region regions[CC_MAX_REGIONS];
	unsigned int nregions;
	/* SPIs the root uses, by INTID - 32 */
	uint8_t spi[CC_MAX_SPI];
	char spi_origin[CC_MAX_SPI / 128 + 1][512];

	/* Reservations for the overlay (hypervisor, inmates). */
	struct cc_range reserve[2];
	unsigned int nreserve;
	unsigned int root_addr_cells, root_size_cells;
	int needs_reservation; /* Linux uses the memory now */
	uint64_t mem_limit; /* the mem= alternative, 0 if none */

	char notes[CC_MAX_NOTES][400];
	unsigned int nnotes;
};

/* Adds a sentence to the config's header comment (and the output). */
void config_create_note(struct cc_config *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * The IOMMU units and the root's stream ids from the device tree;
 * pci_devices: collect's "pci-devices" text, or NULL.
 */
void config_create_iommus(struct cc_config *c, const struct dt_tree *t,
			  const char *pci_devices);

/* The GIC node of a tree (v2 or v3), NULL if none. */
const struct dt_node *config_create_find_gic(const struct dt_tree *t);

/*
 * GIC facts on the live system (GICD_TYPER, ...) as the text of the
 * "gic" member of "warden config collect": from /dev/mem where the kernel
 * allows it, else from the kernel log; says why when neither works.
 */
char *gic_facts_collect(const struct dt_tree *t);

/*
 * Builds the config from a parsed DT and, if io is not NULL, /proc/iomem.
 * Returns 0, or -1 with a sentence naming the node or line in err.
 */
int config_create_build(struct cc_config *c, const struct dt_tree *t,
			const struct iomem *io, const struct cc_options *o,
			char *err, size_t errlen);

/* The outputs. Each returns 0 or -1 (errno set by stdio). */
int config_create_write_c(const struct cc_config *c, FILE *f);
/* The .cell image into a malloc'ed buffer of *len bytes. */
void *config_create_binary(const struct cc_config *c, size_t *len);
int config_create_write_overlay(const struct cc_config *c, FILE *f);

#endif
