# `make bench` keeps working: a quick run of bench/run (few samples) must
# produce the latency table with ordered, positive figures and the JSON.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

B=$B "$top/bench/run" --quick --out "$tmp" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "bench/run --quick failed"; }
cat "$tmp/out"
md=$tmp/latest.md json=$tmp/latest.json
[ -s "$md" ] && [ -s "$json" ] || fail "no results written"

mean() { grep "^| (a) bare metal, no hypervisor | $1 |" "$md" | awk -F'|' '{ gsub(/ /, "", $5); print $5 }'; }
v=$(mean to-vector) h=$(mean to-handler) r=$(mean to-resume)
echo "means: vector=$v handler=$h resume=$r"
[ -n "$v" ] && [ -n "$h" ] && [ -n "$r" ] || fail "latency rows missing"
[ "$v" -ge 0 ] && [ "$v" -lt "$h" ] && [ "$h" -lt "$r" ] || fail "latencies not ordered: $v $h $r"
[ "$r" -lt 100000 ] || fail "implausible latency $r ns"
grep -q '"samples": 50' "$json" || fail "JSON lacks the sample count"
grep -q '"name": "warden.bin", "value": [1-9]' "$json" || fail "JSON lacks the image size"
[ "$(grep -c '{' "$json")" -eq "$(grep -c '}' "$json")" ] || fail "unbalanced JSON"
