# "warden config create" from QEMU virt DTBs (dumped with -machine
# dumpdtb=, GICv3, GICv2, each also with an SMMUv3) and the /proc/iomem of the
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

# covered START SIZE KIND FILE: [START, START + SIZE) lies in the union of
# FILE's regions of KIND (io or ram), adjacent ones joined.
covered() {
	local at=$(($1)) end=$(($1 + $2)) hs hz moved
	while ((at < end)); do
		moved=0
		while read -r hs hz _; do
			if ((at >= hs && at < hs + hz)); then
				at=$((hs + hz)) moved=1
			fi
		done < <(grep " $3\$" "$4")
		((moved)) || return 1
	done
}

for v in gicv3 gicv2 gicv3-smmu gicv2-smmu; do
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
	show=$("$cli" config show "$tmp/$v.cell")
	case $v in
	gicv3-smmu)
		# The SMMUv3 is an IOMMU unit; the root's DMA master behind
		# it is the PCI host bridge 0000:00:00.0 (the fixture's
		# pci-devices, as collect lists /sys/bus/pci/devices),
		# stream id 0 through the pcie node's iommu-map. Its
		# registers are not the root's. Without collected GIC facts
		# the root gets the SPIs up to the DT's highest (SPI 77, the
		# SMMU's) rounded up to the GIC's 32-line granule: 96.
		grep -q "^IOMMU 0: type 3 (SMMUv3) at 0x9050000 (128 KiB)" <<<"$show" &&
			grep -q "^  Stream ids: 0x0$" <<<"$show" &&
			grep -q "/pcie@10000000 (iommu-map, PCI 0000:00:00.0)" "$out" ||
			bad "$v: SMMU unit or stream id"
		grep -q " 0x9050000 .*IO" <<<"$show" && bad "$v: the root maps the SMMU"
		grep -q "INTID 32-127$" <<<"$show" &&
			grep -q "fewest the GIC can have" "$out" ||
			bad "$v: SPIs not chosen as the DT's lower bound"
		# With Linux's SMMU driver holding the registers (a nested
		# iomem line), the config says to disable it in the DT first.
		mkdir -p "$tmp/smmu-used"
		cp "$data/qemu-virt-$v/fdt" "$tmp/smmu-used/"
		sed 's/^10000000-3efeffff : pcie@10000000/09050000-0906ffff : smmuv3@9050000\n  09050000-0906ffff : 9050000.smmuv3 smmuv3@9050000\n&/' \
			"$data/qemu-virt-$v/iomem" >"$tmp/smmu-used/iomem"
		"$cli" config create -r "$tmp/smmu-used" "$tmp/smmu-used.c" >/dev/null &&
			grep -q "Linux's driver holds IOMMU /smmuv3@9050000 now (iomem line" \
				"$tmp/smmu-used.c" || bad "$v: no word on Linux's SMMU driver"
		"$cli" config create -r "$data/qemu-virt-$v" --spis 224 \
			"$tmp/spis.c" >/dev/null &&
			grep -q "INTID 160-255$" <("$cli" config show "$tmp/spis.cell") ||
			bad "$v: --spis 224 not used"
		;;
	gicv2-smmu)
		# QEMU virt,gic-version=2,iommu=smmuv3 (dumpdtb; iomem, gic and
		# pci-devices as the GICv2 guest's): the same SMMUv3 unit and
		# stream id with the GICv2's 256 SPIs read through /dev/mem.
		grep -q "^IOMMU 0: type 3 (SMMUv3) at 0x9050000 (128 KiB)" <<<"$show" &&
			grep -q "^  Stream ids: 0x0$" <<<"$show" &&
			grep -q "INTID 160-287$" <<<"$show" ||
			bad "$v: SMMU unit, stream id or SPIs"
		;;
	gicv3)
		# collect read "GICv3: 224 SPIs implemented" from the kernel
		# log (/dev/mem refused: the GICv3 driver claims GICD).
		grep -q "INTID 32-159$" <<<"$show" && grep -q "INTID 160-255$" <<<"$show" &&
			grep -q 'kernel log "GICv3: 224 SPIs' "$out" ||
			bad "$v: the root does not get the GIC's 224 SPIs"
		;;
	gicv2)
		# collect read GICD_TYPER (ITLinesNumber 8: 256 SPIs),
		# GICC_IIDR and GICH_VTR (4 list registers) through /dev/mem.
		grep -q "INTID 160-287$" <<<"$show" &&
			grep -q "GICH_VTR 0x90000003 (4 list registers)" "$out" ||
			bad "$v: GICv2 facts not used"
		grep -q "GIC: v2, distributor 0x8000000, CPU/hyp/virtual interfaces 0x8010000/0x8030000/0x8040000, maintenance INTID 25" <<<"$show" ||
			bad "$v: GICv2 frames: $(grep ^GIC <<<"$show")"
		;;
	esac
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
# qemu-virt.c splits the cells' memory around its ivshmem link (regions
# without a kind, 0x7faf0000-0x7fafffff): merged again, it is one region.
n=0 link=0
while read -r s z f; do
	[ "$f" = ram ] || [ -z "$f" ] || continue
	# a link region, or RAM right after one, continues the region
	if ((n && s == ps + pz)) && { [ -z "$f" ] || ((link)); }; then
		pz=$((pz + z)) link=$([ -z "$f" ] && echo 1 || echo 0)
		continue
	fi
	((n)) && printf '0x%x 0x%x ram\n' $ps $pz
	ps=$((s)) pz=$((z)) n=1 link=0
