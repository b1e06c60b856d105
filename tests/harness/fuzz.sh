# Every fuzz target (tests/fuzz/run.sh: the config parser and checker, the
# rule engine, the GIC filters, the A64 decoder, stage-2 editing): replays
# its seeds and fuzzes briefly (WARDEN_FUZZ_SECONDS each, default 5;
# `make fuzz` runs each for minutes). Skips without clang.
# slow
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
for t in config rules gicr_filter gic_filter gicv2_filter insn pgtable vpci cell_console; do
	echo "fuzz: $t"
	"$top/tests/fuzz/run.sh" "$t" "${WARDEN_FUZZ_SECONDS:-5}" >"${TMPDIR:-/tmp}/fuzz-$t.$$" 2>&1
	rc=$?
	case $rc in
	0) echo "fuzz: $t clean" ;;
	77) head -1 "${TMPDIR:-/tmp}/fuzz-$t.$$"; rm -f "${TMPDIR:-/tmp}"/fuzz-*.$$; exit 77 ;;
	*) tail -40 "${TMPDIR:-/tmp}/fuzz-$t.$$"; echo "fuzz: $t FAILED ($rc)"; rm -f "${TMPDIR:-/tmp}"/fuzz-*.$$; exit 1 ;;
	esac
	rm -f "${TMPDIR:-/tmp}/fuzz-$t.$$"
done
