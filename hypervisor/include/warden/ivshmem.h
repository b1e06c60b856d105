/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ivshmem v2 endpoints (Jailhouse's inter-cell device, vendor 0x110a,
 * device 0x4106): what one cell's device holds and the decisions its
 * register block (BAR0) takes. Portable and pure: the arch side owns the
 * endpoints, writes the state table and raises the interrupts that these
 * functions ask for. docs/ivshmem.md describes the device.
 */
#ifndef WARDEN_IVSHMEM_H
#define WARDEN_IVSHMEM_H

#include <warden/config.h>

#define IVSHMEM_VENDOR 0x110a
#define IVSHMEM_DEVICE 0x4106
/* Peers of one link (Jailhouse's limit). */
#define IVSHMEM_MAX_PEERS 12

/* BAR0 registers, aligned 32-bit accesses */
#define IVSHMEM_REG_ID 0x00
#define IVSHMEM_REG_MAX_PEERS 0x04
#define IVSHMEM_REG_INT_CTRL 0x08
#define IVSHMEM_REG_DOORBELL 0x0c
#define IVSHMEM_REG_STATE 0x10
#define IVSHMEM_INT_ENABLE 0x1

/* PCI command bits the device implements */
#define PCI_CMD_MEM 0x0002
#define PCI_CMD_MASTER 0x0004
#define PCI_CMD_INTX_OFF 0x0400

/*
 * MSI-X (num_msix_vectors > 0; INTx otherwise): at most 16 vectors, as
 * Jailhouse has it. BAR1 holds the table (16 bytes a vector: address
 * low/high, data, vector control) at 0 and the pending bits at 0x800.
 * On arm64 a vector's data is the SPI INTID it raises (no ITS).
 */
#define IVSHMEM_MSIX_MAX 16
#define IVSHMEM_MSIX_PBA 0x800
#define IVSHMEM_MSIX_ENTRY_MASKED 0x1
/* MSI-X message control: enable, function mask; the rest read-only */
#define IVSHMEM_MSIX_ENABLE 0x8000
#define IVSHMEM_MSIX_MASKALL 0x4000

struct ivshmem_msix_entry {
	__u32 addr_lo, addr_hi, data, ctrl;
};

/* One cell's ivshmem device, as its config and its driver made it. */
struct ivshmem_ep {
	const struct jailhouse_pci_device *dev;
	__u16 bdf;
	__u8 id; /* shmem_dev_id */
	__u8 peers; /* shmem_peers */
	__u32 vpci_irq_base; /* the cell's: INTx pin A is SPI base */
	/* the shared memory, as the cell sees it (vendor capability) */
	__u64 shmem_addr; /* IPA of the state table */
	__u32 state_size;
	__u64 rw_size;
	__u64 out_size;
	__u64 state_pa; /* physical state table: the link's identity */
	/* what the driver programmed */
	__u32 bar0; /* address bits only (bar_mask[0]) */
	__u16 command;
	__u8 irq_line; /* scratch for the OS, as PCI has it */
	__u8 priv_ctl; /* bit 0: one-shot interrupts */
	__u32 int_ctrl;
	__u32 state;
	/* MSI-X: vectors 0 (INTx), BAR1, control, table, pending bits */
	__u16 msix_vectors;
	__u16 msix_ctrl; /* IVSHMEM_MSIX_ENABLE | IVSHMEM_MSIX_MASKALL */
	__u32 bar1; /* address bits only (bar_mask[1]) */
	struct ivshmem_msix_entry msix[IVSHMEM_MSIX_MAX];
	__u32 pba; /* bit n: vector n pending */
	__u32 msix_warned; /* bit n: vector n's bad data reported */
	/* accesses refused (counted; the arch side reports a few) */
	__u32 refused;
};

/*
 * Sets ep up from the cell's config for its PCI device index d (an
 * IVSHMEM type the rule engine accepted). Returns 0, or -1 if the
 * device or its regions are not usable (not ivshmem, out of range).
 */
int ivshmem_ep_init(struct ivshmem_ep *ep, const struct warden_config *cfg,
		    unsigned int d);

/* What the driver's state was reset to: a cell (re)starts. */
void ivshmem_ep_reset(struct ivshmem_ep *ep);

/* Size of BAR0 (the register page): from bar_mask[0], 4 or 64 KiB. */
__u64 ivshmem_bar0_size(const struct ivshmem_ep *ep);

