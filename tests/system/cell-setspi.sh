# GICD_SETSPI_NSR/CLRSPI_NSR from a cell: gicd.c passes only the INTID
# written and only for the cell's own SPIs. A rogue cell (test-probe in
# inmate-demo-2) writes SPI 100 (the root's, disabled) to SETSPI_NSR, and
# CLRSPI_NSR while the root holds it pending; the root reads the pending
# bit from the distributor, its own SPI's, which the hypervisor passes to
# the hardware. The registers exist only where GICD_TYPER.MBIS (bit 16)
# is 1: QEMU 7.2's GICv3 reads GICD_TYPER 0x037a0007 (MBIS 0) and ignores
# SETSPI_NSR even from Linux without the hypervisor, so there the test
# shows that and skips: a refused and a passed write look the same.
# expect: ^warden-test: GICD_TYPER 0x[0-9A-Fa-f]+, MBIS [01]$
# timeout: 180
# append: iomem=relaxed
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/rogue-cell.sh:rogue-cell.sh
set -e

gicd=0x08000000 # rogue-cell.sh, sourced below, says the same
typer=$(devmem $((gicd + 0x4)) 32)
mbis=$(((typer >> 16) & 1))
echo "warden-test: GICD_TYPER $typer, MBIS $mbis"
# SPI 100's bit in GICD_ISPENDR3 (100 = 3 * 32 + 4)
pending100() { echo $((($(devmem $((gicd + 0x20c)) 32) >> 4) & 1)); }
# the root's own write, before any hypervisor: does the register work?
devmem $((gicd + 0x40)) 32 100
works=$(pending100)
devmem $((gicd + 0x48)) 32 100
devmem $((gicd + 0x28c)) 32 $((1 << 4)) # ICPENDR3: in case CLRSPI is inert
echo "warden-test: the root's own SETSPI_NSR of SPI 100 made it pending: $works"
if [ "$mbis" = 0 ] || [ "$works" = 0 ]; then
	echo "QEMU's GICv3 has no GICD_SETSPI_NSR (GICD_TYPER $typer, MBIS $mbis; the root's own write left SPI 100 not pending): a cell's write cannot be told from a refused one"
	exit 77
fi

. /guest-run/wait.sh
. /guest-run/rogue-cell.sh

[ "$(pending100)" = 0 ]
probe setspi-foreign "probe=write32 addr=0x08000040 value=100 alive=1" \
	vmexits_mmio 2
if [ "$(pending100)" != 0 ]; then
	echo "warden-test: root's view: SPI 100 made pending by the cell"
	exit 1
fi
echo "warden-test: root's view: SPI 100 not pending after the cell's SETSPI_NSR"
devmem $((gicd + 0x20c)) 32 $((1 << 4)) # ISPENDR3: the root makes it pending
[ "$(pending100)" = 1 ]
probe clrspi-foreign "probe=write32 addr=0x08000048 value=100 alive=1" \
	vmexits_mmio 2
if [ "$(pending100)" != 1 ]; then
	echo "warden-test: root's view: SPI 100 cleared by the cell"
	exit 1
fi
echo "warden-test: root's view: SPI 100 still pending after the cell's CLRSPI_NSR"
devmem $((gicd + 0x28c)) 32 $((1 << 4))
warden cell destroy inmate-demo-2
warden cell destroy inmate-demo
warden disable
