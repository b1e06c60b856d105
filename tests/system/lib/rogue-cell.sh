# Sourced by the isolation tests (cell-isolation, cell-gicr-isolation):
# the root enables Warden, runs gic-demo in inmate-demo (CPU 3, cell 1,
# quiet: the cells share the UART and lines printed at once interleave)
# and creates inmate-demo-2 (CPU 2, cell 2) for the rogue test-probe.
# probe LABEL PARAMS runs one probe there: the load stops the run before
# it (so the hypervisor's stop SGI must still work), and gic-demo must
# have taken interrupts meanwhile; $min is the fewest it took in a probe.
dir=/usr/lib/warden/inmates
irqs=/sys/devices/warden/cells/1/statistics/vmexits_virt_irq
warden enable /etc/warden/qemu-virt.cell
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
warden cell load inmate-demo $dir/gic-demo.bin -s "print-every=1000" -a 0x1000
warden cell start inmate-demo
min=

probe() {
	before=$(cat $irqs)
	warden cell load inmate-demo-2 $dir/test-probe.bin -s "$2" -a 0x1000 \
		>/dev/null
	warden cell start inmate-demo-2 >/dev/null
	sleep 1
	echo "warden-test: $1: state $(cat /sys/devices/warden/cells/2/state)"
	more=$(($(cat $irqs) - before))
	if [ "$more" -lt 1 ]; then
		echo "warden-test: gic-demo stopped during $1"
		exit 1
	fi
	[ -z "$min" ] || [ "$more" -lt "$min" ] && min=$more
	return 0
}
