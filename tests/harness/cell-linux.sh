# "warden cell linux" without a hypervisor (-w): the arm64 Image header
# (text_offset, image_size; gzip'd too), where the loader, kernel, initrd
# and DTB land in qemu-virt-linux-demo's RAM, the device tree written from
# the config (read back with dtc) or a user's DTB patched (-d), the
# filled-in loader, and the refusals (bad magic, a kernel or initrd too
# big for the cell, a missing file): a clear message naming the file and
# the fix, status 1, nothing written.
set -u
cli=$B/host/warden
cfg=$B/configs/qemu-virt-linux-demo.cell
rootdtb=$(cd "$(dirname "$0")/../.." && pwd)/tests/data/dt/qemu-virt-gicv3/fdt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

# le64 N: 8 bytes little-endian, as printf escapes
le64() {
	local v=$1 i out=
	for i in 0 1 2 3 4 5 6 7; do
		out="$out\\x$(printf %02x $(((v >> (8 * i)) & 255)))"
	done
	printf %s "$out"
}

# image FILE TEXT_OFFSET IMAGE_SIZE [MAGIC]: an Image header and 1 MiB
image() {
	local magic=${4:-'ARM\x64'}
	{
		printf '\x00\x00\x00\x14\x00\x00\x00\x00'
		printf "$(le64 "$2")$(le64 "$3")$(le64 2)"
		printf '\0%.0s' $(seq 24)
		printf "$magic"
		printf '\0\0\0\0'
		head -c $((1048576 - 64)) /dev/zero
	} >"$1"
}

# run STATUS TEXT ARGS...: cell linux with ARGS, its status and a line
run() {
	local want=$1 text=$2 out rc
	shift 2
	out=$("$cli" cell linux "$@" 2>&1); rc=$?
	printf '%s\n' "$out" >"$tmp/out"
	echo "\$ warden cell linux $*"
	echo "$out"
	[ "$rc" -eq "$want" ] || bad "status $rc, expected $want"
	grep -qF -- "$text" <<<"$out" || bad "no \"$text\" in the output"
}

# plan FIELD: the address of FIELD in the written plan
plan() { awk -v f="$1" '$1 == f { print $2 }' "$tmp/p"; }

image "$tmp/Image" 0 $((32 << 20))
head -c 300000 /dev/urandom >"$tmp/initrd"

echo "== the DTB written from the config"
run 0 "Wrote $tmp/p" "$cfg" "$tmp/Image" -i "$tmp/initrd" \
	--root-dtb "$rootdtb" -w "$tmp/p"
cat "$tmp/p"
[ "$(plan loader)" = 0x70000000 ] || bad "loader not at the reset address"
[ "$(plan kernel)" = 0x70200000 ] || bad "kernel not at the 2 MiB boundary"
grep -q "memory-end 0x72200000" "$tmp/p" || bad "kernel memory end"
[ "$(plan dtb)" = 0x77ff0000 ] || bad "DTB not in the top 64 KiB"
# 300000 bytes below the DTB, 4 KiB aligned: 0x77ff0000 - 0x4a000
[ "$(plan initrd)" = 0x77fa6000 ] || bad "initrd not below the DTB"
dtc -I dtb -O dts -o "$tmp/p.dts" "$tmp/p.dtb" 2>"$tmp/dtc.err" ||
	bad "dtc cannot read the written DTB"
cat "$tmp/dtc.err" "$tmp/p.dts"
[ -s "$tmp/dtc.err" ] && bad "dtc warns about the written DTB"
for want in 'cpu@2 {' 'cpu@3 {' 'reg = <0x00 0x02>;' 'reg = <0x00 0x03>;' \
	'enable-method = "psci";' 'method = "smc";' \
	'compatible = "arm,gic-v3";' \
	'reg = <0x00 0x8000000 0x00 0x10000 0x00 0x80e0000 0x00 0x40000>;' \
	'compatible = "arm,armv8-timer";' \
	'reg = <0x00 0x70000000 0x00 0x8000000>;' \
	'bootargs = "earlycon=pl011,mmio32,0x9000000 console=hvc0 cma=4M panic=-1";' \
	'linux,initrd-start = <0x00 0x77fa6000>;' \
	'linux,initrd-end = <0x00 0x77fef3e0>;' \
	'stdout-path = "/serial@9000000";'; do
	grep -qF -- "$want" "$tmp/p.dts" || bad "DTB lacks: $want"
done
grep -q 'cpu@[01] ' "$tmp/p.dts" && bad "DTB has a CPU of the root"
# the loader: DTB and kernel addresses after its mark
od -An -tx8 -j $(($(grep -abo WDNLXLDR "$tmp/p.loader" | cut -d: -f1) + 8)) \
	-N 16 "$tmp/p.loader" | tr -s ' ' >"$tmp/ldr"
cat "$tmp/ldr"
grep -q "0000000077ff0000 0000000070200000" "$tmp/ldr" ||
	bad "loader addresses not filled in"

