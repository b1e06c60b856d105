# The config parser/checker fuzz target: replays tests/fuzz/corpus/config
# and fuzzes briefly (WARDEN_FUZZ_SECONDS, default 10). Skips without clang.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
exec "$top/tests/fuzz/config-fuzz.sh" "${WARDEN_FUZZ_SECONDS:-10}"
