#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# tests/fuzz/run.sh TARGET [SECONDS [LIBFUZZER-OPTIONS...]]
# Builds the libFuzzer target tests/fuzz/TARGET_fuzz.c with the files it
# tests (clang, -fsanitize=fuzzer,address,undefined) into
# build/tests/fuzz/, replays its seeds in tests/fuzz/corpus/TARGET/ and
# then fuzzes for SECONDS (default 10). New inputs go to
# build/tests/fuzz/corpus-TARGET/, crashes (with the input that made them)
# to build/tests/fuzz/TARGET/. Exit status 0: no crash, no broken
# invariant, no sanitizer report; 77: no clang here. docs/testing.md.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
b=${B:-$top/build}
target=${1:?usage: tests/fuzz/run.sh TARGET [SECONDS [OPTIONS...]]}
secs=${2:-10}
shift $(($# < 2 ? $# : 2))
core=$top/hypervisor/core
targets="config rules gicr_filter gic_filter gicv2_filter insn pgtable vpci cell_console"

# The files each target links: what it tests and what that uses.
#   config       the CLI's parser, config check and config show
#   rules        the rule engine alone, as the hypervisor runs it
#   gicr_filter, gic_filter  the redistributor and distributor filters
#   gicv2_filter the GICv2 distributor policy and list register encoding
#   insn         the A64 load/store decoder
#   pgtable      stage-2 table editing
#   vpci         the ECAM decoder, ivshmem config space, registers, MSI-X
#   cell_console a cell's virtual console: ring, UART rate, input FIFO
case $target in
config) srcs=("$core"/*.c "$top"/tools/config_check*.c
	"$top"/tools/config_report.c "$top"/tools/config_show.c
	"$top"/tools/numparse.c) ;;
rules) srcs=("$core"/*.c) ;;
gicr_filter) srcs=("$core/gicr_filter.c" "$core/gic_filter.c" "$core/format.c") ;;
gic_filter) srcs=("$core/gic_filter.c") ;;
gicv2_filter) srcs=("$core/gicv2_filter.c" "$core/gicr_filter.c"
	"$core/gic_filter.c" "$core/gic_lr.c" "$core/format.c") ;;
insn) srcs=("$core/insn.c") ;;
pgtable) srcs=("$core/pgtable.c" "$core/pgtable_edit.c") ;;
vpci) srcs=("$core/vpci.c" "$core/ivshmem.c" "$core/ivshmem_msix.c"
	"$core/config.c") ;;
cell_console) srcs=("$core/cell_console.c") ;;
*) echo "tests/fuzz/run.sh: unknown target \"$target\" ($targets)" >&2; exit 2 ;;
esac
srcs=("$top/tests/fuzz/${target}_fuzz.c" "${srcs[@]}")
out=$b/tests/fuzz
bin=$out/${target}_fuzz
mkdir -p "$out/corpus-$target" "$out/$target"

command -v clang >/dev/null || {
	echo "clang not found: run 'make deps' (installs clang and libclang-rt-14-dev)"
	exit 77
}
if [ ! -x "$bin" ] || [ -n "$(find "${srcs[@]}" "$top"/tests/fuzz/*.h \
	"$top/include" "$top/hypervisor/include/warden" "$top"/tools/*.h \
	-newer "$bin" 2>/dev/null)" ]; then
	# Can clang link a fuzzer at all? If not, skip; our errors fail.
	echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)
		{ return 0; }' >"$out/probe-$target.c"
	clang -fsanitize=fuzzer "$out/probe-$target.c" -o "$out/probe-$target" 2>/dev/null || {
		echo "clang cannot link libFuzzer programs: install libclang-rt-14-dev ('make deps')"
		exit 77
	}
	clang -g -O1 -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-I"$top/include" -I"$top/hypervisor/include" -I"$top/tools" \
		"${srcs[@]}" \
		-o "$bin.tmp"
	mv "$bin.tmp" "$bin"
fi

cd "$out/$target"
# Replay the seeds: every one must run clean.
"$bin" -runs=0 -error_exitcode=1 -timeout_exitcode=1 "$top/tests/fuzz/corpus/$target"
# Then fuzz, starting from the seeds and what earlier runs found.
# A finding exits 1, never libFuzzer's default 77, which is this script's
# "no clang here" and would turn a crash into a skip.
"$bin" -max_total_time="$secs" -timeout=10 -max_len=8192 \
	-error_exitcode=1 -timeout_exitcode=1 "$@" \
	"$out/corpus-$target" "$top/tests/fuzz/corpus/$target"
