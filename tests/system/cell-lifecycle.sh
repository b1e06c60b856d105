# A cell's whole life: create (CPU 3 leaves Linux), load gic-demo, start
# (its timer lines appear, at least 20 timer interrupts reach the cell and
# the statistics show them), shutdown, load and start again, destroy (CPU
# 3 back in Linux's online mask, the page pool back where it was).
# gics: 3 2
# expect-console: ^Created cell "inmate-demo" \(ID 1, CPUs 0x8\)
# expect: ^warden-test: created: online 0-2
# expect: ^1 +inmate-demo +shut down +3
# expect-console: ^Cell "inmate-demo" can be loaded
# expect-console: ^Started cell "inmate-demo"
# expect-console: ^Timer fired, jitter: +[0-9]+ ns, min: +[0-9]+ ns, max: +[0-9]+ ns
# expect: ^1 +inmate-demo +running +3
# expect: ^warden-test: run 1: [2-9][0-9] timer interrupts in the cell
# expect: ^virt_irq +[0-9]+ +[0-9]+$
# expect: ^Statistics of cell "inmate-demo" \(ID 1\), per second in brackets
# expect: ^virt_irq +[0-9]+ +[0-9]+  \(([4-9]|1[0-6])\)$
# expect: ^warden-test: run 2: [2-9][0-9] timer interrupts in the cell
# expect-console: ^Destroyed cell "inmate-demo"; [0-9]+ of [0-9]+ pool pages used
# expect: ^warden-test: destroyed: online 0-3, cpu 3 ran a task
# expect: ^warden-test: pool used [0-9]+ pages before and after
# expect: ^warden-test: disabled
# timeout: 120
set -e

cell=/etc/warden/qemu-virt-inmate-demo.cell
demo=/usr/lib/warden/inmates/gic-demo.bin
stat=/sys/devices/warden/cells/1/statistics

# Waits until at least 20 more timer interrupts reached the cell (10 Hz).
run() {
	t=0
	n=0
	while [ $n -lt 20 ] && [ $t -lt 60 ]; do
		sleep 1
		t=$((t + 1))
		n=$(($(cat $stat/vmexits_virt_irq) - $2))
	done
	echo "warden-test: run $1: $n timer interrupts in the cell"
}

warden enable /etc/warden/system.cell
before=$(cat /sys/devices/warden/mem_pool_used)

warden cell create $cell
echo "warden-test: created: online $(cat /sys/devices/system/cpu/online)"
warden cell list
warden cell load inmate-demo $demo
warden cell start inmate-demo
run 1 0
warden cell list
warden cell stats inmate-demo
# following: a table a second, with rates (gic-demo: 10 interrupts/s; a
# busy host delays some of them into the next second)
timeout 5 warden cell stats -f 1 || true

warden cell shutdown inmate-demo
warden cell list
base=$(cat $stat/vmexits_virt_irq)
warden cell load 1 $demo -a 0
warden cell start 1
run 2 $base
warden cell destroy 1
online=$(cat /sys/devices/system/cpu/online)
ran=$(taskset -c 3 cat /proc/self/stat | cut -d' ' -f39)
echo "warden-test: destroyed: online $online, cpu $ran ran a task"
after=$(cat /sys/devices/warden/mem_pool_used)
[ "$before" = "$after" ]
echo "warden-test: pool used $after pages before and after"
warden disable
echo "warden-test: disabled"
