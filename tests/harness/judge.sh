# tests/judge on made-up runs, no guest: a copy of the judge in a scratch
# tree whose scripts/guest-run runs the test script on the host and puts
# SCRIPT.console (when there is one) on the "serial console". A pass, a
# failed expect, a rejected line; a skip (exit 77) stays a skip, its
# expects not judged, unless the run shows a rejected line (in either
# output) or a kernel warning (without allow-kernel-warnings): then it
# fails, saying that it skipped and what it showed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/tree/tests" "$tmp/tree/scripts"
cp "$top/tests/judge" "$tmp/tree/tests/judge"
cat >"$tmp/tree/scripts/guest-run" <<'S'
#!/usr/bin/env bash
# a stand-in for scripts/guest-run: the options the judge passes, then
# the script, run here
log= slog= clog=
while [ $# -gt 1 ]; do
	case $1 in
	--log) log=$2; shift 2 ;;
	--script-log) slog=$2; shift 2 ;;
	--console-log) clog=$2; shift 2 ;;
	--*) shift 2 ;;
	*) break ;;
	esac
done
: >"$clog"
[ -f "$1.console" ] && cp "$1.console" "$clog"
bash "$1" >"$slog" 2>&1
rc=$?
cat "$slog" "$clog" >"$log"
exit $rc
S
chmod +x "$tmp/tree/scripts/guest-run"

# case NAME STATUS WANT: judges $tmp/NAME.sh; its status must be STATUS
# and its verdict have a line that is WANT (a fixed string)
n=0
case_() {
	"$tmp/tree/tests/judge" "$tmp/$1.sh" "$tmp/$1.log" >"$tmp/$1.verdict" 2>&1
	rc=$?
	echo "$1: status $rc: $(tr '\n' '|' <"$tmp/$1.verdict")"
	[ $rc -eq "$2" ] || fail "$1: judge status $rc, not $2"
	grep -qxF -- "$3" "$tmp/$1.verdict" || fail "$1: no verdict line '$3'"
	n=$((n + 1))
}

printf '# expect: ^x: ok$\necho "x: ok"\n' >"$tmp/pass.sh"
case_ pass 0 "ok"

printf '# expect: ^x: ok$\necho "x: not"\n' >"$tmp/expect.sh"
case_ expect 1 "expected in the script's output, not seen: ^x: ok$"

printf '# expect: ^x: ok$\n# reject: ^FATAL\necho "x: ok"\n' >"$tmp/reject.sh"
echo "FATAL: data abort" >"$tmp/reject.sh.console"
case_ reject 1 "rejected output seen on the serial console: FATAL: data abort"

# a skip: its expects are not judged
cat >"$tmp/skip.sh" <<'S'
# expect: ^x: never printed$
# reject: ^FATAL
echo "x: created a cell first"
echo "no such feature here"
exit 77
S
case_ skip 77 "skip: no such feature here"

# a skip whose run showed a rejected line: in the script's output ...
cat >"$tmp/skip-reject.sh" <<'S'
# expect: ^x: never printed$
# reject: ^FATAL
echo "FATAL: data abort by cell \"c\""
echo "no such feature here"
exit 77
S
case_ skip-reject 1 "skipped (no such feature here), but rejected output seen in the script's output: FATAL: data abort by cell \"c\""

# ... and on the serial console
cp "$tmp/skip.sh" "$tmp/skip-reject-console.sh"
echo 'FATAL: data abort by cell "c" on CPU 2' >"$tmp/skip-reject-console.sh.console"
case_ skip-reject-console 1 "skipped (no such feature here), but rejected output seen on the serial console: FATAL: data abort by cell \"c\" on CPU 2"

# a skip whose run made the kernel warn
cp "$tmp/skip.sh" "$tmp/skip-warning.sh"
echo "[   12.5] WARNING: CPU: 1 PID: 77 at mm/page_alloc.c:1 foo+0x1/0x2" \
	>"$tmp/skip-warning.sh.console"
case_ skip-warning 1 "skipped (no such feature here), but kernel reported: [   12.5] WARNING: CPU: 1 PID: 77 at mm/page_alloc.c:1 foo+0x1/0x2"

# ... unless the script allows kernel warnings
{ echo "# allow-kernel-warnings"; cat "$tmp/skip.sh"; } >"$tmp/skip-allowed.sh"
cp "$tmp/skip-warning.sh.console" "$tmp/skip-allowed.sh.console"
case_ skip-allowed 77 "skip: no such feature here"

echo "judge: $n made-up runs judged as they must be (skips with a rejected line or a kernel warning fail)"
