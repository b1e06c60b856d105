# The limit of direct interrupt delivery the stop watchdog cannot lift
# (docs/hypervisor.md, "Direct interrupt delivery"): a direct cell that
# raises its running priority to the top (ICC_AP1R0_EL1 bit 0) and then
# waits in WFI. Its stop SGI stays pending, unsignalled; taking its stage
# 2 away forces nothing, since a CPU in WFI fetches no instruction. The
# watchdog says so, `cell shutdown` fails with EBUSY after some 8 s, and
# the cell keeps its CPU. The cell is left so: the guest ends here.
# expect-console: ^CPU 3 of cell "inmate-direct" \(direct interrupts\) did not take the stop SGI \(pending in its redistributor
# expect-console: ^Cell "inmate-direct": stop not forced on CPUs 0x8 \(no translation since its stage 2 was taken away: waiting in WFI\?\)$
# expect: ^warden-test: shutdown refused after ([5-9]|1[0-9]) s; state running$
# reject: ^FATAL
# timeout: 240
# add: tests/system/lib/wait.sh:wait.sh
set -e

. /guest-run/wait.sh

warden enable /etc/warden/system.cell
warden cell create /etc/warden/qemu-virt-inmate-direct.cell
id=$(cell_id inmate-direct)
warden cell load inmate-direct /usr/lib/warden/inmates/test-direct-irq.bin \
	-s "rate=100 secs=1 hold=2" -a 0x1000
warden cell start inmate-direct
wait_for 60 "the count" stat_above $id vmexits_hypercall 0
sleep 1
t0=$(date +%s)
if warden cell shutdown inmate-direct; then
	echo "warden-test: the shutdown succeeded"
	exit 1
fi
echo "warden-test: shutdown refused after $(($(date +%s) - t0)) s;" \
	"state $(cell_state $id)"
