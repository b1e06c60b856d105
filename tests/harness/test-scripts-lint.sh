# The system tests' shell checks can fail. Under set -e a false test that
# is not the last of an && list ends nothing: "[ a ] && [ b ]" on a line
# of its own passes whenever a is false. Such lines (outside one-line
# function bodies, whose status a caller tests) are reported; a check
# goes one a line. Nor does set -e see a pipeline that begins with "!":
# "! grep -q X FILE" on a line of its own passes whatever FILE holds.
# Such a line is reported unless its status is used: an "||" on it (the
# "! cmd || fail" form), the condition of if, elif, while or until (the
# line continues one), the last command of a function body (its status
# is the function's) or of the script. The scans are shown to find one.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# lint FILE...: the lines that chain tests with && and nothing after
lint() {
	grep -nE '^[[:space:]]*(\[|test )[^|#]*\][[:space:]]*&&[[:space:]]*(\[|test )[^|#]*\][[:space:]]*;?[[:space:]]*$' "$@" |
		grep -v '() {'
}

# lint_not FILE...: the lines that begin with "! " whose status nothing
# uses, as FILE:LINE:TEXT
lint_not() {
	for f in "$@"; do
		awk -v file="$f" '
		# a here-document is data: its lines are left out (blank)
		heredoc != "" {
			t = $0
			sub(/^\t*/, "", t)
			if (t == heredoc) heredoc = ""
			line[NR] = ""
			next
		}
		{ line[NR] = $0 }
		match($0, /(^|[^<])<<-?[ \t]*["\047]?[A-Za-z_][A-Za-z_0-9]*["\047]?([ \t;|&>]|$)/) {
			heredoc = substr($0, RSTART, RLENGTH)
			sub(/^[^<]?<<-?[ \t]*["\047]?/, "", heredoc)
			sub(/["\047]?[ \t;|&>]?$/, "", heredoc)
		}
		END {
			for (i = 1; i <= NR; i++) {
				if (line[i] !~ /^[ \t]*! /) continue
				if (line[i] ~ /\|\|/) continue
				# continued from the lines above: where the command starts
				s = i
				while (s > 1 && line[s - 1] ~ /(&&|\|\||\||\\)[ \t]*$/) s--
				if (s < i) {
					if (line[s] ~ /^[ \t]*(if|elif|while|until)[ \t]/) continue
				} else {
					j = i + 1
					while (j <= NR && line[j] ~ /^[ \t]*(#.*)?$/) j++
					if (j > NR || line[j] ~ /^[ \t]*}/) continue
				}
				print file ":" i ":" line[i]
			}
		}' "$f"
	done
}

printf 'set -e\nx=1\n[ "$x" = 2 ] && [ -n "$x" ]\nok() { [ a ] && [ b ]; }\n' \
	>"$tmp/bad.sh"
if [ "$(lint "$tmp/bad.sh" | wc -l)" != 1 ]; then
	echo "FAIL: the scan does not find the && chain in its own example"
	exit 1
fi
cat >"$tmp/bad-not.sh" <<'S'
set -e
gone() {
	! grep -q x /tmp/f
	[ -e /tmp/g ]
}
last() {
	! grep -q x /tmp/f
}
if [ -e /tmp/f ] &&
	! grep -q x /tmp/f; then
	echo no
fi
! grep -q x /tmp/f || exit 1
! grep -q x /tmp/f ||
	exit 1
[ -e /tmp/f ] &&
	! grep -q y /tmp/f
echo done
! grep -q z /tmp/f
S
want="$tmp/bad-not.sh:3:	! grep -q x /tmp/f
$tmp/bad-not.sh:17:	! grep -q y /tmp/f"
got=$(lint_not "$tmp/bad-not.sh")
if [ "$got" != "$want" ]; then
	echo "FAIL: the scan of '!' lines finds, in its own example:"
	echo "$got"
	echo "instead of:"
	echo "$want"
	exit 1
fi

cd "$top" || exit 1
scripts="tests/system/*.sh tests/system/lib/*.sh tests/harness/*.sh"
# shellcheck disable=SC2086 # the globs
bad=$(lint $scripts)
if [ -n "$bad" ]; then
	echo "FAIL: tests whose first check of an && list cannot fail them:"
	echo "$bad"
	exit 1
fi
# shellcheck disable=SC2086
bad=$(lint_not $scripts)
if [ -n "$bad" ]; then
	echo "FAIL: '! CMD' lines whose status set -e ignores (write" \
		"'if CMD; then echo WHAT; exit 1; fi' or '! CMD || fail'):"
	echo "$bad"
	exit 1
fi
echo "$(ls tests/system/*.sh tests/system/lib/*.sh tests/harness/*.sh | wc -l)" \
	"test scripts: no && chain of checks that set -e would not end," \
	"no '!' line whose status nothing uses"
