# Isolation: a rogue cell (test-probe in inmate-demo-2, CPU 2) tries, one
# at a time, what a cell must not do, next to the root and a second cell
# running gic-demo (inmate-demo, CPU 3). Each attempt is refused: memory
# outside the cell stops the CPU with a report and the cell shows
# "failed"; GIC writes for foreign interrupts or CPUs do not stick; PSCI
# CPU_ON of a foreign CPU and root-only hypercalls return errors. The
# root and gic-demo go on throughout; a failed cell can be loaded again
# and destroyed.
# expect: ^warden-test: root-ram-read: state failed
# expect: ^2 +inmate-demo-2 +failed +2 +2$
# expect-console: ^FATAL: data abort \(access outside the cell\) by cell "inmate-demo-2" on CPU 2
# expect: ^warden-test: root-ram-write: state failed
# expect: ^warden-test: hv-memory: state failed
# expect: ^warden-test: other-cell-ram: state failed
# expect: ^warden-test: other-device: state failed
# expect-console: ^probe: IRQ 33 enabled: 0
# expect-console: ^Warning: CPU 2: routing of IRQ 40 to 0x0 \(outside the cell\) ignored
# expect-console: ^probe: IRQ 40 routed to 0x2
# expect-console: ^probe: IRQ 33 priority 0x0$
# expect-console: ^probe: CPU_ON returned -3
# expect-console: ^Cell "inmate-demo-2": CPU 2: PSCI CPU_ON of MPIDR 0x0, not a CPU of the cell: denied
# expect-console: ^probe: hypercall 1 \(0x40000000\)
# expect-console: ^probe: hypercall 4 \(0x1\)
# expect-console: ^probe: hypercall 0 \(0x0\)
# expect-console: ^probe: hypercall 6 \(0x1\)
# expect-console: ^probe: hypercall 7 \(0x0\)
# expect-console: ^probe: hypercall 8 \(0x41\)
# expect-console: ^probe: hypercall returned -1
# reject: ^probe: hypercall returned ([0-9]|-[02-9])
# reject: ^probe: IRQ 33 enabled: 1
# reject: ^probe: IRQ 33 priority 0x10
# reject: ^probe: CPU_ON returned [^-]
# expect: ^warden-test: sgi-foreign: state running
# expect: ^warden-test: gic-demo never stopped: [1-9][0-9]* more interrupts in every probe
# expect: ^warden-test: root cpus 0 1 ran a task
# expect: ^warden-test: failed cell destroyed, online 0-3
# timeout: 240
# add: tests/system/lib/rogue-cell.sh:rogue-cell.sh
set -e

. /guest-run/rogue-cell.sh

# hc LABEL CODE ARG: a hypercall from the rogue cell (-1: EPERM)
hc() {
	probe "$1" "probe=hypercall code=$2 arg=$3"
}

probe root-ram-read "probe=read addr=0x40000000"
warden cell list
probe root-ram-write "probe=write addr=0x40001000 value=0x1234"
probe hv-memory "probe=read addr=0x7fc00000"
# inmate-demo's RAM (physical 0x7fa00000): not in this cell's space
probe other-cell-ram "probe=write addr=0x7fa00000 value=0x1"
# a virtio-mmio device of the root
probe other-device "probe=read addr=0x0a000000"
probe gicd-enable-foreign "probe=gicd-enable irq=33 alive=1"
probe gicd-route-foreign "probe=gicd-route irq=40 mpidr=0x0 alive=1"
# IRQ 33 is the root's UART
probe gicd-priority-foreign "probe=gicd-priority irq=33 prio=0x10"
probe sgi-foreign "probe=sgi mpidr=0x0 sgi=1 alive=1"
probe cpu-on-foreign "probe=cpu-on mpidr=0x0"
hc hc-create 1 0x40000000
hc hc-destroy 4 1
hc hc-disable 0 0
hc hc-state 6 1
hc hc-cpu-info-foreign 7 0
# the debug console: the cell's config does not permit it
hc hc-putc-unpermitted 8 0x41
echo "warden-test: gic-demo never stopped: $min more interrupts in every" \
	"probe at least"

root=
for c in 0 1; do
	[ "$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)" = $c ]
	root="$root $c"
done
echo "warden-test: root cpus$root ran a task"

probe root-ram-read-again "probe=read addr=0x40000000"
warden cell destroy inmate-demo-2
warden cell destroy inmate-demo
echo "warden-test: failed cell destroyed, online" \
	"$(cat /sys/devices/system/cpu/online)"
warden disable
