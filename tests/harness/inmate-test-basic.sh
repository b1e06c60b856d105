# test-basic boots bare in QEMU at EL1, runs its self-checks (formatting,
# parameters, timer, MMU, GIC with an SGI to itself; GICv3 and GICv2, the
# library telling which), reports TEST PASS
# and powers QEMU off by itself. A parameter string at 0x1000 reaches it.
. "$(dirname "$0")/inmate-lib.bash"
gic_matrix "$@"

inmate_run test-basic 20 "$tmp/out"
rc=$?
cat "$tmp/out"
[ $rc -eq 0 ] || fail "QEMU status $rc, expected 0 (power-off by the inmate)"
grep -qx 'test-basic: hello from the inmate library (bare QEMU)' "$tmp/out" ||
	fail "no greeting"
grep -qx 'test-basic: parameters ""' "$tmp/out" || fail "parameters not empty"
grep -qx "test-basic: GICv$GIC" "$tmp/out" ||
	fail "the library did not find QEMU's GICv$GIC"
grep -qx 'test-basic: SGI 3 received 1 time(s)' "$tmp/out" ||
	fail "SGI not received exactly once"
grep -qx 'test-basic: no comm region' "$tmp/out" ||
	fail "bare boot must not use a comm region"
grep -q '^FAIL' "$tmp/out" && fail "a self-check failed"
grep -Eqx 'TEST PASS \([0-9]+ checks\)' "$tmp/out" || fail "no TEST PASS"

inmate_run test-basic 20 "$tmp/out" $(inmate_params "answer=0x2a  verbose")
rc=$?
cat "$tmp/out"
[ $rc -eq 0 ] || fail "QEMU status $rc with parameters"
grep -qx 'test-basic: parameters "answer=0x2a  verbose"' "$tmp/out" ||
	fail "parameter string not seen at 0x1000"
grep -qx 'test-basic: answer=42' "$tmp/out" || fail "answer=0x2a not parsed"
grep -Eqx 'TEST PASS \([0-9]+ checks\)' "$tmp/out" || fail "no TEST PASS"
echo "test-basic: PASS bare, parameters parsed"
