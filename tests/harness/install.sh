# `make install DESTDIR=...` puts Warden where a target system (and the
# QEMU guest, whose initramfs is made the same way) expects it; without
# DESTDIR, or with one that is not a directory, it refuses and says why.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
kver=$(cat "$B/debian/KVER")

make -s -C "$top" install DESTDIR="$tmp/root" >"$tmp/out" 2>&1 &&
	fail "installed into a DESTDIR that does not exist"
cat "$tmp/out"
grep -q "$tmp/root is not a directory" "$tmp/out" || fail "no reason given for a missing DESTDIR"
make -s -C "$top" install >"$tmp/out" 2>&1 && fail "installed without DESTDIR"
cat "$tmp/out"
grep -q "make install needs DESTDIR" "$tmp/out" || fail "no reason given without DESTDIR"

mkdir "$tmp/root"
for round in 1 2; do
	make -s -C "$top" install DESTDIR="$tmp/root" || fail "make install failed (round $round)"
done
(cd "$tmp/root" && find . -type f -o -type l | sort) >"$tmp/list"
cat "$tmp/list"
for f in "lib/modules/$kver/extra/warden.ko" lib/firmware/warden.bin \
	usr/sbin/warden etc/warden/qemu-virt.cell \
	usr/lib/warden/inmates/gic-demo.bin; do
	grep -qx "./$f" "$tmp/list" || fail "$f not installed"
	[ -s "$tmp/root/$f" ] || fail "$f is empty"
done
[ "$(readlink "$tmp/root/usr/sbin/jailhouse")" = warden ] || fail "no jailhouse alias"
[ -x "$tmp/root/usr/sbin/warden" ] || fail "the CLI is not executable"
cmp -s "$B/hypervisor/warden.bin" "$tmp/root/lib/firmware/warden.bin" ||
	fail "the installed hypervisor differs from the build's"
n_cells=$(ls "$B"/configs/*.cell | wc -l)
[ "$(ls "$tmp/root/etc/warden" | wc -l)" -eq "$n_cells" ] || fail "not every config installed"
echo "installed $(wc -l <"$tmp/list") files, $n_cells configs"
