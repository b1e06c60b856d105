# The regression guard (bench/compare, run by bench/run): an instruction
# count that grew by more than 5% over the committed results is reported
# loudly, one that grew by 5% or less is not, one that shrank is listed as
# better, times and tails (max, p99, mean) are not judged, and it never
# fails; against the committed results themselves it finds nothing.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

row() { echo "    {\"section\": \"$1\", \"name\": \"$2\", \"value\": $3, \"unit\": \"$4\"},"; }
{
	echo '{ "results": ['
	row operation null-hypercall 100 instructions
	row operation gicd-typer-read 200 instructions
	row operation psci-version 100 instructions
	row latency-idle "wfi-to-vector instructions max" 100 instructions
	row latency-idle "to-vector median" 100 ns
	echo '    {"section": "end", "name": "end", "value": 0, "unit": ""}'
	echo '] }'
} >"$tmp/old.json"
{
	echo '{ "results": ['
	row operation null-hypercall 106 instructions
	row operation gicd-typer-read 210 instructions
	row operation psci-version 80 instructions
	row latency-idle "wfi-to-vector instructions max" 500 instructions
	row latency-idle "to-vector median" 500 ns
	echo '    {"section": "end", "name": "end", "value": 0, "unit": ""}'
	echo '] }'
} >"$tmp/new.json"
out=$("$top/bench/compare" "$tmp/old.json" "$tmp/new.json") ||
	fail "bench/compare failed (it must never fail)"
echo "$out"
grep -q 'REGRESSION !!! operation: null-hypercall: 100 -> 106' <<<"$out" ||
	fail "a 6% growth was not reported"
grep -q 'gicd-typer-read' <<<"$out" && fail "a 5% growth was reported"
grep -q 'better: operation: psci-version: 100 -> 80' <<<"$out" ||
	fail "a 20% drop was not listed"
grep -q -e 'max' -e 'to-vector median' <<<"$out" &&
	fail "a tail or a time was judged"
grep -q '!!! 1 figure(s) grew' <<<"$out" || fail "no summary of 1 regression"

for r in latest latest-gicv2; do
	out=$("$top/bench/compare" "$top/bench/results/$r.json" \
		"$top/bench/results/$r.json") || fail "bench/compare failed on $r"
	grep -q 'REGRESSION' <<<"$out" && fail "$r.json regresses against itself"
done
echo "bench/compare: reports growth over 5%, not 5%, tails or times"
