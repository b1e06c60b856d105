# gic-demo boots bare in QEMU: the virtual timer interrupt arrives through
# the GICv3 at 10 Hz and every tick prints the exact Jailhouse line
# "Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns" with
# consistent figures. Once under -icount (deterministic virtual time),
# once in real time.
. "$(dirname "$0")/inmate-lib.bash"

# check_ticks OUT LIMIT_NS: >= 20 well-formed lines, 0 <= jitter < LIMIT,
# min and max the running extremes.
check_ticks() {
	local out=$1 limit=$2 n=0 lo= hi= j mn mx line
	grep -qx 'Initializing the GIC...' "$out" || fail "no GIC message"
	grep -qx 'Initializing the timer...' "$out" || fail "no timer message"
	while IFS= read -r line; do
		[[ $line =~ ^Timer\ fired,\ jitter:\ +(-?[0-9]+)\ ns,\ min:\ +(-?[0-9]+)\ ns,\ max:\ +(-?[0-9]+)\ ns$ ]] ||
			fail "malformed line: $line"
		j=${BASH_REMATCH[1]} mn=${BASH_REMATCH[2]} mx=${BASH_REMATCH[3]}
		[ "$line" = "$(printf 'Timer fired, jitter: %6d ns, min: %6d ns, max: %6d ns' "$j" "$mn" "$mx")" ] ||
			fail "not the %6ld format: $line"
		[ "$j" -ge 0 ] && [ "$j" -lt "$limit" ] ||
			fail "implausible jitter $j ns: $line"
		[ -z "$lo" ] || [ "$j" -ge "$lo" ] || lo=$j
		[ -z "$lo" ] && lo=$j
		[ -z "$hi" ] || [ "$j" -le "$hi" ] || hi=$j
		[ -z "$hi" ] && hi=$j
		[ "$mn" -eq "$lo" ] && [ "$mx" -eq "$hi" ] ||
			fail "min/max are not the running extremes: $line"
		n=$((n + 1))
	done < <(grep '^Timer fired' "$out")
	[ $n -ge 20 ] || fail "only $n timer lines"
	echo "$n ticks, jitter $lo..$hi ns"
}

inmate_run_until gic-demo 30 "$tmp/icount" '^Timer fired' 25 \
	-icount shift=0,sleep=off || { cat "$tmp/icount"; fail "too few ticks (icount)"; }
head -n 5 "$tmp/icount"
# Under icount one instruction is 1 ns: latency is tens of instructions.
check_ticks "$tmp/icount" 100000

inmate_run_until gic-demo 30 "$tmp/real" '^Timer fired' 21 ||
	{ cat "$tmp/real"; fail "too few ticks (real time)"; }
# Real time on a busy host (QEMU may not run for a while): a smoke test
# only, the figures are judged under icount above.
check_ticks "$tmp/real" 1000000000
