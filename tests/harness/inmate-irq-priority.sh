# test-irq-priority boots bare in QEMU: five interrupts made pending at
# once are taken by priority, not by INTID, in 20 runs out of 20; once
# with SPIs (the default, through the distributor) and once with SGIs
# (through the redistributor), chosen by the irq-base parameter.
. "$(dirname "$0")/inmate-lib.bash"
gic_matrix "$@"

# check OUT FIRST: the five INTIDs from FIRST, priorities 0x80 0x20 0xa0
# 0x40 0x60, must come as FIRST+1, +3, +4, +0, +2.
check() {
	local out=$1 b=$2 want
	want="$((b + 1)) $((b + 3)) $((b + 4)) $b $((b + 2))"
	grep -qx "run 0: expected $want" "$out" || fail "expected order not $want"
	grep -qx "run 1: taken $want" "$out" || fail "run 1 not in priority order"
	grep -q 'WRONG ORDER' "$out" && fail "a run out of priority order"
	grep -qx 'test-irq-priority: 20 of 20 runs in priority order' "$out" ||
		fail "not 20 of 20 runs"
	grep -Eqx 'TEST PASS \([0-9]+ checks\)' "$out" || fail "no TEST PASS"
}

inmate_run test-irq-priority 20 "$tmp/spi"
rc=$?
cat "$tmp/spi"
[ $rc -eq 0 ] || fail "QEMU status $rc"
check "$tmp/spi" 40

inmate_run test-irq-priority 20 "$tmp/sgi" $(inmate_params "irq-base=8")
rc=$?
cat "$tmp/sgi"
[ $rc -eq 0 ] || fail "QEMU status $rc (SGIs)"
check "$tmp/sgi" 8
echo "SPIs and SGIs taken in priority order, 20 runs each"
