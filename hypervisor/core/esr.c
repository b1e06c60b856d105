// SPDX-License-Identifier: GPL-2.0
/*
 * Exception syndrome decoding. Names follow the Arm Architecture Reference
 * Manual's descriptions of ESR_ELx, shortened so that a report line stays
 * readable.
 */
#include <warden/esr.h>

struct ec_name {
	unsigned char ec;
	const char *name;
};

static const struct ec_name ec_names[] = {
	{ 0x00, "unknown reason (undefined instruction)" },
	{ 0x01, "trapped WFI/WFE" },
	{ 0x03, "trapped AArch32 MCR/MRC (coproc 15)" },
	{ 0x04, "trapped AArch32 MCRR/MRRC (coproc 15)" },
	{ 0x05, "trapped AArch32 MCR/MRC (coproc 14)" },
	{ 0x06, "trapped AArch32 LDC/STC" },
	{ 0x07, "trapped SIMD/floating-point access" },
	{ 0x08, "trapped AArch32 VMRS" },
	{ 0x09, "trapped pointer authentication instruction" },
	{ 0x0a, "trapped LD64B/ST64B" },
	{ 0x0c, "trapped AArch32 MRRC (coproc 14)" },
	{ 0x0d, "branch target exception" },
	{ 0x0e, "illegal execution state" },
	{ 0x11, "SVC from AArch32" },
	{ 0x12, "HVC from AArch32" },
	{ 0x13, "SMC from AArch32" },
	{ 0x15, "SVC from AArch64" },
	{ 0x16, "HVC from AArch64" },
	{ 0x17, "SMC from AArch64" },
	{ 0x18, "trapped system register access" },
	{ 0x19, "trapped SVE access" },
	{ 0x1a, "trapped ERET" },
	{ 0x1c, "pointer authentication failure" },
	{ 0x1f, "implementation defined exception to EL3" },
	{ 0x20, "instruction abort from a lower exception level" },
	{ 0x21, "instruction abort from the same exception level" },
	{ 0x22, "PC alignment fault" },
	{ 0x24, "data abort from a lower exception level" },
	{ 0x25, "data abort from the same exception level" },
	{ 0x26, "SP alignment fault" },
	{ 0x28, "trapped AArch32 floating-point exception" },
	{ 0x2c, "trapped AArch64 floating-point exception" },
	{ 0x2f, "SError interrupt" },
	{ 0x30, "breakpoint from a lower exception level" },
	{ 0x31, "breakpoint from the same exception level" },
	{ 0x32, "software step from a lower exception level" },
	{ 0x33, "software step from the same exception level" },
	{ 0x34, "watchpoint from a lower exception level" },
	{ 0x35, "watchpoint from the same exception level" },
	{ 0x38, "AArch32 BKPT" },
	{ 0x3a, "AArch32 vector catch" },
	{ 0x3c, "BRK instruction" },
};

const char *esr_ec_name(unsigned int ec)
{
	unsigned int i;

	for (i = 0; i < sizeof(ec_names) / sizeof(ec_names[0]); i++)
		if (ec_names[i].ec == ec)
			return ec_names[i].name;
	return "reserved exception class";
}

static void set_fault(struct esr_fault *f, enum esr_fault_kind kind,
		      const char *name, int level)
{
	f->kind = kind;
	f->name = name;
	f->level = level;
}

