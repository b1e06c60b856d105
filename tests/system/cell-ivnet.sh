# ivshmem-net between the root and a Linux cell: qemu-virt.c's "net" link
# (0001:00:01.0, protocol VETH) ends in warden.ko's ivshmem-net driver on
# both sides (the root behind the module's virtual host bridge, the cell
# behind the bridge of the device tree "cell linux" writes). Both reach
# RUN (the root's state table entries), ping each other, move 4 MiB each
# way over HTTP (busybox httpd and wget) checked by MD5 on the receiving
# side, and the link comes back after the cell is shut down, loaded again
# from the same images and started (the root's link goes down and up, a
# ping passes again).
# gics: 3 2
# add: build/tests/guest/linux-cell-Image:Image
# add: build/tests/guest/linux-cell-initrd.gz:cell-initrd.gz
# add: tests/system/lib/wait.sh:wait.sh
# expect: ^warden-test: root: eth[0-9]+ is ivshmem-net 0001:00:01.0, peer 0
# expect: ^warden-test: cell: eth[0-9]+ is ivshmem-net 0001:00:01.0
# expect: ^warden-test: link up: states 3 3
# expect: ^warden-test: root -> cell: 3 packets transmitted, 3 packets received
# expect: ^warden-test: cell -> root: 3 packets transmitted, 3 packets received
# expect: ^warden-test: root -> cell: 4194304 bytes, md5 ([0-9a-f]{32}) sent, \1 received
# expect: ^warden-test: cell -> root: 4194304 bytes, md5 ([0-9a-f]{32}) sent, \1 received
# expect: ^warden-test: cell shut down: root link down, states 0 0
# expect: ^warden-test: cell restarted: link up again, states 3 3
# expect: ^warden-test: after restart: root -> cell: 3 packets transmitted, 3 packets received
# expect: ^warden-test: after restart: cell -> root: 3 packets transmitted, 3 packets received
# reject: exception in the hypervisor
# reject: ^warden-test: FAIL
# reject: ivshmem-net.*(refers outside|bad|invalid)
# timeout: 900
set -e
. /guest-run/wait.sh

fail() { echo "warden-test: FAIL: $*"; exit 1; }
cell_has() { warden console --cell linux-demo | tr -d '\r' | grep -q "$1"; }
# cell_do CMD MARK: runs CMD in the cell's shell, waits for MARK's line
cell_do() {
	printf '%s; echo "%s-done"\n' "$1" "$2" |
		warden console --cell linux-demo -i
	wait_for 300 "the cell's $2" cell_has "^$2-done"
}
cell_line() { warden console --cell linux-demo | tr -d '\r' | grep "^$1" | tail -1; }
net=/sys/bus/pci/drivers/ivshmem-net/0001:00:01.0
# our state and the peer's, as the root's driver sees them
states() { cat /sys/bus/pci/devices/0001:00:01.0/ivshmem_net_state; }
link_is() { [ "$(states)" = "$1" ]; }

warden enable /etc/warden/system.cell
[ -d $net/net ] || fail "no ivshmem-net device in the root"
if=$(ls $net/net)
echo "warden-test: root: $if is ivshmem-net 0001:00:01.0, peer 0"
ip addr add 10.15.0.1/24 dev $if
ip link set $if up

# The cell: its initramfs loads uio.ko and warden.ko at boot.
# The plan (-w) for the second boot, run 2; the first boots now.
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz -c "cma=4M linux-cell.shell linux-cell.run=2" \
	-w /tmp/plan >/dev/null
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz -c "cma=4M linux-cell.shell linux-cell.run=1"
wait_for 300 "the cell's shell" cell_has "run 1: shell on /dev/hvc0"
cell_set_up() {
	cell_do "mkdir -p /sys; mount -t sysfs sysfs /sys 2>/dev/null; cif=\$(ls $net/net); echo cif=\$cif; ip addr add 10.15.0.2/24 dev \$cif; ip link set \$cif up" "$1"
}
cell_set_up netup
cif=$(cell_line "cif=" | cut -d= -f2)
[ -n "$cif" ] || fail "no ivshmem-net device in the cell"
echo "warden-test: cell: $cif is ivshmem-net 0001:00:01.0"
wait_for 120 "both ends in RUN" link_is "3 3" || fail "states $(states)"
wait_for 60 "the root's carrier" grep -qx 1 /sys/class/net/$if/carrier
echo "warden-test: link up: states $(states)"

pings() {
	out=$(ping -c 3 -W 5 10.15.0.2 | grep "packets transmitted") ||
		fail "root -> cell ping: $out"
	echo "warden-test: $1root -> cell: $out"
	cell_do "ping -c 3 -W 5 10.15.0.1 | sed -n 's/^\(.*packets transmitted.*\)/ping-$2: \1/p'" "ping$2"
	echo "warden-test: $1cell -> root: $(cell_line "ping-$2: " | cut -d' ' -f2-)"
}
pings "" 1

# 4 MiB each way, over HTTP: the receiver checks what arrived.
mkdir -p /tmp/www
dd if=/dev/urandom of=/tmp/www/blob bs=1M count=4 2>/dev/null
sum=$(md5sum </tmp/www/blob | cut -d' ' -f1)
httpd -p 8080 -h /tmp/www
cell_do "wget -q -O /tmp/blob http://10.15.0.1:8080/blob; echo rx-size=\$(wc -c </tmp/blob) rx-md5=\$(md5sum </tmp/blob | cut -d' ' -f1)" get
got=$(cell_line "rx-size=")
echo "warden-test: root -> cell: ${got#rx-size=} sent $sum" |
	sed 's/ rx-md5=\([0-9a-f]*\) sent \(.*\)/ bytes, md5 \2 sent, \1 received/'
cell_do "mkdir -p /tmp/www; dd if=/dev/urandom of=/tmp/www/back bs=1M count=4 2>/dev/null; echo tx-md5=\$(md5sum </tmp/www/back | cut -d' ' -f1); httpd -p 8080 -h /tmp/www" serve
csum=$(cell_line "tx-md5=" | cut -d= -f2)
wget -q -O /tmp/back http://10.15.0.2:8080/back
echo "warden-test: cell -> root: $(wc -c </tmp/back) bytes, md5 $csum" \
	"sent, $(md5sum </tmp/back | cut -d' ' -f1) received"

# The cell's reboot: shutdown, load the same images, start.
warden cell shutdown linux-demo
wait_for 60 "the root's link to go down" link_is "0 0" ||
	fail "states $(states)"
wait_for 60 "the root's carrier to drop" grep -qx 0 /sys/class/net/$if/carrier
echo "warden-test: cell shut down: root link down, states $(states)"
addr() { awk -v w="$1" '$1 == w { print $2 }' /tmp/plan; }
warden cell load linux-demo /tmp/plan.loader -a "$(addr loader)" \
	/guest-run/Image -a "$(addr kernel)" \
	/guest-run/cell-initrd.gz -a "$(addr initrd)" \
	/tmp/plan.dtb -a "$(addr dtb)"
warden cell start linux-demo
wait_for 300 "the restarted cell's shell" cell_has "run 2: shell on /dev/hvc0"
cell_set_up netup2
wait_for 120 "both ends in RUN again" link_is "3 3" ||
	fail "states $(states)"
wait_for 60 "the root's carrier again" grep -qx 1 /sys/class/net/$if/carrier
echo "warden-test: cell restarted: link up again, states $(states)"
pings "after restart: " 2

warden cell destroy linux-demo
ip link set $if down
warden disable
