# A root cell that hands the hypervisor bad addresses gets an error, and
# the hypervisor keeps working: cell-create hypercalls with config
# addresses that wrap around 2^64, lie beyond the physical address range,
# straddle the end of the root's RAM into hypervisor memory, or lie in a
# device, are refused before EL2 maps anything (no EL2 fault, no lock
# left held). A root that writes 0 to GICD_CTLR (Group 1 and affinity
# routing off: every cell and the hypervisor's own SGIs silenced) keeps
# its Group 0 bit only: the root's RTC interrupts still arrive, a cell
# still takes its timer interrupts and still stops. Then a good cell is
# created and destroyed, and the hypervisor disables. The root's view of
# its Spectre mitigations is the same before and after enable, also for
# a CPU brought online under the hypervisor (which asks the firmware
# again); without EL3 (QEMU here) SMCCC_ARCH_FEATURES for WORKAROUND_1 is
# NOT_SUPPORTED, as the firmware's absence would have it.
# append: iomem=relaxed
# reject: exception in the hypervisor
# expect: ^warden-test: spectre_v2 before enable: .+
# expect: ^warden-test: ARCH_FEATURES\(WORKAROUND_1\) without EL3: -1 \(
# expect: ^warden-test: spectre_v2 the same after enable and a CPU online
# expect-console: ^ERROR: cell config at 0xffffffffffffffc0 is not in the root cell's RAM
# expect: ^warden-test: config at 0xffffffffffffffc0: -22 \(
# expect: ^warden-test: config at 0xfffffffffffff000: -22 \(
# expect: ^warden-test: config at 0x0010000000000000: -22 \(
# expect: ^warden-test: config at 0x7fbffff0: -22 \(
# expect: ^warden-test: config at 0x09000000: -22 \(
# expect-console: ^Warning: CPU 0: GICD_CTLR write 0x0 refused in part: the hypervisor needs Group 1 enabled and affinity routing; GICD_CTLR stays 0x52
# expect: ^warden-test: GICD_CTLR 0x00000053, after writing 0: 0x00000052
# expect: ^warden-test: RTC interrupts still arrive after the GICD_CTLR write
# expect: ^warden-test: the cell took [1-9][0-9]* timer interrupts after the GICD_CTLR write
# expect: ^Created cell "inmate-demo"
# expect: ^warden-test: good cell created and destroyed after the bad calls
# expect: ^warden-test: disabled after the bad calls
# timeout: 180
# add: tests/system/lib/rtc-alarm.sh:rtc-alarm.sh
# add: tests/system/lib/wait.sh:wait.sh
set -e
. /guest-run/rtc-alarm.sh
. /guest-run/wait.sh

hc() { taskset -c 0 warden hypercall "$@"; }

v2=/sys/devices/system/cpu/vulnerabilities/spectre_v2
before=$(cat $v2)
echo "warden-test: spectre_v2 before enable: $before"
warden enable /etc/warden/qemu-virt.cell
echo "warden-test: ARCH_FEATURES(WORKAROUND_1) without EL3:" \
	"$(taskset -c 0 warden hypercall --smc 0x80000001 0x80008000)"
echo 0 >/sys/devices/system/cpu/cpu1/online
echo 1 >/sys/devices/system/cpu/cpu1/online
[ "$(cat $v2)" = "$before" ]
echo "warden-test: spectre_v2 the same after enable and a CPU online"
for a in 0xffffffffffffffc0 0xfffffffffffff000 0x0010000000000000 \
	0x7fbffff0 0x09000000; do
	echo "warden-test: config at $a: $(hc 1 $a)"
done

gicd=0x08000000
ctlr=$(devmem $gicd 32)
taskset -c 0 devmem $gicd 32 0
echo "warden-test: GICD_CTLR $ctlr, after writing 0: $(devmem $gicd 32)"
rtc_alarm
echo "warden-test: RTC interrupts still arrive after the GICD_CTLR write"
taskset -c 0 devmem $gicd 32 $ctlr

warden cell create /etc/warden/qemu-virt-inmate-demo.cell
warden cell load inmate-demo /usr/lib/warden/inmates/gic-demo.bin \
	-s "print-every=1000" -a 0x1000
warden cell start inmate-demo
taskset -c 0 devmem $gicd 32 0
stat=/sys/devices/warden/cells/1/statistics/vmexits_virt_irq
base=$(cat $stat)
above() { [ "$(cat $stat)" -gt "$1" ]; }
wait_for 60 "the cell's timer interrupts after the GICD_CTLR write" \
	above $((base + 4))
echo "warden-test: the cell took $(($(cat $stat) - base)) timer interrupts" \
	"after the GICD_CTLR write"
warden cell destroy inmate-demo
echo "warden-test: good cell created and destroyed after the bad calls"
warden disable
echo "warden-test: disabled after the bad calls"
