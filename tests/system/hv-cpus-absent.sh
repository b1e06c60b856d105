# A root config that lists CPUs the machine lacks (qemu-virt-16 on QEMU's
# 4 CPUs) stays refused, with the CPUs the machine has, and changes
# nothing: the 4-CPU config enables afterwards.
# expect: the root cell lists CPU 4, which this system does not have \(CPUs 0-3\)
# expect: ^warden-test: refused, enabled: 0
# expect-console: ^Warden enabled: root cell "qemu-virt", 4 CPUs
# expect: ^warden-test: disabled
set -e

if warden enable /etc/warden/qemu-virt-16.cell; then
	echo "warden-test: a 16-CPU root config enabled on 4 CPUs"
	exit 1
fi
echo "warden-test: refused, enabled: $(cat /sys/devices/warden/enabled)"
warden enable /etc/warden/qemu-virt.cell
warden disable
echo "warden-test: disabled"
