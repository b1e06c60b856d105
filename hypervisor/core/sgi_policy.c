// SPDX-License-Identifier: GPL-2.0
/* Guests' SGI register writes: decoding and policy (sgi_policy.h). */
#include <warden/sgi_policy.h>

#define SGIR_TARGETS(v) ((v)&0xffff)
#define SGIR_AFF1(v) (((v) >> 16) & 0xff)
#define SGIR_AFF2(v) (((v) >> 32) & 0xff)
#define SGIR_IRM (1ULL << 40)
#define SGIR_RS(v) (((v) >> 44) & 0xf)
#define SGIR_AFF3(v) (((v) >> 48) & 0xff)

#define MPIDR_AFF0(m) ((m)&0xff)
#define MPIDR_AFF1(m) (((m) >> 8) & 0xff)
#define MPIDR_AFF2(m) (((m) >> 16) & 0xff)
#define MPIDR_AFF3(m) (((m) >> 32) & 0xff)

enum sgi_reg sgi_reg_of(uint32_t iss)
{
	unsigned int op0 = (iss >> 20) & 3, op2 = (iss >> 17) & 7;
	unsigned int op1 = (iss >> 14) & 7, crn = (iss >> 10) & 0xf;
	unsigned int crm = (iss >> 1) & 0xf;

	/* S3_0_C12_C11_{5,6,7}, a write (ISS bit 0, direction, clear) */
	if (op0 != 3 || op1 != 0 || crn != 12 || crm != 11 || (iss & 1))
		return SGI_REG_NONE;
	switch (op2) {
	case 5:
		return SGI_REG_SGI1R;
	case 6:
		return SGI_REG_ASGI1R;
	case 7:
		return SGI_REG_SGI0R;
	}
	return SGI_REG_NONE;
}

const char *sgi_reg_name(enum sgi_reg reg)
{
	switch (reg) {
	case SGI_REG_SGI1R:
		return "ICC_SGI1R_EL1";
	case SGI_REG_ASGI1R:
		return "ICC_ASGI1R_EL1";
	case SGI_REG_SGI0R:
		return "ICC_SGI0R_EL1";
	case SGI_REG_NONE:
		break;
	}
	return "not an SGI register";
}

enum sgi_action sgi_policy(enum sgi_reg reg)
{
	return reg == SGI_REG_SGI1R ? SGI_SEND : SGI_REFUSE;
}

bool sgi_addresses(uint64_t v, uint64_t sender_mpidr, uint64_t mpidr)
{
	unsigned int aff0 = MPIDR_AFF0(mpidr);
	uint64_t aff = mpidr & 0xff00ffffffULL;

	if (v & SGIR_IRM)
		return aff != (sender_mpidr & 0xff00ffffffULL);
	return SGIR_AFF1(v) == MPIDR_AFF1(mpidr) &&
	       SGIR_AFF2(v) == MPIDR_AFF2(mpidr) &&
	       SGIR_AFF3(v) == MPIDR_AFF3(mpidr) && SGIR_RS(v) == aff0 / 16 &&
	       (SGIR_TARGETS(v) & (1U << (aff0 % 16)));
}

uint64_t sgi_targets(uint64_t v, unsigned int sender, uint64_t candidates,
		     const uint64_t *mpidr, size_t ncpus)
{
	uint64_t hit = 0;
	size_t i;

	if (sender >= ncpus)
		return 0;
	for (i = 0; i < ncpus && i < 64; i++)
		if (candidates & (1ULL << i) &&
		    sgi_addresses(v, mpidr[sender], mpidr[i]))
			hit |= 1ULL << i;
	return hit;
}

uint64_t sgi_value_for(unsigned int intid, uint64_t mpidr)
{
	unsigned int aff0 = MPIDR_AFF0(mpidr);

	return (uint64_t)(intid & 0xf) << 24 | 1ULL << (aff0 % 16) |
	       MPIDR_AFF1(mpidr) << 16 | MPIDR_AFF2(mpidr) << 32 |
	       (uint64_t)(aff0 / 16) << 44 | MPIDR_AFF3(mpidr) << 48;
}
