# Sourced by the isolation tests (cell-isolation, cell-gicr-isolation,
# cell-gicv2-isolation), after lib/wait.sh: the root enables Warden with
# the machine's system.cell, runs gic-demo in inmate-demo (CPU 3, cell 1;
# quiet, so that test-probe's lines on the shared UART stay whole) and
# creates inmate-demo-2 (CPU 2, cell 2) for the rogue test-probe.
#
# probe LABEL PARAMS [STAT N] runs one probe there and waits until it has
# made its access: until the cell's statistic STAT (vmexits_mmio, ...)
# grew by N, the exits the probe makes up to and including the access
# (without STAT: until the hypervisor stopped the cell for an access
# outside it). Only then may the caller check the access's effect from
# the owner's side. The load stops the run before it (so the
# hypervisor's stop SGI must still work), and gic-demo must take
# interrupts after the access; $min is the fewest it took in a probe.
#
# For the checks from the owner's side: $gicd, gicd_bit OFFSET IRQ (the
# physical distributor), ipi6 (SGI 6, Linux' wake-up IPI, unused on this
# machine, as taken by root CPUs), check WHAT CMD... (the root's view
# after a probe), root_cpus_ran_task CPU... (each root CPU runs a task).
dir=/usr/lib/warden/inmates
irqs=/sys/devices/warden/cells/1/statistics/vmexits_virt_irq
warden enable /etc/warden/system.cell
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
warden cell load inmate-demo $dir/gic-demo.bin -s "print-every=1000" -a 0x1000
warden cell start inmate-demo
min=

irqs_above() { [ "$(cat $irqs)" -gt "$1" ]; }

probe() {
	before=$(cat $irqs)
	warden cell load inmate-demo-2 $dir/test-probe.bin -s "$2" -a 0x1000
	if [ $# -ge 4 ]; then
		base=$(cell_stat 2 $3)
		warden cell start inmate-demo-2
		wait_for 60 "the $1 probe's access ($3 +$4)" \
			stat_above 2 $3 $((base + $4 - 1))
	else
		warden cell start inmate-demo-2
		wait_for 60 "the $1 probe's access to stop the cell" \
			state_is_not 2 running
	fi
	echo "warden-test: $1: state $(cell_state 2)"
	after=$(cat $irqs)
	if ! wait_for 30 "gic-demo's next interrupt" irqs_above $after; then
		echo "warden-test: gic-demo stopped during $1"
		exit 1
	fi
	more=$(($(cat $irqs) - before))
	if [ -z "$min" ] || [ "$more" -lt "$min" ]; then
		min=$more
	fi
	return 0
}

gicd=0x08000000
# gicd_bit OFFSET IRQ: IRQ's bit in a one-bit-per-interrupt register
gicd_bit() {
	echo $((($(devmem $((gicd + $1 + $2 / 32 * 4)) 32) >> ($2 % 32)) & 1))
}
ipi6() {
	awk '/^ *IPI6:/ { n = 0; for (i = 2; i <= NF; i++)
		if ($i ~ /^[0-9]+$/) n += $i; print n }' /proc/interrupts
}
check() {
	what=$1
	shift
	if ! "$@"; then
		echo "warden-test: root's view: NOT $what"
		exit 1
	fi
	echo "warden-test: root's view: $what"
}
root_cpus_ran_task() {
	ran=
	for c in "$@"; do
		[ "$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)" = $c ]
		ran="$ran $c"
	done
	echo "warden-test: root cpus$ran ran a task"
}
