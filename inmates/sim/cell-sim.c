// SPDX-License-Identifier: GPL-2.0
/*
 * cell-sim: a stand-in for the hypervisor, so that the cell images
 * (NAME.bin, linked at IPA 0) can be tested before Warden runs cells.
 * At EL2 in QEMU it gives one CPU a stage-2 address space shaped like an
 * inmate cell's: the image's RAM at IPA 0, a comm region at 0x80000000,
 * the GIC (v3 or v2, as QEMU's machine has) and the PL011
 * identity-mapped, and then enters the image at
 * EL1. Physical interrupts go to EL1 directly (HCR_EL2.IMO clear), so no
 * virtual GIC is needed. It serves what a cell uses from a hypervisor:
 * the debug-console hypercall, a shutdown request answered through the
 * comm region, and a report of stage-2 faults.
 *
 * QEMU only: EL2 runs with its MMU off (uncached) while the cell caches
 * the comm page, which QEMU, having no caches, does not mind.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include <warden/hypercall.h>

#include <format.h>
#include <mmio.h>
#include <sysreg.h>
#include <uart.h>
#include <warden/comm-region.h>

#define CELL_RAM_PA \
	0x40200000UL /* 2 MiB at IPA 0; -device loader puts the .bin here */
#define SIM_CONFIG_PA \
	0x401ff000UL /* u32: WFIs before the shutdown request, 0 never */
#define COMM_IPA 0x80000000UL
#define UART_PA 0x09000000UL
#define GICD_PA 0x08000000UL
#define GICC_PA 0x08010000UL /* GICv2 */
#define GICR_PA 0x080a0000UL /* GICv3 */
#define DEVICE_START 0x08000000UL /* GICD, GICC or GICR, PL011 */
#define DEVICE_END 0x0a000000UL

#define S2_BLOCK 0x1UL
#define S2_TABLE 0x3UL
#define S2_PAGE 0x3UL
#define S2_NORMAL (0xfUL << 2) /* MemAttr: write-back */
#define S2_DEVICE (0x1UL << 2) /* MemAttr: Device-nGnRE */
#define S2_RW (0x3UL << 6)
#define S2_SH_INNER (0x3UL << 8)
#define S2_AF (0x1UL << 10)

/* 39-bit IPA from level 1, 4 KiB granule, walks cached, 40-bit PA. */
#define VTCR_VALUE \
	(25 | 1 << 6 | 1 << 8 | 1 << 10 | 3 << 12 | 2 << 16 | 1UL << 31)
#define HCR_VM (1UL << 0)
#define HCR_TWI (1UL << 13)
#define HCR_RW (1UL << 31)
#define ICC_SRE_EL2 S3_4_C12_C9_5
#define ID_AA64PFR0_GIC_SHIFT 24

#define EC_WFX 0x01
#define EC_HVC64 0x16
#define EC_DABT_LOW 0x24

static uint64_t s2_l1[512] __attribute__((aligned(4096)));
static uint64_t s2_l2_low[512] __attribute__((aligned(4096)));
static uint64_t s2_l2_comm[512] __attribute__((aligned(4096)));
static uint64_t s2_l3_comm[512] __attribute__((aligned(4096)));
static union {
	struct warden_comm_region comm;
	uint8_t page[4096];
} comm_page __attribute__((aligned(4096)));

static unsigned int wfi_traps, shutdown_after, gic_version;
static bool request_sent;

void sim_main(void);
void sim_trap(uint64_t *regs);
void sim_fatal(void);

static void sim_print(const char *fmt, ...)
{
	char buf[160];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (int i = 0; i < len && i < (int)sizeof(buf) - 1; i++) {
		if (buf[i] == '\n')
			pl011_putc(UART_PA, '\r');
		pl011_putc(UART_PA, buf[i]);
	}
}

static void __attribute__((noreturn)) sim_power_off(void)
{
	register unsigned long x0 asm("x0") = 0x84000008UL;

	/* QEMU with EL2 and no EL3 implements PSCI at the SMC. */
	asm volatile("smc #0" : "+r"(x0) : : "memory");
	for (;;)
		asm volatile("wfi");
}

void sim_fatal(void)
{
	sim_print("cell-sim: unexpected exception at EL2, ESR 0x%lx\n",
		  (unsigned long)read_sysreg(esr_el2));
	sim_power_off();
}

static void sim_comm_setup(void)
{
	struct warden_comm_region *comm = &comm_page.comm;
	const char *sig = WARDEN_COMM_SIGNATURE;

	for (int i = 0; i < 6; i++)
		comm->signature[i] = sig[i];
	comm->revision = WARDEN_COMM_REVISION;
	comm->cell_state = WARDEN_CELL_RUNNING;
	comm->flags = WARDEN_COMM_FLAG_DBG_PUTC_PERMITTED |
		      WARDEN_COMM_FLAG_DBG_PUTC_ACTIVE;
	comm->console.address = UART_PA;
	comm->console.size = 0x1000;
	comm->console.type = JAILHOUSE_CON_TYPE_PL011;
	comm->console.flags = JAILHOUSE_CON_ACCESS_MMIO |
			      JAILHOUSE_CON_REGDIST_4;
	comm->gic_version = gic_version;
	comm->gicd_base = GICD_PA;
	if (gic_version == 3)
		comm->gicr_base = GICR_PA;
	else
		comm->gicc_base = GICC_PA;
}

