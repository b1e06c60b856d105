# scripts/guest-run returns the guest script's exit status, places --add
# files, and reports a script that never finishes.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf 'hello from the host\n' >"$tmp/data.txt"
cat >"$tmp/fail.sh" <<'S'
cat /guest-run/data.txt
cat /opt/extra.txt
echo "guest: about to fail"
exit 7
S
"$top/scripts/guest-run" --add "$tmp/data.txt:data.txt" \
	--add "$tmp/data.txt:/opt/extra.txt" "$tmp/fail.sh" >"$tmp/out" 2>&1
rc=$?
cat "$tmp/out"
[ $rc -eq 7 ] || { echo "expected status 7, got $rc"; exit 1; }
[ "$(grep -c '^hello from the host' "$tmp/out")" -eq 2 ] ||
	{ echo "--add files not seen in the guest"; exit 1; }
grep -q '^guest: about to fail' "$tmp/out" || { echo "console not streamed"; exit 1; }

echo 'echo fine; exit 0' >"$tmp/ok.sh"
"$top/scripts/guest-run" "$tmp/ok.sh" >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out"; echo "expected status 0, got $rc"; exit 1; }

echo 'echo hanging; sleep 1000' >"$tmp/hang.sh"
"$top/scripts/guest-run" --timeout 25 "$tmp/hang.sh" >"$tmp/out" 2>&1
rc=$?
tail -n 2 "$tmp/out"
[ $rc -eq 124 ] || { echo "expected status 124 on timeout, got $rc"; exit 1; }
grep -q 'did not finish within 25s' "$tmp/out" || { echo "no timeout message"; exit 1; }

"$top/scripts/guest-run" "$tmp/missing.sh" >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 125 ] && grep -q 'no such script' "$tmp/out" ||
	{ cat "$tmp/out"; echo "missing script not reported (status $rc)"; exit 1; }
echo "guest-run statuses: 7, 0, 124 (timeout), 125 (missing script)"
