# `make bench` keeps working: a quick run of bench/run (few samples) must
# produce the latency tables (bare, cell, cell under root load), the SGI
# table, per-CPU instruction counts from the vcpu-marks plugin, with
# ordered, positive figures, and the JSON. GIC=2 runs the GICv2 leg
# (bench/run --gic 2, latest-gicv2.*); the default is GICv3.
# slow
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

gic=${GIC:-3}
result=latest
[ "$gic" = 2 ] && result=latest-gicv2
B=$B "$top/bench/run" --quick --gic "$gic" --out "$tmp" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "bench/run --quick --gic $gic failed"; }
cat "$tmp/out"
md=$tmp/$result.md json=$tmp/$result.json
grep -q "QEMU virt with a GICv$gic\.$" "$md" || fail "$result.md does not name GICv$gic"
[ -s "$md" ] && [ -s "$json" ] || fail "no results written"

a="(a) bare metal, no hypervisor" b="(b) Warden cell, root idle"
c="(c) Warden cell, root loaded"
median() { grep "^| $1 | $2 |" "$md" | awk -F'|' '{ gsub(/ /, "", $5); print $5 }'; }
# The per-CPU instruction table: | setting | min | median | mean | p99 | max |
insns() { grep "^| $1 | [0-9]" "$md" | awk -F'|' '{ gsub(/ /, "", $4); print $4 }'; }
for setting in "$a" "$b" "$c"; do
	v=$(median "$setting" to-vector) h=$(median "$setting" to-handler) r=$(median "$setting" to-resume)
	echo "$setting medians: vector=$v handler=$h resume=$r"
	[ -n "$v" ] && [ -n "$h" ] && [ -n "$r" ] || fail "latency rows missing for $setting"
	[ "$v" -ge 0 ] && [ "$v" -lt "$h" ] && [ "$h" -lt "$r" ] || fail "latencies not ordered: $v $h $r"
	[ "$r" -lt 100000 ] || fail "implausible latency $r ns"
done
# Through the hypervisor an interrupt costs more than on bare metal.
[ "$(median "$b" to-vector)" -gt "$(median "$a" to-vector)" ] ||
	fail "the cell's latency is not above bare metal's"
ia=$(insns "$a") ib=$(insns "$b") ic=$(insns "$c")
echo "per-CPU instructions to the vector, medians: $ia $ib $ic"
[ -n "$ia" ] && [ -n "$ib" ] && [ -n "$ic" ] || fail "per-CPU instruction rows missing"
[ "$ia" -gt 0 ] && [ "$ib" -gt "$ia" ] || fail "per-CPU counts not ordered: $ia $ib"
# The root's load runs on other CPUs: it must not add work on the cell's.
[ "$ic" -lt $((2 * ib)) ] || fail "root load doubled the cell CPU's work: $ib -> $ic"
grep -q 'instructions per interrupt, median (b) less median (a): \*\*[1-9]' "$md" ||
	fail "no hypervisor instruction count"
grep -Eq '^Root load in \(c\)' "$md" && grep -Eq '[1-9][0-9]* IPIs and [1-9][0-9]* timer interrupts' "$md" ||
	fail "the root load is not described"
sgi() { grep "^| $1 |" "$md" | awk -F'|' -v f="$2" '{ gsub(/ /, "", $f); print $f }'; }
for f in 3 4 5 6; do
	bare=$(sgi "bare metal, no hypervisor" $f) cell=$(sgi "Warden cell (CPUs 2 and 3)" $f)
	echo "SGI column $f: bare $bare, cell $cell"
	[ -n "$bare" ] && [ -n "$cell" ] && [ "$bare" -gt 0 ] && [ "$cell" -gt "$bare" ] ||
		fail "SGI figures missing or not above bare metal's (column $f)"
done
# Direct delivery (GICv3): the bare-metal figures, +0 (docs/performance.md).
if [ "$gic" = 3 ]; then
	d="(d) Warden direct cell (WARDEN_CELL_DIRECT_IRQ), root idle"
	id=$(insns "$d")
	echo "direct cell: $id per-CPU instructions to the vector, bare $ia"
	[ -n "$id" ] && [ "$id" = "$ia" ] ||
		fail "direct delivery is not the bare-metal figure: '$id', bare $ia"
	grep -q 'With direct delivery, median (d) less median (a): \*\*0\*\*' "$md" ||
		fail "no direct-delivery line"
	dr=$(sgi "Warden direct cell (CPUs 2 and 3, WARDEN_CELL_DIRECT_IRQ)" 4)
	br=$(sgi "bare metal, no hypervisor" 4)
	echo "SGI receiver in a direct cell: $dr instructions, bare $br"
	[ -n "$dr" ] && [ "$dr" = "$br" ] ||
		fail "a direct cell's SGI receiver is not bare metal's: '$dr', $br"
fi
for op in null-hypercall gicd-typer-read psci-version; do
	grep -Eq "^\| $op \| [1-9][0-9]* \| [1-9][0-9]* \|$" "$md" || fail "no cost for $op"
done
grep -Eq '^\| compute-only .* \| [0-9]+ per second \|$' "$md" || fail "no steady-state exits"
grep -Eq '^\| Linux cell .*idle.* \| [1-9][0-9]* per second \|$' "$md" &&
	grep -Eq '^\| the same, one CPU in a busy loop \| [1-9][0-9]* per second \|$' "$md" &&
	grep -Eq '^Linux cell: [1-9][0-9]* virtual ms from the end of' "$md" ||
	fail "no Linux cell figures"
grep -Eq '^\| gic-demo .* \| [0-9.]+ per timer tick \([1-9][0-9]* exits, [1-9][0-9]* ticks\) \|$' "$md" ||
	fail "no gic-demo exits per tick"
for op in enable create load-8mib start destroy disable; do
	grep -Eq "^\| $op \| [0-9]+\.[0-9]+ \|$" "$md" || fail "no management time for $op"
done
grep -q '"name": "pool pages per cell", "value": [1-9]' "$json" || fail "no pool figure per cell"
grep -q '"samples": 50' "$json" || fail "JSON lacks the sample count"
grep -q '"name": "warden.bin", "value": [1-9]' "$json" || fail "JSON lacks the image size"
python3 -m json.tool "$json" >/dev/null || fail "$result.json is not valid JSON"
