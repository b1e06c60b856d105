# With KVM initialised (kvm-arm.mode=nvhe) EL2 belongs to KVM: enable is
# refused with the reason and the fix, and nothing changes.
# append: kvm-arm.mode=nvhe
# expect: ^warden-test: refused: .*KVM is initialised and owns EL2: boot with kvm-arm.mode=none
# expect: ^warden-test: still disabled: 0
set -e

if out=$(warden enable /etc/warden/qemu-virt.cell 2>&1); then
	echo "warden-test: enable succeeded under KVM"
	warden disable
	exit 1
fi
echo "warden-test: refused: $(echo "$out" | tr '\n' ' ')"
echo "warden-test: still disabled: $(cat /sys/devices/warden/enabled)"
