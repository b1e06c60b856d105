# Debian's arm64 kernel (the root's own) boots in the 2-CPU cell
# qemu-virt-linux-demo with "warden cell linux" and a device tree written
# from the config; its busybox init says through the console (earlycon on
# the shared UART) that tasks ran on both of the cell's CPUs, then
# "poweroff -f" shuts the cell down (PSCI SYSTEM_OFF) while the root runs
# on; destroy gives the CPUs and the hypervisor's pool pages back.
# add: build/tests/guest/linux-cell-Image:Image
# add: build/tests/guest/linux-cell-initrd.gz:cell-initrd.gz
# add: tests/system/lib/wait.sh:wait.sh
# expect: ^Started Linux in cell "linux-demo"
# expect-console: linux-cell: init ran, 2 CPUs online
# expect-console: linux-cell: a task ran on CPU 0
# expect-console: linux-cell: a task ran on CPU 1
# expect-console: ^Cell "linux-demo" shut itself down \(PSCI SYSTEM_OFF\)
# expect: ^warden-test: cell shut down, root alive on CPUs 0-1
# expect: ^warden-test: destroyed: online 0-3, pool used [0-9]+ pages before and after
# reject: exception in the hypervisor
# reject: ^Warning: Cell "linux-demo": CPU [0-9]+: SMC
# timeout: 300
set -e
. /guest-run/wait.sh

warden enable /etc/warden/qemu-virt.cell
before=$(cat /sys/devices/warden/mem_pool_used)
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz
id=$(cell_id linux-demo)
wait_for 200 "the Linux cell to power itself off" state_is $id "shut down"
echo "warden-test: cell shut down, root alive on CPUs" \
	"$(cat /sys/devices/system/cpu/online)"
warden cell destroy linux-demo
after=$(cat /sys/devices/warden/mem_pool_used)
[ "$before" = "$after" ] || {
	echo "warden-test: pool used $before pages before, $after after"
	exit 1
}
echo "warden-test: destroyed: online $(cat /sys/devices/system/cpu/online)," \
	"pool used $before pages before and after"
warden disable
