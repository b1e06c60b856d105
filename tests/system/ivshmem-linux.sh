# Root <-> Linux cell over the ivshmem demo link: Debian's kernel boots in
# qemu-virt-linux-demo (peer 2, INTx INTID 140) with the device tree
# "warden cell linux" writes; its generic ECAM driver finds the virtual
# PCI host bridge there (/proc/device-tree, 0001:00:00.0), Warden's own
# module loads in the cell and its uio_ivshmem binds the device; an
# enable in the cell is refused with the reason. /usr/lib/warden/demos/ivshmem-demo runs on both sides
# (root -t 2, the cell's default target is peer 0): each sees the other's
# state in the state table and counts the other's doorbells (the root in
# rw[0] and its output section, read by the cell; the cell in rw[2],
# read by the root); destroying the cell clears its state entry and
# interrupts the root.
# gics: 3 2
# add: build/tests/guest/linux-cell-Image:Image
# add: build/tests/guest/linux-cell-initrd.gz:cell-initrd.gz
# add: tests/system/lib/wait.sh:wait.sh
# expect: ^warden-test: cell DT: compatible pci-host-ecam-generic, bus-range 0-0, domain 1$
# expect: ^warden-test: cell console: .*PCI host bridge to bus 0001:00
# expect: ^warden-test: cell console: .*warden: driver .* loaded in a Linux cell: no hypervisor to enable here
# expect: ^warden-test: cell PCI devices: 0001:00:00.0 0001:00:01.0$
# expect: ^warden-test: cell UIO: uio_ivshmem\[0001:00:00.0\], /sys/devices/warden/enabled 0$
# expect: ^warden-test: in-cell enable refused \(status [1-9][0-9]*\): *warden: this Linux runs in a Warden cell \(its device tree says "warden,linux-cell"\): the hypervisor is below it already
# expect: ^warden-test: root sees the cell's state 3
# expect: ^warden-test: cell sees the root's state 1
# expect: ^warden-test: root counted [0-9]+ interrupts, the cell counted [1-9][0-9]* of them \(rw\[2\]\)$
# expect: ^warden-test: cell counted [0-9]+ interrupts, the root counted [1-9][0-9]* of them \(rw\[0\]\)$
# expect: ^warden-test: cell /proc/interrupts: .*ivshmem
# expect: ^warden-test: cell destroyed: root interrupted, state\[2\] = 0
# reject: exception in the hypervisor
# reject: ^vPCI: cell "linux-demo"
# reject: ^warden-test: FAIL
# timeout: 600
set -e
. /guest-run/wait.sh

fail() { echo "warden-test: FAIL: $*"; exit 1; }
cons() { warden console --cell linux-demo | tr -d '\r'; }
cell_has() { cons | grep -q "$1"; }
# into the cell's shell, one command a line
cell_run() { printf '%s\n' "$@" | warden console --cell linux-demo -i; }

log=/tmp/demo.log
warden enable /etc/warden/system.cell
wait_for 10 "/dev/uio0" test -e /dev/uio0
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz -c "cma=4M linux-cell.run=1 linux-cell.shell"
wait_for 300 "the cell's shell" cell_has "linux-cell: run 1: shell on /dev/hvc0"

echo "== the cell's view of its host bridge"
dt=/proc/device-tree/pci@8e00000
# One command at a time, each answer whole before the next is typed: the
# tty echoes typed-ahead input into the middle of an answer.
cell_run "echo dt: \$(tr -d '\\000' <$dt/compatible) \$(od -An -tx1 $dt/bus-range) \$(od -An -tx1 $dt/linux,pci-domain) end"
wait_for 60 "the cell's DT answer" cell_has "^dt: .* end$"
cell_run 'echo pcidevs: $(ls /sys/bus/pci/devices) end'
wait_for 60 "the cell's PCI answer" cell_has "^pcidevs: .* end$"
cell_run 'echo uio: $(cat /sys/class/uio/uio0/name) $(cat /sys/devices/warden/enabled)'
wait_for 60 "the cell's answers" cell_has "^uio: "
# bus-range: two big-endian cells, linux,pci-domain one
set -- $(cons | grep '^dt: .* end$' | tail -n1) x x x x x x x x x x x x x
echo "warden-test: cell DT: compatible $2, bus-range $((0x$6))-$((0x${10}))," \
	"domain $((0x${14}))"
