# Root <-> bare-metal cell over the ivshmem demo link: the root runs
# /usr/lib/warden/demos/ivshmem-demo on the module's UIO device, the cell
# the ivshmem-demo inmate ringing the root (target=0). Each side sees the
# other's state in the state table, each counts the other's doorbells (the
# cell writes its count to rw[1] and how many it sent to its output
# section, both read by the root), the root's count matches its "ivshmem" line in /proc/interrupts;
# destroying the cell clears its state entry and interrupts the root;
# closing the root's device clears the root's entry for the cell to see.
# expect-console: ^IVSHMEM: Found device at 00:00.0
# expect-console: ^IVSHMEM: ID is 1
# expect-console: ^IVSHMEM: state table: \[0\] 1 \[1\] 2
# expect-console: ^IVSHMEM: got interrupt [0-9]+ \(#[3-9]
# expect: ^ID = 0$
# expect: ^warden-test: root sees the cell's state 2
# expect: ^warden-test: root counted [0-9]+ interrupts, /proc/interrupts ivshmem [0-9]+
# expect: ^warden-test: the cell counted [1-9][0-9]* doorbells \(rw\[1\]\), sent [1-9][0-9]* \(its output section\)$
# expect: ^warden-test: cell destroyed: root interrupted, state\[1\] = 0
# expect: ^warden-test: root closed, the cell was interrupted
# expect-console: ^IVSHMEM: state table: \[0\] 0 \[1\] 2
# gics: 3 2
# reject: FATAL
# reject: probe of .* failed
# timeout: 300
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
irqs=$(cell_stat $id vmexits_virt_irq)
kill $demo
wait $demo || true
# Closing sets the root's state to 0, which interrupts the cell at once: it
# prints its state table on the console (checked there). Its timer ticks
# once a second on the same CPU; two of them after that interrupt mean it
# has been handled.
wait_for 20 "the state-change interrupt in the cell" \
	stat_above $id vmexits_virt_irq $((irqs + 2))
echo "warden-test: root closed, the cell was interrupted"
warden cell destroy $id
warden disable
