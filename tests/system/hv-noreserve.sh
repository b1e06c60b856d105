# Booted without reserving the hypervisor's memory (mem=1G: Linux uses all
# RAM), enable refuses, names the range and says how to reserve it.
# append: mem=1G
# expect: ^warden-test: refused: .*hypervisor memory 0x7fc00000-0x7fffffff is in use by Linux .*mem=1020M.*reserved-memory
# expect: ^warden-test: still disabled: 0
set -e

if out=$(warden enable /etc/warden/qemu-virt.cell 2>&1); then
	echo "warden-test: enable succeeded over Linux RAM"
	exit 1
fi
echo "warden-test: refused: $(echo "$out" | tr '\n' ' ')"
echo "warden-test: still disabled: $(cat /sys/devices/warden/enabled)"