static void sim_stage2_setup(void)
{
	s2_l1[0] = (uintptr_t)s2_l2_low | S2_TABLE;
	s2_l2_low[0] = CELL_RAM_PA | S2_BLOCK | S2_NORMAL | S2_RW |
		       S2_SH_INNER | S2_AF;
	for (uint64_t a = DEVICE_START; a < DEVICE_END; a += 0x200000)
		s2_l2_low[a >> 21] = a | S2_BLOCK | S2_DEVICE | S2_RW | S2_AF;
	s2_l1[COMM_IPA >> 30] = (uintptr_t)s2_l2_comm | S2_TABLE;
	s2_l2_comm[0] = (uintptr_t)s2_l3_comm | S2_TABLE;
	s2_l3_comm[0] = (uintptr_t)&comm_page | S2_PAGE | S2_NORMAL | S2_RW |
			S2_SH_INNER | S2_AF;
}

/*
 * QEMU virt,gic-version=2 or 3: a GICv3 connects the CPU's system-register
 * interface, a GICv2 does not.
 */
static unsigned int sim_gic_version(void)
{
	return (read_sysreg(id_aa64pfr0_el1) >> ID_AA64PFR0_GIC_SHIFT & 0xf) ?
		       3 :
		       2;
}

/* The root cell's job on a real system: switch the distributor on. */
static void sim_gicd_enable(void)
{
	if (gic_version == 2) {
		/* Both groups; the cell's interrupts stay in group 0. */
		mmio_write32(GICD_PA, 1 << 1 | 1 << 0);
		return;
	}
	mmio_write32(GICD_PA, 1 << 4);
	while (mmio_read32(GICD_PA) & (1U << 31))
		;
	mmio_write32(GICD_PA, 1 << 4 | 1 << 1 | 1 << 0);
	while (mmio_read32(GICD_PA) & (1U << 31))
		;
}

void sim_main(void)
{
	gic_version = sim_gic_version();
	sim_comm_setup();
	sim_stage2_setup();
	sim_gicd_enable();
	shutdown_after = mmio_read32(SIM_CONFIG_PA);

	write_sysreg(read_sysreg(midr_el1), vpidr_el2);
	write_sysreg(read_sysreg(mpidr_el1), vmpidr_el2);
	write_sysreg(VTCR_VALUE, vtcr_el2);
	write_sysreg((uintptr_t)s2_l1, vttbr_el2);
	write_sysreg(HCR_VM | HCR_TWI | HCR_RW, hcr_el2);
	write_sysreg(3, cnthctl_el2); /* EL1 physical counter and timer */
	write_sysreg(0, cntvoff_el2);
	write_sysreg(0x33ff, cptr_el2); /* FP/SIMD not trapped */
	write_sysreg(0, hstr_el2);
	/* EL1 may use the ICC registers (which a GICv2 CPU does not have). */
	if (gic_version == 3)
		write_sysreg_s(0xf, ICC_SRE_EL2);
	write_sysreg(0x30d00800, sctlr_el1); /* MMU and caches off */
	isb();
	asm volatile("tlbi vmalls12e1\n\tdsb sy\n\tisb" : : : "memory");

	sim_print("cell-sim: cell RAM PA 0x%lx at IPA 0, comm region at IPA "
		  "0x%lx, GICv%u, shutdown request after %u WFIs\n",
		  CELL_RAM_PA, COMM_IPA, gic_version, shutdown_after);
	write_sysreg(0, elr_el2);
	write_sysreg(0x3c5, spsr_el2); /* EL1h, DAIF masked */
	asm volatile("eret");
	__builtin_unreachable();
}

/* After each trapped WFI: the hypervisor's side of a shutdown request. */
static void sim_messages(void)
{
	struct warden_comm_region *comm = &comm_page.comm;

	if (!shutdown_after)
		return;
	if (!request_sent && ++wfi_traps >= shutdown_after) {
		sim_print("cell-sim: sending SHUTDOWN_REQUEST\n");
		comm->reply_from_cell = WARDEN_MSG_NONE;
		dmb(ishst);
		comm->msg_to_cell = WARDEN_MSG_SHUTDOWN_REQUEST;
		request_sent = true;
	} else if (request_sent && comm->reply_from_cell) {
		sim_print("cell-sim: reply %u, msg_to_cell %u\n",
			  comm->reply_from_cell, comm->msg_to_cell);
		sim_power_off();
	}
}

void sim_trap(uint64_t *regs)
{
	uint64_t esr = read_sysreg(esr_el2);
	uint64_t ipa;

	switch (esr >> 26) {
	case EC_HVC64:
		if ((esr & 0xffff) == WARDEN_HVC_IMM &&
		    regs[0] == WARDEN_HC_DEBUG_CONSOLE_PUTC) {
			pl011_putc(UART_PA, (char)regs[1]);
			regs[0] = 0;
		} else {
			regs[0] = (uint64_t)-38; /* -ENOSYS */
		}
		break;
	case EC_WFX:
		write_sysreg(read_sysreg(elr_el2) + 4, elr_el2);
		asm volatile("wfi");
		sim_messages();
		break;
	case EC_DABT_LOW:
		ipa = (read_sysreg(hpfar_el2) >> 4) << 12 |
		      (read_sysreg(far_el2) & 0xfff);
		sim_print("cell-sim: stage-2 fault at IPA 0x%lx (%s), ESR "
			  "0x%lx, PC 0x%lx\n",
			  (unsigned long)ipa, esr & (1 << 6) ? "write" : "read",
			  (unsigned long)esr,
			  (unsigned long)read_sysreg(elr_el2));
		sim_power_off();
	default:
		sim_print("cell-sim: unexpected trap, ESR 0x%lx, PC 0x%lx\n",
			  (unsigned long)esr,
			  (unsigned long)read_sysreg(elr_el2));
		sim_power_off();
	}
}
