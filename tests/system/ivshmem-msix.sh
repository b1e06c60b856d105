# ivshmem v2 MSI-X (Jailhouse's, on ARM: a vector's data is the SPI it
# raises): the root (peer 0, INTx, driven through /dev/mem as in
# cell-ivshmem.sh) rings each of the 4 MSI-X vectors of a bare-metal cell
# (peer 1, qemu-virt-ivshmem-msix.c, test-ivshmem-msix.bin, SPIs 144-147),
# which counts them per vector in the shared R/W section. Vector 1 starts
# masked: the root's doorbell sets its pending bit (the cell copies the
# PBA to the R/W section), and the vector is counted only when the cell
# unmasks it (when the root says so). The cell's table writes beyond the
# table, 8/16/64-bit and to the PBA are refused and reported. Then,
# reloaded, the cell points vector 1 at the root's RTC interrupt (INTID
# 34), vector 2 at INTID 5 (a PPI) and vector 3 at INTID 1000 (beyond
# QEMU's GIC): rung by the root, none is sent, each reported once with
# the cell's name; the root's RTC count in /proc/interrupts (after one
# alarm, to show it counts) does not move, INTID 34 is not pending at the
# distributor, and the root still gets its RTC alarm.
# append: iomem=relaxed
# gics: 3 2
# expect-console: ^MSIX: device 00:00\.0, ID 1, 4 vectors, table at 0xff001000, PBA at 0xff001800, interrupt pin 0
# expect-console: ^MSIX: hostile: table written beyond, 16/8/64-bit, PBA written; vector 0 data 144, address 0x0, PBA 0x0
# expect-console: ^vPCI: cell "ivshmem-msix" \(CPU 3\): ivshmem 0001:00:00\.0 \(id 1\): write of 0x21 at MSI-X BAR1 offset 0x48 \(4 bytes\) refused: no MSI-X table entry there
# expect-console: ^vPCI: cell "ivshmem-msix" \(CPU 3\): ivshmem 0001:00:00\.0 \(id 1\): write of 0x21 at MSI-X BAR1 offset 0x8 \(2 bytes\) refused: the MSI-X table and PBA take aligned 32-bit accesses only
# expect-console: ^vPCI: cell "ivshmem-msix" \(CPU 3\): ivshmem 0001:00:00\.0 \(id 1\): write of 0x21 at MSI-X BAR1 offset 0x8 \(1 bytes\) refused
# expect-console: ^vPCI: cell "ivshmem-msix" \(CPU 3\): ivshmem 0001:00:00\.0 \(id 1\): write of 0xffffffffffffffff at MSI-X BAR1 offset 0x0 \(8 bytes\) refused
# expect-console: ^vPCI: cell "ivshmem-msix" \(CPU 3\): ivshmem 0001:00:00\.0 \(id 1\): write of 0xffffffff at MSI-X BAR1 offset 0x800 \(4 bytes\) refused: the MSI-X PBA is read-only
# expect-console: ^MSIX: ready, state 2
# expect-console: ^MSIX: vector 3 \(INTID 147\) #3
# expect-console: ^MSIX: vector 1 pending while masked \(PBA 0x2\), unmasking
# expect-console: ^MSIX: vector 1 \(INTID 145\) #1
# expect: ^warden-test: the cell counted per vector: 1 0 2 3$
# expect: ^warden-test: masked vector 1: pending \(PBA 0x2\), not counted \(0\); counted once unmasked: 1$
# expect-console: ^vPCI: cell "ivshmem-msix": ivshmem 0001:00:00\.0 \(id 1\) MSI-X vector 1 not sent: its data 34: the SPI is not the cell's; write the INTID of an SPI the cell's config grants
# expect-console: ^vPCI: cell "ivshmem-msix": ivshmem 0001:00:00\.0 \(id 1\) MSI-X vector 2 not sent: its data 5: data below 32 is no SPI
# expect-console: ^vPCI: cell "ivshmem-msix": ivshmem 0001:00:00\.0 \(id 1\) MSI-X vector 3 not sent: its data 1000: no such SPI: beyond the GIC's interrupt lines
# expect: ^warden-test: bad vectors: the cell counted 2 0 0 0
# expect: ^warden-test: root's RTC interrupts ([1-9][0-9]*), now \1, INTID 34 not pending
# expect: ^warden-test: each bad vector reported once: 1 1 1
# expect: ^warden-test: the root's RTC alarm still arrives
# reject: FATAL
# reject: Parking CPU
# reject: MSIX: vector [123] \(INTID (34|5|1000)\)
# timeout: 240
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/rtc-alarm.sh:rtc-alarm.sh
set -e
. /guest-run/wait.sh
. /guest-run/rtc-alarm.sh