void esr_fault_decode(unsigned int fsc, struct esr_fault *f)
{
	int level = fsc & 3;

	fsc &= 0x3f;
	f->code = fsc;
	switch (fsc >> 2) {
	case 0x0:
		return set_fault(f, ESR_FAULT_ADDRESS_SIZE,
				 "address size fault", level);
	case 0x1:
		return set_fault(f, ESR_FAULT_TRANSLATION, "translation fault",
				 level);
	case 0x2:
		return set_fault(f, ESR_FAULT_ACCESS_FLAG, "access flag fault",
				 level);
	case 0x3:
		return set_fault(f, ESR_FAULT_PERMISSION, "permission fault",
				 level);
	case 0x5:
		return set_fault(f, ESR_FAULT_EXTERNAL_WALK,
				 "synchronous external abort on a table walk",
				 level);
	case 0x7:
		return set_fault(f, ESR_FAULT_PARITY_WALK,
				 "parity/ECC error on a table walk", level);
	}
	switch (fsc) {
	case 0x10:
		return set_fault(f, ESR_FAULT_EXTERNAL,
				 "synchronous external abort", -2);
	case 0x11:
		return set_fault(f, ESR_FAULT_TAG_CHECK, "tag check fault", -2);
	case 0x13:
		return set_fault(f, ESR_FAULT_EXTERNAL_WALK,
				 "synchronous external abort on a table walk",
				 -1);
	case 0x18:
		return set_fault(f, ESR_FAULT_PARITY,
				 "parity/ECC error on a memory access", -2);
	case 0x1b:
		return set_fault(f, ESR_FAULT_PARITY_WALK,
				 "parity/ECC error on a table walk", -1);
	case 0x21:
		return set_fault(f, ESR_FAULT_ALIGNMENT, "alignment fault", -2);
	case 0x29:
		return set_fault(f, ESR_FAULT_ADDRESS_SIZE,
				 "address size fault", -1);
	case 0x2b:
		return set_fault(f, ESR_FAULT_TRANSLATION, "translation fault",
				 -1);
	case 0x30:
		return set_fault(f, ESR_FAULT_TLB_CONFLICT,
				 "TLB conflict abort", -2);
	case 0x31:
		return set_fault(f, ESR_FAULT_ATOMIC_HW_UPDATE,
				 "unsupported atomic hardware update fault",
				 -2);
	case 0x34:
	case 0x35:
		return set_fault(f, ESR_FAULT_IMPDEF,
				 "implementation defined fault", -2);
	}
	set_fault(f, ESR_FAULT_OTHER, "reserved fault status", -2);
}

#define SYSREG(op0, op1, crn, crm, op2)                                       \
	((unsigned int)((op0) << 14 | (op1) << 11 | (crn) << 7 | (crm) << 3 | \
			(op2)))

struct sysreg_name {
	unsigned int enc;
	const char *name;
};

/*
 * Registers a guest touches in practice where a hypervisor may trap: GIC
 * CPU interface, ID registers, timers, PMU, debug, memory system
 * controls, and EL2 registers seen in crashes of the hypervisor itself.
 */
