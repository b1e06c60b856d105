# An unexpected exception in an inmate (test-basic with "fault": a load
# from outside the address space) prints a clean register dump: vector,
# ESR with its class, FAR, ELR, SPSR, x0-x30 and sp; then the inmate
# stops (bare: QEMU powers off).
. "$(dirname "$0")/inmate-lib.bash"

inmate_run test-basic 20 "$tmp/out" $(inmate_params "fault=1")
rc=$?
cat "$tmp/out"
[ $rc -eq 0 ] || fail "QEMU status $rc, expected power-off after the dump"
grep -qx 'Unexpected exception: synchronous, current EL with SP_ELx' \
	"$tmp/out" || fail "no exception header"
grep -Eqx 'ESR_EL1: 0x96[0-9a-f]{6} \(EC 0x25: data abort, same EL, ISS 0x[0-9a-f]{7}\)' \
	"$tmp/out" || fail "ESR line wrong"
grep -Eqx 'FAR_EL1: 0x0000010000000000  ELR_EL1: 0x00000000400[0-9a-f]{5}  SPSR_EL1: 0x[0-9a-f]{8}' \
	"$tmp/out" || fail "FAR/ELR/SPSR line wrong"
for r in $(seq 0 30); do
	grep -Eq "(^| )x$r: 0x[0-9a-f]{16}" "$tmp/out" || fail "x$r missing"
done
grep -Eq ' sp: 0x00000000400[0-9a-f]{5}$' "$tmp/out" || fail "sp missing"
grep -qx 'Inmate stopped.' "$tmp/out" || fail "no stop message"
grep -q 'TEST PASS' "$tmp/out" && fail "inmate went on after the fault"
echo "exception dump complete"
