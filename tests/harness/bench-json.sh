# The benchmark results in the tree are valid JSON, and bench/run's
# json_str (bench/lib/json.sh) escapes what its commands and notes hold:
# quotes, backslashes, control characters. (bench-smoke.sh checks a fresh
# run's file the same way.)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

command -v python3 >/dev/null || { echo "python3 not found: cannot check JSON"; exit 77; }
python3 -m json.tool "$top/bench/results/latest.json" >/dev/null ||
	fail "bench/results/latest.json is not valid JSON"
echo "bench/results/latest.json: valid JSON"

. "$top/bench/lib/json.sh"
strings=("plain"
	"guest.sh  (guest.sh: \"rounds=1000\" and bench/guest.sh)"
	"--qemu-opts '-icount shift=0' -s 'cpu=3 rounds=50'"
	'back\slash \\ and \"escaped\"'
	$'tab\there, newline\nthere, cr\r, bell\a, escape\e, unit\x1f'
	"")
{
	echo "["
	for i in "${!strings[@]}"; do
		printf '  %s%s\n' "$(json_str "${strings[$i]}")" "$([ "$i" -lt $((${#strings[@]} - 1)) ] && echo ,)"
	done
	echo "]"
} >"$tmp/strings.json"
cat "$tmp/strings.json"
printf '%s\0' "${strings[@]}" >"$tmp/expected"
python3 -c '
import json, sys
got = json.load(open(sys.argv[1]))
want = open(sys.argv[2], "rb").read().decode().split("\0")[:-1]
for g, w in zip(got, want):
    if g != w:
        sys.exit("json_str: %r came back as %r" % (w, g))
if len(got) != len(want):
    sys.exit("json_str: %d strings, %d back" % (len(want), len(got)))
' "$tmp/strings.json" "$tmp/expected" || fail "json_str does not round-trip"
echo "json_str: ${#strings[@]} strings round-trip"
