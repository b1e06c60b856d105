# The system tests' shell checks can fail. Under set -e a false test that
# is not the last of an && list ends nothing: "[ a ] && [ b ]" on a line
# of its own passes whenever a is false. Such lines (outside one-line
# function bodies, whose status a caller tests) are reported; a check
# goes one a line. The scan itself is shown to find one.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# lint FILE...: the lines that chain tests with && and nothing after
lint() {
	grep -nE '^[[:space:]]*(\[|test )[^|#]*\][[:space:]]*&&[[:space:]]*(\[|test )[^|#]*\][[:space:]]*;?[[:space:]]*$' "$@" |
		grep -v '() {'
}

printf 'set -e\nx=1\n[ "$x" = 2 ] && [ -n "$x" ]\nok() { [ a ] && [ b ]; }\n' \
	>"$tmp/bad.sh"
if [ "$(lint "$tmp/bad.sh" | wc -l)" != 1 ]; then
	echo "FAIL: the scan does not find the && chain in its own example"
	exit 1
fi
bad=$(cd "$top" && lint tests/system/*.sh tests/system/lib/*.sh \
	tests/harness/*.sh)
if [ -n "$bad" ]; then
	echo "FAIL: tests whose first check of an && list cannot fail them:"
	echo "$bad"
	exit 1
fi
echo "$(ls "$top"/tests/system/*.sh "$top"/tests/harness/*.sh | wc -l)" \
	"test scripts: no && chain of checks that set -e would not end"
