# 20 enable/disable cycles: every one succeeds, the page pool in use after
# enable is the same each time (no leak), and Linux works afterwards.
# expect: ^warden-test: 20 cycles ok, pool used [0-9]+ pages every time
# expect: ^warden-test: after cycles: cpus 0 1 2 3 ran a task
# expect: ^warden-test: dmesg clean
# timeout: 300
set -e

first=
i=0
while [ $i -lt 20 ]; do
	i=$((i + 1))
	if ! warden enable /etc/warden/qemu-virt.cell >/tmp/enable.log 2>&1; then
		cat /tmp/enable.log
		echo "warden-test: enable $i failed"
		exit 1
	fi
	used=$(cat /sys/devices/warden/mem_pool_used)
	[ -z "$first" ] && first=$used
	if [ "$used" != "$first" ]; then
		echo "warden-test: cycle $i: pool used $used, first $first"
		exit 1
	fi
	warden disable
	[ "$(cat /sys/devices/warden/enabled)" = 0 ]
done
echo "warden-test: 20 cycles ok, pool used $first pages every time"

cpus=
for c in 0 1 2 3; do
	[ "$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)" = $c ]
	cpus="$cpus $c"
done
echo "warden-test: after cycles: cpus$cpus ran a task"

if dmesg | grep -E 'WARNING|BUG|Oops|refcount|leak'; then
	exit 1
fi
echo "warden-test: dmesg clean"
