# warden decode explains the classic reports users post, with and without
# configs, names functions from an ELF file, and refuses bad input clearly.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cli=$B/host/warden
data=$top/tests/data/reports
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "output lacks: $2"; }

"$cli" decode --config "$B/configs/rpi4-4g.cell" "$data/rpi4-iabt.log" >"$tmp/out" 2>&1 ||
	fail "decode of the Raspberry Pi 4 report failed"
cat "$tmp/out"
has "$tmp/out" "instruction abort from a lower exception level (EC 0x20), taken from EL1"
has "$tmp/out" "stage-2 translation fault, level 2 (IFSC 0x06)"
has "$tmp/out" "IPA 0xfbfff7c0"
has "$tmp/out" "inside region 4 of cell \"rpi4-4g\" (0x40000000-0xfbffffff, 2.9 GiB, READ|WRITE|EXECUTE|DMA), 0x840 bytes below its end"
has "$tmp/out" "CPU 1 of cell \"Raspberry-Pi4 4G\""

# Wrapped, dmesg-prefixed, two reports, from standard input.
"$cli" decode <"$data/rk3588-wrapped.log" >"$tmp/out" 2>&1 || fail "decode from stdin failed"
cat "$tmp/out"
has "$tmp/out" "CPU 4 of cell \"orangepi5p\""
has "$tmp/out" "stage-2 translation fault, level 1 (IFSC 0x05)"
has "$tmp/out" "Unhandled HYP exception: synchronous abort from EL2"
has "$tmp/out" "unknown reason (undefined instruction) (EC 0x00)"
has "$tmp/out" "FPEXC32_EL2"

# Warden's own report format, against the root's config.
"$cli" decode --config "$B/configs/qemu-virt.cell" "$data/warden-dabt.log" >"$tmp/out" 2>&1 ||
	fail "decode of Warden's report failed"
cat "$tmp/out"
has "$tmp/out" "data abort from a lower exception level (EC 0x24), taken from EL0"
has "$tmp/out" "read of 4 bytes into w3"
has "$tmp/out" "IPA 0x8080000"
has "$tmp/out" "outside every region of cell \"qemu-virt\""
has "$tmp/out" "lr:        0x4c7e10"

# A cell's SError (async.c): the same report, the CPU and cell named by
# the line that stops the cell.
"$cli" decode "$data/warden-serror.log" >"$tmp/out" 2>&1 ||
	fail "decode of Warden's SError report failed"
cat "$tmp/out"
has "$tmp/out" "SError (asynchronous SError, uncontainable) by cell \"inmate-demo\""
has "$tmp/out" "SError interrupt (EC 0x2f), taken from EL1"
has "$tmp/out" "CPU 3 of cell \"inmate-demo\""

# Jailhouse's "Unhandled data write at 0x...(4)" line, printed before
# its FATAL line, is the one place its data-abort report names the
# address: against the configs, the UART0 page the inmate wrote is the
# root's, not the inmate's.
"$cli" decode --config "$B/configs/rpi4-4g.cell" --config "$B/configs/rpi4-inmate-demo.cell" \
	"$data/rpi4-unhandled-write.log" >"$tmp/out" 2>&1 || fail "decode of the unhandled write failed"
cat "$tmp/out"
has "$tmp/out" "unhandled trap (exception class 0x24) -- CPU 3 of cell \"rpi4-inmate-demo\""
has "$tmp/out" "address:   IPA 0xfe201000"
has "$tmp/out" "unhandled: write of 4 bytes at IPA 0xfe201000: no memory region of the cell and no emulated device covers it"
has "$tmp/out" "outside every region of cell \"rpi4-inmate-demo\""
has "$tmp/out" "0xfe201000 is physical memory of cell \"rpi4-4g\" (region 0)"
[ "$(grep -c '^unhandled trap' "$tmp/out")" -eq 1 ] || fail "the unhandled write is not one report"
# Only the line (a log cut short): still a report, read and size included.
printf '<3>[ 12.5] Unhandled data read at 0x9000018(1)\n' |
	"$cli" decode --config "$B/configs/qemu-virt.cell" --config "$B/configs/qemu-virt-inmate-demo.cell" >"$tmp/out" 2>&1 ||
	fail "decode of a lone unhandled read failed"
cat "$tmp/out"
has "$tmp/out" "unhandled: read of 1 byte at IPA 0x9000018"
has "$tmp/out" "0x9000018 is the hypervisor's debug console"

# Symbols: a report whose pc lies 8 bytes into a function of the
# hypervisor's ELF names that function.
elf=$B/hypervisor/warden.elf
addr=$(nm "$elf" | awk '$3 == "esr_decode" { print $1 }')
[ -n "$addr" ] || fail "esr_decode not found in $elf"
pc=$(printf '%016x' $((0x$addr + 8)))
printf 'FATAL: Unhandled HYP exception: synchronous abort from EL2\n pc: %s lr: %s spsr: 600003c9\n sp: 0000000000001000 elr: %s esr: 25 1 0000006\n' \
	"$pc" "$pc" "$pc" >"$tmp/hyp.log"
"$cli" decode --elf "$elf" "$tmp/hyp.log" >"$tmp/out" 2>&1 || fail "decode --elf failed"
cat "$tmp/out"
has "$tmp/out" "= esr_decode+0x8"
has "$tmp/out" "in warden.elf"
has "$tmp/out" "data abort from the same exception level"

# Bad input: clear errors, distinct statuses.
echo "nothing to see" >"$tmp/none.log"
"$cli" decode "$tmp/none.log" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "a log without a report gave status $rc"
has "$tmp/out" "no fault report in $tmp/none.log"
"$cli" decode "$tmp/missing.log" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "a missing log gave status $rc"
has "$tmp/out" "cannot open $tmp/missing.log"
"$cli" decode --bogus "$tmp/none.log" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 2 ] || fail "an unknown option gave status $rc"
has "$tmp/out" "unknown option --bogus"
"$cli" decode --elf "$tmp/none.log" "$data/rpi4-iabt.log" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "a non-ELF --elf file gave status $rc"
has "$tmp/out" "is not an ELF file"
head -c 100 "$B/configs/rpi4-4g.cell" >"$tmp/short.cell"
"$cli" decode --config "$tmp/short.cell" "$data/rpi4-iabt.log" >"$tmp/out" 2>&1; rc=$?
[ $rc -eq 1 ] || fail "a truncated config gave status $rc"
cat "$tmp/out"
echo "decode: all checks passed"
