# Root <-> bare-metal cell over the ivshmem demo link: the root runs
# /usr/lib/warden/demos/ivshmem-demo on the module's UIO device, the cell
# the ivshmem-demo inmate ringing the root (target=0). Each side sees the
# other's state in the state table, each counts the other's doorbells (the
# cell writes its count to rw[1] and how many it sent to its output
# section, both read by the root), the root's count matches its "ivshmem" line in /proc/interrupts;
# destroying the cell clears its state entry and interrupts the root;
# closing the root's device clears the root's entry and interrupts the
# cell, which counts it in rw[1] and prints the state table.
# expect-console: ^IVSHMEM: Found device at 00:00.0
# expect-console: ^IVSHMEM: ID is 1
# expect-console: ^IVSHMEM: state table: \[0\] 1 \[1\] 2
# expect-console: ^IVSHMEM: got interrupt [0-9]+ \(#[3-9]
# expect: ^ID = 0$
# expect: ^warden-test: root sees the cell's state 2
# expect: ^warden-test: root counted [0-9]+ interrupts, /proc/interrupts ivshmem [0-9]+
# expect: ^warden-test: the cell counted [1-9][0-9]* doorbells \(rw\[1\]\), sent [1-9][0-9]* \(its output section\)$
# expect: ^warden-test: cell destroyed: root interrupted, state\[1\] = 0
# expect: ^warden-test: root closed, the cell was interrupted: state\[0\] = 0, its interrupts \(rw\[1\]\) [0-9]+ -> [0-9]+$
# expect-console: ^IVSHMEM: state table: \[0\] 0 \[1\] 2
# gics: 3 2
# reject: FATAL
# reject: probe of .* failed
# timeout: 300
# /dev/mem reads of the shared memory, which uio_ivshmem claims
# append: iomem=relaxed
# add: tests/system/lib/wait.sh:wait.sh
set -e
. /guest-run/wait.sh

log=/tmp/demo.log
cell=/etc/warden/qemu-virt-ivshmem-demo.cell
[ -f $cell ] || { echo "no $cell in this build"; exit 77; }
warden enable /etc/warden/system.cell
wait_for 10 "/dev/uio0" test -e /dev/uio0
/usr/lib/warden/demos/ivshmem-demo -d /dev/uio0 >$log 2>&1 &
demo=$!
wait_for 20 "the root demo" grep -q '^Maximum peers' $log
head -n 2 $log

warden cell create $cell
id=$(ls /sys/devices/warden/cells | grep -vx 0)
warden cell load $id /usr/lib/warden/inmates/ivshmem-demo.bin \
	-s "target=0" -a 0x1000
warden cell start $id
# the last value the root's demo printed for NAME (state[1], rw[1], ...)
last() { grep "^$1 = " $log | tail -n1 | sed 's/.* = //'; }
ints() { grep -c '^Interrupt #' $log; }
at_least() { [ "$($1)" -ge "$2" ] 2>/dev/null; }
last_rw1() { last 'rw\[1\]'; }
wait_for 60 "5 interrupts in the root's demo" at_least ints 5
wait_for 60 "the cell's count in rw[1]" at_least last_rw1 2
echo "warden-test: root sees the cell's state $(last 'state\[1\]')"
n=$(ints)
irqs=$(awk '$NF == "ivshmem" { s = 0; for (i = 2; i <= NF; i++)
	if ($i ~ /^[0-9]+$/) s += $i; else break; print s }' /proc/interrupts)
echo "warden-test: root counted $n interrupts, /proc/interrupts ivshmem $irqs"
[ "$irqs" -ge "$n" ]
echo "warden-test: the cell counted $(last 'rw\[1\]') doorbells (rw[1])," \
	"sent $(last 'in@0x2000') (its output section)"

before=$(ints)
warden cell destroy $id
cleared() { [ "$(ints)" -gt "$before" ] && [ "$(last 'state\[1\]')" = 0 ]; }
wait_for 20 "the root's interrupt with state[1] = 0" cleared
echo "warden-test: cell destroyed: root interrupted, state[1] = $(last 'state\[1\]')"

# Once more with the roles of closing reversed: the cell watches the root.
warden cell create $cell
warden cell load $id /usr/lib/warden/inmates/ivshmem-demo.bin \
	-s "target=0" -a 0x1000
warden cell start $id
before=$(ints)
again() { [ "$(ints)" -gt $((before + 2)) ] && [ "$(last 'state\[1\]')" = 2 ]; }
wait_for 60 "the cell's doorbells again" again
# Closing sets the root's state to 0, which interrupts the cell at once:
# it prints its state table on the console ("[0] 0 [1] 2", checked
# there) and stores its count of interrupts in rw[1]. The root reads the
# shared memory through /dev/mem: state[0], rw[1], and the cell's count of
# doorbells sent (the first word of its output section), which its timer
# handler writes once a second. The root's doorbells would raise rw[1]
# too: the demo is stopped first, and once the cell's timer has run twice
# (a return to its idle loop between, where a doorbell still pending is
# taken) rw[1] holds them all; only then is the demo ended, and rw[1]
# must grow after that.
maps=/sys/class/uio/uio0/maps
state0=$(cat $maps/map1/addr)
rw1=$(($(cat $maps/map2/addr) + 4))
sent1=$(($(cat $maps/map3/addr) + 0x2000))
word() { echo $(($(devmem $1 32))); }
word_above() { [ "$(word $1)" -gt "$2" ]; }
kill -STOP $demo
sent=$(word $sent1)
wait_for 60 "two ticks of the cell's timer" word_above $sent1 $((sent + 1))
count=$(word $rw1)
[ "$(word $state0)" = 1 ]
kill $demo
kill -CONT $demo
wait $demo || true
interrupted() { word_above $rw1 $count && [ "$(word $state0)" = 0 ]; }
wait_for 60 "the state-change interrupt in the cell" interrupted
echo "warden-test: root closed, the cell was interrupted: state[0] = 0," \
	"its interrupts (rw[1]) $count -> $(word $rw1)"
warden cell destroy $id
warden disable
