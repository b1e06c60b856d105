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

mean() { grep "^| $1 | $2 |" "$md" | awk -F'|' '{ gsub(/ /, "", $5); print $5 }'; }
for setting in "(a) bare metal, no hypervisor" "(b) Warden cell, root idle"; do
	v=$(mean "$setting" to-vector) h=$(mean "$setting" to-handler) r=$(mean "$setting" to-resume)
	echo "$setting means: vector=$v handler=$h resume=$r"
	[ -n "$v" ] && [ -n "$h" ] && [ -n "$r" ] || fail "latency rows missing for $setting"
	[ "$v" -ge 0 ] && [ "$v" -lt "$h" ] && [ "$h" -lt "$r" ] || fail "latencies not ordered: $v $h $r"
	[ "$r" -lt 100000 ] || fail "implausible latency $r ns"
done
# Through the hypervisor an interrupt costs more than on bare metal.
[ "$(mean "(b) Warden cell, root idle" to-vector)" -gt "$(mean "(a) bare metal, no hypervisor" to-vector)" ] ||
	fail "the cell's latency is not above bare metal's"
grep -q 'Hypervisor instructions per' "$md" || fail "no hypervisor instruction count"
for op in null-hypercall gicd-typer-read psci-version; do
	grep -Eq "^\| $op \| [1-9][0-9]* \| [1-9][0-9]* \|$" "$md" || fail "no cost for $op"
done
grep -Eq '^\| compute-only .* \| [0-9]+ per second \|$' "$md" || fail "no steady-state exits"
grep -Eq '^\| gic-demo .* \| [0-9.]+ per timer tick \([1-9][0-9]* exits, [1-9][0-9]* ticks\) \|$' "$md" ||
	fail "no gic-demo exits per tick"
for op in enable create load-8mib start destroy disable; do
	grep -Eq "^\| $op \| [0-9]+\.[0-9]+ \|$" "$md" || fail "no management time for $op"
done
grep -q '"name": "pool pages per cell", "value": [1-9]' "$json" || fail "no pool figure per cell"
grep -q '"samples": 50' "$json" || fail "JSON lacks the sample count"
grep -q '"name": "warden.bin", "value": [1-9]' "$json" || fail "JSON lacks the image size"
[ "$(grep -c '{' "$json")" -eq "$(grep -c '}' "$json")" ] || fail "unbalanced JSON"
