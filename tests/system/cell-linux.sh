# Debian's arm64 kernel (the root's own) boots in the 2-CPU cell
# qemu-virt-linux-demo with "warden cell linux" and a device tree written
# from the config; its busybox init says through the console (earlycon on
# the shared UART) that tasks ran on both of the cell's CPUs, then
# "poweroff -f" shuts the cell down (PSCI SYSTEM_OFF) while the root runs
# on; destroy gives the CPUs and the hypervisor's pool pages back. Ten
# times in a row, each boot numbered on the cell's command line; on the
# GICv2 machine twice (the device tree then names the GICv2 frames, the
# cell's Linux runs on the GICV the hypervisor maps at GICC).
# gics: 3 2
# add: build/tests/guest/linux-cell-Image:Image
# add: build/tests/guest/linux-cell-initrd.gz:cell-initrd.gz
# add: tests/system/lib/wait.sh:wait.sh
# expect: ^Started Linux in cell "linux-demo"
# expect-console: linux-cell: run 1: init ran, 2 CPUs online
# expect-console: linux-cell: run 1: a task ran on CPU 0
# expect-console: linux-cell: run 1: a task ran on CPU 1
# expect-console@gicv3: linux-cell: run 10: init ran, 2 CPUs online
# expect-console@gicv2: linux-cell: run 2: init ran, 2 CPUs online
# expect-console@gicv3: linux-cell: run 10: a task ran on CPU 0
# expect-console@gicv2: linux-cell: run 2: a task ran on CPU 0
# expect-console@gicv3: linux-cell: run 10: a task ran on CPU 1
# expect-console@gicv2: linux-cell: run 2: a task ran on CPU 1
# expect-console: ^Cell "linux-demo" shut itself down \(PSCI SYSTEM_OFF\)
# expect: ^warden-test: run 1: cell shut down, root alive on CPUs 0-1
# expect@gicv3: ^warden-test: run 10: cell shut down, root alive on CPUs 0-1
# expect@gicv3: ^warden-test: 10 runs: online 0-3, pool used [0-9]+ pages before and after each
# expect@gicv2: ^warden-test: run 2: cell shut down, root alive on CPUs 0-1
# expect@gicv2: ^warden-test: 2 runs: online 0-3, pool used [0-9]+ pages before and after each
# reject: exception in the hypervisor
# Linux's bring-up of each CPU clears all of its SGI/PPI enables and
# actives: no warning for that (gicr_bulk_write()).
# reject: ^Warning: Cell "linux-demo": CPU [0-9]+: GIC
# reject: ^Warning: Cell "linux-demo": CPU [0-9]+: SMC
# timeout: 600
# slow
set -e
. /guest-run/wait.sh

runs=10
grep -q GICv2 /proc/interrupts && runs=2
warden enable /etc/warden/system.cell
before=$(cat /sys/devices/warden/mem_pool_used)
i=1
while [ $i -le $runs ]; do
	warden cell linux /etc/warden/qemu-virt-linux-demo.cell \
		/guest-run/Image -i /guest-run/cell-initrd.gz \
		-c "cma=4M linux-cell.run=$i"
	id=$(cell_id linux-demo)
	wait_for 200 "the Linux cell to power itself off (run $i)" \
		state_is $id "shut down"
	echo "warden-test: run $i: cell shut down, root alive on CPUs" \
		"$(cat /sys/devices/system/cpu/online)"
	warden cell destroy linux-demo
	after=$(cat /sys/devices/warden/mem_pool_used)
	[ "$before" = "$after" ] || {
		echo "warden-test: run $i: pool used $before pages before," \
			"$after after"
		exit 1
	}
	i=$((i + 1))
done
echo "warden-test: $runs runs: online $(cat /sys/devices/system/cpu/online)," \
	"pool used $before pages before and after each"
warden disable
