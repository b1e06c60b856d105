# Isolation on GICv2 (QEMU virt,gic-version=2, as on the Raspberry Pi 4):
# a rogue cell (test-probe in inmate-demo-2, CPU 2) tries, one at a time,
# what a cell must not do to the GICv2 distributor, next to the root and
# gic-demo in inmate-demo (CPU 3). It cannot enable, disable or set
# pending the root's SPIs, nor retarget them (GICD_ITARGETSR) or its own
# to a CPU outside the cell; its SGIs (GICD_SGIR: a target list, "all
# but me") reach no CPU outside the cell, while one to its own CPU still
# arrives. In its CPU's bank 0 (the banked SGI/PPI registers) it cannot
# disable, clear, deactivate, re-prioritise or reconfigure the
# hypervisor's stop SGI (15) or the maintenance interrupt (25): each try
# is refused with a warning, the other bits change, and the hypervisor
# still stops the cell every time (each probe's load stops the run
# before; shutdown and destroy at the end). What did not stick is read
# from the owner's side: the root reads the distributor for its own
# interrupts and counts the SGIs its CPUs took in /proc/interrupts; the
# bank of CPU 2 can only be read by CPU 2, so the probe reads it back
# there (bank-0 reads are not filtered). The root's GICD_CTLR write of 0
# keeps the groups enabled: the RTC's interrupt still arrives.
# The SGIs aimed at CPU 3 (sgi-others, sgi-list) are checked on
# gic-demo's side: it registers its timer only, and the inmate library
# prints "GIC: unhandled interrupt N" for anything else it takes, so an
# SGI 6 injected into inmate-demo shows (unanchored: a line of the other
# cell may run into it on the shared UART). No statistic readable from
# the root counts CPU 3's SGIs apart (vmexits_virt_irq counts its timer's
# interrupts too).
# machine: virt-gicv2
# expect-console: ^probe: GICD 0x4 = 0x68 by w1, w18 and w20$
# expect: ^warden-test: root's view: GICD_TYPER 0x00000068$
# expect-console: ^probe: GICD 0x0 = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0x8 = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0xc = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0xfe8 = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0xff4 = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0x104 = 0x0 by w1, w18 and w20$
# reject: ^probe: GICD 0x[0-9a-f]+ = .* by w20$
# expect: ^warden-test: root's view: IRQ 100 still disabled$
# expect: ^warden-test: root's view: IRQ 33 still enabled$
# expect: ^warden-test: root's view: IRQ 100 still not pending$
# expect: ^warden-test: root's view: IRQ 33 still targets 0x0[1-8]$
# expect-console: ^Warning: CPU 2: routing of IRQ 40 to CPU interfaces 0x1 \(outside the cell's 0x4\) ignored; targets 0x4$
# expect-console: ^probe: IRQ 40 targets 0x4$
# expect: ^warden-test: root's view: IRQ 45 still targets 0x0[1-8]$
# expect-console: ^probe: 0x800082c reads back 0x4$
# expect: ^warden-test: root's view: no SGI 6 arrived on a root CPU$
# expect: ^warden-test: sgi-self: state running$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICD_ICENABLER0 of CPU 2: write to IRQ 15 \(the hypervisor's stop SGI\) and IRQ 25 \(the GIC maintenance interrupt\) ignored: reserved for the hypervisor$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICD_CPENDSGIR of CPU 2: write to IRQ 15 \(the hypervisor's stop SGI\) ignored
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICD_ICACTIVER0 of CPU 2: write to IRQ 25 \(the GIC maintenance interrupt\) ignored
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICD_IPRIORITYR of CPU 2: write to IRQ 15
# expect-console: ^probe: 0x800040c reads back 0xa0f0f0f0$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICD_IPRIORITYR of CPU 2: write to IRQ 25
# expect-console: ^probe: 0x8000418 reads back 0xf0f0a0f0$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICD_ICFGR1 of CPU 2: write to IRQ 25
# expect-console: ^probe: 0x8000100 reads back 0x200ffff$
# expect: ^warden-test: gic-demo never stopped: [1-9][0-9]* more interrupts in every probe
# expect: ^warden-test: rogue cell shut down: shut down$
# expect-console: ^Warning: CPU [01]: GICD_CTLR write 0x0 refused in part: the hypervisor needs the interrupt groups enabled; GICD_CTLR stays 0x1$
# expect: ^warden-test: root's view: GICD_CTLR 0x00000001 after writing 0, the RTC's alarm arrived$
# expect: ^warden-test: root cpus 0 1 ran a task
# expect: ^warden-test: cells destroyed, online 0-3
# reject: GIC: unhandled interrupt
# reject: ^FATAL
# reject: did not stop within
# reject: state (failed|shut down)$
# timeout: 420
# append: iomem=relaxed
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/rogue-cell.sh:rogue-cell.sh
# add: tests/system/lib/rtc-alarm.sh:rtc-alarm.sh
set -e

. /guest-run/wait.sh
. /guest-run/rogue-cell.sh
. /guest-run/rtc-alarm.sh

targets() { devmem $((gicd + 0x800 + $1)) 8; }
# w32 LABEL OFFSET VALUE: a 32-bit write into the distributor and a read
# back (2 MMIO exits)
w32() {
	probe "$1" "probe=write32 addr=$((gicd + $2)) value=$3 alive=1" \
		vmexits_mmio 2
}

