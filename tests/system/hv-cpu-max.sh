# Enable and disable on a max CPU (ARMv8.2+: VHE, so Linux is booted at
# EL1 with id_aa64mmfr1.vh=0; other PA range, pointer authentication, no
# AArch32 at EL1): the hypervisor must use only what the ID registers
# offer, and Linux must keep running on every CPU. In QEMU 10 (the one
# fetched for the Raspberry Pi 4 leg), whose "max" has more than Debian
# 12's QEMU 7.2 (FEAT_EVT among them: with HCR_EL2 bit 52 set, as the
# hypervisor once did for TIDCP, every IC IALLU of Linux trapped and the
# hotplugged CPU was parked).
# machine: virt-qemu10
# qemu-opts: -cpu max
# append: id_aa64mmfr1.vh=0
# expect-console: ^Warden enabled: root cell "qemu-virt", 4 CPUs
# expect: ^warden-test: cpus 0 1 2 3 ran a task
# expect: ^warden-test: hotplug of cpu 2 ok
# expect: ^warden-test: disabled
# reject: ^FATAL
set -e

warden enable /etc/warden/qemu-virt.cell
cpus=
for c in 0 1 2 3; do
	ran=$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)
	[ "$ran" = $c ]
	cpus="$cpus $c"
done
echo "warden-test: cpus$cpus ran a task"
echo 0 >/sys/devices/system/cpu/cpu2/online
echo 1 >/sys/devices/system/cpu/cpu2/online
[ "$(taskset -c 2 cat /proc/self/stat | cut -d' ' -f39)" = 2 ]
echo "warden-test: hotplug of cpu 2 ok"
warden disable
echo "warden-test: disabled"
