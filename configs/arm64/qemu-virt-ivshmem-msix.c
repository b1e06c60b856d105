// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * qemu-virt-ivshmem-demo.c with its ivshmem device in MSI-X mode: peer 1
 * of the "demo" link with 4 MSI-X vectors (BAR1: table and PBA) instead
 * of INTx. On arm64 a vector's data is the SPI it raises; the cell owns
 * INTIDs 144-147 for them (taken from the root). The same CPU, RAM and
 * shared memory as ivshmem-demo, so only one of the two exists at a
 * time. Run test-ivshmem-msix.bin in it (tests/system/ivshmem-msix.sh).
 */
#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define IVSHMEM_CELL_NAME "ivshmem-msix"
#define IVSHMEM_MSIX_VECTORS 4
#define IVSHMEM_BAR_MASK JAILHOUSE_IVSHMEM_BAR_MASK_MSIX
#define IVSHMEM_SPIS (0xf << (144 - 128))
#include "qemu-virt-ivshmem-demo.c"
