# "warden config create" from QEMU virt DTBs (dumped with -machine
# dumpdtb=, GICv3, GICv2, GICv3 with an SMMUv3) and the /proc/iomem of the
# guest-run guest (tests/data/dt/*/): each output compiles as the configs
# in configs/arm64 do into the same bytes as the .cell written beside it,
# passes "warden config check", and its regions are compared with the
# hand-written configs/arm64/qemu-virt.c (the diff is printed; every
# difference is explained below and anything else fails).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cli=$B/host/warden
data=$top/tests/data/dt
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

# compile SRC.c OUT.cell: as configs/build.mk does.
compile() {
	"${cross}gcc" -std=gnu11 -Wall -Wextra -Werror -O2 -fno-common \
		-D__LINUX_COMPILER_TYPES_H -I"$top/include" -c "$1" -o "$tmp/x.o" &&
		"${cross}objcopy" -O binary --remove-section=.note.gnu.property \
			"$tmp/x.o" "$2"
}

# regions SRC.c: "START SIZE io|ram" per mem_regions entry of a source.
regions() {
	awk '/\.mem_regions = \{/ { on = 1 } /\.irqchips = \{/ { on = 0 }
		on && /\.phys_start/ { gsub(/[,;]/, ""); s = $3 }
		on && /\.size =/ { gsub(/[,;]/, ""); z = $3 }
		on && /\.flags =/ { f = "" }
		on && /JAILHOUSE_MEM_IO/ { f = "io" }
		on && /JAILHOUSE_MEM_DMA/ { f = "ram" }
		on && /^\t\t},/ { if (s != "") printf "%s %s %s\n", s, z, f; s = "" }' "$1" |
		while read -r s z f; do
			printf '%016x 0x%x 0x%x %s\n' $((s)) $((s)) $((z)) "$f"
		done | sort | cut -d' ' -f2-
}

# in_io START SIZE FILE: START+SIZE lies within one io region of FILE
# (regions' output).
in_io() {
	local hs hz
	while read -r hs hz _; do
		(($1 >= hs && $1 + $2 <= hs + hz)) && return 0
	done < <(grep ' io$' "$3")
	return 1
}

for v in gicv3 gicv2 gicv3-smmu; do
	echo "== qemu-virt-$v"
	out=$tmp/$v.c
	"$cli" config create -r "$data/qemu-virt-$v" --mem-hv 4M \
		--mem-inmates 252M --name qemu-virt "$out" ||
		{ bad "config create failed for $v"; continue; }
	[ -f "$tmp/$v.cell" ] || bad "$v: no .cell written beside the source"
	awk 'length > 80 { n++ } END { exit n > 0 }' "$out" ||
		bad "$v: lines longer than 80 columns in the source"
	if compile "$out" "$tmp/$v.compiled.cell"; then
		cmp "$tmp/$v.cell" "$tmp/$v.compiled.cell" ||
			bad "$v: the compiled source differs from the written .cell"
	else
		bad "$v: the generated source does not compile"
	fi
	check=$("$cli" config check "$tmp/$v.cell" \
		"$B/configs/qemu-virt-inmate-demo.cell" 2>&1)
	rc=$?
	echo "$check"
	# The SMMUv3 is named, not configured (Warden has no IOMMU support).
	if [ "$v" = gicv3-smmu ]; then
		grep -q "IOMMU /smmuv3@9050000: left to Linux" "$out" ||
			bad "$v: the SMMU is not mentioned"
	fi
	[ $rc -eq 0 ] && grep -q "^0 errors, 0 advice" <<<"$check" ||
		bad "$v: check not clean"
done

# The GICv3 output against the hand-written qemu-virt.c.
gen=$tmp/gicv3.c
hand=$top/configs/arm64/qemu-virt.c
echo "== regions: configs/arm64/qemu-virt.c (<) vs generated (>)"
regions "$hand" >"$tmp/hand"
regions "$gen" >"$tmp/gen"
diff "$tmp/hand" "$tmp/gen"
"$cli" config show "$B/configs/qemu-virt.cell" | sed -n '2,3p;6p' >"$tmp/hand.hdr"
"$cli" config show "$tmp/gicv3.cell" | sed -n '2,3p;6p' >"$tmp/gen.hdr"
cmp -s "$tmp/hand.hdr" "$tmp/gen.hdr" || {
	diff "$tmp/hand.hdr" "$tmp/gen.hdr"
	bad "hypervisor memory, console or GIC differ from qemu-virt.c"
}
grep -q "Debug console: PL011 at 0x9000000 (4 KiB), MMIO, 32-bit" \
	<("$cli" config show "$tmp/gicv3.cell") || bad "console differs"
grep -q "CPUs: 0-3 (4)" <("$cli" config show "$tmp/gicv3.cell") ||
	bad "CPUs differ"