/* Whether ipa is in the enabled BAR0 of ep; then *off is the offset. */
int ivshmem_bar0_hit(const struct ivshmem_ep *ep, __u64 ipa, __u32 *off);

/* The INTID of the endpoint's INTx (Jailhouse's virtual INTx). */
__u32 ivshmem_intx_intid(const struct ivshmem_ep *ep);

/* Vectors a doorbell may name: MSI-X's, or 1 (INTx vector 0). */
unsigned int ivshmem_vectors(const struct ivshmem_ep *ep);

/* Size of BAR1 (MSI-X table and PBA), 0 in INTx mode. */
__u64 ivshmem_bar1_size(const struct ivshmem_ep *ep);

/* Whether ipa is in the enabled BAR1 of ep; then *off is the offset. */
int ivshmem_bar1_hit(const struct ivshmem_ep *ep, __u64 ipa, __u32 *off);

/* A read of BAR1 (table, PBA) at off. */
struct ivshmem_result ivshmem_msix_read(struct ivshmem_ep *ep, __u32 off,
					unsigned int size, __u32 *value);
/*
 * A write of BAR1 at off. IVSHMEM_DONE, or IVSHMEM_REFUSED (.why). A
 * write that may unmask a pending vector is followed by the caller's
 * ivshmem_msix_next_pending() loop.
 */
struct ivshmem_result ivshmem_msix_write(struct ivshmem_ep *ep, __u32 off,
					 unsigned int size, __u32 value);

enum ivshmem_msix_signal {
	IVSHMEM_MSIX_NONE, /* interrupts or MSI-X off: dropped */
	IVSHMEM_MSIX_PENDING, /* masked: its PBA bit set */
	IVSHMEM_MSIX_SEND, /* send: SPI = the vector's data */
};

/*
 * Vector (< ivshmem_vectors()) of an MSI-X endpoint is signalled. On
 * IVSHMEM_MSIX_SEND *data is the vector's data. One-shot mode disarms.
 */
enum ivshmem_msix_signal ivshmem_msix_signal(struct ivshmem_ep *ep,
					     unsigned int vector, __u32 *data);

/*
 * A pending vector that may be sent now (MSI-X enabled, neither it nor
 * the function masked): its PBA bit cleared, its number returned and
 * *data its data; -1 if none.
 */
int ivshmem_msix_next_pending(struct ivshmem_ep *ep, __u32 *data);

/*
 * Whether data may be sent as an SPI: NULL, or why not. lines: INTIDs
 * of the GIC (GICD_TYPER); owned: whether the endpoint's cell owns it.
 */
const char *ivshmem_msix_spi_why(__u32 data, __u32 lines, int owned);

enum ivshmem_action {
	IVSHMEM_DONE, /* nothing more to do */
	IVSHMEM_DOORBELL, /* interrupt peer .target, vector .vector */
	IVSHMEM_STATE, /* state table[id] = .state, interrupt the peers */
	IVSHMEM_REFUSED, /* ignored; .why says why (to report) */
};

struct ivshmem_result {
	enum ivshmem_action action;
	__u32 target, vector, state;
	const char *why;
};

/* A read of the register block at off: its value (0 where none). */
struct ivshmem_result ivshmem_reg_read(struct ivshmem_ep *ep, __u32 off,
				       unsigned int size, __u32 *value);
/* A write of value to the register block at off. */
struct ivshmem_result ivshmem_reg_write(struct ivshmem_ep *ep, __u32 off,
					unsigned int size, __u32 value);

/*
 * A doorbell or state change for ep (INTx mode) arrives: whether its
 * interrupt is raised now (enabled, INTx not disabled). One-shot mode
 * disarms it.
 */
int ivshmem_take_interrupt(struct ivshmem_ep *ep);

/*
 * A link: the endpoints with the same bdf and the same state table, one
 * per peer id. Pure bookkeeping over the arch side's table of links.
 */
struct ivshmem_link {
	__u16 bdf;
	__u64 state_pa;
	struct ivshmem_ep *eps[IVSHMEM_MAX_PEERS];
};

/*
 * ep joins its link in links[0..n) (a free one, eps all NULL, is taken
 * if none matches). Returns the link, or NULL: no free link, or its id
 * is connected already (*busy set then).
 */
struct ivshmem_link *ivshmem_link_join(struct ivshmem_link *links,
				       unsigned int n, struct ivshmem_ep *ep,
				       int *busy);
/* ep leaves its link; the link is free again when empty. */
void ivshmem_link_leave(struct ivshmem_link *link, struct ivshmem_ep *ep);

#endif
