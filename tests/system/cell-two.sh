# Two cells at once on different CPUs, gic-demo on CPU 3 and uart-demo on
# CPU 2, both producing output next to a working root, destroyed in either
# order; then a cell with two CPUs (test-smp: CPU_ON and SGIs inside the
# cell; on GICv2 each SGI names its sender's CPU interface, CPU 2's and
# CPU 3's on QEMU, where CPU n has interface n). That cell's second CPU
# then powers itself off and the first sends it SGIs 0-7 (off-sgis=1):
# pending on CPU 3 when the cell is destroyed, they must not reach the
# root, whose Linux would take SGI 2 as IPI_CPU_STOP and lose the CPU:
# CPU 3 runs tasks afterwards and its stop-IPI counts (/proc/interrupts,
# the root kernel's own) have not moved. On the way, AFFINITY_INFO in its
# SMC32 form with garbage in the upper halves of its arguments still
# names CPU 3 (SMCCC: they are not part of the call).
# gics: 3 2
# expect-console: ^Created cell "inmate-demo" \(ID 1, CPUs 0x8\)
# expect-console: ^Created cell "inmate-demo-2" \(ID 2, CPUs 0x4\)
# expect: ^warden-test: two cells: online 0-1
# expect: ^2 +inmate-demo-2 +running +2
# expect-console: ^Hello 3 from cell!
# expect-console: ^Timer fired, jitter
# expect: ^warden-test: both running: gic-demo [1-9][0-9]* interrupts, uart-demo alive, root on cpus 0 1
# expect: ^warden-test: round 1 destroyed 1 then 2: online 0-3
# expect: ^warden-test: round 2 destroyed 2 then 1: online 0-3
# expect-console: ^test-smp: CPU 0x3 up
# expect-console: ^test-smp: 10 pings answered by 10 pongs
# expect-console@gicv2: ^test-smp: pings from CPU interface 2 \(the first CPU's is 2\), pongs from 3 \(the second's is 3\)$
# expect-console: ^test-smp: AFFINITY_INFO_32 with upper halves set: 1$
# expect-console: ^test-smp: SGIs 0-7 sent to CPU 0x3, which is off
# expect: ^warden-test: after the SGI bait: CPU 3 runs tasks, its stop IPIs [0-9]+ [0-9]+ before and after
# expect: ^warden-test: pool used [0-9]+ pages before and after
# expect: ^warden-test: disable with two running cells: online 0-3, no cells left
# reject: FATAL
# reject: ^TEST FAIL
# timeout: 300
# add: tests/system/lib/wait.sh:wait.sh
set -e
. /guest-run/wait.sh

dir=/usr/lib/warden/inmates
warden enable /etc/warden/system.cell
before=$(cat /sys/devices/warden/mem_pool_used)

both() {
	warden cell create /etc/warden/qemu-virt-inmate-demo.cell
	warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
	echo "warden-test: two cells: online $(cat /sys/devices/system/cpu/online)"
	warden cell load inmate-demo $dir/gic-demo.bin
	warden cell load inmate-demo-2 $dir/uart-demo.bin \
		-s "pause-ms=200" -a 0x1000
	warden cell start inmate-demo
	warden cell start inmate-demo-2
	# gic-demo ticks at 10 Hz, uart-demo prints every 200 ms
	wait_for 60 "10 interrupts in gic-demo" stat_above 1 vmexits_virt_irq 9
	warden cell list
}

both
n=$(cat /sys/devices/warden/cells/1/statistics/vmexits_virt_irq)
root=
for c in 0 1; do
	[ "$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)" = $c ]
	root="$root $c"
done
state=$(cat /sys/devices/warden/cells/2/state)
[ "$state" = running ]
echo "warden-test: both running: gic-demo $n interrupts, uart-demo alive," \
	"root on cpus$root"
warden cell destroy 1
warden cell destroy 2
echo "warden-test: round 1 destroyed 1 then 2: online" \
	"$(cat /sys/devices/system/cpu/online)"

both
warden cell destroy inmate-demo-2
warden cell destroy inmate-demo
echo "warden-test: round 2 destroyed 2 then 1: online" \
	"$(cat /sys/devices/system/cpu/online)"

# The counts of IPI2 (CPU stop) and IPI3 (crash stop) on CPU 3.
stop_ipis() {
	awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "CPU3") col = i + 1 }
	     $1 == "IPI2:" || $1 == "IPI3:" { printf "%s ", $col }' \
		/proc/interrupts
}
stops_before=$(stop_ipis)

# Two CPUs in one cell: the first starts the second with PSCI CPU_ON.
warden cell create /etc/warden/qemu-virt-inmate-smp.cell
warden cell load inmate-smp $dir/test-smp.bin -s "cpu=3 off-sgis=1" -a 0x1000
warden cell start inmate-smp
# 10 pings and 10 pongs are SGIs the hypervisor passes on; then a second
# for the cell's summary line
wait_for 120 "10 pings and 10 pongs" \
	stat_above "$(cell_id inmate-smp)" vmexits_virt_sgi 19
# then the wake-up ping and its pong, and the 8 SGIs to the off CPU
wait_for 30 "the SGIs to the off CPU" \
	stat_above "$(cell_id inmate-smp)" vmexits_virt_sgi 29
sleep 1
warden cell destroy inmate-smp
sleep 1
[ "$(taskset -c 3 cat /proc/self/stat | cut -d' ' -f39)" = 3 ]
stops_after=$(stop_ipis)
[ "$stops_after" = "$stops_before" ]
echo "warden-test: after the SGI bait: CPU 3 runs tasks, its stop IPIs" \
	"${stops_after}before and after"

after=$(cat /sys/devices/warden/mem_pool_used)
[ "$before" = "$after" ]
echo "warden-test: pool used $after pages before and after"

# disable destroys the cells first
both
warden disable
[ "$(ls /sys/devices/warden/cells)" = "" ]
echo "warden-test: disable with two running cells: online" \
	"$(cat /sys/devices/system/cpu/online), no cells left"
