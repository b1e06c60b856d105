# ivshmem v2 between the root (peer 0, qemu-virt.c) and a bare-metal cell
# (peer 1, qemu-virt-ivshmem-demo.c running ivshmem-demo.bin). The root
# side is driven through /dev/mem as a driver would: the virtual host
# bridge's config space at the ECAM window 0x08e00000, the register page
# placed at 0x08f00000. The root sees the cell's state in the state
# table, counts the cell's doorbells as its INTx (INTID 128) going pending
# at the distributor (no Linux driver has it) and reads the cell's count
# of the root's doorbells from the shared R/W section; the cell prints
# what it gets. Shutting the cell down (here: for a new load) or destroying
# it clears its state entry and interrupts the root; started again, it
# sets its state anew. Hostile accesses from both sides are refused and reported:
# config writes outside the emulated registers or to absent devices, a
# BAR moved over RAM, doorbells to peers that do not exist.
# The window lies in the redistributor range QEMU's device tree gives
# Linux (0x080a0000-0x08ffffff, claimed by the GIC driver): /dev/mem needs
# iomem=relaxed to map it.
# append: iomem=relaxed
# gics: 3 2
# expect: ^warden-test: root config space: 0x4106110A 0xFF000000 0x00200009 0x00001000 0x7FAF0000 0x00000100
# expect: ^warden-test: root registers: id 0x00000000 peers 0x00000003
# expect: ^warden-test: cell state seen by the root: 2
# expect: ^warden-test: root interrupted, cell's doorbell count 1
# expect: ^warden-test: root interrupted, cell's doorbell count 3
# expect: ^warden-test: cell counted the root's 2 doorbells
# expect: ^warden-test: hostile root: vendor 0x4106110A BAR0 0x08F00000 absent 0xFFFFFFFF
# expect: ^warden-test: after shutdown for a load: cell's state entry 0, root interrupted
# expect: ^warden-test: restarted: cell state seen by the root: 2
# expect: ^warden-test: after destroy: cell's state entry 0, root interrupted
# expect-console: ^vPCI: host bridge ECAM at 0x8e00000\+0x100000, 2 ivshmem device\(s\) in the root cell
# expect-console: ^IVSHMEM: Found device at 00:00\.0
# expect-console: ^IVSHMEM: bar0 is at 0xff000000
# expect-console: ^IVSHMEM: ID is 1
# expect-console: ^IVSHMEM: max\. peers is 3
# expect-console: ^IVSHMEM: state table is at 0x7faf0000
# expect-console: ^IVSHMEM: output section is at 0x7fafc000
# expect-console: ^IVSHMEM: Enabled IRQ:0x90
# expect-console: ^IVSHMEM: hostile: vendor/device written, reads 0x4106110a
# expect-console: ^IVSHMEM: hostile: shared memory address written, reads 0x7faf0000
# expect-console: ^IVSHMEM: hostile: BAR0 moved over RAM, reads 0xff000000
# expect-console: ^IVSHMEM: hostile: absent 00:05\.0 reads 0xffffffff
# expect-console: ^IVSHMEM: hostile: ldp of ID and max\. peers reads 1 3
# expect-console: ^IVSHMEM: hostile: doorbells to peers 7 and 2 rung, ID still 1
# expect-console: ^vPCI: cell "ivshmem-demo" \(CPU 3\): config write of 0xdeadbeef to 0001:00:00\.0 offset 0x000 refused: not a writable register of the ivshmem device
# expect-console: ^vPCI: cell "ivshmem-demo" \(CPU 3\): BAR0 of ivshmem 0001:00:00\.0 refused at 0x0: it would cover a memory region of the cell 0x0\+0x10000
# expect-console: ^vPCI: cell "ivshmem-demo" \(CPU 3\): config write of 0x2 to 00:05\.0 offset 0x004 refused: no device of the cell there
# expect-console: ^vPCI: cell "ivshmem-demo" \(CPU 3\): ivshmem 00:00\.0 \(id 1\): write of 0x70000 at register offset 0xc \(4 bytes\) refused: doorbell to a peer id beyond max peers
# expect-console: ^vPCI: cell "ivshmem-demo" \(CPU 3\): ivshmem 00:00\.0 \(id 1\): doorbell to peer 2 ignored: no peer with that id is connected
# expect-console: ^IVSHMEM: state set to 2
# expect-console: ^IVSHMEM: sending IRQ 0 to peer 0 \(#3\)
# expect-console: ^IVSHMEM: state table: \[0\] 5 \[1\] 2 \[2\] 0
# expect-console: ^IVSHMEM: got interrupt 144
# expect-console: ^vPCI: cell "qemu-virt[-a-z0-9]*" \(CPU [0-9]\): config write of 0x0 to 0001:00:00\.0 offset 0x000 refused
# expect-console: ^vPCI: cell "qemu-virt[-a-z0-9]*" \(CPU [0-9]\): BAR0 of ivshmem 0001:00:00\.0 refused at 0x40000000: it would cover a memory region of the cell 0x40000000\+0x30000000
# expect-console: ^vPCI: cell "qemu-virt[-a-z0-9]*" \(CPU [0-9]\): ivshmem 00:00\.0 \(id 0\): doorbell to peer 2 ignored
# expect-console: ^vPCI: cell "qemu-virt[-a-z0-9]*" \(CPU [0-9]\): ivshmem 00:00\.0 \(id 0\): write of 0x90000 at register offset 0xc \(4 bytes\) refused: doorbell to a peer id beyond max peers
# expect-console: ^vPCI: cell "qemu-virt[-a-z0-9]*" \(CPU [0-9]\): config write of 0x2 to 00:03\.0 offset 0x004 refused: no device of the cell there
# reject: FATAL
# reject: Parking CPU
# timeout: 240
# add: tests/system/lib/wait.sh:wait.sh
set -e
. /guest-run/wait.sh