# RAM: identical (Linux below mem=768M, cells' memory 0x70000000-0x7fbfffff).
grep ' ram$' "$tmp/hand" >"$tmp/hand.ram"
grep ' ram$' "$tmp/gen" >"$tmp/gen.ram"
cmp -s "$tmp/hand.ram" "$tmp/gen.ram" || bad "RAM regions differ"

# MMIO: the hand config maps 0x09001000-0x3fffffff in one piece (it also
# covers the platform bus at 0x0c000000, which has no devices on this
# machine, and gaps); the generated one maps each device's pages and the
# PCI windows. Every generated region must lie in a hand-written one,
# except two the DT describes and the hand config leaves out on purpose:
# the CFI flash at 0 (Linux's physmap driver uses it) and the 512 GiB
# 64-bit PCI window at 0x8000000000 (no BAR is placed there with -nic none).
while read -r s z _; do
	case $s in 0x0 | 0x8000000000) echo "extra (explained): $s+$z"; continue ;; esac
	in_io "$s" "$z" "$tmp/hand" ||
		bad "generated MMIO region $s+$z is in no region of qemu-virt.c"
done < <(grep ' io$' "$tmp/gen")
# The hand config maps all 128 SPIs; the generated one only those the DT
# gives devices (UART 1, RTC 2, PCIe INTx 3-6, GPIO 7, virtio 16-47).
grep -q "INTID 33-39,48-79" <("$cli" config show "$tmp/gicv3.cell") ||
	bad "SPIs differ from the devices' interrupts"

# -r TARBALL (as "warden config collect" writes it; here made with tar(1)
# from the fixture directory) gives the same files as -r DIR.
echo "== -r TARBALL"
tar -C "$data/qemu-virt-gicv3" -cf "$tmp/c.tar" fdt iomem cpuinfo
mkdir -p "$tmp/t"
"$cli" config create -r "$tmp/c.tar" --mem-hv 4M --mem-inmates 252M \
	--name qemu-virt "$tmp/t/gicv3.c" >/dev/null || bad "-r TARBALL failed"
cmp "$tmp/gicv3.c" "$tmp/t/gicv3.c" && cmp "$tmp/gicv3.cell" "$tmp/t/gicv3.cell" ||
	bad "-r TARBALL differs from -r DIR"

# The overlay: compiles, applies to the board's DTB with fdtoverlay, and
# the result has the two no-map nodes in the board's cells. Generating
# again from the overlaid DTB (booted with the overlay, Linux's RAM is
# the same) puts everything where the overlay reserved it.
echo "== --overlay"
"$cli" config create -r "$data/qemu-virt-gicv3" --mem-hv 4M \
	--mem-inmates 252M --name qemu-virt --overlay "$tmp/o.dts" \
	"$tmp/o.c" >/dev/null || bad "--overlay failed"
cat "$tmp/o.dts"
dtc -q -@ -I dts -O dtb -o "$tmp/o.dtbo" "$tmp/o.dts" || bad "overlay does not compile"
fdtoverlay -i "$data/qemu-virt-gicv3/fdt" -o "$tmp/ov.dtb" "$tmp/o.dtbo" ||
	bad "fdtoverlay refused the overlay"
for n in warden-hypervisor@7fc00000:"0 2143289344 0 4194304" \
	warden-cells@70000000:"0 1879048192 0 264241152"; do
	reg=$(fdtget "$tmp/ov.dtb" "/reserved-memory/${n%%:*}" reg)
	[ "$reg" = "${n#*:}" ] || bad "${n%%:*}: reg \"$reg\", expected \"${n#*:}\""
	fdtget -l "$tmp/ov.dtb" /reserved-memory >/dev/null &&
		fdtget -p "$tmp/ov.dtb" "/reserved-memory/${n%%:*}" | grep -qx no-map ||
		bad "${n%%:*}: no no-map"
done
"$cli" config create --dtb "$tmp/ov.dtb" --iomem "$data/qemu-virt-gicv3/iomem" \
	--mem-hv 4M --mem-inmates 252M --name qemu-virt "$tmp/ov.c" ||
	bad "config create on the overlaid DTB failed"
cmp "$tmp/o.cell" "$tmp/ov.cell" || bad "the overlaid DTB gives another config"
# The QEMU test tests/system/config-create-overlay.sh boots this DTB.
cmp "$tmp/ov.dtb" "$data/qemu-virt-gicv3-warden.dtb" ||
	bad "tests/data/dt/qemu-virt-gicv3-warden.dtb is not the fixture with the overlay applied: regenerate it"

# Raspberry Pi 4 (4 GiB): Debian's bcm2711-rpi-4-b.dtb with the memory
# node filled as the firmware does at the default gpu_mem=64 (0x0+
# 0x3b400000, 0x40000000+0xbc000000), and a hand-made /proc/iomem with
# that RAM and a few devices. Compared with configs/arm64/rpi4-4g.c.
echo "== rpi4-4g"
pi=$tmp/rpi4-4g.c
"$cli" config create -r "$data/rpi4-4g" --mem-hv 4M --mem-inmates 176M \
	--overlay "$tmp/pi.dts" "$pi" || bad "config create failed for rpi4-4g"
