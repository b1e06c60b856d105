# uart-demo boots bare in QEMU and counts up "Hello N from cell!" with a
# pause between lines; with pause-ms and count parameters at 0x1000 it
# prints exactly count lines and ends.
. "$(dirname "$0")/inmate-lib.bash"

# check_count OUT N: the Hello lines are exactly 1..N (N=0: at least 3).
check_count() {
	local out=$1 want=$2 n=0 line
	while IFS= read -r line; do
		n=$((n + 1))
		[ "$line" = "Hello $n from cell!" ] ||
			fail "line $n is \"$line\", expected \"Hello $n from cell!\""
	done < <(grep '^Hello' "$out")
	[ "$want" -eq 0 ] && [ $n -ge 3 ] && return
	[ $n -eq "$want" ] || fail "$n lines, expected $want"
}

start=$(date +%s%N)
inmate_run_until uart-demo 20 "$tmp/default" '^Hello' 3 ||
	{ cat "$tmp/default"; fail "fewer than 3 lines in 20 s"; }
cat "$tmp/default"
check_count "$tmp/default" 0
# The default pause is 500 ms: three lines take at least one second.
ms=$((($(date +%s%N) - start) / 1000000))
[ $ms -ge 1000 ] || fail "three lines in $ms ms: no pause between them"
echo "three lines in $ms ms"

inmate_run uart-demo 20 "$tmp/count" $(inmate_params "pause-ms=1 count=7")
rc=$?
cat "$tmp/count"
[ $rc -eq 0 ] || fail "QEMU status $rc, expected the inmate to end"
check_count "$tmp/count" 7
grep -qx 'uart-demo: done after 7 lines' "$tmp/count" || fail "no end line"
echo "uart-demo: counts up; pause-ms and count honoured"
