# An interrupt reaches only the cell that owns it, checked from the
# owner's side, with the RTC's alarm interrupt (INTID 34), a real device
# of the root:
# - the root routes it to offline CPU 3 (still the root's) before a cell
#   takes CPU 3: cell create routes it back to a root CPU (the root reads
#   the physical route: it owns IRQ 34, so the hypervisor passes its read
#   of GICD_IROUTER/ITARGETSR on), and the root still gets its RTC
#   interrupts while the cell runs on CPU 3;
# - a cell that tries to route it to its own CPU is refused: once the
#   cell's exits show its write and read-back made, the root reads the
#   physical route unchanged, on no cell's CPU, and still gets the
#   interrupt. What the cell reads back (0: not its interrupt) is its own
#   filtered view and proves nothing;
# - a cell that left its SPIs in Group 0 at another priority hands them
#   back as the root had them: group and priority read after destroy
#   are those from before create.
# The RTC interrupt arriving proves little alone: an SPI of the root that
# lands on a cell's CPU is routed back and pended again by the
# hypervisor's last line of defence (cell_irq_deliverable()), with a
# warning; the warning is rejected, so that only the route itself passes.
# On GICv2 the root routes with GICD_ITARGETSR (a CPU interface mask)
# instead of GICD_IROUTER, and the probe reads a target mask back.
# gics: 3 2
# append: iomem=relaxed
# expect-console: ^IRQ 34 was routed to a CPU of the new cell "inmate-demo": now to CPU [0-2]
# expect: ^warden-test: root's view: IRQ 34 routed to 0x[0-9a-fA-F]+ after create, not to CPU 3$
# expect: ^warden-test: RTC interrupt reached the root with the cell on CPU 3
# expect-console@gicv3: ^probe: IRQ 34 routed to 0x0$
# expect-console@gicv2: ^probe: IRQ 34 targets 0x0$
# expect: ^warden-test: root's view: IRQ 34 still routed to 0x[0-9a-fA-F]+ after the cell's attempt, not to CPU 2 or 3$
# expect: ^warden-test: RTC interrupt reached the root after the cell's routing attempt
# expect-console: ^probe: 0x8000084 reads back 0x0
# expect-console: ^probe: IRQ 40 priority 0x10
# expect: ^warden-test: after destroy: IGROUPR1 0x[0-9A-F]+ and IPRIORITYR10 0x[0-9A-F]+ as before create
# reject: ^Warning: IRQ 34[ ,]
# reject: exception in the hypervisor
# timeout: 240
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/rtc-alarm.sh:rtc-alarm.sh
set -e
. /guest-run/wait.sh
. /guest-run/rtc-alarm.sh

gicd=0x08000000
dir=/usr/lib/warden/inmates

gicv2=
grep -q GICv2 /proc/interrupts && gicv2=1
# route34 [CPU]: IRQ 34's routing, read (GICv3: all 64 bits) or set (to
# CPU, QEMU virt's Aff0)
route34() {
	if [ -n "$gicv2" ]; then
		devmem $((gicd + 0x800 + 34)) 8 ${1:+$((1 << $1))}
	elif [ $# = 0 ]; then
		devmem $((gicd + 0x6000 + 34 * 8)) 64
	else
		devmem $((gicd + 0x6000 + 34 * 8)) 32 $1
	fi
}
# route34_reaches CPU: IRQ 34's physical route can deliver it to CPU (its
# bit in the target mask; its Aff0, or 1-of-N)
route34_reaches() {
	_r=$(route34)
	if [ -n "$gicv2" ]; then
		[ $((_r >> $1 & 1)) = 1 ]
	else
		[ $((_r >> 31 & 1)) = 1 ] || [ $((_r & 0xff)) = $1 ]
	fi
}
# not_on CPU...: IRQ 34's route reaches none of the CPUs (else the test
# ends with the route)
not_on() {
	for _c in "$@"; do
		if route34_reaches $_c; then
			echo "warden-test: root's view: IRQ 34 routed to" \
				"$(route34), reaching CPU $_c"
			exit 1
		fi
	done
}

warden enable /etc/warden/system.cell
echo 0 >/sys/devices/system/cpu/cpu3/online
route34 3
echo "warden-test: IRQ 34 routed to $(route34)"
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
not_on 3
echo "warden-test: root's view: IRQ 34 routed to $(route34) after create," \
	"not to CPU 3"
warden cell load inmate-demo $dir/gic-demo.bin -s "print-every=1000" \
	-a 0x1000
warden cell start inmate-demo
rtc_alarm
echo "warden-test: RTC interrupt reached the root with the cell on CPU 3"

group=$(devmem $((gicd + 0x84)) 32)
prio=$(devmem $((gicd + 0x428)) 32)
warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
id=$(cell_id inmate-demo-2)
# run PARAMS: test-probe in inmate-demo-2 until its write and read-back
# to the distributor have trapped (2 MMIO exits; its UART does not trap)
run() {
	warden cell load inmate-demo-2 $dir/test-probe.bin -s "$1" -a 0x1000 \
		>/dev/null
	base=$(cell_stat $id vmexits_mmio)
	warden cell start inmate-demo-2 >/dev/null
	wait_for 60 "the probe's write and read-back ($1)" \
		stat_above $id vmexits_mmio $((base + 1))
}
not_on 2 3
route=$(route34)
run "probe=gicd-route irq=34 mpidr=2"
# before any RTC interrupt could move it back
if [ "$(route34)" != "$route" ]; then
	echo "warden-test: root's view: IRQ 34 routed to $(route34), was $route"
	exit 1
fi
not_on 2 3
echo "warden-test: root's view: IRQ 34 still routed to $route after the" \
	"cell's attempt, not to CPU 2 or 3"
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
