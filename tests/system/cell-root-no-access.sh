# Memory lent to a cell is gone from the root: while gic-demo runs in
# inmate-demo (CPU 3, RAM at physical 0x7fa00000), a root read of that RAM
# is a stage-2 fault, reported with the cell that owns the address, and
# stops only the root CPU that made it; the cell goes on taking its timer
# interrupts.
# expect-console: ^FATAL: data abort \(access outside the cell\) by cell "qemu-virt" on CPU 2
# expect-console: ^ owner: 0x7fa00000 .*cell "inmate-demo"
# expect-console: ^Parking CPU 2 \(cell "qemu-virt"\)
# expect: ^warden-test: the root read of the cell's RAM stopped its CPU
# expect: ^warden-test: gic-demo still takes interrupts: running
# reject: read 0x7fa00000 of the running cell
# add: tests/system/lib/wait.sh:wait.sh
set -e

. /guest-run/wait.sh

# Keep this shell and init, which runs it, off the CPU that will stop.
taskset -p -c 0-1 $$ >/dev/null
taskset -p -c 0-1 1 >/dev/null
warden enable /etc/warden/qemu-virt.cell
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
warden cell load inmate-demo /usr/lib/warden/inmates/gic-demo.bin \
	-s "print-every=1000" -a 0x1000
warden cell start inmate-demo
id=$(cell_id inmate-demo)
wait_for 30 "gic-demo's first interrupts" stat_above $id vmexits_virt_irq 2

# A read that worked would print the cell's bytes here.
taskset -c 2 devmem 0x7fa00000 32 >/tmp/read 2>&1 &
stopped() { warden console | grep -q 'Parking CPU 2'; }
if ! wait_for 30 "the hypervisor to stop CPU 2" stopped; then
	echo "warden-test: the root read 0x7fa00000 of the running cell: $(cat /tmp/read)"
	exit 1
fi
[ ! -s /tmp/read ]
echo "warden-test: the root read of the cell's RAM stopped its CPU"
n=$(cell_stat $id vmexits_virt_irq)
wait_for 30 "gic-demo's interrupts after the fault" stat_above $id vmexits_virt_irq $n
echo "warden-test: gic-demo still takes interrupts: $(cell_state $id)"

# Linux cannot power off normally with a CPU gone; an emergency restart
# skips its reboot notifiers, and QEMU (-no-reboot) exits on it.
(sleep 3; echo b >/proc/sysrq-trigger) &