awk 'length > 80 { n++ } END { exit n > 0 }' "$pi" || bad "rpi4: long lines"
compile "$pi" "$tmp/pi.compiled.cell" && cmp "$tmp/rpi4-4g.cell" "$tmp/pi.compiled.cell" ||
	bad "rpi4: the source does not compile into the written .cell"
"$cli" config check "$tmp/rpi4-4g.cell" "$B/configs/rpi4-inmate-demo.cell" |
	grep -q "^0 errors, 0 advice" || bad "rpi4: config check not clean"
# The GIC-400 through /soc's second range (0x40041000 -> 0xff841000), the
# mini UART through the first (0x7e215040 -> 0xfe215040): as written by hand.
for l in 3 6; do
	a=$("$cli" config show "$B/configs/rpi4-4g.cell" | sed -n ${l}p)
	b=$("$cli" config show "$tmp/rpi4-4g.cell" | sed -n ${l}p)
	[ "$a" = "$b" ] || bad "rpi4: \"$b\" differs from rpi4-4g.c: \"$a\""
done
echo "== regions: configs/arm64/rpi4-4g.c (<) vs generated (>)"
regions "$top/configs/arm64/rpi4-4g.c" >"$tmp/pi.hand"
regions "$pi" >"$tmp/pi.gen"
diff "$tmp/pi.hand" "$tmp/pi.gen"
# MMIO: the hand config maps 0xfc000000-0xff83ffff in one piece; every
# generated device region (one per DT node, merged where they touch) and
# the PCIe outbound window 0x600000000 must lie in one of its regions.
while read -r s z _; do
	in_io "$s" "$z" "$tmp/pi.hand" ||
		bad "rpi4: MMIO region $s+$z is in no region of rpi4-4g.c"
done < <(grep ' io$' "$tmp/pi.gen")
grep -q '^0x600000000 0x4000000 io$' "$tmp/pi.gen" || bad "rpi4: no PCIe window"
# RAM differs on purpose: the hand config puts the hypervisor and cells at
# 0x30000000-0x3b3fffff so that one cell config serves the 1 GiB board
# too; the generator takes the top of RAM (0xf0c00000-0xfbffffff), which
# the mem= alternative can also keep free. Both leave Linux the rest.
grep -q '^0xf0c00000 0xb000000 ram$' "$tmp/pi.gen" || bad "rpi4: cells' memory"
grep -q 'mem=3776M' "$pi" || bad "rpi4: no mem= alternative"
# Overlay in the Pi's cells (#address-cells 2, #size-cells 1).
grep -q 'reg = < 0x0 0xfbc00000 0x400000 >;' "$tmp/pi.dts" ||
	bad "rpi4: the overlay does not use the board's cells"
dtc -q -@ -I dts -O dtb -o "$tmp/pi.dtbo" "$tmp/pi.dts" &&
	fdtoverlay -i "$data/rpi4-4g/fdt" -o "$tmp/pi-ov.dtb" "$tmp/pi.dtbo" ||
	bad "rpi4: the overlay does not apply"

# TI J721E EVM: Debian's k3-j721e-common-proc-board.dtb as shipped (its
# memory node is filled in; no /proc/iomem fixture, so all RAM outside
# no-map reservations counts as Linux's). GIC and console as in the
# hand-written ti-j721e.c (the main UART0, 32-bit spaced as TI's UARTs
# are although the DT has no reg-shift). Placement differs: the hand
# config uses a hole at 0xef000000 and 0x8a0000000 for its inmate; the
# generator takes the top of the high bank.
echo "== ti-j721e"
"$cli" config create -r "$data/ti-j721e" --mem-hv 16M --mem-inmates 1536M \
	"$tmp/ti-j721e.c" || bad "config create failed for ti-j721e"
compile "$tmp/ti-j721e.c" "$tmp/ti.compiled.cell" &&
	cmp "$tmp/ti-j721e.cell" "$tmp/ti.compiled.cell" ||
	bad "ti-j721e: the source does not compile into the written .cell"
"$cli" config check "$tmp/ti-j721e.cell" | grep -q "^0 errors, 0 advice" ||
	bad "ti-j721e: config check"
for l in 3 6; do
	a=$("$cli" config show "$B/configs/ti-j721e.cell" | sed -n ${l}p)
	b=$("$cli" config show "$tmp/ti-j721e.cell" | sed -n ${l}p)
	[ "$a" = "$b" ] || bad "ti-j721e: \"$b\" differs from ti-j721e.c: \"$a\""
done
grep -q "optee@9e800000" "$tmp/ti-j721e.c" && bad "ti-j721e: OP-TEE memory in the config"
echo "RAM: ti-j721e.c (<) vs generated (>)"
diff <(regions "$top/configs/arm64/ti-j721e.c" | grep ram) \
	<(regions "$tmp/ti-j721e.c" | grep ram)

[ $fails -eq 0 ] && echo "all config-create checks passed"
[ $fails -eq 0 ]
