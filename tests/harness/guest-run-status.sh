# scripts/guest-run returns the guest script's exit status, places --add
# files (also under /tmp, which the guest mounts a tmpfs on), keeps the
# script's output apart from the serial console (--script-log,
# --console-log) while stdout shows both, and reports a script that never
# finishes.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf 'hello from the host\n' >"$tmp/data.txt"
cat >"$tmp/fail.sh" <<'S'
cat /guest-run/data.txt
cat /opt/extra.txt
cat /tmp/in-tmp.txt
echo "guest: to stderr" >&2
echo "guest: about to fail"
exit 7
S
"$top/scripts/guest-run" --add "$tmp/data.txt:data.txt" \
	--add "$tmp/data.txt:/opt/extra.txt" --add "$tmp/data.txt:/tmp/in-tmp.txt" \
	--script-log "$tmp/script.log" --console-log "$tmp/console.log" \
	"$tmp/fail.sh" >"$tmp/out" 2>&1
rc=$?
cat "$tmp/out"
[ $rc -eq 7 ] || { echo "expected status 7, got $rc"; exit 1; }
[ "$(grep -c '^hello from the host' "$tmp/script.log")" -eq 3 ] ||
	{ echo "--add files (data.txt, /opt/extra.txt, /tmp/in-tmp.txt) not all seen in the guest"; exit 1; }
grep -q '^guest: about to fail' "$tmp/out" || { echo "script output not streamed"; exit 1; }
grep -q 'WARDEN-GUEST-RUN: start' "$tmp/out" || { echo "console not streamed"; exit 1; }
# Each output in its own file, the script's lines exactly as printed.
printf 'hello from the host\n%.0s' 1 2 3 >"$tmp/want"
printf 'guest: to stderr\nguest: about to fail\n' >>"$tmp/want"
cmp "$tmp/want" "$tmp/script.log" ||
	{ echo "--script-log is not the script's output alone:"; cat -A "$tmp/script.log"; exit 1; }
grep -q 'WARDEN-GUEST-RUN: start' "$tmp/console.log" ||
	{ echo "--console-log lacks the console"; exit 1; }
! grep -q 'guest: about to fail' "$tmp/console.log" ||
	{ echo "the script's output went to the serial console"; exit 1; }

# A last line without a newline: the status still arrives, and the line.
echo 'echo fine; printf "no newline"; exit 0' >"$tmp/ok.sh"
"$top/scripts/guest-run" --script-log "$tmp/script.log" "$tmp/ok.sh" >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 0 ] || { cat "$tmp/out"; echo "expected status 0, got $rc"; exit 1; }
[ "$(tail -n1 "$tmp/script.log")" = "no newline" ] ||
	{ cat -A "$tmp/script.log"; echo "last line without a newline lost"; exit 1; }

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
"$top/scripts/guest-run" --add "$tmp/data.txt:/proc/x" "$tmp/ok.sh" >"$tmp/out" 2>&1
rc=$?
[ $rc -eq 125 ] && grep -q 'mounts over /proc' "$tmp/out" ||
	{ cat "$tmp/out"; echo "--add into /proc not refused (status $rc)"; exit 1; }
echo "guest-run statuses: 7, 0, 124 (timeout), 125 (missing script, --add into /proc)"
echo "guest-run: /tmp files kept; script output and console apart"
