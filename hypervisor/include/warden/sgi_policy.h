/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Trapped writes to the GICv3 SGI registers (ICC_SGI1R_EL1,
 * ICC_ASGI1R_EL1, ICC_SGI0R_EL1): which register a syndrome names, which
 * CPUs a value addresses, and what a guest's write may do. Portable,
 * host-tested (test_sgi_policy).
 */
#ifndef WARDEN_SGI_POLICY_H
#define WARDEN_SGI_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum sgi_reg {
	SGI_REG_NONE, /* not a write to an SGI register */
	SGI_REG_SGI1R, /* Group 1 of the writer's security state */
	SGI_REG_ASGI1R, /* Group 1 of the other security state */
	SGI_REG_SGI0R, /* Group 0 */
};

enum sgi_action {
	SGI_SEND, /* as Group 1 SGIs, to the addressed CPUs of the cell */
	SGI_REFUSE, /* nothing is sent; reported once */
};

/* The register an ESR_EL2 ISS of a trapped MSR/MRS (EC 0x18) writes. */
enum sgi_reg sgi_reg_of(uint32_t iss);
const char *sgi_reg_name(enum sgi_reg reg);

/*
 * What a guest's (the root's or a cell's) write to reg may do. Guests get
 * Group 1 only: Group 0 is the firmware's (with two security states) or
 * nobody's, and ICC_ASGI1R_EL1 from Non-secure asks for Secure Group 1.
 * Linux uses neither.
 */
enum sgi_action sgi_policy(enum sgi_reg reg);

/* SGI INTID (0-15) a value of any of the three registers carries. */
static inline unsigned int sgi_intid(uint64_t v)
{
	return (v >> 24) & 0xf;
}

/*
 * Whether value v, written by the CPU with affinity sender_mpidr, targets
 * the CPU with affinity mpidr: IRM 1 means every CPU but the sender,
 * otherwise Aff3.Aff2.Aff1 must match and the target list (with RS, the
 * range selector: Aff0 = RS * 16 + bit) must name its Aff0.
 */
bool sgi_addresses(uint64_t v, uint64_t sender_mpidr, uint64_t mpidr);

/*
 * The trap path's shortcut for sgi_reg_of() == SGI_REG_SGI1R with
 * sgi_policy() SGI_SEND: an ISS (EC 0x18) of an MSR ICC_SGI1R_EL1 from
 * any Rt, one mask and compare (ISS bits 24:22 are RES0 there).
 */
#define SGI_ISS_MASK 0x3ffc1fU /* Op0, Op2, Op1, CRn, CRm, direction */
#define SGI_ISS_SGI1R_WRITE (3U << 20 | 5U << 17 | 12U << 10 | 11U << 1)

static inline bool sgi_iss_is_send(uint32_t iss)
{
	return (iss & SGI_ISS_MASK) == SGI_ISS_SGI1R_WRITE;
}

/* SGI1R's routing fields: Aff3, RS, Aff2, Aff1 */
#define SGI_ROUTE_MASK \
	(0xffULL << 48 | 0xfULL << 44 | 0xffULL << 32 | 0xffULL << 16)

/*
 * Of a value v without IRM, the target-list bits that address the CPU
 * whose own value is route (sgi_value_for(0, its MPIDR)): its bit if v
 * addresses it (sgi_addresses()), else 0. OR-ed over the allowed CPUs,
 * the target list of one write that reaches exactly them among those
 * v addresses, since they share v's routing fields.
 */
static inline uint64_t sgi_route_hit(uint64_t v, uint64_t route)
{
	return (v ^ route) & SGI_ROUTE_MASK ? 0 : v & route & 0xffff;
}

/*
 * The CPUs among candidates (bit n: mpidr[n]) that v addresses, n below
 * ncpus; sender is the writing CPU's number.
 */
uint64_t sgi_targets(uint64_t v, unsigned int sender, uint64_t candidates,
		     const uint64_t *mpidr, size_t ncpus);

/*
 * The value that sends SGI intid to the CPU with affinity mpidr alone
 * (ICC_SGI1R_EL1 layout, IRM 0).
 */
uint64_t sgi_value_for(unsigned int intid, uint64_t mpidr);

#endif
