# A Linux cell whose init reads root RAM (0x40000000, outside the cell)
# through /dev/mem on its second CPU: the hypervisor stops that CPU with
# a decoded report naming the cell, the address and its owner; the root
# runs on, and destroy gives back the CPUs and the pool pages.
# add: build/tests/guest/linux-cell-Image:Image
# add: build/tests/guest/linux-cell-initrd.gz:cell-initrd.gz
# add: tests/system/lib/wait.sh:wait.sh
# expect-console: linux-cell: run 1: reading 0x40000000 through /dev/mem on CPU 1
# expect-console: ^FATAL: data abort \(access outside the cell\) by cell "linux-demo" on CPU 3
# expect-console: ^ owner: 0x40000000 as a physical address: cell "qemu-virt"
# expect: ^1 +linux-demo +running +2-3 +3$
# expect: ^warden-test: CPU 3 of the cell stopped, root alive on CPUs 0-1
# expect: ^warden-test: destroyed: online 0-3, pool used [0-9]+ pages before and after
# reject: linux-cell: run 1: still running after the read
# reject: exception in the hypervisor
# timeout: 600
set -e
. /guest-run/wait.sh

warden enable /etc/warden/qemu-virt.cell
before=$(cat /sys/devices/warden/mem_pool_used)
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz \
	-c "cma=4M linux-cell.run=1 linux-cell.fault=0x40000000"
id=$(cell_id linux-demo)
# CPU 3 parked: the hypervisor's console has the report
wait_for 200 "the report of the cell's fault" \
	sh -c 'warden console | grep -q "by cell \"linux-demo\" on CPU 3"'
echo "warden-test: CPU 3 of the cell stopped, root alive on CPUs" \
	"$(cat /sys/devices/system/cpu/online)"
warden cell list
warden cell destroy linux-demo
after=$(cat /sys/devices/warden/mem_pool_used)
[ "$before" = "$after" ] || {
	echo "warden-test: pool used $before pages before, $after after"
	exit 1
}
echo "warden-test: destroyed: online $(cat /sys/devices/system/cpu/online)," \
	"pool used $before pages before and after"
warden disable
