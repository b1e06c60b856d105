# IMPLEMENTATION DEFINED registers (HCR_EL2.TIDCP, docs/hypervisor.md,
# "What is trapped"): a rogue cell (test-probe in inmate-demo-2, CPU 2)
# reads S3_1_C15_C2_1, which on a Cortex-A57 sets how the core prefetches
# and coheres for every later owner. The read traps to EL2 and the
# hypervisor reports it, naming the register, and makes it UNDEFINED for
# the cell, whose own exception handler then stops its CPU (the cell's
# fault, nobody else's). From the owner's side: the root's CPUs all run
# tasks, gic-demo (inmate-demo, CPU 3) goes on taking its interrupts, and
# both cells are destroyed with every CPU back in Linux.
# QEMU traps HCR_EL2.TIDCP only from 8.1 on, the version that brought
# FEAT_TIDCP1 to "-cpu max": the test runs in QEMU 10 (the one fetched
# for the Raspberry Pi 4 leg), not Debian 12's QEMU 7.2. The probe reads
# ID_AA64MMFR1_EL1.TIDCP1 and, where it is 0, shuts its cell down instead
# of reading; the test then skips, saying so.
# machine: virt-qemu10
# qemu-opts: -cpu max
# append: id_aa64mmfr1.vh=0
# timeout: 240
# expect-console: ^Cell "inmate-demo-2": CPU 2: read of IMPLEMENTATION DEFINED register S3_1_C15_C2_1 at 0x[0-9a-f]+: UNDEFINED injected$
# expect-console: ^ESR_EL1: 0x02000000 \(EC 0x00
# expect: ^warden-test: the hypervisor reported the read of S3_1_C15_C2_1$
# expect: ^warden-test: root cpus 0 1 ran a task$
# expect: ^warden-test: gic-demo took [0-9]+ interrupts after the read$
# expect: ^warden-test: destroyed: online 0-3$
# reject: ^probe: S3_1_C15_C2_1 = 
# reject: ^FATAL
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/rogue-cell.sh:rogue-cell.sh
set -e

. /guest-run/wait.sh
. /guest-run/rogue-cell.sh

reported() {
	warden console |
		grep -q 'IMPLEMENTATION DEFINED register S3_1_C15_C2_1'
}
reported_or_shut_down() { reported || state_is 2 "shut down"; }

warden cell load inmate-demo-2 $dir/test-probe.bin -s "probe=impdef" \
	-a 0x1000
warden cell start inmate-demo-2
wait_for 60 "the hypervisor's report of the read" reported_or_shut_down
if ! reported; then
	warden cell destroy inmate-demo-2
	warden cell destroy inmate-demo
	warden disable
	echo "the CPU has no FEAT_TIDCP1 (the probe shut its cell down):" \
		"QEMU before 8.1 does not trap HCR_EL2.TIDCP"
	exit 77
fi
echo "warden-test: the hypervisor reported the read of S3_1_C15_C2_1"
after=$(cat $irqs)
wait_for 30 "gic-demo's next interrupt" irqs_above $after
echo "warden-test: gic-demo took $(($(cat $irqs) - after)) interrupts" \
	"after the read"
root_cpus_ran_task 0 1
warden cell list
warden cell destroy inmate-demo-2
warden cell destroy inmate-demo
for c in 2 3; do
	echo 1 >/sys/devices/system/cpu/cpu$c/online 2>/dev/null || true
done
echo "warden-test: destroyed: online $(cat /sys/devices/system/cpu/online)"
warden disable
