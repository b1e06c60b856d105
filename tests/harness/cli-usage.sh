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
