# Direct interrupt delivery (WARDEN_CELL_DIRECT_IRQ, docs/hypervisor.md,
# "Direct interrupt delivery"), on QEMU virt without EL3 (GICD_CTLR.DS 1):
# - inmate-direct (CPU 3, the flag set) takes its virtual timer at 1 kHz
#   with no exit: test-direct-irq counts them on the console, and the
#   cell's vmexits_virt_irq stays 0; the same inmate in inmate-demo (no
#   flag) takes each as an exit, as before;
# - an SGI it sends to root CPU 0 still traps and is dropped: SGI 6 as
#   the root's CPUs count it in /proc/interrupts does not move;
# - `cell shutdown` and `cell destroy` stop it; CPU 3 comes back to Linux,
#   trapped again (its interrupts counted by the hypervisor);
# - inmate-smp-direct (CPUs 2 and 3): test-smp starts CPU 3 by PSCI and
#   exchanges 100 SGIs each way: every send traps, no receive exits;
# - the documented limit: a direct cell that raises its running priority
#   (ICC_AP1R0_EL1 bit 0) does not take the stop SGI; the stop watchdog
#   reports it after 5 s and forces the stop through stage 2, so the
#   shutdown succeeds, late.
# expect-console: ^direct-irq: [1-9][0-9][0-9]+ timer interrupts in 2 s$
# expect: ^warden-test: direct: 0 interrupt exits, [0-9]+ exits in all$
# expect: ^warden-test: trapped: [1-9][0-9][0-9]+ interrupt exits$
# expect: ^warden-test: root's view: no SGI 6 arrived on a root CPU$
# expect: ^warden-test: destroyed: online 0-3, cpu 3 ran a task$
# expect: ^warden-test: root CPU 3 trapped again: [1-9][0-9]* interrupts injected$
# expect-console: ^test-smp: CPU 0x3 up
# expect-console: ^test-smp: 100 pings answered by 100 pongs$
# expect: ^warden-test: smp: 200 SGI writes, 0 interrupt exits$
# expect-console: ^CPU 3 of cell "inmate-direct" \(direct interrupts\) did not take the stop SGI \(pending in its redistributor
# expect-console: ^Cell "inmate-direct": stop forced through stage 2 on CPUs 0x8$
# expect: ^warden-test: hold: shut down after ([5-9]|1[0-9]) s$
# expect: ^warden-test: disabled$
# reject: ^FATAL
# timeout: 300
# add: tests/system/lib/wait.sh:wait.sh
set -e

. /guest-run/wait.sh

dir=/usr/lib/warden/inmates
direct=/etc/warden/qemu-virt-inmate-direct.cell
ipi6() {
	awk '/^ *IPI6:/ { n = 0; for (i = 2; i <= NF; i++)
		if ($i ~ /^[0-9]+$/) n += $i; print n }' /proc/interrupts
}

warden enable /etc/warden/system.cell

# a cell's count: test-direct-irq ends it with one hypercall
count() {
	id=$(cell_id $1)
	warden cell load $1 $dir/test-direct-irq.bin -s "$2" -a 0x1000
	warden cell start $1
	wait_for 60 "the count in $1" stat_above $id vmexits_hypercall 0
}

warden cell create /etc/warden/qemu-virt-inmate-demo.cell
count inmate-demo "rate=1000 secs=2"
echo "warden-test: trapped: $(cell_stat $id vmexits_virt_irq) interrupt exits"
warden cell destroy inmate-demo

warden cell create $direct
count inmate-direct "rate=1000 secs=2"
echo "warden-test: direct: $(cell_stat $id vmexits_virt_irq) interrupt exits," \
	"$(cell_stat $id vmexits_total) exits in all"

before=$(ipi6)
if [ -z "$before" ]; then
	echo "warden-test: no IPI6 line in /proc/interrupts to count"
	exit 1
fi
sgis=$(cell_stat $id vmexits_virt_sgi)
warden cell load inmate-direct $dir/test-probe.bin \
	-s "probe=sgi mpidr=0x0 sgi=6 alive=1" -a 0x1000
warden cell start inmate-direct
wait_for 60 "the SGI write's exit" stat_above $id vmexits_virt_sgi $sgis
sleep 1
after=$(ipi6)
if [ "$after" != "$before" ]; then
	echo "warden-test: root's view: SGI 6 arrived: $before -> $after"
	exit 1
fi
echo "warden-test: root's view: no SGI 6 arrived on a root CPU"
warden cell shutdown inmate-direct
echo "warden-test: shutdown: $(cell_state $id)"
warden cell destroy inmate-direct
online=$(cat /sys/devices/system/cpu/online)
ran=$(taskset -c 3 cat /proc/self/stat | cut -d' ' -f39)
echo "warden-test: destroyed: online $online, cpu $ran ran a task"
# trapped again: Linux's interrupts on CPU 3 go through the hypervisor
# (CPU_GET_INFO, statistic 1000 + 5: CPU 3's injected interrupts)
virq3() { warden hypercall 7 3 1005 | cut -d' ' -f1; }
b3=$(virq3)
taskset -c 3 sh -c 'i=0; while [ $i -lt 50000 ]; do i=$((i + 1)); done'
echo "warden-test: root CPU 3 trapped again: $(($(virq3) - b3))" \
	"interrupts injected"

# SGIs inside a direct cell (CPUs 2 and 3): sent by a trapped write,
# taken without an exit; the second CPU started by PSCI CPU_ON
warden cell create /etc/warden/qemu-virt-inmate-smp-direct.cell
id=$(cell_id inmate-smp-direct)
warden cell load inmate-smp-direct $dir/test-smp.bin -s "cpu=3 rounds=100" \
	-a 0x1000
warden cell start inmate-smp-direct
wait_for 60 "200 SGI writes" stat_above $id vmexits_virt_sgi 199
echo "warden-test: smp: $(cell_stat $id vmexits_virt_sgi) SGI writes," \
	"$(cell_stat $id vmexits_virt_irq) interrupt exits"
warden cell destroy inmate-smp-direct

# the limit: the stop held off until the watchdog forces it
warden cell create $direct
count inmate-direct "rate=100 secs=1 hold=1"
t0=$(date +%s)
warden cell shutdown inmate-direct
echo "warden-test: hold: shut down after $(($(date +%s) - t0)) s"
warden cell destroy inmate-direct
warden disable
echo "warden-test: disabled"
