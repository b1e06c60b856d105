#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# deps-rpi4.sh (run as `scripts/deps.sh --rpi4`, or by
# `scripts/guest-run --machine rpi4` on first use): the Raspberry Pi 4
# leg's own tools, private under build/rpi4/, so that the system QEMU 7.2
# that every other test and the benchmarks use stays as it is:
#   root/usr/bin/qemu-system-aarch64  QEMU 10 (machine raspi4b) from
#       Debian's bookworm-backports: qemu-system-arm, -common and -data,
#       fetched with apt-get download and unpacked with dpkg-deb -x
#   root/usr/lib/arm-trusted-firmware/rpi4/bl31.bin  TF-A, the EL3
#       firmware that gives the Pi's CPUs PSCI (arm-trusted-firmware,
#       bookworm, arm64)
# bookworm-backports is read through a source list and package lists of
# its own under build/rpi4/ (apt-get -o Dir::Etc::SourceList=...): the
# host's /etc/apt is not changed and root is not needed, and a fresh
# machine that lacks the suite in its sources.list gets it all the same.
# About 13 MB. Idempotent: nothing happens once build/rpi4/.complete is
# there.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=${WARDEN_RPI4_DIR:-$top/build/rpi4}
suite=bookworm-backports
mirror=${WARDEN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

die() {
	echo "warden deps (rpi4): $*" >&2
	exit 1
}

[ -f "$out/.complete" ] && exit 0
[ -f "$keyring" ] || die "no $keyring: install debian-archive-keyring"

mkdir -p "${out%/*}"
tmp=$(mktemp -d "${out%/*}/.rpi4.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
apt=$tmp/apt
mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" \
	"$apt/sources.list.d" "$tmp/debs" "$tmp/root"
echo "deb [signed-by=$keyring] $mirror $suite main" >"$apt/sources.list"
aopts=(-q -o "Dir::Etc::SourceList=$apt/sources.list"
	-o "Dir::Etc::SourceParts=$apt/sources.list.d"
	-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache")

echo "warden deps (rpi4): reading $suite from $mirror (private lists)" >&2
apt-get "${aopts[@]}" update >/dev/null 2>"$tmp/err" || {
	cat "$tmp/err" >&2
	die "apt-get update of $suite failed: is $mirror reachable?"
}
qemu_pkgs=(qemu-system-arm qemu-system-common qemu-system-data)
echo "warden deps (rpi4): fetching ${qemu_pkgs[*]} from $suite and arm-trusted-firmware" >&2
(cd "$tmp/debs" &&
	apt-get "${aopts[@]}" download "${qemu_pkgs[@]/%//$suite}" \
		>/dev/null 2>"$tmp/err" &&
	# TF-A from the host's own lists (bookworm; the kernel's arm64
	# architecture is enabled by scripts/deps.sh).
	apt-get -q download arm-trusted-firmware:arm64 \
		>/dev/null 2>>"$tmp/err") || {
	cat "$tmp/err" >&2
	die "could not download ${qemu_pkgs[*]} ($suite) or arm-trusted-firmware"
}
for deb in "$tmp"/debs/*.deb; do
	dpkg-deb -x "$deb" "$tmp/root"
done

q=$tmp/root/usr/bin/qemu-system-aarch64
[ -x "$q" ] || die "no usr/bin/qemu-system-aarch64 in qemu-system-arm ($suite)"
missing=$(ldd "$q" | sed -n 's/^\s*\([^ ]*\) => not found.*/\1/p' | tr '\n' ' ')
[ -z "$missing" ] ||
	die "QEMU from $suite needs libraries this host lacks: $missing"
QEMU_MODULE_DIR=$tmp/root/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)/qemu \
	"$q" -machine help | grep -q '^raspi4b ' ||
	die "QEMU from $suite has no raspi4b machine"
[ -f "$tmp/root/usr/lib/arm-trusted-firmware/rpi4/bl31.bin" ] ||
	die "no rpi4/bl31.bin in arm-trusted-firmware"

"$q" --version | head -n1 >"$tmp/QEMU_VERSION"
rm -rf "$tmp/debs" "$apt" "$tmp/err"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
touch "$out/.complete"
echo "warden deps (rpi4): $(cat "$out/QEMU_VERSION") and TF-A ready in ${out#"$top"/}" >&2
