# The root-cell driver loads on Debian's stock kernel, creates /dev/warden,
# the CLI reports its version, and unloading leaves the kernel clean; on
# both GICs of QEMU virt (the matrix's own proof: each variant names its
# interrupt controller and system config).
# gics: 3 2
# expect@gicv3: ^warden-test: interrupt controller GICv3, system.cell -> qemu-virt.cell$
# expect@gicv2: ^warden-test: interrupt controller GICv2, system.cell -> qemu-virt-gicv2.cell$
# expect: ^warden-test: module loaded at boot: warden
# expect: ^warden-test: /dev/warden is a character device
# expect: ^warden-test: version warden [0-9]+\.[0-9]+\.[0-9]+
# expect: ^warden-test: jailhouse alias: warden [0-9]+\.[0-9]+\.[0-9]+
# expect: ^warden-test: rmmod ok, /dev/warden gone
# expect: ^warden-test: modprobe again ok
# expect: ^warden-test: dmesg clean
# add: VERSION:VERSION
set -e

mod=$(lsmod | awk '$1 == "warden" { print $1 }')
[ "$mod" = warden ]
echo "warden-test: module loaded at boot: $mod"

gic=$(grep -o 'GICv[0-9]' /proc/interrupts | head -n1)
echo "warden-test: interrupt controller $gic, system.cell -> $(readlink /etc/warden/system.cell)"

[ -c /dev/warden ]
echo "warden-test: /dev/warden is a character device"

v=$(warden --version)
[ "${v%%-*}" = "warden $(cat VERSION)" ] || [ "$v" = "warden $(cat VERSION)" ]
echo "warden-test: version $v"
echo "warden-test: jailhouse alias: $(jailhouse --version)"

rmmod warden
[ ! -e /dev/warden ]
if lsmod | grep -q '^warden '; then
	echo "warden-test: still in lsmod after rmmod: $(lsmod | grep '^warden ')"
	exit 1
fi
echo "warden-test: rmmod ok, /dev/warden gone"

modprobe warden
[ -c /dev/warden ]
echo "warden-test: modprobe again ok"
rmmod warden

# Taint from an unsigned out-of-tree module is expected; nothing else is.
if dmesg | grep -E 'WARNING|BUG|Oops|refcount|leak' ; then
	echo "warden-test: dmesg shows problems"
	exit 1
fi
echo "warden-test: dmesg clean"
