# The rule engine's fuzz target: replays tests/fuzz/corpus/rules and fuzzes
# briefly (WARDEN_FUZZ_SECONDS, default 10). Skips without clang.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/tests/fuzz/run-fuzz.sh" rules "${WARDEN_FUZZ_SECONDS:-10}"
