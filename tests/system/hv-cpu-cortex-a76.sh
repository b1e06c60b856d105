# Enable and disable on a cortex-a76 CPU (ARMv8.2+: VHE, so Linux is booted at
# EL1 with id_aa64mmfr1.vh=0; other PA range, pointer authentication, no
# AArch32 at EL1): the hypervisor must use only what the ID registers
# offer, and Linux must keep running on every CPU.
# qemu-opts: -cpu cortex-a76
# append: id_aa64mmfr1.vh=0
# CSV2: the EL2 vectors need no Spectre-v2 workaround, but the A76 has
# no ECBHB: the branch history loop runs on every entry from EL1.
# expect-console: ^EL2 vectors: Spectre-v2 workaround not needed \(Cortex-A76: CSV2\)$
# expect-console: ^EL2 vectors: Spectre-BHB: branch history loop \(24\) on entry from EL1 \(Cortex-A76\)$
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