dir=/usr/lib/warden/inmates
ecam=0x08e00000
bar=0x08f00000
table=0x7faf0000
rw=0x7faf1000
out1=0x7fafc000
gicd=0x08000000

rd() { printf '%d' "$(devmem $1 32)"; }
# INTx of the root's device: INTID 128, bit 0 of GICD_ISPENDR4
pending() { [ $(($(devmem $((gicd + 0x210)) 32) & 1)) = 1 ]; }
clear_pending() { devmem $((gicd + 0x290)) 32 1; }
cell_state_is() { [ "$(rd $((table + 4)))" = "$1" ]; }
cell_counted() { [ "$(rd $((rw + 4)))" -gt "$1" ]; }

# Linux must not drive the root's device here: no host bridge from the module.
rmmod warden
modprobe warden root_pci=0
warden enable /etc/warden/system.cell

# the root's function 00:00.0 as a driver probes it
echo "warden-test: root config space: $(devmem $ecam 32)" \
	"$(devmem $((ecam + 0x08)) 32) $(devmem $((ecam + 0x40)) 32)" \
	"$(devmem $((ecam + 0x44)) 32) $(devmem $((ecam + 0x58)) 32)" \
	"$(devmem $((ecam + 0x3c)) 32)"
devmem $((ecam + 0x10)) 32 $bar
devmem $((ecam + 0x04)) 16 2
echo "warden-test: root registers: id $(devmem $bar 32)" \
	"peers $(devmem $((bar + 4)) 32)"
devmem $((bar + 8)) 32 1
clear_pending

warden cell create /etc/warden/qemu-virt-ivshmem-demo.cell
warden cell load ivshmem-demo $dir/ivshmem-demo.bin \
	-s "count=3 period-ms=500 hostile" -a 0x1000
warden cell start ivshmem-demo
wait_for 60 "the cell to set its state" cell_state_is 2
echo "warden-test: cell state seen by the root: $(rd $((table + 4)))"

# each of the cell's doorbells (after its state change) makes INTID 128
# pending; the cell counts them in its output section first
while :; do
	wait_for 30 "an interrupt from the cell" pending
	n=$(rd $out1)
	clear_pending
	echo "warden-test: root interrupted, cell's doorbell count $n"
	[ "$n" -lt 3 ] || break
done

# the root's state and doorbells reach the cell
devmem $((bar + 0x10)) 32 5
for i in 1 2; do
	before=$(rd $((rw + 4)))
	devmem $((bar + 0x0c)) 32 0x10000
	wait_for 30 "the cell to count doorbell $i" cell_counted $before
done
echo "warden-test: cell counted the root's 2 doorbells"

# hostile root: each refused, reported, nothing changed
devmem $ecam 32 0
devmem $((ecam + 0x10)) 32 0x40000000
devmem $((bar + 0x0c)) 32 0x20000
devmem $((bar + 0x0c)) 32 0x90000
devmem $((ecam + 0x18004)) 16 2
echo "warden-test: hostile root: vendor $(devmem $ecam 32)" \
	"BAR0 $(devmem $((ecam + 0x10)) 32)" \
	"absent $(devmem $((ecam + 0x18000)) 32)"

# the cell stops for a load (set loadable): entry cleared, root interrupted
clear_pending
warden cell load ivshmem-demo $dir/ivshmem-demo.bin -s "count=0" -a 0x1000
wait_for 10 "the root's interrupt" pending
[ "$(rd $((table + 4)))" = 0 ]
echo "warden-test: after shutdown for a load: cell's state entry 0," \
	"root interrupted"
clear_pending
warden cell start ivshmem-demo
wait_for 60 "the cell to set its state again" cell_state_is 2
wait_for 10 "the root's interrupt" pending
echo "warden-test: restarted: cell state seen by the root: $(rd $((table + 4)))"

# the cell goes: its entry is cleared, the root interrupted
clear_pending
warden cell destroy ivshmem-demo
wait_for 10 "the root's interrupt" pending
[ "$(rd $((table + 4)))" = 0 ]
echo "warden-test: after destroy: cell's state entry 0, root interrupted"
warden disable