# The distributor's registers that read the same for every cell, by w1
# and w18 (the hypervisor's fast read path, sync_fast.c) and by w20 (its
# full path, gicd_mmio()) alike, TYPER as QEMU's machine has it (the
# root's devmem is trapped too); ISENABLER1 shows none of the root's SPIs
# (33 is enabled), only the cell's own (40 and 44, disabled). 7
# registers, 4 loads each.
[ "$(gicd_bit 0x100 33)" = 1 ]
probe gicd-reads "probe=gicd-reads alive=1" vmexits_mmio 28
echo "warden-test: root's view: GICD_TYPER $(devmem $((gicd + 4)) 32)"

# The root's SPIs: 100 is unused (disabled), 33 its UART's (enabled).
[ "$(gicd_bit 0x100 100)" = 0 ]
probe gicd-enable-foreign "probe=gicd-enable irq=100 alive=1" vmexits_mmio 2
check "IRQ 100 still disabled" [ "$(gicd_bit 0x100 100)" = 0 ]
# ICENABLER1, bit 1: IRQ 33
w32 gicd-disable-foreign 0x184 0x2
check "IRQ 33 still enabled" [ "$(gicd_bit 0x100 33)" = 1 ]
# ISPENDR3, bit 4: IRQ 100
[ "$(gicd_bit 0x200 100)" = 0 ]
w32 gicd-pend-foreign 0x20c 0x10
check "IRQ 100 still not pending" [ "$(gicd_bit 0x200 100)" = 0 ]
# GICD_ITARGETSR: the root's IRQ 33 to CPU 2 (interface bit 2)
t=$(targets 33)
probe gicd-target-root "probe=gicd-route irq=33 mpidr=0x2 alive=1" \
	vmexits_mmio 2
check "IRQ 33 still targets $t" [ "$(targets 33)" = "$t" ]
# the cell's own IRQ 40 to root CPU 0: refused, stays on CPU 2
probe gicd-target-out "probe=gicd-route irq=40 mpidr=0x0 alive=1" \
	vmexits_mmio 2
# ITARGETSR11: IRQ 44 (the cell's), 45-47 (the root's), all to CPU 2
t=$(targets 45)
w32 gicd-target-word 0x82c 0x04040404
check "IRQ 45 still targets $t" [ "$(targets 45)" = "$t" ]

# SGIs: to root CPU 0 by the library, "all but me", a list of CPUs 0, 1
# and 3 (GICD_SGIR); none may reach a root CPU, nor gic-demo on CPU 3
# (rejected above: its "unhandled interrupt")
[ "$(ipi6)" = 0 ]
probe sgi-foreign "probe=sgi mpidr=0x0 sgi=6 alive=1" vmexits_virt_sgi 1
w32 sgi-others 0xf00 0x01000006
w32 sgi-list 0xf00 0x000b0006
check "no SGI 6 arrived on a root CPU" [ "$(ipi6)" = 0 ]
# one to its own CPU arrives (the hypervisor injects it: virtual IRQ)
probe sgi-self "probe=sgi mpidr=0x2 sgi=6 alive=1" vmexits_virt_irq 1

# CPU 2's bank 0: the stop SGI and the maintenance interrupt
w32 disable-all 0x180 0xffffffff
w32 disable-reserved 0x180 0x2008000
w32 clear-pending-stop-sgi 0xf1c 0xff000000
w32 deactivate-maintenance 0x380 0x2000000
# IPRIORITYR3 and 6: INTIDs 12-15 and 24-27, lowest priority for all
w32 priority-stop-sgi 0x40c 0xf0f0f0f0
w32 priority-maintenance 0x418 0xf0f0f0f0
# ICFGR1: the maintenance interrupt edge-triggered
w32 config-maintenance 0xc04 0x80000
# ISENABLER0 read back on CPU 2 itself (a write of 0 changes nothing):
# the SGIs (always enabled on QEMU) and the maintenance interrupt
w32 bank-enabled 0x100 0x0
echo "warden-test: gic-demo never stopped: $min more interrupts in every" \
	"probe at least"

# The last try left running, then shut down from the root: the stop SGI
# still works
warden cell load inmate-demo-2 $dir/test-probe.bin \
	-s "probe=write32 addr=$((gicd + 0x180)) value=0xffffffff alive=30" \
	-a 0x1000
base=$(cell_stat 2 vmexits_mmio)
warden cell start inmate-demo-2
wait_for 60 "the last probe's write" stat_above 2 vmexits_mmio $((base + 1))
warden cell shutdown inmate-demo-2
echo "warden-test: rogue cell shut down:" \
	"$(cat /sys/devices/warden/cells/2/state)"

# The root's GICD_CTLR: the groups stay enabled
devmem $gicd 32 0
rtc_alarm
check "GICD_CTLR $(devmem $gicd 32) after writing 0, the RTC's alarm arrived" \
	[ "$(devmem $gicd 32)" = 0x00000001 ]

root_cpus_ran_task 0 1

warden cell destroy inmate-demo-2
warden cell destroy inmate-demo
echo "warden-test: cells destroyed, online" \
	"$(cat /sys/devices/system/cpu/online)"
warden disable
