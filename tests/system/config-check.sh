# The configs shipped in /etc/warden/ pass "warden config check" inside
# the guest too (static aarch64 CLI), and a broken copy is refused with a
# message that names the problem and the fix.
# expect: ^warden-test: qemu-virt pair: 0 errors, 0 advice
# expect: ^warden-test: j721e pair: 0 errors, 1 advice \(dma-mismatch\)
# expect: ^warden-test: rev12: revision 12, expected 14: rebuild the config with this version's headers
# expect: ^warden-test: show: CPUs: 0-3 \(4\)
set -e
cd /etc/warden
ls -l ./*.cell

out=$(warden config check qemu-virt.cell qemu-virt-inmate-demo.cell)
echo "$out"
echo "warden-test: qemu-virt pair: $(echo "$out" | tail -n1)"

out=$(warden config check ti-j721e.cell ti-j721e-linux-demo.cell)
echo "$out"
echo "$out" | grep -q '\[dma-mismatch\]'
echo "warden-test: j721e pair: $(echo "$out" | tail -n1) (dma-mismatch)"

# Revision 12 in place of 14 (byte 6 of the file).
cp qemu-virt.cell /tmp/rev12.cell
printf '\014' | dd of=/tmp/rev12.cell bs=1 seek=6 conv=notrunc 2>/dev/null
rc=0
out=$(warden config check /tmp/rev12.cell) || rc=$?
echo "$out"
[ $rc -eq 1 ]
echo "warden-test: rev12: $(echo "$out" | sed -n 's/^  \(revision.*\) \[parse\]$/\1/p')"

echo "warden-test: show: $(warden config show qemu-virt.cell | grep -o 'CPUs: 0-3 (4)')"