static const struct sysreg_name sysreg_names[] = {
	{ SYSREG(3, 0, 0, 0, 0), "MIDR_EL1" },
	{ SYSREG(3, 0, 0, 0, 5), "MPIDR_EL1" },
	{ SYSREG(3, 0, 0, 0, 6), "REVIDR_EL1" },
	{ SYSREG(3, 0, 0, 1, 0), "ID_PFR0_EL1" },
	{ SYSREG(3, 0, 0, 1, 1), "ID_PFR1_EL1" },
	{ SYSREG(3, 0, 0, 1, 2), "ID_DFR0_EL1" },
	{ SYSREG(3, 0, 0, 1, 4), "ID_MMFR0_EL1" },
	{ SYSREG(3, 0, 0, 2, 0), "ID_ISAR0_EL1" },
	{ SYSREG(3, 0, 0, 4, 0), "ID_AA64PFR0_EL1" },
	{ SYSREG(3, 0, 0, 4, 1), "ID_AA64PFR1_EL1" },
	{ SYSREG(3, 0, 0, 4, 4), "ID_AA64ZFR0_EL1" },
	{ SYSREG(3, 0, 0, 5, 0), "ID_AA64DFR0_EL1" },
	{ SYSREG(3, 0, 0, 5, 1), "ID_AA64DFR1_EL1" },
	{ SYSREG(3, 0, 0, 6, 0), "ID_AA64ISAR0_EL1" },
	{ SYSREG(3, 0, 0, 6, 1), "ID_AA64ISAR1_EL1" },
	{ SYSREG(3, 0, 0, 6, 2), "ID_AA64ISAR2_EL1" },
	{ SYSREG(3, 0, 0, 7, 0), "ID_AA64MMFR0_EL1" },
	{ SYSREG(3, 0, 0, 7, 1), "ID_AA64MMFR1_EL1" },
	{ SYSREG(3, 0, 0, 7, 2), "ID_AA64MMFR2_EL1" },
	{ SYSREG(3, 0, 1, 0, 0), "SCTLR_EL1" },
	{ SYSREG(3, 0, 1, 0, 1), "ACTLR_EL1" },
	{ SYSREG(3, 0, 1, 0, 2), "CPACR_EL1" },
	{ SYSREG(3, 0, 2, 0, 0), "TTBR0_EL1" },
	{ SYSREG(3, 0, 2, 0, 1), "TTBR1_EL1" },
	{ SYSREG(3, 0, 2, 0, 2), "TCR_EL1" },
	{ SYSREG(3, 0, 4, 6, 0), "ICC_PMR_EL1" },
	{ SYSREG(3, 0, 5, 1, 0), "AFSR0_EL1" },
	{ SYSREG(3, 0, 5, 2, 0), "ESR_EL1" },
	{ SYSREG(3, 0, 6, 0, 0), "FAR_EL1" },
	{ SYSREG(3, 0, 7, 4, 0), "PAR_EL1" },
	{ SYSREG(3, 0, 9, 14, 1), "PMINTENSET_EL1" },
	{ SYSREG(3, 0, 9, 14, 2), "PMINTENCLR_EL1" },
	{ SYSREG(3, 0, 10, 2, 0), "MAIR_EL1" },
	{ SYSREG(3, 0, 12, 0, 0), "VBAR_EL1" },
	{ SYSREG(3, 0, 12, 8, 0), "ICC_IAR0_EL1" },
	{ SYSREG(3, 0, 12, 8, 1), "ICC_EOIR0_EL1" },
	{ SYSREG(3, 0, 12, 8, 3), "ICC_BPR0_EL1" },
	{ SYSREG(3, 0, 12, 11, 1), "ICC_DIR_EL1" },
	{ SYSREG(3, 0, 12, 11, 3), "ICC_RPR_EL1" },
	{ SYSREG(3, 0, 12, 11, 5), "ICC_SGI1R_EL1" },
	{ SYSREG(3, 0, 12, 11, 6), "ICC_ASGI1R_EL1" },
	{ SYSREG(3, 0, 12, 11, 7), "ICC_SGI0R_EL1" },
	{ SYSREG(3, 0, 12, 12, 0), "ICC_IAR1_EL1" },
	{ SYSREG(3, 0, 12, 12, 1), "ICC_EOIR1_EL1" },
	{ SYSREG(3, 0, 12, 12, 2), "ICC_HPPIR1_EL1" },
	{ SYSREG(3, 0, 12, 12, 3), "ICC_BPR1_EL1" },
	{ SYSREG(3, 0, 12, 12, 4), "ICC_CTLR_EL1" },
	{ SYSREG(3, 0, 12, 12, 5), "ICC_SRE_EL1" },
	{ SYSREG(3, 0, 12, 12, 6), "ICC_IGRPEN0_EL1" },
	{ SYSREG(3, 0, 12, 12, 7), "ICC_IGRPEN1_EL1" },
	{ SYSREG(3, 0, 13, 0, 1), "CONTEXTIDR_EL1" },
	{ SYSREG(3, 0, 13, 0, 4), "TPIDR_EL1" },
	{ SYSREG(3, 0, 14, 1, 0), "CNTKCTL_EL1" },
	{ SYSREG(3, 1, 0, 0, 0), "CCSIDR_EL1" },
	{ SYSREG(3, 1, 0, 0, 1), "CLIDR_EL1" },
	{ SYSREG(3, 2, 0, 0, 0), "CSSELR_EL1" },
	{ SYSREG(3, 3, 0, 0, 1), "CTR_EL0" },
	{ SYSREG(3, 3, 0, 0, 7), "DCZID_EL0" },
	{ SYSREG(3, 3, 9, 12, 0), "PMCR_EL0" },
	{ SYSREG(3, 3, 9, 12, 1), "PMCNTENSET_EL0" },
	{ SYSREG(3, 3, 9, 12, 2), "PMCNTENCLR_EL0" },
	{ SYSREG(3, 3, 9, 12, 3), "PMOVSCLR_EL0" },
	{ SYSREG(3, 3, 9, 12, 5), "PMSELR_EL0" },
	{ SYSREG(3, 3, 9, 13, 0), "PMCCNTR_EL0" },
	{ SYSREG(3, 3, 9, 13, 1), "PMXEVTYPER_EL0" },
	{ SYSREG(3, 3, 9, 13, 2), "PMXEVCNTR_EL0" },
	{ SYSREG(3, 3, 9, 14, 0), "PMUSERENR_EL0" },
	{ SYSREG(3, 3, 13, 0, 2), "TPIDR_EL0" },
	{ SYSREG(3, 3, 14, 0, 0), "CNTFRQ_EL0" },
	{ SYSREG(3, 3, 14, 0, 1), "CNTPCT_EL0" },
	{ SYSREG(3, 3, 14, 0, 2), "CNTVCT_EL0" },
	{ SYSREG(3, 3, 14, 2, 0), "CNTP_TVAL_EL0" },
	{ SYSREG(3, 3, 14, 2, 1), "CNTP_CTL_EL0" },
	{ SYSREG(3, 3, 14, 2, 2), "CNTP_CVAL_EL0" },
	{ SYSREG(3, 3, 14, 3, 0), "CNTV_TVAL_EL0" },
	{ SYSREG(3, 3, 14, 3, 1), "CNTV_CTL_EL0" },
	{ SYSREG(3, 3, 14, 3, 2), "CNTV_CVAL_EL0" },
	{ SYSREG(3, 3, 15, 12, 7), "PMCCFILTR_EL0" },
	{ SYSREG(3, 4, 1, 0, 0), "SCTLR_EL2" },
	{ SYSREG(3, 4, 1, 1, 0), "HCR_EL2" },
	{ SYSREG(3, 4, 1, 1, 1), "MDCR_EL2" },
	{ SYSREG(3, 4, 1, 1, 2), "CPTR_EL2" },
	{ SYSREG(3, 4, 2, 1, 0), "VTTBR_EL2" },
	{ SYSREG(3, 4, 2, 1, 2), "VTCR_EL2" },
	{ SYSREG(3, 4, 5, 3, 0), "FPEXC32_EL2" },
	{ SYSREG(3, 4, 12, 0, 0), "VBAR_EL2" },
	{ SYSREG(3, 4, 12, 9, 5), "ICC_SRE_EL2" },
	{ SYSREG(3, 4, 12, 11, 0), "ICH_HCR_EL2" },
	{ SYSREG(3, 4, 12, 11, 1), "ICH_VTR_EL2" },
	{ SYSREG(3, 4, 12, 11, 7), "ICH_VMCR_EL2" },
	{ SYSREG(3, 4, 14, 1, 0), "CNTHCTL_EL2" },
	{ SYSREG(3, 4, 14, 0, 3), "CNTVOFF_EL2" },
	{ SYSREG(2, 0, 0, 2, 2), "MDSCR_EL1" },
	{ SYSREG(2, 0, 1, 0, 4), "OSLAR_EL1" },
	{ SYSREG(2, 0, 1, 1, 4), "OSLSR_EL1" },
	{ SYSREG(2, 0, 1, 3, 4), "OSDLR_EL1" },
	{ SYSREG(2, 0, 7, 14, 6), "DBGAUTHSTATUS_EL1" },
	{ SYSREG(2, 0, 7, 8, 6), "DBGCLAIMSET_EL1" },
	{ SYSREG(2, 0, 7, 9, 6), "DBGCLAIMCLR_EL1" },
	{ SYSREG(1, 0, 7, 6, 1), "DC IVAC" },
	{ SYSREG(1, 0, 7, 6, 2), "DC ISW" },
	{ SYSREG(1, 0, 7, 10, 2), "DC CSW" },
	{ SYSREG(1, 0, 7, 14, 2), "DC CISW" },
	{ SYSREG(1, 3, 7, 10, 1), "DC CVAC" },
	{ SYSREG(1, 3, 7, 11, 1), "DC CVAU" },
	{ SYSREG(1, 3, 7, 14, 1), "DC CIVAC" },
	{ SYSREG(1, 3, 7, 4, 1), "DC ZVA" },
	{ SYSREG(1, 0, 7, 5, 0), "IC IALLU" },
	{ SYSREG(1, 0, 7, 1, 0), "IC IALLUIS" },
	{ SYSREG(1, 3, 7, 5, 1), "IC IVAU" },
};

