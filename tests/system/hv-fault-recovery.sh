# A management call that takes an exception at EL2 half way leaves
# nothing behind. The fault-injection build of the hypervisor
# (warden-faultinject.bin: warden.bin plus test points, see
# hypervisor/test/fault_inject.c) writes to its own text at a point the
# root arms with hypercall 0x7e57, which W^X turns into a permission
# fault at EL2. A cell create that faults after building the stage 2,
# and one that faults with the cell's CPU and memory taken, are undone:
# the call fails, the pool is as before, CPU 3 comes back online in
# Linux and no cell is left. A cell start that faults with the cell
# claimed (busy) and cell_lock held releases both: the same start then
# works, the cell runs and is destroyed. Then the hypervisor disables.
# On the old code the half-built cell kept CPU 3 and its ID, and the
# busy mark refused every later call for that cell with -EBUSY.
# Points 4-7: a create that faults with its config copied into pool
# pages gives them back (the pool as before; the old code kept them); one
# that faults inside an edit of the root's stage 2, with a live block
# entry invalid (break-before-make: inmate-smp's 64 KiB split out of the
# root's 2 MiB block 0x7f800000, see cell-root-split), gets the edit
# completed before root_s2_lock goes, while a root CPU keeps reading that
# block (the old code left the root without that block: the reader's CPU
# was parked with a FATAL report); one
# that faults with an EL2 window's entries written unmaps it (no window
# stays mapped); console input that faults with the cell's console lock
# held releases it, and the next input is answered (the old code spun on
# that lock for good).
# Point 8: a create that faults inside pool_alloc_pages(), with the
# pages taken from the pool's bitmap and not yet handed to the caller,
# gives them back (the pool as before; the old code kept them).
# add: build/hypervisor/warden-faultinject.bin:/lib/firmware/warden.bin
# add: tests/system/lib/wait.sh:wait.sh
# add: build/tests/guest/mem-reader:mem-reader
# gics: 3 2
# timeout: 300
# expect-console: ^Test point 1 armed by CPU 0
# expect-console: ^Test point 1: writing to the hypervisor's text at 0x
# expect-console: ^FATAL: synchronous exception in the hypervisor on CPU [0-2]: 
# expect-console: ^ released cell_lock, which CPU [0-2] held
# expect-console: ^ call 0x1 of cell "qemu-virt[^"]*" refused \(-EFAULT\); the hypervisor goes on
# expect-console: ^Cell "inmate-demo": the create is undone: CPUs 0x8 back to the root
# expect-console: ^Test point 2: writing to the hypervisor's text at 0x
# expect-console: ^Test point 3: writing to the hypervisor's text at 0x
# expect-console: ^ call 0x2 of cell "qemu-virt[^"]*" refused \(-EFAULT\); the hypervisor goes on
# expect-console: ^Cell "inmate-demo": released from the failed call; its CPUs stay as they are \(stopped\)
# expect: ^Started cell "inmate-demo"
# expect-console: ^Test point 4: writing to the hypervisor's text at 0x
# expect-console: ^ freed the [0-9]+ pool pages of the cell config it was copying
# expect-console: ^Test point 5: writing to the hypervisor's text at 0x
# expect-console: ^ completed the edit of the root cell's stage 2 it was in
# expect-console: ^Test point 6: writing to the hypervisor's text at 0x
# expect-console: ^ unmapped the EL2 window 0x[0-9a-f]+\+0x[0-9a-f]+ it had mapped
# expect-console: ^Test point 7: writing to the hypervisor's text at 0x
# expect-console: ^ released the console lock of cell ID 1, which CPU [0-2] held
# expect-console: ^Test point 8: writing to the hypervisor's text at 0x
# expect-console: ^ freed the [0-9]+ pool pages it was allocating
# expect-console: EL2 windows mapped: 0$
# reject: EL2 windows mapped: [1-9]
# expect: ^warden-test: fault at point 1 \(create, stage 2 built\): create failed, pool [0-9]+ pages as before, CPU 3 online and ran a task, no cell left$
# expect: ^warden-test: fault at point 2 \(create, CPU and memory taken\): create failed, pool [0-9]+ pages as before, CPU 3 online and ran a task, no cell left$
# expect: ^warden-test: fault at point 4 \(create, config copied in\): create failed, pool [0-9]+ pages as before, CPU 3 online and ran a task, no cell left$
# expect: ^warden-test: fault at point 5 \(create, root stage 2 edit half done\): create failed, pool [0-9]+ pages as before, CPU 3 online and ran a task, no cell left$
# expect: ^warden-test: fault at point 6 \(create, EL2 window mapped\): create failed, pool [0-9]+ pages as before, CPU 3 online and ran a task, no cell left$
# expect: ^warden-test: fault at point 8 \(create, pool pages being allocated\): create failed, pool [0-9]+ pages as before, CPU 3 online and ran a task, no cell left$
# expect: ^mem-reader: [0-9]+ reads of 0x7f910000
# expect: ^warden-test: point 5: the root read its block 0x7f800000 throughout, CPUs 2 and 3 back
# expect: ^warden-test: fault at point 3 \(start, cell claimed\): start failed$
# expect: ^warden-test: fault at point 7 \(console input, console lock held\): input failed; the next input was answered \(refused: no virtual console\)$
# expect: ^warden-test: the same start afterwards: the cell took [1-9][0-9]* timer interrupts$
# expect: ^warden-test: destroyed: pool [0-9]+ pages as before, CPU 3 online and ran a task$
# expect: ^warden-test: disabled: 0$
# reject: ^ERROR: test point
# reject: is busy with another management call
set -e
. /guest-run/wait.sh

