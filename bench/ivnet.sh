# SPDX-License-Identifier: GPL-2.0
# Runs inside the QEMU guest under -icount for bench/run: ivshmem-net
# throughput between the root and the Linux cell qemu-virt-linux-demo
# (docs/ivshmem.md). 16 MiB over HTTP each way (busybox httpd and wget,
# the receiver writes to /dev/null), timed in virtual ns by the receiving
# side from the request to the last byte; a ping round trip too. Prints
# "bench: KEY VALUE" lines.
set -e
ns() { awk '/^now at/ { print $3; exit }' /proc/timer_list; }
has() { warden console --cell linux-demo | tr -d '\r' | grep -q "$1"; }
# wait_line PATTERN: polls the cell's console, 300 virtual s at most
wait_line() {
	n=0
	until has "$1"; do
		n=$((n + 1))
		[ $n -lt 30000 ] || { echo "bench: no '$1' from the cell"; exit 1; }
		usleep 10000
	done
}
cell() { printf '%s\n' "$1" | warden console --cell linux-demo -i; }
line() { warden console --cell linux-demo | tr -d '\r' | grep "^$1" | tail -1; }
net=/sys/bus/pci/drivers/ivshmem-net/0001:00:01.0
mib=16

warden enable /etc/warden/system.cell >/dev/null
if=$(ls $net/net)
ip addr add 10.15.0.1/24 dev $if
ip link set $if up
mkdir -p /tmp/www
dd if=/dev/zero of=/tmp/www/blob bs=1M count=$mib 2>/dev/null
httpd -p 8080 -h /tmp/www
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz -c "cma=4M linux-cell.run=1 linux-cell.shell" \
	>/dev/null
wait_line "linux-cell: run 1: shell on"
cell 'mount -t sysfs sysfs /sys; ns() { awk "/^now at/ { print \$3; exit }" /proc/timer_list; }'
cell "cif=\$(ls $net/net); ip addr add 10.15.0.2/24 dev \$cif; ip link set \$cif up; echo net-up"
wait_line "^net-up"
n=0
until grep -qx 1 /sys/class/net/$if/carrier; do
	n=$((n + 1))
	[ $n -lt 3000 ] || { echo "bench: no ivshmem-net link"; exit 1; }
	usleep 10000
done
# the first exchange sets up ARP: not timed
ping -c 1 -W 10 10.15.0.2 >/dev/null
echo "bench: ivnet-ping-rtt-us $(ping -c 5 10.15.0.2 |
	sed -n 's|.*min/avg/max = [0-9.]*/\([0-9.]*\)/.*|\1|p' |
	awk '{ printf "%d", $1 * 1000 }')"

# root -> cell: the cell fetches from the root's httpd
cell "t0=\$(ns); wget -q -O /dev/null http://10.15.0.1:8080/blob; t1=\$(ns); echo rx-ns=\$((t1 - t0))"
wait_line "^rx-ns="
echo "bench: ivnet-root-to-cell-ns $(line rx-ns= | cut -d= -f2)"
# cell -> root: the root fetches from the cell's httpd
cell "mkdir -p /tmp/www; dd if=/dev/zero of=/tmp/www/blob bs=1M count=$mib 2>/dev/null; httpd -p 8080 -h /tmp/www; echo served"
wait_line "^served"
t0=$(ns)
wget -q -O /dev/null http://10.15.0.2:8080/blob
echo "bench: ivnet-cell-to-root-ns $(($(ns) - t0))"
echo "bench: ivnet-bytes $((mib * 1024 * 1024))"
warden cell destroy linux-demo >/dev/null
ip link set $if down
warden disable >/dev/null
echo "bench: ivnet-done"