const char *esr_sysreg_name(unsigned int op0, unsigned int op1,
			    unsigned int crn, unsigned int crm,
			    unsigned int op2)
{
	unsigned int enc = SYSREG(op0, op1, crn, crm, op2);
	unsigned int i;

	for (i = 0; i < sizeof(sysreg_names) / sizeof(sysreg_names[0]); i++)
		if (sysreg_names[i].enc == enc)
			return sysreg_names[i].name;
	return 0;
}

static const char *const wfx_names[] = { "WFI", "WFE", "WFIT", "WFET" };

void esr_decode(uint64_t esr, struct esr_info *info)
{
	uint32_t iss = ESR_ISS(esr);
	unsigned int ec = ESR_EC(esr);
	struct esr_sysreg *s = &info->sysreg;

	/*
	 * Field by field rather than a zeroing struct assignment, which the
	 * compiler turns into a memset call.
	 */
	info->esr = esr;
	info->ec = ec;
	info->ec_name = esr_ec_name(ec);
	info->il32 = ESR_IL(esr);
	info->iss = iss;
	info->is_abort = info->is_data = info->from_lower_el = false;
	info->isv = info->write = info->sign_extend = false;
	info->sixty_four = info->s1ptw = info->ea = info->cm = false;
	info->fnv = false;
	info->access_size = info->reg = info->imm16 = 0;
	info->fault.kind = ESR_FAULT_NONE;
	info->fault.name = 0;
	info->fault.level = -2;
	info->fault.code = 0;
	s->op0 = s->op1 = s->crn = s->crm = s->op2 = s->rt = 0;
	s->read = false;
	s->name = 0;
	info->wfx = 0;

	switch (ec) {
	case ESR_EC_DABT_LOW:
	case ESR_EC_DABT_CUR:
		info->is_data = true;
		info->isv = iss >> 24 & 1;
		if (info->isv) {
			info->access_size = 1u << (iss >> 22 & 3);
			info->sign_extend = iss >> 21 & 1;
			info->reg = iss >> 16 & 0x1f;
			info->sixty_four = iss >> 15 & 1;
		}
		info->cm = iss >> 8 & 1;
		info->write = iss >> 6 & 1;
		/* fall through */
	case ESR_EC_IABT_LOW:
	case ESR_EC_IABT_CUR:
		info->is_abort = true;
		info->from_lower_el = ec == ESR_EC_IABT_LOW ||
				      ec == ESR_EC_DABT_LOW;
		info->fnv = iss >> 10 & 1;
		info->ea = iss >> 9 & 1;
		info->s1ptw = iss >> 7 & 1;
		esr_fault_decode(iss & 0x3f, &info->fault);
		break;
	case 0x11:
	case 0x12:
	case 0x13:
	case 0x15:
	case ESR_EC_HVC64:
	case ESR_EC_SMC64:
		info->imm16 = iss & 0xffff;
		break;
	case ESR_EC_SYS64:
		s->op0 = iss >> 20 & 3;
		s->op2 = iss >> 17 & 7;
		s->op1 = iss >> 14 & 7;
		s->crn = iss >> 10 & 0xf;
		s->rt = iss >> 5 & 0x1f;
		s->crm = iss >> 1 & 0xf;
		s->read = iss & 1;
		s->name =
			esr_sysreg_name(s->op0, s->op1, s->crn, s->crm, s->op2);
		break;
	case ESR_EC_WFX:
		info->wfx = wfx_names[iss & 3];
		break;
	}
}
