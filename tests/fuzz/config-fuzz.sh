#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/fuzz/config-fuzz.sh [SECONDS [LIBFUZZER-OPTIONS...]]
# Builds the config parser/checker fuzz target with clang (libFuzzer, ASan,
# UBSan) into build/tests/fuzz/, replays the corpus in
# tests/fuzz/corpus/config/ and then fuzzes for SECONDS (default 10).
# New inputs go to build/tests/fuzz/corpus-config/, crashes to
# build/tests/fuzz/. Exit status 0: no crash, no sanitizer report.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
b=${B:-$top/build}
secs=${1:-10}
shift || true
out=$b/tests/fuzz
bin=$out/config_fuzz
mkdir -p "$out/corpus-config"

command -v clang >/dev/null || {
	echo "clang not found: run 'make deps' (installs clang and libclang-rt-14-dev)"
	exit 77
}
srcs=("$top/tests/fuzz/config_fuzz.c" "$top/hypervisor/core/config.c"
	"$top"/tools/config_check*.c "$top"/tools/config_report.c
	"$top"/tools/config_show.c "$top"/tools/numparse.c
	"$top/hypervisor/core/mem_flags.c" "$top/hypervisor/core/format.c")
if [ ! -x "$bin" ] || [ -n "$(find "${srcs[@]}" "$top/include/jailhouse" \
	"$top/hypervisor/include/warden/config.h" "$top"/tools/config_*.h \
	-newer "$bin" 2>/dev/null)" ]; then
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
"$bin" -runs=0 "$top/tests/fuzz/corpus/config"
# Then fuzz, starting from the corpus and what earlier runs found.
cd "$out"
"$bin" -max_total_time="$secs" -timeout=10 -max_len=8192 "$@" \
	"$out/corpus-config" "$top/tests/fuzz/corpus/config"
