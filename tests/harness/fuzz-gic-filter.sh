# The gic_filter fuzz target (tests/fuzz/gic_filter_fuzz.c): replays its seeds in
# tests/fuzz/corpus/gic_filter and fuzzes briefly (WARDEN_FUZZ_SECONDS, default
# 5; `make fuzz` runs it for minutes). Skips without clang.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/tests/fuzz/run.sh" gic_filter "${WARDEN_FUZZ_SECONDS:-5}"
