# Isolation: a rogue cell (test-probe in inmate-demo-2, CPU 2) tries, one
# at a time, what a cell must not do, next to the root and a second cell
# running gic-demo (inmate-demo, CPU 3). Each attempt is refused: memory
# outside the cell stops the CPU with a report and the cell shows
# "failed"; GIC writes for foreign interrupts or CPUs do not stick; an
# SGI to a root CPU does not arrive; PSCI CPU_ON of a foreign CPU and
# root-only hypercalls return errors (200 such CPU_ONs in a row leave 16
# reports on the shared console, then a line that says no more follow:
# a cell cannot flood it). What did not stick is read from the
# owner's side: the root reads the distributor for its own interrupts
# (the hypervisor passes those reads to the hardware; what the rogue cell
# reads back is masked and proves nothing) and counts the SGIs its CPUs
# took in /proc/interrupts. The root and gic-demo go on throughout; a
# failed cell can be loaded again and destroyed.
# expect: ^warden-test: root-ram-read: state failed
# expect: ^2 +inmate-demo-2 +failed +2 +2$
# expect-console: ^FATAL: data abort \(access outside the cell\) by cell "inmate-demo-2" on CPU 2
# expect: ^warden-test: root-ram-write: state failed
# expect: ^warden-test: hv-memory: state failed
# expect: ^warden-test: other-cell-ram: state failed
# expect: ^warden-test: other-device: state failed
# expect-console: ^probe: GICD 0x4 = 0x37a0007 by w1, w18 and w20$
# expect: ^warden-test: root's view: GICD_TYPER 0x037A0007$
# expect-console: ^probe: GICD 0x0 = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0x8 = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0xc = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0xffe8 = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0xfff4 = 0x[0-9a-f]+ by w1, w18 and w20$
# expect-console: ^probe: GICD 0x104 = 0x0 by w1, w18 and w20$
# reject: ^probe: GICD 0x[0-9a-f]+ = .* by w20$
# expect-console: ^probe: IRQ 100 enabled: 0
# expect: ^warden-test: root's view: IRQ 100 still disabled$
# expect: ^warden-test: root's view: IRQ 33 still enabled$
# expect-console: ^Warning: CPU 2: routing of IRQ 40 to 0x0 \(outside the cell\) ignored
# expect-console: ^probe: IRQ 40 routed to 0x2
# expect: ^warden-test: root's view: IRQ 33 still routed to 0x[0-9a-fA-F]+$
# expect: ^warden-test: root's view: IRQ 33 priority still 0x[0-9a-fA-F]+$
# expect: ^warden-test: root's view: IRQ 45 priority still 0x[0-9a-fA-F]+$
# expect: ^warden-test: root's view: no SGI 6 arrived on a root CPU$
# expect: ^warden-test: root's view: cells 0 1 2, hypervisor enabled$
# expect: ^warden-test: root's view: inmate-demo's RAM still holds gic-demo's first bytes$
# expect-console: ^probe: CPU_ON returned -3
# expect-console: ^Cell "inmate-demo-2": CPU 2: PSCI CPU_ON of MPIDR 0x0, not a CPU of the cell: denied
# expect-console: ^probe: hypercall 1 \(0x40000000\)
# expect-console: ^probe: hypercall 4 \(0x1\)
# expect-console: ^probe: hypercall 0 \(0x0\)
# expect-console: ^probe: hypercall 6 \(0x1\)
# expect-console: ^probe: hypercall 7 \(0x0\)
# expect-console: ^probe: hypercall 8 \(0x41\)
# Every hypercall must return -1 (EPERM): any other value, -12 or -16
# included, is rejected. Which probe printed which "returned" line the
# console does not say (test-probe prints it on a line of its own).
# expect-console: ^probe: hypercall returned -1
# reject: ^probe: hypercall returned (-1[0-9]|-[02-9]|[0-9])
# reject: ^probe: IRQ 100 enabled: 1
# reject: ^probe: CPU_ON returned [^-]
# expect: ^warden-test: 200 refused CPU_ONs: (1[0-7]|[1-9]) reports in the console's last 40 lines, then no more
# expect: ^warden-test: sgi-foreign: state running
# expect: ^warden-test: gic-demo never stopped: [1-9][0-9]* more interrupts in every probe
# expect: ^warden-test: root cpus 0 1 ran a task
# expect: ^warden-test: failed cell destroyed, online 0-3
# timeout: 240
# append: iomem=relaxed
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/rogue-cell.sh:rogue-cell.sh
set -e

. /guest-run/wait.sh
. /guest-run/rogue-cell.sh

route33() { devmem $((gicd + 0x6000 + 33 * 8)) 64; }
prio33() { devmem $((gicd + 0x400 + 33)) 8; }

# hc LABEL CODE ARG: a hypercall from the rogue cell (-1: EPERM)
hc() {
	probe "$1" "probe=hypercall code=$2 arg=$3" vmexits_hypercall 1
}

