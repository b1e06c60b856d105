# A cell on GICv2 (QEMU virt,gic-version=2 as on the Raspberry Pi 4):
# gic-demo in inmate-demo (CPU 3) finds the GIC through the comm region
# (gic_version 2), configures its timer PPI in its CPU's bank of the
# distributor and takes the interrupts on the virtual CPU interface (GICV
# mapped at the GICC address); the root goes on meanwhile. Shut down,
# the cell's timer stops; destroyed, CPU 3 goes back to Linux and takes
# its timer interrupts there again. Twice, so that a restarted CPU's
# private interrupts are reset as on the first start.
# machine: virt-gicv2
# expect-console: ^Created cell "inmate-demo" \(ID 1, CPUs 0x8\)
# expect-console: ^Timer fired, jitter
# expect: ^warden-test: run 1: [1-9][0-9]+ timer interrupts in the cell
# expect: ^warden-test: run 1: root cpus 0 1 2 took timer interrupts meanwhile
# expect: ^warden-test: run 1: shut down, no interrupts since
# expect: ^warden-test: run 2: [1-9][0-9]+ timer interrupts in the cell
# expect: ^warden-test: destroyed, online 0-3
# expect: ^warden-test: cpu 3 took timer interrupts in Linux again
# expect: ^warden-test: disabled: 0
# reject: ^FATAL
# reject: did not stop within
# timeout: 300
# add: tests/system/lib/wait.sh:wait.sh
set -e

. /guest-run/wait.sh

dir=/usr/lib/warden/inmates
stat=/sys/devices/warden/cells/1/statistics/vmexits_virt_irq
timer() { grep arch_timer /proc/interrupts | head -n1 | awk "{print \$$(($1 + 2))}"; }
irqs_above() { [ "$(cat $stat)" -gt "$1" ]; }
root_ticked() {
	[ "$(timer 0)" -gt $r0 ] && [ "$(timer 1)" -gt $r1 ] &&
		[ "$(timer 2)" -gt $r2 ]
}
cpu3_ticked() {
	taskset -c 3 sh -c 'sleep 0.1'
	[ "$(timer 3)" -gt "$t3" ]
}

warden enable /etc/warden/system.cell
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
for run in 1 2; do
	warden cell load inmate-demo $dir/gic-demo.bin -s "print-every=10" \
		-a 0x1000
	r0=$(timer 0) r1=$(timer 1) r2=$(timer 2) base=$(cat $stat)
	warden cell start inmate-demo
	wait_for 60 "20 timer interrupts in the cell" irqs_above $((base + 20))
	echo "warden-test: run $run: $(($(cat $stat) - base)) timer" \
		"interrupts in the cell"
	if [ $run = 1 ]; then
		wait_for 60 "timer interrupts on root CPUs 0-2" root_ticked
		echo "warden-test: run 1: root cpus 0 1 2 took timer" \
			"interrupts meanwhile"
		warden cell shutdown inmate-demo
		n=$(cat $stat)
		sleep 1
		[ "$(cat $stat)" = "$n" ]
		echo "warden-test: run 1: shut down, no interrupts since"
	fi
done
warden cell destroy inmate-demo
echo "warden-test: destroyed, online $(cat /sys/devices/system/cpu/online)"
t3=$(timer 3)
wait_for 60 "a timer interrupt on CPU 3 in Linux" cpu3_ticked
echo "warden-test: cpu 3 took timer interrupts in Linux again"
warden disable
echo "warden-test: disabled: $(cat /sys/devices/warden/enabled)"
