# scripts/deps.sh names what is missing when a package cannot be installed
# and says so when the Debian archive cannot be reached. Fake apt tools on
# PATH stand in for a broken machine; nothing real is installed or changed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"

# Every real command but the ones the test replaces or hides.
for c in bash sh env id dirname sed grep head cut cat mktemp mkdir rm mv \
	touch printf dpkg-deb gcc make gzip cpio pkg-config \
	aarch64-linux-gnu-gcc aarch64-linux-gnu-objcopy qemu-system-aarch64; do
	p=$(type -P "$c") && ln -s "$p" "$tmp/bin/$c"
done
cat >"$tmp/bin/dpkg" <<'S'
#!/bin/sh
case $1 in --print-foreign-architectures) echo arm64 ;; --print-architecture) echo amd64 ;; esac
S
cat >"$tmp/bin/apt-get" <<'S'
#!/bin/sh
echo "E: Failed to fetch http://archive.invalid/ Temporary failure resolving" >&2
exit 100
S
printf '#!/bin/sh\nexit 100\n' >"$tmp/bin/apt-cache"
chmod +x "$tmp/bin"/*

# dtc is hidden: the script must try to install it and name it on failure.
out=$(PATH=$tmp/bin WARDEN_DEBIAN_DIR=$tmp/debian bash "$top/scripts/deps.sh" 2>&1)
rc=$?
echo "$out"
[ $rc -ne 0 ] || { echo "deps.sh succeeded without dtc"; exit 1; }
grep -q 'device-tree-compiler' <<<"$out" || { echo "missing package not named"; exit 1; }
grep -q 'archive reachable' <<<"$out" || { echo "unreachable archive not explained"; exit 1; }

# With every package present, an archive that does not answer is named.
ln -s "$(command -v dtc)" "$tmp/bin/dtc"
out=$(PATH=$tmp/bin WARDEN_DEBIAN_DIR=$tmp/debian bash "$top/scripts/deps.sh" 2>&1)
rc=$?
echo "$out"
[ $rc -ne 0 ] || { echo "deps.sh succeeded without an archive"; exit 1; }
grep -q 'archive' <<<"$out" || { echo "archive failure not explained"; exit 1; }
[ ! -e "$tmp/debian" ] || { echo "a failed fetch left $tmp/debian behind"; exit 1; }
