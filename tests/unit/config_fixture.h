/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Building configuration files in memory for the config unit tests: a
 * struct fx holds the header and arrays as plain C, fx_build() lays them
 * out exactly as a compiled .cell file and parses the result.
 */
#ifndef WARDEN_TESTS_CONFIG_FIXTURE_H
#define WARDEN_TESTS_CONFIG_FIXTURE_H

#include <string.h>

#include <warden/config.h>

#define FX_RW (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE)
#define FX_RWX (FX_RW | JAILHOUSE_MEM_EXECUTE)
#define FX_IO (FX_RW | JAILHOUSE_MEM_IO)

struct fx {
	int is_system;
	struct jailhouse_system sys; /* header of a system config */
	struct jailhouse_cell_desc desc; /* header of a cell config */
	__u64 cpus;
	struct jailhouse_memory mem[16];
	unsigned int n_mem;
	struct jailhouse_irqchip irq[4];
	unsigned int n_irq;
	struct jailhouse_pci_device pci[4];
	unsigned int n_pci;
	__u32 streams[8];
	unsigned int n_streams;

	__u8 buf[4096];
	size_t len;
	struct warden_config cfg;
};

static inline struct jailhouse_cell_desc *fx_cell(struct fx *f)
{
	return f->is_system ? &f->sys.root_cell : &f->desc;
}

static inline void fx_add_mem(struct fx *f, __u64 phys, __u64 virt, __u64 size,
			      __u64 flags)
{
	struct jailhouse_memory *m = &f->mem[f->n_mem++];

	m->phys_start = phys;
	m->virt_start = virt;
	m->size = size;
	m->flags = flags;
}

static inline void fx_add_irqchip(struct fx *f, __u32 pin_base, __u32 w0,
				  __u32 w1, __u32 w2, __u32 w3)
{
	struct jailhouse_irqchip *c = &f->irq[f->n_irq++];

	memset(c, 0, sizeof(*c));
	c->address = 0x08000000;
	c->pin_base = pin_base;
	c->pin_bitmap[0] = w0;
	c->pin_bitmap[1] = w1;
	c->pin_bitmap[2] = w2;
	c->pin_bitmap[3] = w3;
}

static inline void fx_put(struct fx *f, const void *p, size_t n)
{
	memcpy(f->buf + f->len, p, n);
	f->len += n;
}

/* Serialises f into f->buf and parses it; returns the parser's status. */
static inline enum warden_config_status fx_build(struct fx *f)
{
	struct jailhouse_cell_desc *c = fx_cell(f);

	c->cpu_set_size = sizeof(f->cpus);
	c->num_memory_regions = f->n_mem;
	c->num_irqchips = f->n_irq;
	c->num_pci_devices = f->n_pci;
	c->num_stream_ids = f->n_streams;
	f->len = 0;
	if (f->is_system)
		fx_put(f, &f->sys, sizeof(f->sys));
	else
		fx_put(f, &f->desc, sizeof(f->desc));
	fx_put(f, &f->cpus, sizeof(f->cpus));
	fx_put(f, f->mem, f->n_mem * sizeof(f->mem[0]));
	fx_put(f, f->irq, f->n_irq * sizeof(f->irq[0]));
	fx_put(f, f->pci, f->n_pci * sizeof(f->pci[0]));
	fx_put(f, f->streams, f->n_streams * sizeof(f->streams[0]));
	return warden_config_parse(f->buf, f->len, WARDEN_CONFIG_ANY, &f->cfg);
}

/*
 * The QEMU virt root cell as shipped (configs/arm64/qemu-virt.c): UART,
 * other MMIO, Linux RAM, cell RAM, high ECAM; SPIs 0-127; CPUs 0-3.
 */
static inline void fx_qemu_root(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	f->is_system = 1;
	memcpy(f->sys.signature, JAILHOUSE_SYSTEM_SIGNATURE, 5);
	f->sys.architecture = JAILHOUSE_ARM64;
	f->sys.revision = JAILHOUSE_CONFIG_REVISION;
	f->sys.hypervisor_memory.phys_start = 0x7fc00000;
	f->sys.hypervisor_memory.size = 0x400000;
	f->sys.debug_console.address = 0x09000000;
	f->sys.debug_console.size = 0x1000;
	f->sys.debug_console.type = JAILHOUSE_CON_TYPE_PL011;
	f->sys.debug_console.flags = JAILHOUSE_CON_ACCESS_MMIO;
	f->sys.platform_info.arm.gic_version = 3;
	f->sys.platform_info.arm.gicd_base = 0x08000000;
	f->sys.platform_info.arm.gicr_base = 0x080a0000;
	f->sys.platform_info.arm.maintenance_irq = 25;
	strcpy(f->sys.root_cell.name, "qemu-virt");
	f->cpus = 0xf;
	fx_add_mem(f, 0x09000000, 0x09000000, 0x1000, FX_IO);
	fx_add_mem(f, 0x09001000, 0x09001000, 0x36fff000, FX_IO);
	fx_add_mem(f, 0x40000000, 0x40000000, 0x30000000,
		   FX_RWX | JAILHOUSE_MEM_DMA);
	fx_add_mem(f, 0x70000000, 0x70000000, 0x0fc00000,
		   FX_RWX | JAILHOUSE_MEM_DMA);
	fx_add_mem(f, 0x4010000000, 0x4010000000, 0x10000000, FX_IO);
	fx_add_irqchip(f, 32, ~0u, ~0u, ~0u, ~0u);
}

/* The QEMU inmate demo (configs/arm64/qemu-virt-inmate-demo.c). */
static inline void fx_qemu_inmate(struct fx *f, const char *name, __u64 cpus,
				  __u64 ram)
{
	memset(f, 0, sizeof(*f));
	memcpy(f->desc.signature, JAILHOUSE_CELL_DESC_SIGNATURE, 5);
	f->desc.architecture = JAILHOUSE_ARM64;
	f->desc.revision = JAILHOUSE_CONFIG_REVISION;
	strcpy(f->desc.name, name);
	f->desc.flags = JAILHOUSE_CELL_PASSIVE_COMMREG;
	f->desc.console.address = 0x09000000;
	f->desc.console.size = 0x1000;
	f->desc.console.type = JAILHOUSE_CON_TYPE_PL011;
	f->desc.console.flags = JAILHOUSE_CON_ACCESS_MMIO;
	f->cpus = cpus;
	fx_add_mem(f, 0x09000000, 0x09000000, 0x1000,
		   FX_IO | JAILHOUSE_MEM_ROOTSHARED);
	fx_add_mem(f, ram, 0, 0x10000, FX_RWX | JAILHOUSE_MEM_LOADABLE);
	fx_add_mem(f, 0, 0x80000000, 0x1000, FX_RW | JAILHOUSE_MEM_COMM_REGION);
}

#endif
