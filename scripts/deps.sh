#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Installs what Warden needs on a Debian 12 host and fetches Debian's arm64
# kernel (image, headers, host kbuild) and busybox into build/debian/.
# With --rpi4, then the Raspberry Pi 4 leg's tools too (deps-rpi4.sh).
# Idempotent and quiet when everything is present. Only apt and the Debian
# archive are used; nothing is installed into the host outside apt.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=${WARDEN_DEBIAN_DIR:-$top/build/debian}

# --rpi4: also the Raspberry Pi 4 leg's QEMU 10 and TF-A, only when asked
# (scripts/deps-rpi4.sh says what and where), so that a fresh clone's
# `make check` does not fetch them.
if [ "${1:-}" = --rpi4 ]; then
	"$0"
	exec "$top/scripts/deps-rpi4.sh"
fi
[ $# -eq 0 ] || { echo "usage: deps.sh [--rpi4]" >&2; exit 1; }

# Host packages, by the command or file that proves each one is there.
host_pkgs=(
	"aarch64-linux-gnu-gcc:gcc-aarch64-linux-gnu"
	"aarch64-linux-gnu-objcopy:binutils-aarch64-linux-gnu"
	"/usr/aarch64-linux-gnu/lib/libc.a:libc6-dev-arm64-cross"
	"qemu-system-aarch64:qemu-system-arm"
	"dtc:device-tree-compiler"
	"cpio:cpio"
	"gzip:gzip"
	"gcc:gcc"
	"make:make"
	"/usr/include/libfdt.h:libfdt-dev"
	"/usr/include/cmocka.h:libcmocka-dev"
	"/usr/include/gelf.h:libelf-dev"
	"/usr/include/elfutils/libdw.h:libdw-dev"
	"pkg-config:pkg-config"
	"clang:clang"
	"/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev"
)

die() {
	echo "warden deps: $*" >&2
	exit 1
}

have() {
	case $1 in
	/*) [ -e "$1" ] ;;
	*) command -v "$1" >/dev/null 2>&1 ;;
	esac
}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root to run: $* (install sudo or run as root)"
	fi
}

apt_updated=
apt_update() {
	[ -n "$apt_updated" ] && return 0
	echo "warden deps: apt-get update" >&2
	as_root apt-get update -q >/dev/null ||
		die "apt-get update failed: is the Debian archive reachable? (see /etc/apt/sources.list*)${missing:+; still missing: ${missing[*]}}"
	apt_updated=1
}

missing=()
for entry in "${host_pkgs[@]}"; do
	have "${entry%%:*}" || missing+=("${entry#*:}")
done

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	echo "warden deps: adding the arm64 architecture to dpkg" >&2
	as_root dpkg --add-architecture arm64
	apt_updated=
	need_update=1
fi

if [ ${#missing[@]} -gt 0 ]; then
	echo "warden deps: missing Debian packages: ${missing[*]}" >&2
	apt_update
	echo "warden deps: installing ${missing[*]}" >&2
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "${missing[@]}" >/dev/null ||
		die "could not install: ${missing[*]}"
fi

# The Debian arm64 kernel. Its ABI changes with every security update and
# the archive keeps only the newest, so it is resolved each time we fetch.
stamp=$out/.complete
if [ -f "$stamp" ] && [ -z "${WARDEN_REFRESH_KERNEL:-}" ]; then
	exit 0
fi

if [ -n "${need_update:-}" ] || ! apt-cache show linux-image-arm64:arm64 >/dev/null 2>&1; then
	apt_update
fi

kpkg=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
	sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | head -n1)
[ -n "$kpkg" ] || die "cannot resolve the Debian arm64 kernel: apt-cache knows no linux-image-arm64:arm64 (is the arm64 architecture enabled and the archive reachable?)"
kver=${kpkg#linux-image-}
kabi=${kver%-arm64}
kvers=$(apt-cache show "$kpkg:arm64" | sed -n 's/^Version: //p' | head -n1)
kseries=$(echo "$kver" | cut -d. -f1-2)
host_arch=$(dpkg --print-architecture)

pkgs=(
	"$kpkg:arm64"
	"linux-headers-$kver:arm64"
	"linux-headers-$kabi-common"
	"linux-kbuild-$kseries:$host_arch"
	"busybox-static:arm64"
)

echo "warden deps: fetching Debian arm64 kernel $kver ($kvers) and busybox" >&2
tmp=$(mktemp -d "${out%/*}/.debian.XXXXXX" 2>/dev/null) || {
	mkdir -p "${out%/*}"
	tmp=$(mktemp -d "${out%/*}/.debian.XXXXXX")
}
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/debs" "$tmp/root"
(cd "$tmp/debs" && apt-get download -q "${pkgs[@]}" >/dev/null 2>"$tmp/err") || {
	cat "$tmp/err" >&2
	die "could not download ${pkgs[*]} from the Debian archive"
}
for deb in "$tmp"/debs/*.deb; do
	dpkg-deb -x "$deb" "$tmp/root"
done

hdr=$tmp/root/usr/src/linux-headers-$kver
[ -f "$tmp/root/boot/vmlinuz-$kver" ] || die "no boot/vmlinuz-$kver in $kpkg"
[ -d "$hdr" ] || die "no headers in linux-headers-$kver"
[ -x "$tmp/root/bin/busybox" ] || die "no /bin/busybox in busybox-static:arm64"

# The headers' Makefile includes the common tree by absolute path; point it
# at our extracted copy (its location is fixed up again on use, see below).
sed -i "s|^include /usr/src/|include \$(WARDEN_DEBIAN_ROOT)/usr/src/|" "$hdr/Makefile"

printf '%s\n' "$kver" >"$tmp/KVER"
printf '%s\n' "$kvers" >"$tmp/KVERSION"
rm -rf "$tmp/debs"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
touch "$stamp"
echo "warden deps: kernel $kver ready in ${out#"$top"/}" >&2
