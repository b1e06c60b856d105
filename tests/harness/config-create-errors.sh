# "warden config create" on bad input: a DTB without a GIC, overlapping
# memory nodes, a truncated DTB, an iomem file that disagrees with the DT,
# a console that is no UART. Each is refused with exit status 1 and a
# sentence naming the node or line, and nothing is written.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cli=$B/host/warden
src=$top/tests/data/dt/qemu-virt-gicv3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
command -v fdtput >/dev/null || { echo "fdtput missing (device-tree-compiler)"; exit 77; }

# refused NAME EXPECTED-TEXT ARGS...: config create in $tmp/NAME/ fails
# saying EXPECTED-TEXT and leaves no file behind.
refused() {
	local name=$1 want=$2 out
	shift 2
	mkdir -p "$tmp/out-$name"
	out=$("$cli" config create --overlay "$tmp/out-$name/o.dts" \
		--mem-hv 4M --mem-inmates 16M "$@" "$tmp/out-$name/sys.c" 2>&1)
	rc=$?
	echo "[$name] exit $rc: $out"
	[ $rc -eq 1 ] || bad "$name: exit status $rc, expected 1"
	grep -qF -- "$want" <<<"$out" || bad "$name: output lacks: $want"
	[ -z "$(ls -A "$tmp/out-$name")" ] &&
		echo "[$name] nothing written" ||
		bad "$name: files written: $(ls "$tmp/out-$name")"
}

# A DTB without its GIC node.
cp "$src/fdt" "$tmp/nogic.dtb"
fdtput -r "$tmp/nogic.dtb" /intc@8000000
refused nogic 'no GIC in the device tree' --dtb "$tmp/nogic.dtb" \
	--iomem "$src/iomem"

# A second memory node overlapping the first.
cp "$src/fdt" "$tmp/overlap.dtb"
fdtput -c "$tmp/overlap.dtb" /memory@60000000
fdtput -t s "$tmp/overlap.dtb" /memory@60000000 device_type memory
fdtput -t x "$tmp/overlap.dtb" /memory@60000000 reg 0 0x60000000 0 0x40000000
refused overlap 'memory /memory@60000000 reg[0] (0x60000000+0x40000000) overlaps /memory@40000000 reg[0] (0x40000000+0x40000000)' \
	--dtb "$tmp/overlap.dtb" --iomem "$src/iomem"

# A DTB cut short (a copy that stopped half-way).
head -c 4000 "$src/fdt" >"$tmp/short.dtb"
refused truncated 'truncated DTB: its header says 7864 bytes, the file has 4000' \
	--dtb "$tmp/short.dtb" --iomem "$src/iomem"

# A DTS where a DTB belongs.
echo '/dts-v1/; / { compatible = "x"; }; /* padding padding padding */' >"$tmp/x.dts"
refused dts 'not a DTB' --dtb "$tmp/x.dts" --iomem "$src/iomem"

# /proc/iomem of another machine: RAM where this DT has none.
sed 's/^40000000-6fffffff : System RAM/80000000-afffffff : System RAM/' \
	"$src/iomem" >"$tmp/iomem-other"
refused iomem 'iomem line 10 (80000000-afffffff : System RAM) lies outside the device tree' \
	--dtb "$src/fdt" --iomem "$tmp/iomem-other"

# /proc/iomem read without root: zeros.
sed 's/[0-9a-f]*-[0-9a-f]* :/00000000-00000000 :/' "$src/iomem" >"$tmp/iomem-user"
refused iomem-user 'without root rights' --dtb "$src/fdt" \
	--iomem "$tmp/iomem-user"

# A console that is no UART the debug console drives.
refused console 'console /pl061@9030000 is not a UART' -r "$src" \
	--console /pl061@9030000
refused console-missing 'console "serial9" names no node' -r "$src" \
	--console serial9

# GIC facts collected on another system: its distributor is elsewhere.
mkdir -p "$tmp/other-gic"
cp "$src/fdt" "$src/iomem" "$tmp/other-gic/"
sed 's/^gicd 0x8000000$/gicd 0x2f000000/' "$src/gic" >"$tmp/other-gic/gic"
refused gic-other 'gic line 3 (gicd 0x2f000000) names another distributor than the device tree'"'"'s /intc@8000000' \
	-r "$tmp/other-gic"

# Fewer SPIs than the device tree uses (virtio's SPI 47).
refused spis-few '/virtio_mmio@a003e00 uses SPI 47, but the GIC has 32 SPIs (--spis)' \
	-r "$src" --spis 32

# More memory than there is.
refused toobig 'no room for 2 GiB of hypervisor' -r "$src" --mem-hv 2G

# An earlier output survives a failed run unchanged.
mkdir -p "$tmp/keep"
echo "// earlier" >"$tmp/keep/sys.c"
echo "earlier" >"$tmp/keep/sys.cell"
"$cli" config create --dtb "$tmp/nogic.dtb" --iomem "$src/iomem" \
	"$tmp/keep/sys.c" 2>/dev/null && bad "keep: config create succeeded"
[ "$(cat "$tmp/keep/sys.c")" = "// earlier" ] &&
	[ "$(cat "$tmp/keep/sys.cell")" = earlier ] &&
	[ "$(ls "$tmp/keep" | wc -l)" -eq 2 ] && echo "[keep] earlier files untouched" ||
	bad "keep: earlier output changed: $(ls "$tmp/keep")"

[ $fails -eq 0 ] && echo "all config-create error checks passed"
[ $fails -eq 0 ]
