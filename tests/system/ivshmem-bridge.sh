# The root's virtual PCI host bridge comes from warden.ko alone (no DT
# overlay, no kernel patch): after enable the ivshmem device sits on it,
# bound to the module's UIO driver with uio_ivshmem's map layout, its
# interrupt named "ivshmem"; the root's own state reaches the state table
# (Jailhouse's ivshmem-demo CLI and output);
# disable is refused while /dev/uio0 is open; disable removes the bridge
# (nothing left in /sys/bus/pci/devices, /proc/iomem or /proc/interrupts)
# and enable brings it back, three
# times, and the module unloads cleanly afterwards.
# gics: 3 2
# expect: ^warden-test: bridge 0001:00 with 0001:00:00.0 110a:4106 class 0xff0000 driver uio_ivshmem
# expect: Warden vPCI ECAM$
# expect: Warden vPCI BARs$
# expect: ^warden-test: uio maps registers state_table rw_section input_sections output_section
# expect: ^warden-test: map sizes 0x1000 0x1000 0x9000 0x6000 0x2000
# expect: ^warden-test: /proc/interrupts: ivshmem
# expect: ^warden-test: writable maps 0 mapped, 1 refused: Operation not permitted, 2 mapped, 3 refused: Operation not permitted, 4 mapped
# expect: ^warden-test: read-only map 1 then mprotect'ed writable: refused: Permission denied
# expect: ^ID = 0$
# expect: ^Maximum peers = 3$
# expect: ^state\[0\] = 1$
# expect: ^Sending interrupt 0 to peer 1$
# expect: ^warden-test: disable refused while /dev/uio0 is open, bridge still there
# expect: ^warden-test: cycle 1: bridge gone after disable, back after enable
# expect: ^warden-test: cycle 3: bridge gone after disable, back after enable
# expect: ^warden-test: rmmod ok, no bridge, no uio device
# reject: FATAL
# reject: probe of .* failed
# timeout: 240
# add: tests/system/lib/wait.sh:wait.sh
# add: build/tests/guest/uio-map:uio-map
set -e
. /guest-run/wait.sh

pdev=/sys/bus/pci/devices/0001:00:00.0
bridge_there() { [ -e $pdev ] && [ -e /dev/uio0 ]; }
bridge_gone() {
	! ls /sys/bus/pci/devices | grep -q '^0001:' && [ ! -e /dev/uio0 ]
}

warden enable /etc/warden/system.cell
wait_for 10 "the ivshmem device" bridge_there
grep 'Warden vPCI\|uio_ivshmem' /proc/iomem
echo "warden-test: bridge 0001:00 with 0001:00:00.0" \
	"$(sed s/0x// $pdev/vendor):$(sed s/0x// $pdev/device)" \
	"class $(cat $pdev/class) driver $(basename $(readlink $pdev/driver))"

u=/sys/class/uio/uio0/maps
echo "warden-test: uio maps" $(cat $u/map0/name $u/map1/name $u/map2/name \
	$u/map3/name $u/map4/name)
sizes=
for i in 0 1 2 3 4; do sizes="$sizes $(printf '%#x' $(($(cat $u/map$i/size))))"; done
echo "warden-test: map sizes$sizes"
grep ivshmem /proc/interrupts
echo "warden-test: /proc/interrupts: $(grep -o 'ivshmem$' /proc/interrupts)"

# The hypervisor maps the state table and the input sections read-only for
# the root: the driver refuses to map them writable.
w=
for i in 0 1 2 3 4; do w="$w, $i $(/guest-run/uio-map /dev/uio0 $i w)"; done
echo "warden-test: writable maps${w#,}"
echo "warden-test: read-only map 1 then mprotect'ed writable:" \
	"$(/guest-run/uio-map /dev/uio0 1 p)"

# The demo writes its state (ID + 1), which only the hypervisor can copy
# into the state table (read-only for the root), prints the table and rings
# peer 1, which is absent.
/usr/lib/warden/demos/ivshmem-demo -d /dev/uio0 >/tmp/demo.log 2>&1 &
demo=$!
wait_for 20 "the demo's first doorbell" grep -q 'Sending interrupt' /tmp/demo.log
cat /tmp/demo.log

if warden disable 2>/tmp/err; then
	echo "warden-test: disable succeeded with /dev/uio0 open"
	exit 1
fi
cat /tmp/err
bridge_there
echo "warden-test: disable refused while /dev/uio0 is open, bridge still there"
kill $demo
wait $demo || true

for i in 1 2 3; do
	warden disable
	bridge_gone
	# nothing left behind: windows, interrupt, platform device
	if grep -q 'Warden vPCI' /proc/iomem; then
		echo "warden-test: cycle $i: left in /proc/iomem:" \
			"$(grep 'Warden vPCI' /proc/iomem | tr '\n' ' ')"
		exit 1
	fi
	if grep -q ivshmem /proc/interrupts; then
		echo "warden-test: cycle $i: left in /proc/interrupts:" \
			"$(grep ivshmem /proc/interrupts | tr '\n' ' ')"
		exit 1
	fi
	[ ! -e /sys/devices/platform/warden-vpci ]
	warden enable /etc/warden/system.cell
	wait_for 10 "the ivshmem device" bridge_there
	echo "warden-test: cycle $i: bridge gone after disable, back after enable"
done
warden disable
rmmod warden
bridge_gone
[ ! -e /sys/devices/platform/warden-vpci ]
echo "warden-test: rmmod ok, no bridge, no uio device"
