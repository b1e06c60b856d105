# test-smp boots bare in QEMU with two CPUs: the library starts the second
# CPU by PSCI CPU_ON (own stack, same MMU tables and vectors, own
# redistributor) and the two exchange SGIs. With one CPU, CPU_ON's error
# is reported and the test inmate fails as it should.
. "$(dirname "$0")/inmate-lib.bash"
gic_matrix "$@"

inmate_run test-smp 20 "$tmp/out" -smp 2 $(inmate_params "rounds=25")
rc=$?
cat "$tmp/out"
[ $rc -eq 0 ] || fail "QEMU status $rc"
grep -qx 'test-smp: CPU 0x1 up' "$tmp/out" || fail "second CPU did not run"
grep -qx 'test-smp: CPU_ON 0x1 returned 0' "$tmp/out" || fail "CPU_ON failed"
grep -qx 'test-smp: 25 pings answered by 25 pongs' "$tmp/out" ||
	fail "SGIs not exchanged 25 times"
grep -Eqx 'TEST PASS \([0-9]+ checks\)' "$tmp/out" || fail "no TEST PASS"

inmate_run test-smp 20 "$tmp/one" -smp 1
rc=$?
cat "$tmp/one"
[ $rc -eq 0 ] || fail "QEMU status $rc with one CPU"
# PSCI INVALID_PARAMETERS: there is no CPU 1.
grep -qx 'test-smp: CPU_ON 0x1 returned -2' "$tmp/one" ||
	fail "CPU_ON error not reported"
grep -q '^TEST FAIL' "$tmp/one" || fail "no TEST FAIL without a second CPU"
echo "second CPU started, 25 SGI round trips; missing CPU reported"