cons | grep -e "PCI host bridge to bus" -e "warden: driver" |
	sed 's/^/warden-test: cell console: /'
echo "warden-test: cell PCI devices: $(cons | sed -n 's/^pcidevs: \(.*\) end$/\1/p' | tail -n1)"
set -- $(cons | grep '^uio: ' | tail -n1)
echo "warden-test: cell UIO: $2, /sys/devices/warden/enabled $3"

echo "== an enable in the cell is refused"
cell_run 'warden enable /etc/warden/qemu-virt.cell; echo "enable: status $?"'
wait_for 60 "the cell's enable" cell_has "^enable: status"
echo "warden-test: in-cell enable refused ($(cons | sed -n 's/^enable: //p' |
	tail -n1)):$(cons | grep -o 'warden: this Linux runs in a Warden cell.*' |
	tail -n1)"
cons | grep -A3 "warden enable /etc" | tail -n 4

echo "== ivshmem-demo on both sides"
/usr/lib/warden/demos/ivshmem-demo -d /dev/uio0 -t 2 >$log 2>&1 &
demo=$!
wait_for 20 "the root demo" grep -q '^Maximum peers' $log
cell_run '/usr/lib/warden/demos/ivshmem-demo &'
# the last value the root's demo printed for NAME (state[2], rw[2], ...)
last() { grep "^$1 = " $log | tail -n1 | sed 's/.* = //'; }
cell_last() { cons | grep "^$1 = " | tail -n1 | sed 's/.* = //'; }
ints() { grep -c '^Interrupt #' $log; }
cell_ints() { cons | sed -n 's/^Interrupt #//p' | tail -n1; }
at_least() { [ "$($1)" -ge "$2" ] 2>/dev/null; }
last_rw2() { last 'rw\[2\]'; }
cell_rw0() { cell_last 'rw\[0\]'; }
wait_for 90 "5 interrupts in the root's demo" at_least ints 5
wait_for 60 "the cell's count in rw[2]" at_least last_rw2 2
wait_for 60 "3 interrupts in the cell's demo" at_least cell_ints 3
wait_for 60 "the root's count in rw[0]" at_least cell_rw0 2
echo "warden-test: root sees the cell's state $(last 'state\[2\]')"
echo "warden-test: cell sees the root's state $(cell_last 'state\[0\]')"
echo "warden-test: root counted $(ints) interrupts, the cell counted" \
	"$(last 'rw\[2\]') of them (rw[2])"
echo "warden-test: cell counted $(cell_ints) interrupts, the root counted" \
	"$(cell_last 'rw\[0\]') of them (rw[0])"
[ "$(last 'state\[2\]')" = 3 ] || fail "the cell's state is not 3"
[ "$(cell_last 'state\[0\]')" = 1 ] || fail "the root's state is not 1"
cell_run 'echo irqs: $(grep ivshmem /proc/interrupts)'
wait_for 60 "the cell's /proc/interrupts" cell_has "^irqs: "
echo "warden-test: cell /proc/interrupts: $(cons | sed -n 's/^irqs: //p' | tail -n1)"

echo "== the cell goes"
before=$(ints)
warden cell destroy linux-demo
cleared() { [ "$(ints)" -gt "$before" ] && [ "$(last 'state\[2\]')" = 0 ]; }
wait_for 20 "the root's interrupt with state[2] = 0" cleared
echo "warden-test: cell destroyed: root interrupted, state[2] = $(last 'state\[2\]')"
kill $demo
wait $demo || true
warden disable
