# scripts/guest-run keeps the script's output apart from the serial
# console: while a cell prints on the UART without pause, 300 lines of the
# script and the CLI's all arrive whole in --script-log, and the cell's
# lines are in --console-log only. (On one shared UART, the cell's
# characters split the script's lines.)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat >"$tmp/chatty.sh" <<'S'
set -e
warden enable /etc/warden/qemu-virt.cell
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
warden cell load inmate-demo /usr/lib/warden/inmates/uart-demo.bin \
	-s "pause-ms=0" -a 0x1000
warden cell start inmate-demo
i=1
while [ $i -le 300 ]; do
	echo "line $i of 300: the quick brown fox jumps over the lazy dog"
	i=$((i + 1))
done
warden cell list
warden cell destroy inmate-demo
warden disable
S
"$top/scripts/guest-run" --timeout 300 --script-log "$tmp/script.log" \
	--console-log "$tmp/console.log" "$tmp/chatty.sh" >"$tmp/out" 2>&1 ||
	{ tail -n 20 "$tmp/out"; fail "guest run failed"; }
n=$(grep -c '^line [0-9]* of 300: the quick brown fox jumps over the lazy dog$' "$tmp/script.log")
[ "$n" = 300 ] || { grep -v '^line' "$tmp/script.log" | head; fail "$n of 300 lines whole"; }
grep -Eq '^1 +inmate-demo +running +3 *$' "$tmp/script.log" ||
	fail "the CLI's cell list line is not whole"
h=$(grep -c 'Hello [0-9]* from cell!' "$tmp/console.log")
[ "$h" -gt 0 ] || fail "the cell printed nothing on the console"
! grep -q 'from cell' "$tmp/script.log" || fail "the cell's output is in the script's"
# stdout shows both, the script's lines whole there too
[ "$(grep -c '^line [0-9]* of 300: .*lazy dog$' "$tmp/out")" = 300 ] ||
	fail "stdout lacks some of the script's lines"
echo "guest-run-channels: 300 of 300 script lines whole next to $h cell lines"
