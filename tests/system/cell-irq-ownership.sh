# An interrupt reaches only the cell that owns it, checked from the
# owner's side, with the RTC's alarm interrupt (INTID 34), a real device
# of the root:
# - the root routes it to offline CPU 3 (still the root's) before a cell
#   takes CPU 3: cell create routes it back to a root CPU, and the root
#   still gets its RTC interrupts while the cell runs on CPU 3;
# - a cell that tries to route it to its own CPU is refused; the root
#   still gets it;
# - a cell that left its SPIs in Group 0 at another priority hands them
#   back as the root had them: group and priority read after destroy
#   are those from before create.
# On GICv2 the root routes with GICD_ITARGETSR (a CPU interface mask)
# instead of GICD_IROUTER, and the probe reads a target mask back.
# gics: 3 2
# append: iomem=relaxed
# expect-console: ^IRQ 34 was routed to a CPU of the new cell "inmate-demo": now to CPU [0-2]
# expect: ^warden-test: RTC interrupt reached the root with the cell on CPU 3
# expect-console@gicv3: ^probe: IRQ 34 routed to 0x0$
# expect-console@gicv2: ^probe: IRQ 34 targets 0x0$
# expect: ^warden-test: RTC interrupt reached the root after the cell's routing attempt
# expect-console: ^probe: 0x8000084 reads back 0x0
# expect-console: ^probe: IRQ 40 priority 0x10
# expect: ^warden-test: after destroy: IGROUPR1 0x[0-9A-F]+ and IPRIORITYR10 0x[0-9A-F]+ as before create
# reject: exception in the hypervisor
# timeout: 240
# add: tests/system/lib/rtc-alarm.sh:rtc-alarm.sh
set -e
. /guest-run/rtc-alarm.sh

gicd=0x08000000
dir=/usr/lib/warden/inmates

# route34 [CPU]: IRQ 34's routing, read or set (to CPU, QEMU virt's Aff0)
route34() {
	if grep -q GICv2 /proc/interrupts; then
		devmem $((gicd + 0x800 + 34)) 8 ${1:+$((1 << $1))}
	else
		devmem $((gicd + 0x6000 + 34 * 8)) 32 $1
	fi
}

warden enable /etc/warden/system.cell
echo 0 >/sys/devices/system/cpu/cpu3/online
route34 3
echo "warden-test: IRQ 34 routed to $(route34)"
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
warden cell load inmate-demo $dir/gic-demo.bin -s "print-every=1000" \
	-a 0x1000
warden cell start inmate-demo
rtc_alarm
echo "warden-test: RTC interrupt reached the root with the cell on CPU 3"

group=$(devmem $((gicd + 0x84)) 32)
prio=$(devmem $((gicd + 0x428)) 32)
warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
run() {
	warden cell load inmate-demo-2 $dir/test-probe.bin -s "$1" -a 0x1000 \
		>/dev/null
	warden cell start inmate-demo-2 >/dev/null
	sleep 1
}
run "probe=gicd-route irq=34 mpidr=2"
rtc_alarm
echo "warden-test: RTC interrupt reached the root after the cell's routing" \
	"attempt"
run "probe=write32 addr=0x08000084 value=0"
run "probe=gicd-priority irq=40 prio=0x10"
warden cell destroy inmate-demo-2
g=$(devmem $((gicd + 0x84)) 32)
p=$(devmem $((gicd + 0x428)) 32)
echo "warden-test: before create: $group $prio, after destroy: $g $p"
[ $g = $group ]
[ $p = $prio ]
echo "warden-test: after destroy: IGROUPR1 $g and IPRIORITYR10 $p as before" \
	"create"
warden cell destroy inmate-demo
echo 1 >/sys/devices/system/cpu/cpu3/online
warden disable