cell=/etc/warden/qemu-virt-inmate-demo.cell
smp=/etc/warden/qemu-virt-inmate-smp.cell
demo=/usr/lib/warden/inmates/gic-demo.bin
pool() { cat /sys/devices/warden/mem_pool_used; }
arm() { taskset -c 0 warden hypercall 0x7e57 "$1" >/dev/null; }
cpu3_back() {
	[ "$(cat /sys/devices/system/cpu/cpu3/online)" = 1 ] &&
		[ "$(taskset -c 3 cat /proc/self/stat | cut -d' ' -f39)" = 3 ]
}
# as_before WHAT: the pool, CPU 3 and the cell list as before the call
as_before() {
	[ "$(pool)" = "$p0" ] || { echo "warden-test: $1: pool $(pool) pages, $p0 before"; return 1; }
	cpu3_back || { echo "warden-test: $1: CPU 3 not back in Linux"; return 1; }
}

warden enable /etc/warden/system.cell
p0=$(pool)

# Points 1 (TEST_CREATE_STAGE2), 2 (TEST_CREATE_BUILT), 4
# (TEST_CREATE_CONFIG), 5 (TEST_S2_BBM), 6 (TEST_WINDOW_MAP), 8
# (TEST_POOL_ALLOC).
for p in "1 (create, stage 2 built)" "2 (create, CPU and memory taken)" \
	"4 (create, config copied in)" \
	"5 (create, root stage 2 edit half done)" \
	"6 (create, EL2 window mapped)" \
	"8 (create, pool pages being allocated)"; do
	c=$cell
	if [ "${p%% *}" = 5 ]; then
		# a root CPU reads the block whose entry the fault leaves invalid
		c=$smp
		rm -f /tmp/stop
		taskset -c 1 /guest-run/mem-reader 0x7f910000 /tmp/stop \
			>/tmp/reader.log &
		reader=$!
		sleep 1
	fi
	arm "${p%% *}"
	if taskset -c 0 warden cell create $c; then
		echo "warden-test: fault at point $p: the create succeeded"
		exit 1
	fi
	as_before "point ${p%% *}"
	if [ "${p%% *}" = 5 ]; then
		sleep 1
		touch /tmp/stop
		wait $reader
		cat /tmp/reader.log
		[ "$(cat /sys/devices/system/cpu/cpu2/online)" = 1 ]
		echo "warden-test: point 5: the root read its block 0x7f800000" \
			"throughout, CPUs 2 and 3 back"
	fi
	if [ -e /sys/devices/warden/cells/1 ]; then
		echo "warden-test: fault at point $p: a cell is left"
		warden cell list
		exit 1
	fi
	echo "warden-test: fault at point $p: create failed, pool $p0 pages" \
		"as before, CPU 3 online and ran a task, no cell left"
done

# Point 3 (TEST_START_STOPPED): the cell claimed, cell_lock held.
warden cell create $cell
warden cell load inmate-demo $demo -s "print-every=1000" -a 0x1000
arm 3
if warden cell start inmate-demo; then
	echo "warden-test: fault at point 3: the start succeeded"
	exit 1
fi
echo "warden-test: fault at point 3 (start, cell claimed): start failed"
warden cell start inmate-demo
wait_for 60 "the cell's timer interrupts" stat_above 1 vmexits_virt_irq 4
echo "warden-test: the same start afterwards: the cell took" \
	"$(cell_stat 1 vmexits_virt_irq) timer interrupts"

# Point 7 (TEST_CONSOLE_LOCKED): the root's input for the cell faults with
# the cell's console lock held; the next input must get an answer (this
# cell has no virtual console: -EPERM), not spin on the lock.
arm 7
if echo x | warden console --cell inmate-demo -i; then
	echo "warden-test: fault at point 7: the input went through"
	exit 1
fi
if echo x | warden console --cell inmate-demo -i >/tmp/input.err 2>&1; then
	echo "warden-test: point 7: input accepted by a cell without a console"
	exit 1
fi
grep -q 'has no virtual console' /tmp/input.err || {
	echo "warden-test: point 7: the next input: $(cat /tmp/input.err)"
	exit 1
}
echo "warden-test: fault at point 7 (console input, console lock held):" \
	"input failed; the next input was answered (refused: no virtual" \
	"console)"
warden cell destroy inmate-demo
as_before "destroy"
echo "warden-test: destroyed: pool $p0 pages as before, CPU 3 online and" \
	"ran a task"
warden disable
echo "warden-test: disabled: $(cat /sys/devices/warden/enabled)"
