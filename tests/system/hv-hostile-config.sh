# Configs a hostile or careless root hands the hypervisor past the CLI
# (--skip-check): the hypervisor's own rule engine refuses each with the
# very sentence "warden config check" prints, and the system still
# enables, runs a cell and disables afterwards.
#  - a root region over the redistributors of CPUs 1-3 (not GICR's base);
#  - a root region mapping RAM at a second guest address (an alias);
#  - a cell's ROOTSHARED region over a running cell's private RAM, and a
#    cell's private RAM over a running cell's ROOTSHARED region;
#  - advice (root RAM without EXECUTE) never stops enable.
# expect-console: ^ERROR: region 10 of root cell "qemu-virt" \(0x80c0000-0x811ffff\) maps the GIC redistributors \(0x80a0000-0x811ffff\)
# expect: ^warden-test: gicr: refused by CLI and hypervisor with the same sentence
# expect-console: ^ERROR: region 3 of root cell "qemu-virt" maps 0x70000000 at guest address 0x90000000: root regions must be identity-mapped
# expect: ^warden-test: alias: refused by CLI and hypervisor with the same sentence
# expect-console: ^ERROR: region 1 of cell "inmate-demo-2" \(0x7fa00000-0x7fa0ffff\) overlaps region 1 of cell "inmate-demo" \(0x7fa00000-0x7fa0ffff\), and not both are ROOTSHARED
# expect: ^warden-test: shared over private: refused by CLI and hypervisor with the same sentence
# expect-console: ^ERROR: region 1 of cell "inmate-demo" \(0x7fa00000-0x7fa0ffff\) overlaps region 1 of cell "inmate-demo-2" \(0x7fa00000-0x7fa0ffff\), and not both are ROOTSHARED
# expect: ^warden-test: private over shared: refused by CLI and hypervisor with the same sentence
# expect: ^warden-test: advice only: enabled \(root-ram-exec\)
# expect-console: ^uart-demo: done after 3 lines
# expect: ^warden-test: afterwards a cell runs: running
# expect: ^warden-test: disabled, every CPU back: 0-3
# reject: FATAL
# timeout: 240
set -e

cfg=/etc/warden
good=$cfg/qemu-virt.cell
dir=/usr/lib/warden/inmates

# poke FILE OFFSET BYTES: octal escapes written at OFFSET of FILE
poke() {
	printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# refused CMD...: the command must fail ("! cmd" does not stop set -e)
refused() {
	if "$@"; then
		echo "warden-test: accepted: $*"
		exit 1
	fi
}

# sentence RULE ARGS...: the error of that rule "config check" prints
sentence() {
	rule=$1
	shift
	refused warden config check "$@" >/tmp/check.out
	sed -n "s/^  \(.*\) \[$rule\]\$/\1/p" /tmp/check.out | head -n1
}

# same LABEL SENTENCE OUTPUT: the hypervisor said exactly what the CLI did
same() {
	[ -n "$2" ] || { echo "warden-test: $1: config check found nothing"; exit 1; }
	if ! grep -qF "ERROR: $2" "$3"; then
		echo "warden-test: $1: hypervisor said something else:"
		cat "$3"
		exit 1
	fi
	echo "warden-test: $1: refused by CLI and hypervisor with the same sentence"
}

disabled() {
	[ "$(cat /sys/devices/warden/enabled)" = 0 ]
}

# Root region 10 (the high ECAM, offset 816) moved onto 0x080c0000, 384
# KiB: the redistributors of CPUs 1-3, while GICR's base stays unmapped.
cp $good /tmp/gicr.cell
poke /tmp/gicr.cell 816 '\000\000\014\010\000\000\000\000\000\000\014\010\000\000\000\000\000\000\006\000'
s=$(sentence gic-overlap /tmp/gicr.cell)
refused warden enable /tmp/gicr.cell >/dev/null 2>&1
disabled
refused warden enable --skip-check /tmp/gicr.cell >/tmp/enable.out 2>&1
disabled
same gicr "$s" /tmp/enable.out

# Root region 3 (cells' RAM, offset 592) seen at 0x90000000: an alias.
cp $good /tmp/alias.cell
poke /tmp/alias.cell 603 '\220'
s=$(sentence identity /tmp/alias.cell)
refused warden enable --skip-check /tmp/alias.cell >/tmp/enable.out 2>&1
disabled
same alias "$s" /tmp/enable.out

# inmate-demo-2 with its RAM (region 1, offset 172) at 0x7fa00000, where
# inmate-demo's private RAM is, and flagged ROOTSHARED (flags at 196).
cp $cfg/qemu-virt-inmate-demo2.cell /tmp/shared.cell
poke /tmp/shared.cell 174 '\240'
poke /tmp/shared.cell 196 '\307'

warden enable $good
warden cell create $cfg/qemu-virt-inmate-demo.cell >/dev/null
s=$(sentence cell-overlap $good $cfg/qemu-virt-inmate-demo.cell /tmp/shared.cell)
refused warden cell create /tmp/shared.cell >/tmp/create.out 2>&1
same "shared over private" "$s" /tmp/create.out
warden cell destroy inmate-demo

# The other way round: the shared one lives, the private one would take it.
warden cell create /tmp/shared.cell >/dev/null
s=$(sentence cell-overlap $good /tmp/shared.cell $cfg/qemu-virt-inmate-demo.cell)
refused warden cell create $cfg/qemu-virt-inmate-demo.cell >/tmp/create.out 2>&1
same "private over shared" "$s" /tmp/create.out
warden cell destroy inmate-demo-2
warden disable

# A system config with advice only: root region 9 (cells' RAM above the
# ivshmem link, flags at offset 808) without EXECUTE.
cp $good /tmp/advice.cell
poke /tmp/advice.cell 808 '\013'
warden enable /tmp/advice.cell 2>/tmp/enable.out
grep -q '\[root-ram-exec\]' /tmp/enable.out
[ "$(cat /sys/devices/warden/enabled)" = 1 ]
echo "warden-test: advice only: enabled (root-ram-exec)"
warden disable

# Nothing of the refusals is left: a cell still runs.
warden enable $good
warden cell create $cfg/qemu-virt-inmate-demo.cell >/dev/null
warden cell load inmate-demo $dir/uart-demo.bin -s "pause-ms=10 count=3" \
	-a 0x1000 >/dev/null
warden cell start inmate-demo >/dev/null
sleep 3 # three lines take 30 ms of the cell's time
[ "$(cat /sys/devices/warden/cells/1/state)" = running ]
echo "warden-test: afterwards a cell runs: $(cat /sys/devices/warden/cells/1/state)"
warden cell destroy inmate-demo
warden disable
disabled
echo "warden-test: disabled, every CPU back: $(cat /sys/devices/system/cpu/online)"
