# The insn fuzz target (tests/fuzz/insn_fuzz.c): replays its seeds in
# tests/fuzz/corpus/insn and fuzzes briefly (WARDEN_FUZZ_SECONDS, default
# 5; `make fuzz` runs it for minutes). Skips without clang.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/tests/fuzz/run.sh" insn "${WARDEN_FUZZ_SECONDS:-5}"