echo "== the cell's virtual PCI host bridge, from the system config"
# without the hypervisor and --system-config: a note, no bridge
grep -q "note: the DTB gets no virtual PCI host bridge for the cell's 2 PCI" \
	"$tmp/out" || bad "no note about the missing PCI host bridge"
grep -q "pci@" "$tmp/p.dts" && bad "a PCI host bridge without a system config"
run 0 "Wrote" "$cfg" "$tmp/Image" --root-dtb "$rootdtb" \
	--system-config "$B/configs/qemu-virt.cell" -w "$tmp/p"
dtc -I dtb -O dts -o "$tmp/p.dts" "$tmp/p.dtb" 2>"$tmp/dtc.err" ||
	bad "dtc cannot read the written DTB"
cat "$tmp/dtc.err"
sed -n '/pci@/,/};/p' "$tmp/p.dts"
[ -s "$tmp/dtc.err" ] && bad "dtc warns about the written DTB"
for want in 'pci@8e00000 {' 'compatible = "pci-host-ecam-generic";' \
	'device_type = "pci";' 'reg = <0x00 0x8e00000 0x00 0x100000>;' \
	'bus-range = <0x00 0x00>;' 'linux,pci-domain = <0x01>;' \
	'ranges = <0x2000000 0x00 0x8f00000 0x00 0x8f00000 0x00 0x4000>;' \
	'interrupt-map = <0x00 0x00 0x00 0x01 0x01 0x00 0x6c 0x01 0x00 0x00 0x00 0x02 0x01 0x00 0x6d 0x01 0x00 0x00 0x00 0x03 0x01 0x00 0x6e 0x01 0x00 0x00 0x00 0x04 0x01 0x00 0x6f 0x01>;' \
	'interrupt-map-mask = <0x00 0x00 0x00 0x07>;'; do
	grep -qF -- "$want" "$tmp/p.dts" || bad "DTB lacks: $want"
done
grep -q "msi-" "$tmp/p.dts" && bad "an MSI controller behind the bridge"
run 1 "but a system config (\"JHSYS\") is needed here" "$cfg" "$tmp/Image" --root-dtb "$rootdtb" \
	--system-config "$cfg" -w "$tmp/p"

echo "== -c replaces the arguments, the console stays; a gzip'd Image"
gzip -c "$tmp/Image" >"$tmp/Image.gz"
run 0 "Wrote" "$cfg" "$tmp/Image.gz" -c "quiet rdinit=/sbin/init" \
	--root-dtb "$rootdtb" -w "$tmp/p"
grep -q "kernel 0x70200000 size 0x100000 .*(unpacked from gzip)" "$tmp/p" ||
	bad "gzip'd Image not unpacked"
grep -qx "bootargs earlycon=pl011,mmio32,0x9000000 console=hvc0 quiet rdinit=/sbin/init" \
	"$tmp/p" || bad "-c arguments"
grep -q "^initrd" "$tmp/p" && bad "an initrd without -i"

echo "== text_offset is honoured"
image "$tmp/Image-to" 0x80000 $((20 << 20))
run 0 "Wrote" "$cfg" "$tmp/Image-to" --root-dtb "$rootdtb" -w "$tmp/p"
[ "$(plan kernel)" = 0x70280000 ] || bad "text_offset 0x80000 ignored"

echo "== -d: the user's DTB with the cell's memory and /chosen"
cat >"$tmp/u.dts" <<'DTS'
/dts-v1/;
/ {
	#address-cells = <2>; #size-cells = <2>;
	model = "user board";
	memory@40000000 { device_type = "memory"; reg = <0 0x40000000 0 0x40000000>; };
	chosen { bootargs = "console=ttyAMA0"; stdout-path = "/uart"; };
	uart { compatible = "arm,pl011"; };
};
DTS
dtc -q -I dts -O dtb -o "$tmp/u.dtb" "$tmp/u.dts"
run 0 "Wrote" "$cfg" "$tmp/Image" -d "$tmp/u.dtb" -i "$tmp/initrd" \
	-w "$tmp/p"
dtc -I dtb -O dts "$tmp/p.dtb" 2>/dev/null | tee "$tmp/p.dts"
for want in 'model = "user board";' 'reg = <0x00 0x70000000 0x00 0x8000000>;' \
	'bootargs = "console=ttyAMA0";' 'stdout-path = "/uart";' \
	'linux,initrd-start = <0x00 0x77fa6000>;' 'uart {'; do
	grep -qF -- "$want" "$tmp/p.dts" || bad "-d DTB lacks: $want"
done
grep -q 0x40000000 "$tmp/p.dts" && bad "-d kept the board's memory"
run 0 "Wrote" "$cfg" "$tmp/Image" -d "$tmp/u.dtb" -c "root=/dev/vda" \
	-w "$tmp/p"
