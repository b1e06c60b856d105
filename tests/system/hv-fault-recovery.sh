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
# add: build/hypervisor/warden-faultinject.bin:/lib/firmware/warden.bin
# add: tests/system/lib/wait.sh:wait.sh
# gics: 3 2
# timeout: 180
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
# expect-console: ^Started cell "inmate-demo"
# expect: ^warden-test: fault at point 1 \(create, stage 2 built\): create failed, pool [0-9]+ pages as before, CPU 3 online and ran a task, no cell left$
# expect: ^warden-test: fault at point 2 \(create, CPU and memory taken\): create failed, pool [0-9]+ pages as before, CPU 3 online and ran a task, no cell left$
# expect: ^warden-test: fault at point 3 \(start, cell claimed\): start failed$
# expect: ^warden-test: the same start afterwards: the cell took [1-9][0-9]* timer interrupts$
# expect: ^warden-test: destroyed: pool [0-9]+ pages as before, CPU 3 online and ran a task$
# expect: ^warden-test: disabled: 0$
# reject: ^ERROR: test point
# reject: is busy with another management call
set -e
. /guest-run/wait.sh

cell=/etc/warden/qemu-virt-inmate-demo.cell
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

# Point 1 (TEST_CREATE_STAGE2), point 2 (TEST_CREATE_BUILT).
for p in "1 (create, stage 2 built)" "2 (create, CPU and memory taken)"; do
	arm "${p%% *}"
	if warden cell create $cell; then
		echo "warden-test: fault at point $p: the create succeeded"
		exit 1
	fi
	as_before "point ${p%% *}"
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
warden cell destroy inmate-demo
as_before "destroy"
echo "warden-test: destroyed: pool $p0 pages as before, CPU 3 online and" \
	"ran a task"
warden disable
echo "warden-test: disabled: $(cat /sys/devices/warden/enabled)"