probe root-ram-read "probe=read addr=0x40000000"
warden cell list
probe root-ram-write "probe=write addr=0x40001000 value=0x1234"
probe hv-memory "probe=read addr=0x7fc00000"
# inmate-demo's RAM (physical 0x7fa00000): not in this cell's space
probe other-cell-ram "probe=write addr=0x7fa00000 value=0x1"
# a virtio-mmio device of the root
probe other-device "probe=read addr=0x0a000000"

# The distributor's registers that read the same for every cell, by w1
# and w18 (the hypervisor's fast read path, sync_fast.c) and by w20 (its
# full path, gicd_mmio()) alike, TYPER as QEMU's machine has it (the
# root's devmem is trapped too); ISENABLER1 shows none of the root's SPIs
# (33 is enabled), only the cell's own (40 and 44, disabled). 7
# registers, 4 loads each.
[ "$(gicd_bit 0x100 33)" = 1 ]
probe gicd-reads "probe=gicd-reads alive=1" vmexits_mmio 28
echo "warden-test: root's view: GICD_TYPER $(devmem $((gicd + 4)) 32)"

# The root's IRQs: 100 is unused (disabled), 33 its UART's (enabled).
# Each probe writes once and reads back once (2 MMIO exits).
[ "$(gicd_bit 0x100 100)" = 0 ]
probe gicd-enable-foreign "probe=gicd-enable irq=100 alive=1" vmexits_mmio 2
check "IRQ 100 still disabled" [ "$(gicd_bit 0x100 100)" = 0 ]
# ICENABLER1, bit 1: IRQ 33
probe gicd-disable-foreign "probe=write32 addr=0x08000184 value=0x2 alive=1" \
	vmexits_mmio 2
check "IRQ 33 still enabled" [ "$(gicd_bit 0x100 33)" = 1 ]
# IRQ 40 is the cell's own: routing it to a root CPU is refused
probe gicd-route-foreign "probe=gicd-route irq=40 mpidr=0x0 alive=1" \
	vmexits_mmio 2
route=$(route33)
probe gicd-route-root "probe=gicd-route irq=33 mpidr=0x2 alive=1" \
	vmexits_mmio 2
check "IRQ 33 still routed to $route" [ "$(route33)" = "$route" ]
prio=$(prio33)
[ "$prio" != 0x10 ]
probe gicd-priority-foreign "probe=gicd-priority irq=33 prio=0x10" \
	vmexits_mmio 2
check "IRQ 33 priority still $prio" [ "$(prio33)" = "$prio" ]
# IPRIORITYR11 holds IRQ 44 (the cell's) and 45-47 (the root's): a word
# write by the cell may change its own byte only
prio45() { devmem $((gicd + 0x400 + 45)) 8; }
prio=$(prio45)
[ "$prio" != 0x10 ]
probe gicd-priority-word "probe=write32 addr=0x0800042c value=0x10101010 alive=1" \
	vmexits_mmio 2
check "IRQ 45 priority still $prio" [ "$(prio45)" = "$prio" ]
[ "$(ipi6)" = 0 ]
probe sgi-foreign "probe=sgi mpidr=0x0 sgi=6 alive=1" vmexits_virt_sgi 1
check "no SGI 6 arrived on a root CPU" [ "$(ipi6)" = 0 ]
probe cpu-on-foreign "probe=cpu-on mpidr=0x0" vmexits_psci 1
# the same 200 times: the shared console gets 16 reports and a last line
probe cpu-on-flood "probe=cpu-on mpidr=0x0 times=200" vmexits_psci 200
n=$(warden console | tail -n 40 |
	grep -c "PSCI CPU_ON of MPIDR 0x0, not a CPU of the cell: denied" ||
	true)
[ "$n" -le 17 ]
warden console | tail -n 40 | grep -q "^Warning: CPU 2: further reports of this kind not printed until the CPU restarts"
echo "warden-test: 200 refused CPU_ONs: $n reports in the console's last 40 lines, then no more"
hc hc-create 1 0x40000000
hc hc-destroy 4 1
hc hc-disable 0 0
hc hc-state 6 1
hc hc-cpu-info-foreign 7 0
# the debug console: the cell's config does not permit it
hc hc-putc-unpermitted 8 0x41
check "cells 0 1 2, hypervisor enabled" \
	[ "$(ls /sys/devices/warden/cells | tr '\n' ' ')$(cat /sys/devices/warden/enabled)" = "0 1 2 1" ]
echo "warden-test: gic-demo never stopped: $min more interrupts in every" \
	"probe at least"

root_cpus_ran_task 0 1

probe root-ram-read-again "probe=read addr=0x40000000"
# inmate-demo's first 8 bytes (physical 0x7fa00000, where other-cell-ram
# wrote 0x1), read by the root once the cell is shut down and its
# loadable memory is the root's again: still gic-demo's
warden cell shutdown inmate-demo
want=$(od -A n -t x8 -N 8 $dir/gic-demo.bin | tr -d ' ')
check "inmate-demo's RAM still holds gic-demo's first bytes" \
	[ $(($(devmem 0x7fa00000 64))) = $((0x$want)) ]
warden cell destroy inmate-demo-2
warden cell destroy inmate-demo
echo "warden-test: failed cell destroyed, online" \
	"$(cat /sys/devices/system/cpu/online)"
warden disable
