# CPU hotplug while enabled goes through the hypervisor's PSCI: CPU_OFF
# parks the CPU in the hypervisor, CPU_ON restarts it in the root cell (not
# at EL2), and the CPU works afterwards. Disable is refused while a root
# CPU is off, and works once it is back.
# expect-console: ^CPU 1 parked \(PSCI CPU_OFF\)
# expect-console: ^CPU 1 restarts at 0x[0-9a-f]+ \(PSCI CPU_ON\)
# expect-console: ^CPU 3 parked \(PSCI CPU_OFF\)
# expect-console: ^CPU 3 restarts at 0x[0-9a-f]+ \(PSCI CPU_ON\)
# expect: ^warden-test: cpu1 offline: online 0,2-3
# expect: ^warden-test: disable refused while cpu1 is off
# expect: ^warden-test: cpu1 back: online 0-3, runs tasks
# expect: ^warden-test: cpus 2 and 3 cycled 3 times
# expect-console: ^ Releasing CPU 1
# expect: ^warden-test: disabled after hotplug
# expect: ^warden-test: after disable: cpu1 off and on again
set -e

warden enable /etc/warden/qemu-virt.cell

echo 0 >/sys/devices/system/cpu/cpu1/online
echo "warden-test: cpu1 offline: online $(cat /sys/devices/system/cpu/online)"
if warden disable; then
	echo "warden-test: disable worked with cpu1 off"
	exit 1
fi
[ "$(cat /sys/devices/warden/enabled)" = 1 ]
echo "warden-test: disable refused while cpu1 is off"

echo 1 >/sys/devices/system/cpu/cpu1/online
[ "$(taskset -c 1 cat /proc/self/stat | cut -d' ' -f39)" = 1 ]
echo "warden-test: cpu1 back: online $(cat /sys/devices/system/cpu/online), runs tasks"

for i in 1 2 3; do
	echo 0 >/sys/devices/system/cpu/cpu3/online
	echo 0 >/sys/devices/system/cpu/cpu2/online
	echo 1 >/sys/devices/system/cpu/cpu3/online
	echo 1 >/sys/devices/system/cpu/cpu2/online
done
[ "$(cat /sys/devices/system/cpu/online)" = 0-3 ]
[ "$(taskset -c 3 cat /proc/self/stat | cut -d' ' -f39)" = 3 ]
echo "warden-test: cpus 2 and 3 cycled 3 times"

# All four CPUs must be under the hypervisor again for this to work.
warden disable
echo "warden-test: disabled after hotplug"

# Without the hypervisor, hotplug goes to the firmware as before.
echo 0 >/sys/devices/system/cpu/cpu1/online
echo 1 >/sys/devices/system/cpu/cpu1/online
[ "$(taskset -c 1 cat /proc/self/stat | cut -d' ' -f39)" = 1 ]
echo "warden-test: after disable: cpu1 off and on again"
