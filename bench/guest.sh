# SPDX-License-Identifier: GPL-2.0
# Runs inside the QEMU guest under -icount for bench/run, which prepends
# "rounds=N" and reads the "bench: KEY VALUE" lines and op-costs' output. Guest time
# is virtual time: one instruction is one nanosecond, summed over the CPUs
# that run (the others sit idle in WFI).
set -e
cell=/etc/warden/qemu-virt-bench.cell
stats=/sys/devices/warden/cells/1/statistics

# Monotonic nanoseconds: busybox date has no %N.
ns() { awk '/^now at/ { print $3; exit }' /proc/timer_list; }
t0=$(ns)
t1=$(ns)
clock_cost=$((t1 - t0))
# timed NAME CMD...: the command's virtual time, less the clock's own cost
timed() {
	name=$1
	shift
	t0=$(ns)
	"$@" >/dev/null
	t1=$(ns)
	echo "bench: time-$name $((t1 - t0 - clock_cost))"
}
stat() { cat $stats/vmexits_$1; }

timed enable warden enable /etc/warden/system.cell
echo "bench: pool-size $(cat /sys/devices/warden/mem_pool_size)"
echo "bench: pool-after-enable $(cat /sys/devices/warden/mem_pool_used)"
timed create warden cell create $cell
echo "bench: pool-after-create $(cat /sys/devices/warden/mem_pool_used)"
dd if=/dev/zero of=/tmp/8m bs=1M count=8 2>/dev/null
timed load-8mib warden cell load bench /tmp/8m
timed load-image warden cell load bench /guest-run/op-costs.bin \
	-s "rounds=$rounds" -a 0x1000
timed start warden cell start bench
sleep 1

# Again, computing forever once done: timed above it would have counted
# the spinning CPU's instructions into the start.
warden cell load bench /guest-run/op-costs.bin -s "rounds=10 spin=1" \
	-a 0x1000 >/dev/null
warden cell start bench >/dev/null
sleep 1
# op-costs now computes forever: no device, no interrupt, no call.
e0=$(stat total)
sleep 1
echo "bench: compute-exits-per-second $(($(stat total) - e0))"

warden cell load bench /usr/lib/warden/inmates/gic-demo.bin >/dev/null
warden cell start bench >/dev/null
sleep 1
e0=$(stat total)
i0=$(stat virt_irq)
sleep 2
echo "bench: gic-demo-exits $(($(stat total) - e0))"
echo "bench: gic-demo-ticks $(($(stat virt_irq) - i0))"

timed destroy warden cell destroy bench
echo "bench: pool-after-destroy $(cat /sys/devices/warden/mem_pool_used)"
timed disable warden disable
