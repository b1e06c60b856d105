# Refusals say what is wrong and leave Linux as it was: enabling twice,
# disabling when not enabled, a missing hypervisor image, hypervisor memory
# that Linux uses, and bad system configs, caught by the CLI's check and,
# with --skip-check, by the driver or the hypervisor itself.
# expect: ^warden-test: twice: .*already enabled; run 'warden disable' first
# expect: ^warden-test: not enabled: .*not enabled
# expect: ^warden-test: no firmware: .*warden.bin missing
# expect: ^warden-test: overlap, CLI: .*not enabling with
# expect-console: ^ERROR: region 3 of root cell "qemu-virt" \(0x70000000-0x80a10fff\) overlaps the hypervisor memory \(0x7fc00000-0x7fffffff\): move the region
# expect: ^warden-test: overlap, hypervisor: .*enable failed: Invalid argument
# expect: ^warden-test: memory in use: .*hypervisor memory 0x40c00000-0x40ffffff is in use by Linux.*mem=
# expect-console: ^ERROR: system config "qemu-virt" lacks a GICv2 frame \(gicd_base 0x8000000, gicc_base 0x0, gich_base 0x0, gicv_base 0x0\)
# expect-console: ^ERROR: region 1 of root cell "qemu-virt" \(0x9001000, size 0x36fff800\) is not page aligned
# expect: ^warden-test: console: .*hypervisor: ERROR: debug console 0x7fc00000 of system config "qemu-virt" lies in hypervisor memory
# expect-console: ^ERROR: invalid system config: file is [0-9]+ bytes, but its header and counts describe [0-9]+: the file is truncated
# expect: ^warden-test: top: .*hypervisor memory 0xff7fffe00000, size 0x400000: at most 1022 MiB, below 0xff8000000000 \(rule hv-memory
# expect: ^warden-test: gicr elsewhere: .*enable failed
# expect-console: ^ERROR: gicr_base 0x480a0000 of system config "qemu-virt" is not a 64 KiB aligned frame in the distributor's 1 GiB \(0x0-0x3fffffff\): the hypervisor maps the GIC in that 1 GiB alone; copy the address from the device tree.s GIC node \(a GIC spread over two 1 GiB blocks is not supported\)$
# reject: GIC redistributors at 0x480a0000
# expect: ^warden-test: no such cpu: .*lists CPU 4, which this system does not have
# expect: ^warden-test: cpu offline: .*CPU 2 of the root cell is offline: bring it online first
# expect: ^warden-test: state unchanged after every refusal
# expect: ^warden-test: good config still enables and disables
set -e

good=/etc/warden/qemu-virt.cell

# patch FILE OFFSET OCTAL: one byte of a copy of the good config
patch() {
	cp $good "$1"
	printf "\\$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

unchanged() {
	[ "$(cat /sys/devices/warden/enabled)" = 0 ]
	if grep -q Warden /proc/iomem; then
		echo "warden-test: left in /proc/iomem:" \
			"$(grep Warden /proc/iomem | tr '\n' ' ')"
		exit 1
	fi
	[ "$(taskset -c 3 cat /proc/self/stat | cut -d' ' -f39)" = 3 ]
}

# fails LABEL ARGS...: the enable must fail; prints its messages on one line
fails() {
	label=$1
	shift
	if out=$(warden enable "$@" 2>&1); then
		echo "warden-test: $label: enable succeeded"
		exit 1
	fi
	echo "warden-test: $label: $(echo "$out" | tr '\n' ' ')"
	unchanged
}

warden enable $good
if out=$(warden enable $good 2>&1); then exit 1; fi
echo "warden-test: twice: $(echo "$out" | tr '\n' ' ')"
warden disable
unchanged

if out=$(warden disable 2>&1); then exit 1; fi
echo "warden-test: not enabled: $out"

mv /lib/firmware/warden.bin /tmp/
fails "no firmware" $good
mv /tmp/warden.bin /lib/firmware/

# root region 3 grown to 0x10a11000 bytes: over the hypervisor
patch /tmp/overlap.cell 611 020
fails "overlap, CLI" /tmp/overlap.cell
fails "overlap, hypervisor" --skip-check /tmp/overlap.cell

# hypervisor memory at 0x40c00000, where Linux runs
patch /tmp/inuse.cell 15 100
fails "memory in use" --skip-check /tmp/inuse.cell

# GIC version 2, but only a GICv3's addresses
patch /tmp/gic2.cell 313 002
fails "gic v2" --skip-check /tmp/gic2.cell

# region 1 size 0x36fff800
patch /tmp/unaligned.cell 545 370
fails "unaligned" --skip-check /tmp/unaligned.cell

# debug console at 0x7fc00000, inside the hypervisor
cp $good /tmp/console.cell
printf '\300\177' | dd of=/tmp/console.cell bs=1 seek=46 conv=notrunc 2>/dev/null
fails "console" --skip-check /tmp/console.cell

# hypervisor memory at 0xff7fffe00000: its end in EL2's own 512 GiB,
# which entry.S refuses before any console line (the driver says why)
cp $good /tmp/top.cell
printf '\340\377\177\377' | dd of=/tmp/top.cell bs=1 seek=14 conv=notrunc 2>/dev/null
fails "top" --skip-check /tmp/top.cell

# gicr_base 0x480a0000, outside the distributor's 1 GiB: the rule engine
# in the hypervisor refuses it (rule gic-place), not gicv3.c's own check
patch /tmp/gicr.cell 351 110
fails "gicr elsewhere" --skip-check /tmp/gicr.cell

head -c 560 $good >/tmp/truncated.cell
fails "truncated" --skip-check /tmp/truncated.cell

# CPU set 0x1f: CPU 4 does not exist
patch /tmp/cpu4.cell 488 037
fails "no such cpu" --skip-check /tmp/cpu4.cell

echo 0 >/sys/devices/system/cpu/cpu2/online
fails "cpu offline" $good
echo 1 >/sys/devices/system/cpu/cpu2/online

echo "warden-test: state unchanged after every refusal"

warden enable $good
[ "$(cat /sys/devices/warden/enabled)" = 1 ]
warden disable
echo "warden-test: good config still enables and disables"
