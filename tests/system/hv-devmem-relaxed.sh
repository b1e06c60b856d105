# With iomem=relaxed the kernel lets /dev/mem map the hypervisor's memory;
# stage 2 then shows the root a zero page there instead of the hypervisor,
# except the console ring, which the driver reads. After disable the same
# address shows the image again: the zeros come from the hypervisor.
# append: iomem=relaxed
# expect: ^warden-test: enabled: image header reads 0x00000000
# expect: ^warden-test: enabled: 64 KiB of hypervisor memory read as zeros
# expect: ^warden-test: enabled: console ring magic 0x4E4F4357
# expect: ^warden-test: disabled: image header reads 0x44524157
set -e

warden enable /etc/warden/qemu-virt.cell
echo "warden-test: enabled: image header reads $(devmem 0x7fc00000 32)"
n=$(dd if=/dev/mem bs=4096 skip=$((0x7fc00000 / 4096)) count=16 2>/dev/null |
	tr -d '\000' | wc -c)
[ "$n" = 0 ]
echo "warden-test: enabled: 64 KiB of hypervisor memory read as zeros"
# The ring's offset is in the image header (console_offset at byte 40).
off=$(dd if=/lib/firmware/warden.bin bs=1 skip=40 count=4 2>/dev/null |
	hexdump -e '1/4 "%d"')
echo "warden-test: enabled: console ring magic $(devmem $((0x7fc00000 + off)) 32)"
warden disable
echo "warden-test: disabled: image header reads $(devmem 0x7fc00000 32)"
