# SPDX-License-Identifier: GPL-2.0
# Runs inside the QEMU guest under -icount for bench/run: Debian's kernel
# in the Linux cell (qemu-virt-linux-demo, its initramfs with a shell on
# the cell's console). Prints "bench: KEY VALUE" lines: virtual ns from
# the end of "warden cell linux" (its last step is the cell's start) to
# the moment the root sees init's first line in the cell's console
# (polled every 10 ms), and the cell's exits per second, idle and while
# one of its CPUs runs a busy loop.
set -e
ns() { awk '/^now at/ { print $3; exit }' /proc/timer_list; }
has() { warden console --cell linux-demo | grep -q "$1"; }
# wait_line PATTERN: polls the cell's console, 60 virtual s at most
wait_line() {
	n=0
	until has "$1"; do
		n=$((n + 1))
		[ $n -lt 6000 ] || { echo "bench: no '$1' from the cell"; exit 1; }
		usleep 10000
	done
}
exits() { cat /sys/devices/warden/cells/$id/statistics/vmexits_total; }

warden enable /etc/warden/system.cell >/dev/null
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz -c "cma=4M linux-cell.run=1 linux-cell.shell" \
	>/dev/null
t0=$(ns)
wait_line "linux-cell: run 1: init ran"
echo "bench: linux-start-to-init $(($(ns) - t0))"
wait_line "linux-cell: run 1: shell on"
id=$(grep -lx linux-demo /sys/devices/warden/cells/*/name | cut -d/ -f6)
# idle: the shell waits for input (the hvc layer polls every 2 s)
sleep 3
e0=$(exits)
t0=$(ns)
sleep 2
echo "bench: linux-idle-exits-per-second $((($(exits) - e0) * 1000000000 / ($(ns) - t0)))"
echo 'taskset -c 1 sh -c "while :; do :; done" &' |
	warden console --cell linux-demo -i
sleep 1
e0=$(exits)
t0=$(ns)
sleep 1
echo "bench: linux-busy-exits-per-second $((($(exits) - e0) * 1000000000 / ($(ns) - t0)))"
warden cell destroy linux-demo >/dev/null
warden disable >/dev/null
echo "bench: linux-done"
