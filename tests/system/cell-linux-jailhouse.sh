# Jailhouse compatibility: a linux-demo cell config in Jailhouse's layout
# (tests/data/linux: the loader alone at IPA 0, RAM at 0x74000000) and the
# user's own DTB (-d, the whole redistributor region in it) boot Debian's
# kernel through the "jailhouse" alias; the DTB's memory and /chosen are
# replaced; init runs on both CPUs and powers the cell off.
# add: build/tests/guest/linux-cell-Image:Image
# add: build/tests/guest/linux-cell-initrd.gz:cell-initrd.gz
# add: build/tests/guest/jailhouse-qemu-arm64-linux-demo.cell:jh.cell
# add: build/tests/guest/jailhouse-qemu-arm64-linux-demo.dtb:jh.dtb
# add: tests/system/lib/wait.sh:wait.sh
# expect: ^Started Linux in cell "qemu-arm64-linux-demo" \(kernel at 0x74000000, DTB at 0x7bee0000\)
# expect-console: Machine model: Jailhouse cell on QEMU ARM64
# expect-console: linux-cell: run 7: init ran, 2 CPUs online
# expect-console: linux-cell: run 7: a task ran on CPU 1
# expect-console: ^Cell "qemu-arm64-linux-demo" shut itself down \(PSCI SYSTEM_OFF\)
# expect: ^warden-test: destroyed: online 0-3, pool used [0-9]+ pages before and after
# reject: exception in the hypervisor
# timeout: 600
set -e
. /guest-run/wait.sh

warden enable /etc/warden/qemu-virt.cell
before=$(cat /sys/devices/warden/mem_pool_used)
ln -s "$(command -v warden)" /tmp/jailhouse
/tmp/jailhouse cell linux /guest-run/jh.cell /guest-run/Image \
	-d /guest-run/jh.dtb -i /guest-run/cell-initrd.gz \
	-c "earlycon=pl011,mmio32,0x9000000 keep_bootcon cma=4M linux-cell.run=7"
id=$(cell_id qemu-arm64-linux-demo)
wait_for 200 "the Linux cell to power itself off" state_is $id "shut down"
warden cell destroy qemu-arm64-linux-demo
after=$(cat /sys/devices/warden/mem_pool_used)
[ "$before" = "$after" ] || {
	echo "warden-test: pool used $before pages before, $after after"
	exit 1
}
echo "warden-test: destroyed: online $(cat /sys/devices/system/cpu/online)," \
	"pool used $before pages before and after"
warden disable
