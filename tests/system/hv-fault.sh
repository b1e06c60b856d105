# An access of the root outside its regions is reported by the hypervisor
# (cell, CPU, decoded syndrome, addresses, nearest region, owner,
# registers) and stops only the CPU that made it; the other CPUs go on.
# Disable is then refused with the reason, instead of hanging on the
# stopped CPU.
# expect-console: ^FATAL: data abort \(access outside the cell\) by cell "qemu-virt" on CPU 3
# expect-console: ^ esr: 0x9[0-9a-f]+: data abort from a lower exception level: read, 4 bytes, .*translation fault
# expect-console: ^ far: 0x[0-9a-f]+  hpfar: 0x80800  \(IPA 0x8080000\)
# expect-console: ^ region: outside, nearest region 0 \(0x9000000-0x9000fff, READ\|WRITE\|IO\), 0xf80000 bytes below it
# expect-console: ^ owner: 0x8080000 as a physical address: no cell, nor the hypervisor or the GIC
# expect-console: ^ x0 : [0-9a-f]{16}
# expect-console: ^Parking CPU 3 \(cell "qemu-virt"\)
# expect: ^warden-test: CPUs 0-2 still work
# expect: ^warden-test: console has the report: FATAL: data abort
# expect: ^warden-test: disable refused: .*CPU 3 was stopped by the hypervisor after a fault
set -e

# Keep this shell and init, which runs it, off the CPU that will stop.
taskset -p -c 0-2 $$ >/dev/null
taskset -p -c 0-2 1 >/dev/null
warden enable /etc/warden/qemu-virt.cell

# 0x08080000: between the GIC distributor and the redistributors, in no
# region of the root cell.
taskset -c 3 devmem 0x08080000 32 &
sleep 1

for c in 0 1 2; do
	[ "$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)" = $c ]
done
echo "warden-test: CPUs 0-2 still work"
echo "warden-test: console has the report: $(warden console | grep -m1 FATAL)"
if out=$(warden disable 2>&1); then
	echo "warden-test: disable worked with CPU 3 stopped"
	exit 1
fi
echo "warden-test: disable refused: $(dmesg | grep 'was stopped' | tail -n1)"

# Linux cannot power off normally with a CPU gone (its reboot notifiers
# wait for that CPU); an emergency restart skips them, and QEMU, started
# with -no-reboot, exits on it.
(sleep 3; echo b >/proc/sysrq-trigger) &