dir=/usr/lib/warden/inmates
cell=/etc/warden/qemu-virt-ivshmem-msix.cell
ecam=0x08e00000
bar=0x08f00000
table=0x7faf0000
counts=0x7faf1100 # the cell's count of vector n at + 4 n
pba=0x7faf1140 # the cell's copy of its PBA
unmask=0x7faf1144 # 1: the cell may unmask its masked vector
gicd=0x08000000

rd() { printf '%d' "$(devmem $1 32)"; }
cell_state_is() { [ "$(rd $((table + 4)))" = "$1" ]; }
count() { rd $((counts + 4 * $1)); }
all_counts() { echo "$(count 0) $(count 1) $(count 2) $(count 3)"; }
counts_are() { [ "$(all_counts)" = "$1" ]; }
ring() { devmem $((bar + 0x0c)) 32 $((1 << 16 | $1)); }

# the root's device through /dev/mem, not by Linux
rmmod warden
modprobe warden root_pci=0
warden enable /etc/warden/system.cell
devmem $((ecam + 0x10)) 32 $bar
devmem $((ecam + 0x04)) 16 2

warden cell create $cell
warden cell load ivshmem-msix $dir/test-ivshmem-msix.bin \
	-s "mask=1 hostile" -a 0x1000
warden cell start ivshmem-msix
wait_for 60 "the cell to set up MSI-X" cell_state_is 2

# vectors 0, 2, 3 rung once, twice, three times; each ring awaits the
# count of the one before: signals to a vector whose SPI is still pending
# coalesce (the pending bit is the event, as for INTx)
ring_counted() {
	ring $1
	wait_for 30 "the cell's counts $2" counts_are "$2"
}
ring_counted 0 "1 0 0 0"
ring_counted 2 "1 0 1 0"
ring_counted 2 "1 0 2 0"
ring_counted 3 "1 0 2 1"
ring_counted 3 "1 0 2 2"
ring_counted 3 "1 0 2 3"
echo "warden-test: the cell counted per vector: $(all_counts)"

# vector 1 is masked: pending, counted once the cell unmasks it
ring 1
pending1() { [ $(($(rd $pba) & 2)) = 2 ]; }
wait_for 30 "vector 1's pending bit in the cell's PBA" pending1
p=$(devmem $pba 32)
c=$(count 1)
devmem $unmask 32 1
wait_for 30 "the pending vector 1 sent on unmask" counts_are "1 1 2 3"
echo "warden-test: masked vector 1: pending (PBA $(printf 0x%x $p))," \
	"not counted ($c); counted once unmasked: $(count 1)"
[ "$c" = 0 ]

# hostile vectors: the root's RTC SPI, a PPI, beyond the GIC
warden cell load ivshmem-msix $dir/test-ivshmem-msix.bin \
	-s "v1=34 v2=5 v3=1000" -a 0x1000
warden cell start ivshmem-msix
wait_for 60 "the cell to set up MSI-X again" cell_state_is 2
# the count moves when INTID 34 reaches the root
rtc_alarm
rtc=$(rtc_irqs)
for i in 1 2 3; do
	ring 1
	ring 2
	ring 3
done
# the doorbells are handled in order on the ringing CPU: once vector 0's
# interrupts reached the cell, the others were decided
ring_counted 0 "1 0 0 0"
ring_counted 0 "2 0 0 0"
echo "warden-test: bad vectors: the cell counted $(all_counts)"
sleep 1
pend=$(($(devmem $((gicd + 0x204)) 32) >> 2 & 1))
echo "warden-test: root's RTC interrupts $rtc, now $(rtc_irqs)," \
	"INTID 34 $([ $pend = 0 ] && echo not) pending"
# one test a line: under set -e, a false test before && ends nothing
[ "$(rtc_irqs)" = "$rtc" ]
[ $pend = 0 ]
n() { warden console | grep -c "MSI-X vector $1 not sent"; }
echo "warden-test: each bad vector reported once: $(n 1) $(n 2) $(n 3)"
[ "$(n 1) $(n 2) $(n 3)" = "1 1 1" ]
rtc_alarm
echo "warden-test: the root's RTC alarm still arrives"

warden cell destroy ivshmem-msix
warden disable
