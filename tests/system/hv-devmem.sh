# The root cannot read hypervisor memory through /dev/mem. Debian's kernel
# has STRICT_DEVMEM and IO_STRICT_DEVMEM: the driver's claim on the region
# makes /dev/mem refuse it outright. (hv-devmem-relaxed shows what stage 2
# alone does when the kernel lets /dev/mem through.)
# expect: ^warden-test: /proc/iomem: 7fc00000-7fffffff : Warden hypervisor
# expect: ^warden-test: devmem refused: .*Operation not permitted
# expect: ^warden-test: read refused: .*Bad address
set -e

warden enable /etc/warden/qemu-virt.cell
echo "warden-test: /proc/iomem: $(grep -i 'warden hypervisor' /proc/iomem | sed 's/^ *//')"
if out=$(devmem 0x7fc00000 32 2>&1); then
	echo "warden-test: devmem read hypervisor memory: $out"
	exit 1
fi
echo "warden-test: devmem refused: $out"
if out=$(dd if=/dev/mem bs=4096 skip=$((0x7fc00000 / 4096)) count=1 \
	 2>&1 >/dev/null); then
	echo "warden-test: read /dev/mem succeeded: $out"
	exit 1
fi
echo "warden-test: read refused: $out"
warden disable
