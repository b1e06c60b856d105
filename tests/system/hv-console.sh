# "warden console -f" follows the hypervisor's in-memory console while it
# writes; after disable the last console stays readable.
# expect: ^warden-test: followed: Warden hypervisor .* starting on CPU
# expect: ^warden-test: followed: CPU 2 parked \(PSCI CPU_OFF\)
# expect: ^warden-test: followed: Shutting down hypervisor
# expect: ^warden-test: after disable: .*Releasing CPU
# add: tests/system/lib/wait.sh:wait.sh
set -e
. /guest-run/wait.sh

warden console -f >/tmp/follow &
pid=$!
warden enable /etc/warden/qemu-virt.cell
echo 0 >/sys/devices/system/cpu/cpu2/online
echo 1 >/sys/devices/system/cpu/cpu2/online
warden disable
# the follower polls: wait until it has read the disable's line
wait_for 60 "warden console -f to show the disable" \
	grep -q 'Shutting down' /tmp/follow
kill $pid
grep -m1 'starting on CPU' /tmp/follow | sed 's/^/warden-test: followed: /'
grep -m1 'CPU 2 parked' /tmp/follow | sed 's/^/warden-test: followed: /'
grep -m1 'Shutting down' /tmp/follow | sed 's/^/warden-test: followed: /'
echo "warden-test: after disable: $(warden console | grep -m1 Releasing)"