dtc -I dtb -O dts "$tmp/p.dtb" 2>/dev/null | grep -F 'bootargs = "earlycon=pl011,mmio32,0x9000000 console=hvc0 root=/dev/vda";' ||
	bad "-d with -c: bootargs not replaced"

echo "== Jailhouse's layout: the loader alone at 0, the kernel in the big region"
top=$(cd "$(dirname "$0")/../.." && pwd)
data=$top/tests/data/linux
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
"${cross}gcc" -std=gnu11 -Wall -Wextra -Werror -O2 -fno-common \
	-D__LINUX_COMPILER_TYPES_H -I"$top/include" \
	-c "$data/jailhouse-qemu-arm64-linux-demo.c" -o "$tmp/jh.o" &&
	"${cross}objcopy" -O binary --remove-section=.note.gnu.property \
		"$tmp/jh.o" "$tmp/jh.cell" || bad "Jailhouse-style config"
dtc -q -I dts -O dtb -o "$tmp/jh.dtb" "$data/jailhouse-qemu-arm64-linux-demo.dts"
run 0 "Wrote" "$tmp/jh.cell" "$tmp/Image" -d "$tmp/jh.dtb" \
	-i "$tmp/initrd" -w "$tmp/p"
cat "$tmp/p"
[ "$(plan loader)" = 0x0 ] || bad "Jailhouse layout: loader not at 0"
[ "$(plan kernel)" = 0x74000000 ] || bad "Jailhouse layout: kernel"
[ "$(plan dtb)" = 0x7bee0000 ] || bad "Jailhouse layout: DTB"
dtc -I dtb -O dts "$tmp/p.dtb" 2>/dev/null | tee "$tmp/p.dts" |
	sed -n '/memory@/,/};/p;/chosen/,/};/p'
grep -c 'device_type = "memory"' "$tmp/p.dts" | grep -qx 1 ||
	bad "Jailhouse layout: not one memory node"
grep -qF 'reg = <0x00 0x74000000 0x00 0x7ef0000>;' "$tmp/p.dts" ||
	bad "Jailhouse layout: memory"

echo "== refusals: status 1, the file and the fix named, nothing written"
rm -f "$tmp"/p*
image "$tmp/bad" 0 $((32 << 20)) 'ELF\x64'
run 1 "kernel $tmp/bad is not an arm64 Linux Image" "$cfg" "$tmp/bad" \
	--root-dtb "$rootdtb" -w "$tmp/p"
image "$tmp/huge" 0 $((200 << 20))
run 1 "do not fit in the cell's RAM region 1 (0x70000000, 128 MiB) with the loader and the DTB: give the cell more RAM" \
	"$cfg" "$tmp/huge" --root-dtb "$rootdtb" -w "$tmp/p"
head -c $((100 << 20)) /dev/zero >"$tmp/big-initrd"
run 1 "and the initrd (100 MiB) do not fit" "$cfg" "$tmp/Image" \
	-i "$tmp/big-initrd" --root-dtb "$rootdtb" -w "$tmp/p"
run 1 "cannot open initrd $tmp/nope" "$cfg" "$tmp/Image" -i "$tmp/nope" \
	--root-dtb "$rootdtb" -w "$tmp/p"
head -c 10 /dev/zero >"$tmp/short"
run 1 "too short for an arm64 Image header" "$cfg" "$tmp/short" -w "$tmp/p"
run 1 "give it with --root-dtb, or the cell's DTB with -d" "$cfg" \
	"$tmp/Image" --root-dtb "$tmp/nope" -w "$tmp/p"
run 1 "is not Warden's Linux loader" "$cfg" "$tmp/Image" \
	--root-dtb "$rootdtb" --loader "$tmp/short" -w "$tmp/p"
head -c $((1 << 20)) /dev/zero >"$tmp/big-loader"
run 1 "Linux loader $tmp/big-loader is larger than 64 KiB" "$cfg" \
	"$tmp/Image" --root-dtb "$rootdtb" --loader "$tmp/big-loader" -w "$tmp/p"
run 1 "qemu-virt.cell: " "$B/configs/qemu-virt.cell" "$tmp/Image" -w "$tmp/p"
ls "$tmp"/p* 2>/dev/null && bad "a refusal wrote files"
run 2 "give the cell config and the kernel Image" "$cfg"
run 2 "an option lacks its value" "$cfg" "$tmp/Image" -i
run 2 "unknown option" "$cfg" "$tmp/Image" -x

echo "== the jailhouse alias takes the same grammar"
ln -s "$cli" "$tmp/jailhouse"
"$tmp/jailhouse" cell linux "$cfg" "$tmp/Image" --root-dtb "$rootdtb" \
	-w "$tmp/j" || bad "jailhouse cell linux"
"$tmp/jailhouse" cell linux 2>&1 | grep -q "Usage: jailhouse cell linux" ||
	bad "jailhouse usage"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "cell linux: all checks passed"
