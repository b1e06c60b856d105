# Cells on the Raspberry Pi 4 (guest-run --machine rpi4: QEMU 10's
# raspi4b, GIC-400, TF-A): the root enables Warden with rpi4-1g, gic-demo
# runs in rpi4-inmate-demo (CPU 3) and prints on the mini UART (the
# inmate library's 8250 console) while its timer interrupts arrive
# through the GICv2's virtual CPU interface; a rogue test-probe in
# rpi4-inmate-demo-2 (CPU 2) reads Linux's RAM (stopped, reported) and
# tries to disable the root's PL011 interrupt (the root still sees it
# enabled in the distributor); gic-demo goes on
# throughout; both cells are destroyed, Warden disabled and all four CPUs
# are Linux's again. Needs the hypervisor's GICv2 back-end.
# machine: rpi4
# timeout: 300
# allow-kernel-warnings
# (TF-A prints "WARNING: BL31: ... workaround ... missing" on the console
# before Linux starts; dmesg is checked for kernel warnings below.)
# append: iomem=relaxed
# expect: ^warden-test: enabled with rpi4-1g
# expect: ^warden-test: gic-demo took [1-9][0-9]* timer interrupts
# expect-console: ^Timer fired, jitter:
# expect: ^warden-test: root-ram-read: state failed
# expect-console: ^FATAL: data abort \(access outside the cell\) by cell "rpi4-inmate-demo-2" on CPU 2
# expect: ^warden-test: PL011 IRQ 153$
# expect: ^warden-test: root's view: PL011 IRQ 153 still enabled$
# expect: ^warden-test: gic-demo went on: [1-9][0-9]* more interrupts$
# expect: ^warden-test: disabled, online 0-3, enabled 0
# expect: ^warden-test: dmesg clean
# add: tests/system/lib/wait.sh:wait.sh
set -e

. /guest-run/wait.sh

dir=/usr/lib/warden/inmates
gicd=0xff841000
irqs=/sys/devices/warden/cells/1/statistics/vmexits_virt_irq

# The PL011's interrupt, as the root's GICv2 driver names it (INTID 153;
# QEMU's raspi4b never raises it, so it is checked in the distributor).
uart_irq=$(awk '/GICv2/ && /uart-pl011/ { for (i = 1; i < NF; i++)
	if ($i == "GICv2") { print $(i + 1); exit } }' /proc/interrupts)
echo "warden-test: PL011 IRQ $uart_irq"
uart_enabled() {
	echo $((($(devmem $((gicd + 0x100 + uart_irq / 32 * 4)) 32) >> \
		(uart_irq % 32)) & 1))
}

warden enable /etc/warden/system.cell
echo "warden-test: enabled with $(cat /sys/devices/warden/cells/0/name)"

warden cell create /etc/warden/rpi4-inmate-demo.cell
warden cell load rpi4-inmate-demo $dir/gic-demo.bin -s "print-every=10" \
	-a 0x1000
warden cell start rpi4-inmate-demo
irqs_above() { [ "$(cat $irqs)" -gt "$1" ]; }
wait_for 60 "gic-demo's timer interrupts" irqs_above 10
echo "warden-test: gic-demo took $(cat $irqs) timer interrupts"

warden cell create /etc/warden/rpi4-inmate-demo2.cell
warden cell load rpi4-inmate-demo-2 $dir/test-probe.bin \
	-s "probe=read addr=0x10000000" -a 0x1000
warden cell start rpi4-inmate-demo-2
wait_for 60 "the probe's access to stop the cell" state_is_not 2 running
echo "warden-test: root-ram-read: state $(cell_state 2)"
warden cell list

# ICENABLER for the root's PL011 interrupt, from the rogue cell: two MMIO
# exits (the write and the probe's read back).
[ "$(uart_enabled)" = 1 ]
before=$(cell_stat 2 vmexits_mmio)
warden cell load rpi4-inmate-demo-2 $dir/test-probe.bin -s \
	"probe=write32 addr=$(printf 0x%x $((gicd + 0x180 + uart_irq / 32 * 4))) value=$(printf 0x%x $((1 << (uart_irq % 32))))" \
	-a 0x1000
warden cell start rpi4-inmate-demo-2
wait_for 60 "the ICENABLER probe's access" \
	stat_above 2 vmexits_mmio $((before + 1))
[ "$(uart_enabled)" = 1 ]
echo "warden-test: root's view: PL011 IRQ $uart_irq still enabled"

seen=$(cat $irqs)
wait_for 30 "gic-demo's next interrupt" irqs_above $seen
echo "warden-test: gic-demo went on: $(($(cat $irqs) - seen)) more interrupts"

warden cell destroy rpi4-inmate-demo-2
warden cell destroy rpi4-inmate-demo
warden disable
echo "warden-test: disabled, online $(cat /sys/devices/system/cpu/online), enabled $(cat /sys/devices/warden/enabled)"

if dmesg | grep -E 'WARNING: |BUG: |Oops|Call trace:|Kernel panic'; then
	exit 1
fi
echo "warden-test: dmesg clean"