done <"$tmp/hand" >"$tmp/hand.ram"
((n)) && printf '0x%x 0x%x ram\n' $ps $pz >>"$tmp/hand.ram"
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
# The hand config gives the root SPIs 0-127; the generated one all 224
# the GIC has (GICD_TYPER, as collected; checked above).

# -r TARBALL (as "warden config collect" writes it; here made with tar(1)
# from the fixture directory) gives the same files as -r DIR.
echo "== -r TARBALL"
tar -C "$data/qemu-virt-gicv3" -cf "$tmp/c.tar" fdt iomem cpuinfo gic pci-devices
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
# (-r for iomem and the GIC facts, --dtb for the overlaid device tree)
"$cli" config create -r "$data/qemu-virt-gicv3" --dtb "$tmp/ov.dtb" \
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
# The demo cell of docs/config-create.md step 7: rpi4-inmate-demo.c with
# its 1 MiB of RAM moved from 0x3a000000 (Linux's RAM in the generated
# layout) to 0xf0c00000, the start of the generated cells' memory; config
# check then finds nothing to say.
sed 's/\.phys_start = 0x3a000000/.phys_start = 0xf0c00000/' \
	"$top/configs/arm64/rpi4-inmate-demo.c" >"$tmp/pi-demo.c"
grep -q 'phys_start = 0xf0c00000' "$tmp/pi-demo.c" || bad "rpi4: demo RAM not moved"
compile "$tmp/pi-demo.c" "$tmp/pi-demo.cell" &&
	"$cli" config check "$tmp/rpi4-4g.cell" "$tmp/pi-demo.cell" >"$tmp/pi-demo.out"
grep -q "^0 errors, 0 advice" "$tmp/pi-demo.out" ||
	{ cat "$tmp/pi-demo.out"; bad "rpi4: the moved demo cell does not check"; }
# Overlay in the Pi's cells (#address-cells 2, #size-cells 1).
grep -q 'reg = < 0x0 0xfbc00000 0x400000 >;' "$tmp/pi.dts" ||
	bad "rpi4: the overlay does not use the board's cells"
dtc -q -@ -I dts -O dtb -o "$tmp/pi.dtbo" "$tmp/pi.dts" &&
	fdtoverlay -i "$data/rpi4-4g/fdt" -o "$tmp/pi-ov.dtb" "$tmp/pi.dtbo" ||
	bad "rpi4: the overlay does not apply"

