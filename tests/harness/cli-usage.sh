# The host CLI answers --version and refuses unknown commands with a
# usage error (status 2) that names the command.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cli=$B/host/warden
v=$("$cli" --version) || { echo "--version failed"; exit 1; }
echo "$v"
case $v in "warden $(cat "$top/VERSION")"*) ;; *) echo "unexpected version: $v"; exit 1 ;; esac
out=$("$cli" frobnicate 2>&1); rc=$?
echo "$out"
[ $rc -eq 2 ] || { echo "unknown command gave status $rc, expected 2"; exit 1; }
grep -q 'unknown command "frobnicate"' <<<"$out" || { echo "error does not name the command"; exit 1; }
out=$("$cli" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q '^Usage:' <<<"$out" || { echo "no usage without arguments"; exit 1; }

# --help and -h on every command (each listed by "warden --help") print
# that command's usage on stdout and exit 0, wherever they stand; they
# are never taken for a file, a cell or a number. After an option that
# takes a value they are that value.
cmds=$("$cli" --help | sed -n 's/^  \([a-z]\)/\1/p' | awk '{ print ($1 == "cell" || $1 == "config") ? $1 " " $2 : $1 }')
[ "$(wc -l <<<"$cmds")" -ge 14 ] || { echo "too few commands in --help: $cmds"; exit 1; }
while read -r words; do
	for h in --help -h "SOMEFILE --help" "1 -h"; do
		# shellcheck disable=SC2086
		out=$("$cli" $words $h 2>"$B/cli-usage.err"); rc=$?
		err=$(cat "$B/cli-usage.err")
		[ $rc -eq 0 ] && [ -z "$err" ] && grep -q "^Usage: warden $words\( \|$\)" <<<"$out" || {
			echo "warden $words $h: status $rc, stdout:"; echo "$out"; echo "stderr: $err"; exit 1
		}
	done
	echo "warden $words --help: $(sed -n 3p <<<"$out")"
done <<<"$cmds"
rm -f "$B/cli-usage.err"
for g in cell config; do
	out=$("$cli" $g --help); rc=$?
	[ $rc -eq 0 ] && grep -q "^  $g create\|^  $g check" <<<"$out" &&
		! grep -q '^  enable' <<<"$out" || { echo "warden $g --help: status $rc: $out"; exit 1; }
done
# -s takes the next word as the string to load: "-h" there is no help.
out=$("$cli" cell load nosuchcell -s -h 2>&1); rc=$?
[ $rc -ne 0 ] && ! grep -q '^Usage: warden cell load' <<<"$out" ||
	{ echo "cell load -s -h printed help: $out"; exit 1; }
echo "cell load -s -h: the string \"-h\", not help"
