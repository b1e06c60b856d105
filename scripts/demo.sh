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
step warden --version
step lsmod

echo
echo "--- 1. Check the configurations before using them ---"
step warden config check /etc/warden/qemu-virt.cell \
	/etc/warden/qemu-virt-inmate-demo.cell
step warden config show /etc/warden/qemu-virt-inmate-demo.cell

echo
echo "--- 2. Take EL2: Linux becomes the root cell ---"
step warden enable /etc/warden/qemu-virt.cell
step warden cell list
step warden console
echo
echo "warden-demo\$ # Linux keeps running on every CPU:"
for c in 0 1 2 3; do
	echo "warden-demo\$ taskset -c $c cat /proc/self/stat | cut -d' ' -f39"
	taskset -c $c cat /proc/self/stat | cut -d' ' -f39
done

echo
echo "--- 3. A bare-metal cell next to Linux ---"
step warden cell create /etc/warden/qemu-virt-inmate-demo.cell
step warden cell load inmate-demo /usr/lib/warden/inmates/gic-demo.bin
step warden cell start inmate-demo
echo "warden-demo\$ sleep 3    # the cell prints on the shared UART"
sleep 3
step warden cell list
step warden cell stats inmate-demo
step warden cell destroy inmate-demo
echo "warden-demo\$ cat /sys/devices/system/cpu/online    # CPU 3 is back"
cat /sys/devices/system/cpu/online

echo
echo "--- 4. Give EL2 back ---"
step warden disable
step warden cell list
echo
echo "=== Demo finished ==="
