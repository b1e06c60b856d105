# Sourced by the config-create tests: demo_cell_run CONFIG enables Warden
# with the root cell config CONFIG, runs gic-demo in the demo cell until
# its timer interrupts reach it (at least 10, within 30 s), destroys the
# cell and disables, saying so at each step.
demo_cell_run() {
	_demo_cell=/etc/warden/qemu-virt-inmate-demo.cell
	_demo_stat=/sys/devices/warden/cells/1/statistics
	warden enable "$1"
	echo "warden-test: enabled with the generated config"
	warden cell create $_demo_cell
	warden cell load inmate-demo /usr/lib/warden/inmates/gic-demo.bin
	warden cell start inmate-demo >/dev/null
	_demo_t=0
	_demo_n=0
	while [ "$_demo_n" -lt 10 ] && [ $_demo_t -lt 60 ]; do
		sleep 1
		_demo_t=$((_demo_t + 1))
		_demo_n=$(cat $_demo_stat/vmexits_virt_irq)
	done
	echo "warden-test: $_demo_n timer interrupts in the cell"
	[ "$_demo_n" -ge 10 ]
	warden cell destroy inmate-demo
	warden disable
	echo "warden-test: disabled, online $(cat /sys/devices/system/cpu/online)"
}