# TI J721E EVM: Debian's k3-j721e-common-proc-board.dtb as shipped (its
# memory node is filled in) and a hand-made /proc/iomem to match: System
# RAM around the no-map carve-outs (OP-TEE 0x9e800000, the R5F/C66/C71
# pools to 0xa8ffffff, IPC 0xaa000000-0xabbfffff), which Linux shows as
# "reserved". GIC and console as in the
# hand-written ti-j721e.c (the main UART0, 32-bit spaced as TI's UARTs
# are although the DT has no reg-shift). Placement differs: the hand
# config uses a hole at 0xef000000 and 0x8a0000000 for its inmate; the
# generator takes the top of the high bank. The hand config's Linux RAM
# 0x80000000-0xeeffffff also covers the OP-TEE and remote-core carve-outs
# (no-map in the DT); the generated one leaves them out, as iomem does.
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
grep -q "no /proc/iomem given" "$tmp/ti-j721e.c" && bad "ti-j721e: iomem fixture not used"
grep -q "iomem line 13: abc00000-ffffffff : System RAM" "$tmp/ti-j721e.c" ||
	bad "ti-j721e: RAM not from the iomem fixture"
echo "RAM: ti-j721e.c (<) vs generated (>)"
diff <(regions "$top/configs/arm64/ti-j721e.c" | grep ram) \
	<(regions "$tmp/ti-j721e.c" | grep ram)

# MMIO: every generated device region lies in one of ti-j721e.c's five,
# except what the DT has above 4 GiB and the hand config leaves out: the
# OSPI controllers' memory-mapped flash (0x500000000, 0x700000000), the
# PCIe windows from 0x4400000000 and the C66x DSPs' local memories at
# 0x4d8xxxxxxx (their remoteproc driver maps them).
echo "MMIO outside ti-j721e.c's regions (explained above):"
while read -r s z _; do
	case $s in 0x500000000 | 0x700000000 | 0x44???????? | 0x4d8???????)
		echo "  $s+$z"; continue ;;
	esac
	in_io "$s" "$z" <(regions "$top/configs/arm64/ti-j721e.c") ||
		bad "ti-j721e: MMIO region $s+$z is in no region of ti-j721e.c"
done < <(regions "$tmp/ti-j721e.c" | grep ' io$')

# The J721E's SMMUv3 (/bus@100000/bus@30000000/iommu@36600000) is an
# IOMMU unit and its registers are not the root's; no node of this DT
# names it (its PCIe uses msi-map only), so the root has no stream ids.
# The hand-written ti-j721e.c has TI's PVUs instead, which Debian's DT
# does not describe (Jailhouse's TI trees add them).
show=$("$cli" config show "$tmp/ti-j721e.cell")
grep -q "^IOMMU 0: type 3 (SMMUv3) at 0x36600000 (1 MiB)" <<<"$show" ||
	bad "ti-j721e: the SMMUv3 is not an IOMMU unit"
grep -q "Stream ids" <<<"$show" && bad "ti-j721e: stream ids without a master"
grep -q "the root has no stream ids" "$tmp/ti-j721e.c" ||
	bad "ti-j721e: no word on the missing stream ids"
regions "$tmp/ti-j721e.c" | while read -r s z f; do
	((s < 0x36700000 && s + z > 0x36600000)) && echo "FAIL: maps the SMMU: $s+$z"
done | grep FAIL && bad "ti-j721e: the root maps the SMMU's registers"

# RK3588: Debian 12's own kernel (6.1) ships no RK3588 DTB at all; this is
# rockchip/rk3588-rock-5b.dtb from bookworm-backports' linux-image-6.12.95+
# deb12-arm64-unsigned (6.12.95-1~bpo12+1), with the memory node filled as
# U-Boot does for 8 GiB (0x200000-0xefffffff, TF-A's first 2 MiB left out;
# 0x100000000-0x1ffffffff), and a hand-made /proc/iomem to match
# (tests/data/dt/rk3588-8g/README). Compared with configs/arm64/rk3588.c.
echo "== rk3588-8g"
rk=$tmp/rk3588.c
"$cli" config create -r "$data/rk3588-8g" --mem-hv 256M --mem-inmates 0x25000000 \
	--name rk3588 "$rk" || bad "config create failed for rk3588"
awk 'length > 80 { n++ } END { exit n > 0 }' "$rk" || bad "rk3588: long lines"
compile "$rk" "$tmp/rk.compiled.cell" && cmp "$tmp/rk3588.cell" "$tmp/rk.compiled.cell" ||
	bad "rk3588: the source does not compile into the written .cell"
