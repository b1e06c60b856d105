// SPDX-License-Identifier: GPL-2.0
/* "warden config show" (tools/config_show.c) on the QEMU configs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "config_fixture.h"
#include "config_show.h"

static struct fx fx;

static char *show(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_int_equal(fx_build(&fx), WARDEN_CONFIG_OK);
	config_show(&fx.cfg, out);
	fclose(out);
	return text;
}

static void expect(const char *text, const char *what)
{
	assert_non_null(text);
	if (!strstr(text, what)) {
		fputs(text, stderr);
		fail_msg("\"%s\" not in the output above", what);
	}
}

static void shows_system(void **state)
{
	char *text;

	fx_qemu_root(&fx);
	text = show();
	expect(text, "System configuration, revision 14, arm64, 688 bytes\n");
	expect(text, "Hypervisor memory: 0x7fc00000-0x7fffffff (4 MiB)\n");
	expect(text, "GIC: v3, distributor 0x8000000, redistributors from "
		     "0x80a0000");
	expect(text, "Cell \"qemu-virt\" (root cell)\n  Flags: none\n");
	expect(text, "  CPUs: 0-3 (4)\n");
	expect(text, "INTID 32-159\n");
	expect(text, "READ|WRITE|EXECUTE|DMA\n");
	free(text);
}

static void shows_cell_sorted(void **state)
{
	char *text, *uart, *ram, *comm;

	fx_qemu_inmate(&fx, "inmate-demo", 0x8 | 0x2 | 0x1, 0x7fa00000);
	fx_add_mem(&fx, 0x08f00000, 0x08f00000, 0x1000,
		   FX_IO | JAILHOUSE_MEM_IO_32 | (1ULL << 40));
	fx_add_irqchip(&fx, 32, 0x2, 0, 0, (1u << 16) | (1u << 17));
	text = show();
	expect(text, "  CPUs: 0-1,3 (3)\n");
	expect(text, "  Flags: PASSIVE_COMMREG\n");
	expect(text, "Reset address: 0x0\n");
	expect(text, "INTID 33,144-145\n");
	expect(text, "READ|WRITE|IO|IO_32|0x10000000000\n");
	expect(text, "READ|WRITE|EXECUTE|LOADABLE\n");
	expect(text, "(comm page)");
	/* By physical address; the comm page, which has none, last. */
	uart = strstr(text, "0x9000000 ");
	ram = strstr(text, "0x7fa00000 ");
	comm = strstr(text, "(comm page)");
	assert_non_null(uart);
	assert_true(strstr(text, "0x8f00000 ") < uart);
	assert_true(uart < ram && ram < comm);
	expect(text, "Console: PL011 at 0x9000000 (4 KiB), MMIO");
	free(text);
}

static void shows_pci_and_streams(void **state)
{
	struct jailhouse_pci_device *d;
	char *text;

	fx_qemu_inmate(&fx, "x", 1, 0x7fa00000);
	fx.desc.vpci_irq_base = 108;
	d = &fx.pci[fx.n_pci++];
	d->type = JAILHOUSE_PCI_TYPE_IVSHMEM;
	d->domain = 1;
	d->bdf = 1 << 3;
	d->shmem_regions_start = 0;
	d->shmem_peers = 2;
	d->shmem_dev_id = 1;
	d->shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH;
	fx.streams[0] = 3;
	fx.n_streams = 1;
	text = show();
	expect(text, "PCI 0001:00:01.0 ivshmem: peer 1 of 2, regions 0-3, "
		     "protocol 0x0001, INTx INTID 141\n");
	expect(text, "Stream ids: 0x3\n");
	free(text);
	/* MSI-X mode: no INTx, the vectors' data name the SPIs */
	d->num_msix_vectors = 4;
	text = show();
	expect(text, "PCI 0001:00:01.0 ivshmem: peer 1 of 2, regions 0-3, "
		     "protocol 0x0001, MSI-X, 4 vectors (SPI = vector data)\n");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shows_system),
		cmocka_unit_test(shows_cell_sorted),
		cmocka_unit_test(shows_pci_and_streams),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
