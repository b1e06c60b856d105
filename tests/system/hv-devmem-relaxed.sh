# With iomem=relaxed the kernel lets /dev/mem map the hypervisor's memory;
# stage 2 then shows the root a zero page there instead of the hypervisor,
# except the console ring, which the driver reads. After disable the same
# address shows the image again: the zeros come from the hypervisor. The
# memory is read through mmap (devmem): read() of /dev/mem fails with
# EFAULT there, outside Linux's linear map. 64 KiB word by word would take
# minutes of devmem calls, so one word in every 256 bytes is read: 256
# words, of which the image (code there) has most not zero, as the same
# words read after disable show.
# append: iomem=relaxed
# expect: ^warden-test: enabled: image header reads 0x00000000
# expect: ^warden-test: enabled: 256 words across 64 KiB of hypervisor memory read as zeros
# expect: ^warden-test: enabled: console ring magic 0x4E4F4357
# expect: ^warden-test: disabled: image header reads 0x44524157
# expect: ^warden-test: disabled: (12[89]|1[3-9][0-9]|2[0-5][0-9]) of the 256 words not zero
set -e

hv=$((0x7fc00000))
# nonzero: how many of the 64-bit words at every 256th byte of the first
# 64 KiB of hypervisor memory are not zero
nonzero() {
	_a=$hv _n=0
	while [ $_a -lt $((hv + 0x10000)) ]; do
		_v=$(devmem $_a 64) || return 1
		case $_v in
		0x0000000000000000) ;;
		0x*) _n=$((_n + 1)) ;;
		*) echo "warden-test: devmem $_a read '$_v'" >&2; return 1 ;;
		esac
		_a=$((_a + 256))
	done
	echo $_n
}

warden enable /etc/warden/qemu-virt.cell
echo "warden-test: enabled: image header reads $(devmem $hv 32)"
n=$(nonzero)
if [ "$n" != 0 ]; then
	echo "warden-test: enabled: $n of 256 words of hypervisor memory not zero"
	exit 1
fi
echo "warden-test: enabled: 256 words across 64 KiB of hypervisor memory read as zeros"
# The ring's offset is in the image header (console_offset at byte 40).
off=$(dd if=/lib/firmware/warden.bin bs=1 skip=40 count=4 2>/dev/null |
	hexdump -e '1/4 "%d"')
echo "warden-test: enabled: console ring magic $(devmem $((hv + off)) 32)"
warden disable
echo "warden-test: disabled: image header reads $(devmem $hv 32)"
# the same words show the image now: the check above could see it
n=$(nonzero)
echo "warden-test: disabled: $n of the 256 words not zero"
[ "$n" -ge 128 ]
