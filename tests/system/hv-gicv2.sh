# QEMU virt with a GICv2 (the Raspberry Pi 4's interrupt controller, a
# GIC-400): Debian's kernel boots at EL2 on it with the GICv2 driver and
# split EOI (the 8 KiB CPU interface), all four CPUs take interrupts and
# IPIs, the Warden driver is loaded, and /etc/warden/system.cell is the
# GICv2 system config. `warden enable` takes EL2 with the GICv2 back-end:
# Linux goes on on the virtual CPU interface (GICV at the GICC address),
# every CPU keeps taking its timer interrupts and IPIs (GICD_SGIR
# trapped and sent on), a device interrupt (the RTC's SPI) still arrives,
# and `warden disable` gives the physical interface back with all of it
# still working.
# machine: virt-gicv2
# expect: ^warden-test: GIC: GICv2 driver, chip GICv2 in /proc/interrupts
# expect: ^warden-test: DT: arm,cortex-a15-gic at 0x8000000
# expect: ^warden-test: Linux at EL2, split EOI
# expect: ^warden-test: cpus 0 1 2 3 took timer interrupts and ran a task
# expect: ^warden-test: driver loaded, enabled: 0
# expect: ^warden-test: system.cell -> qemu-virt-gicv2.cell
# expect-console: ^Warden enabled: root cell "qemu-virt-gicv2", 4 CPUs
# expect: ^warden-test: enabled: 1
# expect: ^warden-test: enabled: cpus 0 1 2 3 took timer interrupts and ran a task
# expect: ^warden-test: enabled: IPIs reached cpus 0 1 2 3
# expect: ^warden-test: enabled: the RTC's alarm arrived
# expect: ^warden-test: enabled: the hypervisor counted virtual interrupts and SGIs on cpus 0 1 2 3
# expect: ^warden-test: disabled: 0
# expect: ^warden-test: disabled: cpus 0 1 2 3 took timer interrupts and ran a task
# expect: ^warden-test: disabled: IPIs reached cpus 0 1 2 3
# expect: ^warden-test: disabled: the RTC's alarm arrived
# reject: ^FATAL
# reject: ^Warning: CPU [0-9]: interrupt [0-9]+ lost
# add: tests/system/lib/boot-checks.sh:boot-checks.sh
# add: tests/system/lib/rtc-alarm.sh:rtc-alarm.sh
set -e

. /guest-run/boot-checks.sh
. /guest-run/rtc-alarm.sh

grep -q GICv2 /proc/interrupts
echo "warden-test: GIC: GICv2 driver, chip GICv2 in /proc/interrupts"

intc=$(ls -d /sys/firmware/devicetree/base/intc@* | head -n1)
echo "warden-test: DT: $(tr '\0' ' ' <"$intc/compatible" | cut -d' ' -f1) at 0x${intc##*@}"

dmesg | grep -q 'CPU: All CPU(s) started at EL2'
dmesg | grep -q 'GIC: Using split EOI/Deactivate mode'
echo "warden-test: Linux at EL2, split EOI"

cpus_take_timer
driver_loaded

# The IPIs each CPU took so far, all kinds summed: "n0 n1 n2 n3".
ipis() {
	awk '/^ *IPI[0-9]+:/ { for (i = 2; i <= 5; i++) n[i] += $i }
		END { print n[2], n[3], n[4], n[5] }' /proc/interrupts
}

# Function calls to every CPU (drop_caches drains each CPU's lists) and
# reschedules (a task moved to each CPU): each CPU's count must grow.
ipis_reach_all() {
	before=$(ipis)
	for i in 1 2 3; do
		for c in 0 1 2 3; do taskset -c $c true; done
		echo 3 >/proc/sys/vm/drop_caches
	done
	after=$(ipis)
	set -- $before
	cpus=
	c=0
	for a in $after; do
		if [ "$a" -le "$1" ]; then
			echo "warden-test: $phase: IPIs $before -> $after"
			return 1
		fi
		cpus="$cpus $c"
		c=$((c + 1))
		shift
	done
	echo "warden-test: $phase: IPIs reached cpus$cpus"
}

check_root() {
	phase=$1
	echo "warden-test: $phase: $(cpus_take_timer | sed 's/^warden-test: //')"
	ipis_reach_all
	rtc_alarm
	echo "warden-test: $phase: the RTC's alarm arrived"
}

warden enable /etc/warden/system.cell
echo "warden-test: enabled: $(cat /sys/devices/warden/enabled)"
check_root enabled
# CPU info (hypercall 7): statistics 1005 (virtual IRQs), 1006 (SGIs)
cpus=
for c in 0 1 2 3; do
	virq=$(warden hypercall 7 $c 1005 | cut -d' ' -f1)
	vsgi=$(warden hypercall 7 $c 1006 | cut -d' ' -f1)
	if [ "$virq" -eq 0 ] || [ "$vsgi" -eq 0 ]; then
		echo "warden-test: CPU $c: virq $virq, vsgi $vsgi"
		exit 1
	fi
	cpus="$cpus $c"
done
echo "warden-test: enabled: the hypervisor counted virtual interrupts and SGIs on cpus$cpus"

warden disable
echo "warden-test: disabled: $(cat /sys/devices/warden/enabled)"
check_root disabled
