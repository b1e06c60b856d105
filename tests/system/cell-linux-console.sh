# The Linux cell's console readable and writable from the root: Debian's
# kernel boots in qemu-virt-linux-demo with warden_hvc.ko in its
# initramfs; "warden console --cell linux-demo" shows init's lines (tasks
# on both CPUs) and the boot log from before the module, the UART shows them
# prefixed "[linux-demo]" and the hypervisor's own ring not at all; the
# root types a command into the cell's shell ("-i") and reads its answer;
# with the UART copy turned off (as an interactive session does) a line
# reaches the cell's ring but not the UART;
# the cell floods its console on both CPUs and the root stays responsive,
# the UART gets the flood note, the hypervisor's ring stays the
# hypervisor's; input for an unknown or destroyed cell is refused with a
# clear error.
# add: build/tests/guest/linux-cell-Image:Image
# add: build/tests/guest/linux-cell-initrd.gz:cell-initrd.gz
# add: tests/system/lib/wait.sh:wait.sh
# expect: ^warden-test: cell console: .*linux-cell: run 1: a task ran on CPU 0
# expect: ^warden-test: cell console: .*linux-cell: run 1: a task ran on CPU 1
# expect: ^warden-test: cell console: .*Run /init as init process
# expect: ^warden-test: cell console: .*warden_hvc: /dev/hvc0 is the cell's console
# expect: ^warden-test: no cell lines in the hypervisor's ring
# expect: ^warden-test: answer from the cell: answer: 42 on 2 CPUs
# expect: ^warden-test: both answers in the cell's console
# expect-console: ^\[linux-demo\] loud-3
# reject: ^\[linux-demo\] quiet-2
# expect: ^warden-test: root ran 20 commands during the flood in [0-9]+ s
# expect: ^warden-test: the cell's ring holds the flood
# expect: ^ *warden: no cell named "nosuch"
# expect: ^ *warden: cell "linux-demo" was destroyed: its console takes no input
# expect: ^warden-test: refusals ok
# expect-console: ^\[linux-demo\] .*linux-cell: run 1: a task ran on CPU 1
# expect-console: ^Cell "linux-demo": console output over 2048 bytes/s: not shown here
# reject: exception in the hypervisor
# reject: ^warden-test: FAIL
# timeout: 600
set -e
. /guest-run/wait.sh

fail() { echo "warden-test: FAIL: $*"; exit 1; }
cell_has() { warden console --cell linux-demo | grep -q "$1"; }
# hv_ring: the hypervisor's ring into $ring; fails unless warden console
# succeeded and the ring has lines (a check that it lacks something
# must not pass on nothing)
hv_ring() {
	ring=$(warden console) || fail "warden console failed"
	[ -n "$ring" ] || fail "the hypervisor's ring is empty"
}

warden enable /etc/warden/system.cell
warden cell linux /etc/warden/qemu-virt-linux-demo.cell /guest-run/Image \
	-i /guest-run/cell-initrd.gz -c "cma=4M linux-cell.run=1 linux-cell.shell"
wait_for 300 "the cell's shell" cell_has "linux-cell: run 1: shell on /dev/hvc0"
warden console --cell linux-demo |
	grep -e "linux-cell: run 1" -e "Run /init" -e "warden_hvc:" |
	sed 's/^/warden-test: cell console: /'
hv_ring
if echo "$ring" | grep -q "linux-cell: run 1"; then
	fail "cell lines in the hypervisor's ring"
fi
echo "warden-test: no cell lines in the hypervisor's ring" \
	"($(echo "$ring" | wc -l) lines)"

echo "== the root types into the cell's shell"
printf 'echo "answer: $((6 * 7)) on $(nproc) CPUs"\n' |
	warden console --cell linux-demo -i
wait_for 60 "the shell's answer" cell_has "^answer: 42"
echo "warden-test: answer from the cell: $(warden console --cell linux-demo |
	tr -d '\r' | grep '^answer: 42')"

echo "== the root turns the cell's lines on the UART off and on again"
id=$(cell_id linux-demo)
warden hypercall 0x103 $id 0
printf 'echo "quiet-$((1 + 1))"\n' | warden console --cell linux-demo -i
wait_for 60 "the quiet answer" cell_has "^quiet-2"
warden hypercall 0x103 $id 1
printf 'echo "loud-$((1 + 2))"\n' | warden console --cell linux-demo -i
wait_for 60 "the loud answer" cell_has "^loud-3"
echo "warden-test: both answers in the cell's console"

echo "== the cell floods its console on both CPUs"
printf '%s\n' \
	'taskset -c 0 sh -c "while :; do echo flood-0-0123456789abcdef; done" &' \
	'taskset -c 1 sh -c "while :; do echo flood-1-0123456789abcdef; done" &' |
	warden console --cell linux-demo -i
wait_for 60 "the flood" cell_has "^flood-1-"
start=$(date +%s)
i=0
while [ $i -lt 20 ]; do
	warden cell list >/dev/null
	cat /sys/devices/warden/mem_pool_used >/dev/null
	i=$((i + 1))
done
took=$(($(date +%s) - start))
echo "warden-test: root ran 20 commands during the flood in $took s"
[ $took -le 30 ] || fail "the root took $took s for 20 commands"
warden console --cell linux-demo | tr -d '\r' | tail -n 3 | grep -q "^flood-" &&
	echo "warden-test: the cell's ring holds the flood"
hv_ring
if echo "$ring" | grep -q "flood-"; then
	fail "flood in the hypervisor's ring"
fi
echo "$ring" | tail -n 5

echo "== input for an unknown or destroyed cell"
echo x | warden console --cell nosuch -i && fail "input for nosuch accepted"
# a console opened before the destroy refuses input after it
(
	until [ -f /tmp/destroyed ]; do sleep 0.1; done
	echo "echo late"
) | warden console --cell linux-demo -i 2>/tmp/late.err &
late=$!
console_open() { ls -l /proc/$late/fd 2>/dev/null | grep -q /dev/warden; }
wait_for 30 "the console to be open" console_open
sleep 1 # past its ioctl, reading its input
warden cell destroy linux-demo
touch /tmp/destroyed
wait $late && fail "input for the destroyed cell accepted"
cat /tmp/late.err
echo x | warden console --cell linux-demo -i && fail "input accepted after destroy"
echo "warden-test: refusals ok"
warden disable
