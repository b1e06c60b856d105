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
echo "--- 3b. Linux and a cell talk over ivshmem (virtual PCI, UIO) ---"
if [ -e /dev/uio0 ] && [ -f /etc/warden/qemu-virt-ivshmem-demo.cell ]; then
	echo "warden-demo\$ # warden.ko registered the virtual PCI host bridge:"
	step ls /sys/bus/pci/devices/
	echo "warden-demo\$ /usr/lib/warden/demos/ivshmem-demo -d /dev/uio0 >/tmp/ivshmem-demo.log &"
	/usr/lib/warden/demos/ivshmem-demo -d /dev/uio0 >/tmp/ivshmem-demo.log 2>&1 &
	ivdemo=$!
	step warden cell create /etc/warden/qemu-virt-ivshmem-demo.cell
	step warden cell load ivshmem-demo \
		/usr/lib/warden/inmates/ivshmem-demo.bin -s "target=0" -a 0x1000
	step warden cell start ivshmem-demo
	echo "warden-demo\$ sleep 4    # the cell rings Linux once a second, Linux rings the cell"
	sleep 4
	# a slow machine: up to 30 s more for the cell's first doorbell
	for i in $(seq 300); do
		grep -q '^Interrupt #' /tmp/ivshmem-demo.log && break
		sleep 0.1
	done
	step grep ivshmem /proc/interrupts
	kill $ivdemo
	wait $ivdemo || true
	# the last block the demo printed may be its own doorbell's line
	echo "warden-demo\$ # Linux' side: what it printed at the cell's last doorbell"
	awk '/^Interrupt #/ { n = NR } { line[NR] = $0 }
	     END { for (i = n; n && i < n + 10 && i <= NR; i++) print line[i] }' \
		/tmp/ivshmem-demo.log
	step warden cell destroy ivshmem-demo
else
	echo "(no ivshmem link in this system config)"
fi

echo
echo "--- 4. Linux in a cell: Debian's kernel on CPUs 2-3 ---"
if [ -f /guest-run/linux-cell-Image ]; then
	step warden cell linux /etc/warden/qemu-virt-linux-demo.cell \
		/guest-run/linux-cell-Image -i /guest-run/linux-cell-initrd.gz \
		-c "cma=4M linux-cell.shell"
	echo "warden-demo\$ # its console: earlycon on the shared UART, then"
	echo "warden-demo\$ # warden_hvc.ko, read and typed into from the root"
	n=0
	until warden console --cell linux-demo | grep -q "shell on /dev/hvc0" ||
		[ $n -ge 600 ]; do
		sleep 0.2
		n=$((n + 1))
	done
	echo
	echo "warden-demo\$ warden console --cell linux-demo | grep \"linux-cell: run\""
	warden console --cell linux-demo | grep "linux-cell: run"
	echo
	echo "warden-demo\$ echo 'uname -sr; poweroff -f' | warden console --cell linux-demo -i"
	echo 'uname -sr; poweroff -f' | warden console --cell linux-demo -i
	n=0
	while [ "$(warden cell list | awk '$2 == "linux-demo" { print $3 }')" = running ] &&
		[ $n -lt 600 ]; do
		sleep 0.2
		n=$((n + 1))
	done
	echo
	echo "warden-demo\$ warden console --cell linux-demo | tail -n 4"
	warden console --cell linux-demo | tr -d '\r' | tail -n 4
	step warden cell list
	step warden cell destroy linux-demo
else
	echo "(no kernel for the cell here: scripts/demo adds it)"
fi

echo
echo "--- 5. Give EL2 back ---"
step warden disable
step warden cell list
echo
echo "=== Demo finished ==="
