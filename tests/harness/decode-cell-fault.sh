# warden decode on the host reads a fault report captured from a cell's
# console (scripts/guest-run --log) and, given the inmate's ELF and the
# configs, names the function that faulted and the region it missed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cli=$B/host/warden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -qF -- "$2" "$1" || { cat "$1"; fail "output lacks: $2"; }; }

# test-probe reads the root's RAM from the cell inmate-faults.
cat >"$tmp/fault.sh" <<'S'
set -e
warden enable /etc/warden/qemu-virt.cell
warden cell create /etc/warden/qemu-virt-inmate-faults.cell
warden cell load inmate-faults /usr/lib/warden/inmates/test-probe.bin \
	-s "probe=read addr=0x40000000" -a 0x1000 >/dev/null
warden cell start inmate-faults >/dev/null
sleep 1
warden cell destroy inmate-faults
warden disable
S
"$top/scripts/guest-run" --timeout 240 --log "$tmp/console.log" \
	"$tmp/fault.sh" >"$tmp/run.out" 2>&1 ||
	{ tail -n 30 "$tmp/run.out"; fail "guest run failed"; }
grep -q '^FATAL: data abort' "$tmp/console.log" ||
	fail "no fault report on the console"

"$cli" decode --config "$B/configs/qemu-virt.cell" \
	--config "$B/configs/qemu-virt-inmate-faults.cell" \
	--elf "$B/inmates/test-probe.elf" "$tmp/console.log" >"$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "decode failed"; }
cat "$tmp/out"
has "$tmp/out" 'CPU 2 of cell "inmate-faults"'
has "$tmp/out" "read of 8 bytes"
has "$tmp/out" "IPA 0x40000000"
has "$tmp/out" 'outside every region of cell "inmate-faults"'
has "$tmp/out" 'physical memory of cell "qemu-virt"'
grep -Eq '^  pc: +0x[0-9a-f]+ = probe_read\+0x[0-9a-f]+ .*in test-probe\.elf' "$tmp/out" ||
	fail "pc not named probe_read"
grep -Eq '^  lr: +0x[0-9a-f]+ = inmate_main\+0x[0-9a-f]+ .*in test-probe\.elf' "$tmp/out" ||
	fail "lr not named inmate_main"
echo "decode-cell-fault: pc in probe_read, lr in inmate_main"
