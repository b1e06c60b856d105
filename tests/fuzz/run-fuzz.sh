#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/fuzz/run-fuzz.sh TARGET [SECONDS [LIBFUZZER-OPTIONS...]]
# TARGET is "config" (parser, config check, config show: config_fuzz.c) or
# "rules" (the rule engine alone, as the hypervisor runs it: rules_fuzz.c).
# Builds the target with clang (libFuzzer, ASan, UBSan) into
# build/tests/fuzz/, replays the corpus in tests/fuzz/corpus/TARGET/ and
# then fuzzes for SECONDS (default 10). New inputs go to
# build/tests/fuzz/corpus-TARGET/, crashes to build/tests/fuzz/.
# Exit status 0: no crash, no sanitizer report.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
b=${B:-$top/build}
target=${1:?usage: run-fuzz.sh config|rules [SECONDS [OPTIONS...]]}
secs=${2:-10}
shift $(($# < 2 ? $# : 2))
out=$b/tests/fuzz
bin=$out/${target}_fuzz
mkdir -p "$out/corpus-$target"

command -v clang >/dev/null || {
	echo "clang not found: run 'make deps' (installs clang and libclang-rt-14-dev)"
	exit 77
}
# The whole portable core: the parser, the rules and what they use.
srcs=("$top/tests/fuzz/${target}_fuzz.c" "$top"/hypervisor/core/*.c)
case $target in
config) srcs+=("$top"/tools/config_check*.c "$top"/tools/config_report.c
	"$top"/tools/config_show.c "$top"/tools/numparse.c) ;;
rules) ;;
*) echo "unknown fuzz target $target"; exit 2 ;;
esac
if [ ! -x "$bin" ] || [ -n "$(find "${srcs[@]}" "$top/include/jailhouse" \
	"$top"/hypervisor/include/warden "$top"/hypervisor/core/*.h \
	"$top"/tools/config_*.h -newer "$bin" 2>/dev/null)" ]; then
	# Can clang link a fuzzer at all? If not, skip; our errors fail.
	echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)
		{ return 0; }' >"$out/probe.c"
	clang -fsanitize=fuzzer "$out/probe.c" -o "$out/probe" 2>/dev/null || {
		echo "clang cannot link libFuzzer programs: install libclang-rt-14-dev ('make deps')"
		exit 77
	}
	clang -g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all -I"$top/include" \
		-I"$top/hypervisor/include" -I"$top/tools" "${srcs[@]}" \
		-o "$bin"
fi

# Replay the corpus: every seed must run clean.
"$bin" -runs=0 "$top/tests/fuzz/corpus/$target"
# Then fuzz, starting from the corpus and what earlier runs found.
cd "$out"
"$bin" -max_total_time="$secs" -timeout=10 -max_len=8192 "$@" \
	"$out/corpus-$target" "$top/tests/fuzz/corpus/$target"
