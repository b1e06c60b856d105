# A Linux cell whose kernel panics (its init exits) with the default
# arguments of "cell linux" (panic=-1): the kernel restarts at once, PSCI
# SYSTEM_RESET shuts the cell down with the hypervisor's message, the root
# runs on, and the cell boots again after a load (cell linux after
# destroy). The cell's panic ("[linux-demo] ... Kernel panic - not
# syncing", "[linux-demo] ... Call trace:" and the trace) shares the serial
# console with the root's kernel, and the judge's check for kernel
# warnings cannot tell the two apart: hence allow-kernel-warnings. The
# root's kernel is checked instead: its dmesg at the end, and the reject
# below for warnings on the console that are not the cell's (no
# "[linux-demo]" in front: the root's kernel, or the cell's boot before
# its console moves to the hypervisor's); its CPUs and the second boot.
# add: build/tests/guest/linux-cell-Image:Image
# add: build/tests/guest/linux-cell-initrd.gz:cell-initrd.gz
# add: tests/system/lib/wait.sh:wait.sh
# allow-kernel-warnings
# reject: ^\[ *[0-9]+\.[0-9]+\] (WARNING: |BUG: |Oops|Internal error|Kernel panic|Call trace:)
# expect-console: linux-cell: run 0: init exits
# expect-console: Kernel panic - not syncing: Attempted to kill init
# expect-console: ^Cell "linux-demo" shut itself down \(PSCI SYSTEM_RESET\)
# expect: ^warden-test: panicked cell shut down, root alive on CPUs 0-1
# expect-console: linux-cell: run 2: a task ran on CPU 1
# expect: ^warden-test: destroyed: online 0-3, pool used [0-9]+ pages before and after
# expect: ^warden-test: the root's dmesg clean$
# reject: exception in the hypervisor
# timeout: 600
set -e
. /guest-run/wait.sh

warden enable /etc/warden/qemu-virt.cell
before=$(cat /sys/devices/warden/mem_pool_used)
# the init exits when its command line says so: the default arguments
# (as -w shows them, behind the console's earlycon) plus that flag
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz -w /tmp/plan
grep "^bootargs" /tmp/plan
args=$(sed -n 's/^bootargs //p' /tmp/plan)
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz -c "${args#* keep_bootcon } linux-cell.panic"
id=$(cell_id linux-demo)
wait_for 200 "the panicked cell to shut down" state_is $id "shut down"
echo "warden-test: panicked cell shut down, root alive on CPUs" \
	"$(cat /sys/devices/system/cpu/online)"
warden cell destroy linux-demo
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz -c "cma=4M linux-cell.run=2"
id=$(cell_id linux-demo)
wait_for 200 "the second boot to power off" state_is $id "shut down"
warden cell destroy linux-demo
after=$(cat /sys/devices/warden/mem_pool_used)
[ "$before" = "$after" ] || {
	echo "warden-test: pool used $before pages before, $after after"
	exit 1
}
echo "warden-test: destroyed: online $(cat /sys/devices/system/cpu/online)," \
	"pool used $before pages before and after"
warden disable
# the root's own kernel log, apart from the cell's panic on the UART, at
# the levels the console shows the judge (loglevel=5: warnings and worse;
# a hung-task or stall report's info-level trace is no finding there)
dmesg -r >/tmp/klog
grep -q '^<[0-7]>' /tmp/klog ||
	{ echo "warden-test: dmesg -r shows no levels"; exit 1; }
if grep -E '^<[0-4]>.*(WARNING: |BUG: |Oops|Internal error|Kernel panic|Call trace:)' /tmp/klog; then
	echo "warden-test: the root's kernel reported the above"
	exit 1
fi
echo "warden-test: the root's dmesg clean"
