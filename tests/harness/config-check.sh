# "warden config check" and "config show" on the shipped configs and on
# broken copies of them: what they print, and their exit status.
set -u
cli=$B/host/warden
cfg=$B/configs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

# run EXPECTED-STATUS ARGS...: runs the CLI, output in $out.
run() {
	local want=$1
	shift
	out=$("$cli" "$@" 2>&1)
	rc=$?
	echo "\$ warden $*"
	echo "$out"
	[ "$rc" -eq "$want" ] || bad "warden $* exited $rc, expected $want"
}
has() { grep -qF -- "$1" <<<"$out" || bad "output lacks: $1"; }
not_has() { ! grep -qF -- "$1" <<<"$out" || bad "output has: $1"; }

for f in qemu-virt qemu-virt-gicv2 qemu-virt-inmate-demo rpi4-1g rpi4-4g rpi4-inmate-demo rpi4-inmate-demo2 \
	ti-j721e ti-j721e-linux-demo rk3588 rk3588-inmate-demo; do
	[ -f "$cfg/$f.cell" ] || bad "$cfg/$f.cell was not built"
done

# Shipped pairs pass; the J721E pair has exactly its one intended advice.
run 0 config check "$cfg/qemu-virt.cell" "$cfg/qemu-virt-inmate-demo.cell"
has "0 errors, 0 advice"
run 0 config check "$cfg/qemu-virt.cell" "$cfg/qemu-virt-inmate-comm.cell"
has "0 errors, 0 advice"
# the ivshmem link: the root, the bare-metal peer, the Linux peer
run 0 config check "$cfg/qemu-virt.cell" "$cfg/qemu-virt-ivshmem-demo.cell"
has "0 errors, 0 advice"
# the bare-metal peer in MSI-X mode
run 0 config check "$cfg/qemu-virt.cell" "$cfg/qemu-virt-ivshmem-msix.cell"
has "0 errors, 0 advice"
run 0 config check "$cfg/qemu-virt.cell" "$cfg/qemu-virt-linux-demo.cell"
has "0 errors, 0 advice"
# The Pi's GIC-400 is a GICv2, which the hypervisor runs on.
for s in rpi4-1g rpi4-4g; do
	run 0 config check "$cfg/$s.cell" "$cfg/rpi4-inmate-demo.cell" \
		"$cfg/rpi4-inmate-demo2.cell"
	has "0 errors, 0 advice"
done
# QEMU virt's GICv2 config: the qemu-virt cells fit it unchanged, except
# those with direct interrupt delivery (WARDEN_CELL_DIRECT_IRQ: GICv3
# only), which config check refuses there as the hypervisor does.
for c in "$cfg"/qemu-virt-inmate-*.cell; do
	case $c in
	*-direct.cell)
		run 0 config check "$cfg/qemu-virt.cell" "$c"
		has "0 errors, 0 advice"
		run 1 config check "$cfg/qemu-virt-gicv2.cell" "$c"
		has "sets WARDEN_CELL_DIRECT_IRQ, but the GIC is version 2"
		continue ;;
	esac
	run 0 config check "$cfg/qemu-virt-gicv2.cell" "$c"
	has "0 errors, 0 advice"
done
run 0 config check "$cfg/rk3588.cell" "$cfg/rk3588-inmate-demo.cell"
has "0 errors, 0 advice"
run 0 config check "$cfg/ti-j721e.cell" "$cfg/ti-j721e-linux-demo.cell"
has "0 errors, 1 advice"
has 'advice: cell "ti-j721e-linux-demo", region 1, 0x8a0000000-0x8ffffffff (1.5 GiB):'
has "[dma-mismatch]"
has "add JAILHOUSE_MEM_DMA to root region 8"

# Every GICv3 system config alone passes too.
for s in qemu-virt ti-j721e rk3588; do
	run 0 config check "$cfg/$s.cell"
done

# patch FILE OFFSET HEXBYTES...: overwrite bytes in place.
patch() {
	local f=$1 off=$2
	shift 2
	printf "$(printf '\\x%s' "$@")" |
		dd of="$f" bs=1 seek="$off" conv=notrunc status=none
}

# An old revision is named as such.
cp "$cfg/qemu-virt.cell" "$tmp/rev12.cell"
patch "$tmp/rev12.cell" 6 0c
run 1 config check "$tmp/rev12.cell"
has "revision 12, expected 14: rebuild the config with this version's headers"

# Truncated: the counts describe more than the file has.
head -c 600 "$cfg/qemu-virt.cell" >"$tmp/short.cell"
run 1 config check "$tmp/short.cell"
has "file is 600 bytes, but its header and counts describe 1120"

# A count smaller than its array: bytes left over.
cp "$cfg/qemu-virt-inmate-demo.cell" "$tmp/count.cell"
patch "$tmp/count.cell" 52 02 # num_memory_regions 3 -> 2
# The hypervisor reads a cell config only as far as its counts: advice.
run 0 config check "$cfg/qemu-virt.cell" "$tmp/count.cell"
has "[size-mismatch]"
has "0 errors, 1 advice"
# A system config's trailing bytes the hypervisor refuses: an error.
cp "$cfg/qemu-virt.cell" "$tmp/long.cell"
head -c 32 /dev/zero >>"$tmp/long.cell"
run 1 config check "$tmp/long.cell"
has 'system config "qemu-virt" is 1152 bytes but its header and counts describe 1120'

# One engine: the rule functions are linked into the hypervisor image and
# into the CLI, and no other code of the CLI reports errors.
for bin in "$B/hypervisor/warden.elf" "$cli"; do
	[ -f "$bin" ] || { bad "$bin was not built"; continue; }
	syms=$(nm "$bin" 2>/dev/null || aarch64-linux-gnu-nm "$bin")
	for sym in rules_system rules_cell rules_regions rules_irqchips rules_pci \
		rules_el2_place warden_config_status_describe; do
		grep -q " T $sym\$" <<<"$syms" || bad "$bin lacks $sym"
	done
