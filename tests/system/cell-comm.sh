# The message protocol with a cell that takes part in it (no
# PASSIVE_COMMREG): shutdown asks the cell first; a cell that approves is
# stopped, a cell that does not answer within msg_reply_timeout polls is
# stopped anyway and marked failed; running cells that take part are told
# when other cells come and go (and fail if they do not answer); a cell that denies keeps running, and shutdown, load and
# destroy are refused with the reason. A denying cell stays until power
# off (as in Jailhouse). First, a cell that locks itself (RUNNING_LOCKED,
# written into its comm region by test-probe) keeps cells from being
# created or destroyed, and can itself be destroyed.
# expect: ^2 +inmate-demo-2 +running/locked +2
# expect: ^warden-test: destroy while locked: .*hypervisor: ERROR: cell "inmate-demo-2" is locked \(running/locked\): no cell can be created or destroyed until it unlocks or is shut down
# expect: ^warden-test: create while locked: .*hypervisor: ERROR: cell "inmate-demo-2" is locked \(running/locked\)
# expect: ^warden-test: locked cells destroyed
# expect: ^warden-test: approving cell shut down: state shut down
# expect-console: ^Inmate stopped\.
# expect-console: ^Timeout expired while waiting for a reply from cell "inmate-comm" \(shutdown request\): the cell is marked failed
# expect: ^warden-test: silent cell shut down: state shut down
# expect: ^warden-test: answering cell told about another cell: state running
# expect-console: ^Timeout expired while waiting for a reply from cell "inmate-comm" \(reconfiguration\): the cell is marked failed
# expect: ^warden-test: silent cell told about another cell: state failed
# expect-console: ^Cell "inmate-comm" denied the shutdown request
# expect: ^warden-test: deny shutdown: .*cannot shut down cell "inmate-comm": Operation not permitted
# expect: ^warden-test: deny destroy: .*cannot destroy cell "inmate-comm": Operation not permitted
# expect: ^warden-test: denying cell still running
# expect: ^warden-test: disable refused while it runs: .*Device or resource busy .*warden: cell "inmate-comm" stays \(see above\): the hypervisor cannot leave while it exists
# reject: FATAL
# timeout: 240
# add: tests/system/lib/wait.sh:wait.sh
set -e
. /guest-run/wait.sh

dir=/usr/lib/warden/inmates
warden enable /etc/warden/qemu-virt.cell

# cell_state (offset 8 of the comm region) = 1: running/locked
lock() {
	warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
	warden cell load inmate-demo-2 $dir/test-probe.bin \
		-s "probe=write addr=0x80000008 value=0x1 alive=3" -a 0x1000
	warden cell start inmate-demo-2
	wait_for 60 "inmate-demo-2 to lock itself" \
		state_is "$(cell_id inmate-demo-2)" running/locked
}
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
lock
warden cell list
if out=$(warden cell destroy inmate-demo 2>&1); then exit 1; fi
echo "warden-test: destroy while locked: $(echo "$out" | tr '\n' ' ')"
warden cell destroy inmate-demo-2
warden cell destroy inmate-demo
lock
if out=$(warden cell create /etc/warden/qemu-virt-inmate-demo.cell 2>&1); then
	exit 1
fi
echo "warden-test: create while locked: $(echo "$out" | tr '\n' ' ')"
warden cell destroy inmate-demo-2
echo "warden-test: locked cells destroyed"

warden cell create /etc/warden/qemu-virt-inmate-comm.cell
warden cell load inmate-comm $dir/uart-demo.bin -s "pause-ms=200" -a 0x1000
warden cell start inmate-comm
sleep 1
warden cell shutdown inmate-comm
echo "warden-test: approving cell shut down: state" \
	"$(cat /sys/devices/warden/cells/1/state)"

# test-basic with fault=1 stops itself after an exception and never polls
warden cell load inmate-comm $dir/test-basic.bin -s "fault=1" -a 0x1000
warden cell start inmate-comm
sleep 1
warden cell shutdown inmate-comm
echo "warden-test: silent cell shut down: state" \
	"$(cat /sys/devices/warden/cells/1/state)"

# other cells come and go: an answering cell goes on, a silent one fails
warden cell load inmate-comm $dir/uart-demo.bin -s "pause-ms=200" -a 0x1000
warden cell start inmate-comm
# The root cannot see when the cell polls; its config allows 1000000
# polls of the hypervisor for a reply (milliseconds): give it a second to
# come up, as the cases above do.
sleep 1
warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
warden cell destroy inmate-demo-2
echo "warden-test: answering cell told about another cell: state" \
	"$(cat /sys/devices/warden/cells/1/state)"
warden cell load inmate-comm $dir/test-basic.bin -s "fault=1" -a 0x1000
warden cell start inmate-comm
sleep 1
warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
echo "warden-test: silent cell told about another cell: state" \
	"$(cat /sys/devices/warden/cells/1/state)"
warden cell destroy inmate-demo-2

warden cell load inmate-comm $dir/uart-demo.bin \
	-s "pause-ms=200 deny-shutdown=1" -a 0x1000
warden cell start inmate-comm
sleep 1
if out=$(warden cell shutdown inmate-comm 2>&1); then exit 1; fi
echo "warden-test: deny shutdown: $(echo "$out" | tr '\n' ' ')"
if out=$(warden cell destroy inmate-comm 2>&1); then exit 1; fi
echo "warden-test: deny destroy: $(echo "$out" | tr '\n' ' ')"
sleep 1
[ "$(cat /sys/devices/warden/cells/1/state)" = running ]
echo "warden-test: denying cell still running"
if out=$(warden disable 2>&1); then exit 1; fi
echo "warden-test: disable refused while it runs: $(echo "$out" | tr '\n' ' ')"