"$cli" config check "$tmp/rk3588.cell" "$B/configs/rk3588-inmate-demo.cell" |
	grep -q "^0 errors, 0 advice" || bad "rk3588: config check"
# The console (UART2, 32-bit stride from reg-shift) and the GIC-600
# (distributor, redistributors; its ITS child stays unmapped) as by hand.
for l in 3 6; do
	a=$("$cli" config show "$B/configs/rk3588.cell" | sed -n ${l}p)
	b=$("$cli" config show "$tmp/rk3588.cell" | sed -n ${l}p)
	[ "$a" = "$b" ] || bad "rk3588: \"$b\" differs from rk3588.c: \"$a\""
done
echo "== regions: configs/arm64/rk3588.c (<) vs generated (>)"
regions "$top/configs/arm64/rk3588.c" >"$tmp/rk.hand"
regions "$rk" >"$tmp/rk.gen"
diff "$tmp/rk.hand" "$tmp/rk.gen"
# MMIO: the hand config maps 0xf0000000-0xfe5fffff and 0xfe780000-
# 0xffffffff in two pieces, and the PCIe controllers' 64-bit windows
# (0x900000000, 0x980000000, 0xa00000000) and DBI registers (0xa40000000,
# 0xa40800000, 0xa41000000) above RAM: every generated device region lies
# in them (without the PCIe ones, Linux's PCIe driver, the Rock 5B's M.2
# NVMe, would fault after enable).
while read -r s z _; do
	covered "$s" "$z" io "$tmp/rk.hand" ||
		bad "rk3588: MMIO region $s+$z is in no region of rk3588.c"
done < <(grep ' io$' "$tmp/rk.gen")
in_io 0xfeb50000 0x1000 "$tmp/rk.gen" || bad "rk3588: the console UART is not the root's"
# RAM: the DT's memory starts at 2 MiB (TF-A's BL31 below, not Linux's;
# tests/data/dt/rk3588-8g/iomem as Linux sees it). The generator takes
# the top of the high bank for the hypervisor and cells, the hand config
# 0x80000000/0x90000000 in the low bank; every RAM region of the hand
# config lies in the DT's memory, none below 2 MiB.
grep -q '^0x200000 0xefe00000 ram$' "$tmp/rk.gen" &&
	grep -q '^0x1cb000000 0x25000000 ram$' "$tmp/rk.gen" ||
	bad "rk3588: RAM"
grep '^[0-9a-f]*-[0-9a-f]* : System RAM$' "$data/rk3588-8g/iomem" |
	while IFS='- ' read -r a b _; do
		printf '0x%s 0x%x ram\n' "$a" $((0x$b - 0x$a + 1))
	done >"$tmp/rk.dtram"
while read -r s z _; do
	covered "$s" "$z" ram "$tmp/rk.dtram" ||
		bad "rk3588: RAM region $s+$z of rk3588.c is not the DT's memory"
done < <(grep ' ram$' "$tmp/rk.hand")
# The DT's SCMI clock service calls SMC 0x82000010 (a SiP call), so the
# root's SiP/OEM SMCs are forwarded, by the generated and the hand config.
grep -q "forwarded to firmware" <("$cli" config show "$tmp/rk3588.cell") &&
	grep -q "/firmware/scmi: SCMI through SMC function id 0x82000010" "$rk" ||
	bad "rk3588: SCMI over SMC not forwarded"
grep -q "forwarded to firmware" <("$cli" config show "$B/configs/rk3588.cell") ||
	bad "rk3588.c: the root's SiP SMCs (SCMI, 0x82000010) not forwarded"
# SPIs: no GIC facts for this fixture (collect reads them on the board);
# the DT's highest is SPI 398 (/adc@fec10000, INTID 430), and lines come
# in 32s, so the root gets SPIs 0-415 (INTID 32-447) and the comment says
# why. The hand config grants INTIDs 32-543.
grep -q "INTID 416-447$" <("$cli" config show "$tmp/rk3588.cell") &&
	grep -q "give --spis N for all" "$rk" || bad "rk3588: SPIs"

[ $fails -eq 0 ] && echo "all config-create checks passed"
[ $fails -eq 0 ]