done
top=$(cd "$(dirname "$0")/../.." && pwd)
# The advice files add advice only; config_check.c has the rules' sink
# and two out-of-memory errors.
if grep -n FINDING_ERROR "$top"/tools/config_check_*.c ||
	[ "$(grep -c FINDING_ERROR "$top/tools/config_check.c")" != 3 ] ||
	[ "$(grep -c '"internal"' "$top/tools/config_check.c")" != 2 ]; then
	bad "an error outside the rule engine"
fi

# The Pi's GIC address copied from its device tree (bus view 0x40041000,
# the CPU's 0xff841000): an error that explains the translation and names
# the CPU address (the irqchips, still at 0xff841000, disagree too).
cp "$cfg/rpi4-1g.cell" "$tmp/busaddr.cell"
patch "$tmp/busaddr.cell" 316 00 10 04 40 # gicd_base
run 1 config check "$tmp/busaddr.cell" "$cfg/rpi4-inmate-demo.cell"
has 'gicd_base 0x40041000 of system config "rpi4-1g" is the Raspberry Pi 4 device tree'"'"'s GIC address, in the SoC'"'"'s bus view: the CPU sees 0x40000000-0x407fffff at 0xff800000 (/soc ranges) and finds no GIC at 0x40041000; set gicd_base to 0xff841000 (GICD 0xff841000, GICC 0xff842000, GICH 0xff844000, GICV 0xff846000) [gic-bus-address]'
grep -B1 -F "gicd_base 0x40041000 of system config" <<<"$out" |
	grep -q '^error: ' || bad "the bus address is not reported as an error"
# ... and only that: the other frames are not "outside the GIC's 1 GiB"
not_has '[gic-place]'
# Redistributors in another 1 GiB than the distributor (gicr_base, 348).
cp "$cfg/qemu-virt.cell" "$tmp/gicr.cell"
patch "$tmp/gicr.cell" 348 00 00 0a 48
run 1 config check "$tmp/gicr.cell"
has 'gicr_base 0x480a0000 of system config "qemu-virt" is not a 64 KiB aligned frame in the distributor'"'"'s 1 GiB (0x0-0x3fffffff)'
has '[gic-place]'
# Hypervisor memory of 1 GiB (hypervisor_memory.size, 28).
cp "$cfg/qemu-virt.cell" "$tmp/hvbig.cell"
patch "$tmp/hvbig.cell" 28 00 00 00 40
run 1 config check "$tmp/hvbig.cell"
has 'is larger than the 1022 MiB the hypervisor maps: make it at most 0x3fe00000 (a few MiB hold the hypervisor and its page pool) [hv-memory]'
# Inmate RAM moved onto the hypervisor (region 1 phys_start, offset 172).
cp "$cfg/qemu-virt-inmate-demo.cell" "$tmp/hv.cell"
patch "$tmp/hv.cell" 172 00 00 c0 7f
run 1 config check "$cfg/qemu-virt.cell" "$tmp/hv.cell"
has 'error: cell "inmate-demo", region 1, 0x7fc00000-0x7fc0ffff (64 KiB):'
has 'region 1 of cell "inmate-demo" (0x7fc00000-0x7fc0ffff) overlaps the hypervisor memory (0x7fc00000-0x7fffffff): move the region [hv-overlap]'

# The same inmate twice: the second create would be refused for its name,
# its CPU and its RAM, all of the first one's.
run 1 config check "$cfg/qemu-virt.cell" "$cfg/qemu-virt-inmate-demo.cell" \
	"$cfg/qemu-virt-inmate-demo.cell"
has 'a cell named "inmate-demo" exists already'
has 'CPU 3 of cell "inmate-demo" belongs to cell "inmate-demo"'
has "[cell-overlap]"

# config show still shows such a file, and points at config check.
run 0 config show "$tmp/count.cell"
has "32 more bytes than its counts describe"

# Empty and oversized files.
: >"$tmp/empty.cell"
run 1 config check "$tmp/empty.cell"
has "file is 0 bytes"
truncate -s 2M "$tmp/huge.cell"
run 1 config check "$tmp/huge.cell"
has "more than any config"

# JSON for machines.
run 1 config check --json "$cfg/qemu-virt.cell" "$tmp/hv.cell"
has '"errors": 2' # and outside the root's regions
has '"advice": 0'
has '"check": "hv-overlap"'
has '"start": "0x7fc00000"'
if command -v python3 >/dev/null; then
	python3 -m json.tool <<<"$out" >/dev/null || bad "--json output is not JSON"
fi

# Wrong kinds of files and arguments.
run 1 config check "$cfg/qemu-virt-inmate-demo.cell"
has "this is a cell config"
run 1 config check "$cfg/qemu-virt.cell" "$cfg/rpi4-1g.cell"
has "this is a system config"
run 1 config check "$tmp/does-not-exist.cell"
has "does-not-exist.cell:"
has "cannot open: No such file or directory"
run 2 config check

# config show
run 0 config show "$cfg/qemu-virt.cell"
has 'Cell "qemu-virt" (root cell)'
has "CPUs: 0-3 (4)"
has "INTID 32-159"
has "Hypervisor memory: 0x7fc00000-0x7fffffff (4 MiB)"
run 0 config show "$cfg/qemu-virt-inmate-demo.cell"
has "CPUs: 3 (1)"
has "READ|WRITE|EXECUTE|LOADABLE"
run 1 config show "$tmp/rev12.cell"
has "revision 12, expected 14"

[ $fails -eq 0 ]
