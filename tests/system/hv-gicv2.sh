# QEMU virt with a GICv2 (the Raspberry Pi 4's interrupt controller, a
# GIC-400): Debian's kernel boots at EL2 on it with the GICv2 driver and
# split EOI (the 8 KiB CPU interface), all four CPUs take interrupts and
# IPIs, the Warden driver is loaded, and /etc/warden/system.cell is the
# GICv2 system config. Until the hypervisor has a GICv2 back-end,
# `warden enable` refuses it with the GIC-version sentence (the CLI's
# check, and with --skip-check the hypervisor itself) and Linux stays
# as it was.
# machine: virt-gicv2
# expect: ^warden-test: GIC: GICv2 driver, chip GICv2 in /proc/interrupts
# expect: ^warden-test: DT: arm,cortex-a15-gic at 0x8000000
# expect: ^warden-test: Linux at EL2, split EOI
# expect: ^warden-test: cpus 0 1 2 3 took timer interrupts and ran a task
# expect: ^warden-test: driver loaded, enabled: 0
# expect: ^warden-test: system.cell -> qemu-virt-gicv2.cell
# expect: ^warden-test: CLI: .*system config "qemu-virt-gicv2" has GIC version 2: this hypervisor supports GICv3 \(and v4\) only
# expect-console: ^ERROR: system config "qemu-virt-gicv2" has GIC version 2: this hypervisor supports GICv3 \(and v4\) only
# expect: ^warden-test: hypervisor: .*enable failed
# expect: ^warden-test: state unchanged after both refusals
# add: tests/system/lib/boot-checks.sh:boot-checks.sh
set -e

. /guest-run/boot-checks.sh

grep -q GICv2 /proc/interrupts
echo "warden-test: GIC: GICv2 driver, chip GICv2 in /proc/interrupts"

intc=$(ls -d /sys/firmware/devicetree/base/intc@* | head -n1)
echo "warden-test: DT: $(tr '\0' ' ' <"$intc/compatible" | cut -d' ' -f1) at 0x${intc##*@}"

dmesg | grep -q 'CPU: All CPU(s) started at EL2'
dmesg | grep -q 'GIC: Using split EOI/Deactivate mode'
echo "warden-test: Linux at EL2, split EOI"

cpus_take_timer
driver_loaded

unchanged() {
	[ "$(cat /sys/devices/warden/enabled)" = 0 ]
	! grep -q Warden /proc/iomem
	[ "$(taskset -c 3 cat /proc/self/stat | cut -d' ' -f39)" = 3 ]
}

if out=$(warden enable /etc/warden/system.cell 2>&1); then
	echo "warden-test: CLI: enable succeeded"
	exit 1
fi
echo "warden-test: CLI: $(echo "$out" | tr '\n' ' ')"
unchanged
if out=$(warden enable --skip-check /etc/warden/system.cell 2>&1); then
	echo "warden-test: hypervisor: enable succeeded"
	exit 1
fi
echo "warden-test: hypervisor: $(echo "$out" | tr '\n' ' ')"
unchanged
echo "warden-test: state unchanged after both refusals"
