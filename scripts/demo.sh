# SPDX-License-Identifier: GPL-2.0
# The Warden demo, run as root inside the QEMU guest by scripts/demo.
# Each step prints the command it runs, as a user would type it.
set -e

step() {
	echo
	echo "warden-demo\$ $*"
	"$@"
}

echo "=== Warden demo on $(uname -srm), $(nproc) CPUs ==="
step lsmod
step ls -l /dev/warden /lib/firmware/warden.bin
step warden --version
step jailhouse --version
echo
echo "=== Demo finished ==="
