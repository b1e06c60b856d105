# 50 create/load/start/destroy cycles of a cell: every one works, the
# hypervisor's page pool and the driver's view return to where they
# started (no leak), and Linux has all CPUs afterwards.
# expect: ^warden-test: 50 cycles ok, pool used [0-9]+ pages before and after each
# expect: ^warden-test: after cycles: online 0-3, cpus 0 1 2 3 ran a task
# expect: ^warden-test: dmesg clean
# reject: FATAL
# timeout: 400
set -e

dir=/usr/lib/warden/inmates
warden enable /etc/warden/qemu-virt.cell
first=$(cat /sys/devices/warden/mem_pool_used)
i=0
while [ $i -lt 50 ]; do
	i=$((i + 1))
	if ! { warden cell create /etc/warden/qemu-virt-inmate-demo.cell &&
		warden cell load 1 $dir/uart-demo.bin -s "pause-ms=20" \
			-a 0x1000 &&
		warden cell start 1 &&
		warden cell destroy 1; } >/tmp/cycle.log 2>&1; then
		cat /tmp/cycle.log
		echo "warden-test: cycle $i failed"
		exit 1
	fi
	used=$(cat /sys/devices/warden/mem_pool_used)
	if [ "$used" != "$first" ]; then
		echo "warden-test: cycle $i: pool used $used, at first $first"
		exit 1
	fi
done
echo "warden-test: 50 cycles ok, pool used $first pages before and after each"

cpus=
for c in 0 1 2 3; do
	[ "$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)" = $c ]
	cpus="$cpus $c"
done
echo "warden-test: after cycles: online $(cat /sys/devices/system/cpu/online)," \
	"cpus$cpus ran a task"
warden disable
if dmesg | grep -E 'WARNING|BUG|Oops|refcount|leak'; then
	exit 1
fi
echo "warden-test: dmesg clean"
