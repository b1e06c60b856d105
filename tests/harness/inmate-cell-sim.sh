# The cell images themselves (NAME.bin, linked at IPA 0) run under
# cell-sim, an EL2 stand-in for the hypervisor that gives them a cell's
# address space: RAM at IPA 0, the comm region at 0x80000000, parameters
# written at 0x1000 of the image. Checks what the bare tests cannot: the
# comm region at its real address, the GIC and console named by it (SGIs
# and SPIs by priority), the debug-console hypercall, a shutdown request answered while gic-demo
# runs, and that a stray access ends in a stage-2 fault.
. "$(dirname "$0")/inmate-lib.bash"
gic_matrix "$@"

show() { echo "--- $1"; cat "$2"; }

img=$(sim_image test-basic)
sim_run_until "$img" 20 "$tmp/basic" '^TEST ' 1 ||
	{ show test-basic "$tmp/basic"; fail "test-basic did not finish"; }
show test-basic "$tmp/basic"
grep -qx 'test-basic: hello from the inmate library (cell)' "$tmp/basic" ||
	fail "no greeting from the cell image"
case $GIC in
3) gic_line='GICv3 (GICD 0x8000000, GICR 0x80a0000)' ;;
2) gic_line='GICv2 (GICD 0x8000000, GICC 0x8010000)' ;;
esac
grep -qx "test-basic: comm region rev 2, $gic_line, console type 3 at 0x9000000, flags 0x3" \
	"$tmp/basic" || fail "comm region at 0x80000000 not read"
grep -qx "test-basic: GICv$GIC" "$tmp/basic" || fail "not the comm region's GIC"
grep -qx 'test-basic: SGI 3 received 1 time(s)' "$tmp/basic" ||
	fail "GIC from the comm region does not work"
grep -Eqx 'TEST PASS \([0-9]+ checks\)' "$tmp/basic" || fail "no TEST PASS"

# Parameters at 0x1000; console only through hypercall 8.
img=$(sim_image test-basic "answer=42 con-virtual=1 con-uart=0")
sim_run_until "$img" 20 "$tmp/virt" '^TEST ' 1 ||
	{ show virtual "$tmp/virt"; fail "no output over the virtual console"; }
show "virtual console" "$tmp/virt"
grep -qx 'test-basic: parameters "answer=42 con-virtual=1 con-uart=0"' \
	"$tmp/virt" || fail "parameters at 0x1000 of the image not seen"
grep -qx 'test-basic: answer=42' "$tmp/virt" || fail "answer not parsed"
# The library adds CRs on its UART only (cell-sim's own line has one too).
grep -v '^cell-sim:' "$tmp/virt.raw" | grep -q $'\r' &&
	fail "CR in the inmate's output: the UART was used, not the hypercall"
grep -Eqx 'TEST PASS \([0-9]+ checks\)' "$tmp/virt" || fail "no TEST PASS"

# gic-demo ticks; after 25 idle WFIs the sim asks for shutdown.
img=$(sim_image gic-demo)
sim_run "$img" 30 "$tmp/gic" 25 -icount shift=0,sleep=off
rc=$?
show gic-demo "$tmp/gic"
[ $rc -eq 0 ] || fail "QEMU status $rc: the shutdown request was not answered"
check_ticks "$tmp/gic" 100000
grep -qx 'cell-sim: sending SHUTDOWN_REQUEST' "$tmp/gic" || fail "no request"
# REQUEST_APPROVED (3), and the message cleared.
grep -qx 'cell-sim: reply 3, msg_to_cell 0' "$tmp/gic" ||
	fail "shutdown request not approved"

# The library parameter deny-shutdown makes the cell refuse.
img=$(sim_image gic-demo "deny-shutdown")
sim_run "$img" 30 "$tmp/deny" 5 -icount shift=0,sleep=off
rc=$?
show "gic-demo deny-shutdown" "$tmp/deny"
[ $rc -eq 0 ] || fail "QEMU status $rc: the shutdown request was not answered"
# REQUEST_DENIED (2).
grep -qx 'cell-sim: reply 2, msg_to_cell 0' "$tmp/deny" ||
	fail "shutdown request not denied"

img=$(sim_image uart-demo "pause-ms=1 count=3")
sim_run_until "$img" 20 "$tmp/uart" '^uart-demo: done' 1 ||
	{ show uart-demo "$tmp/uart"; fail "uart-demo did not finish"; }
show uart-demo "$tmp/uart"
[ "$(grep '^Hello' "$tmp/uart" | tr '\n' '|')" = \
	'Hello 1 from cell!|Hello 2 from cell!|Hello 3 from cell!|' ] ||
	fail "uart-demo did not count 1..3"

# SPIs configured through the GIC named by the comm region.
img=$(sim_image test-irq-priority)
sim_run_until "$img" 20 "$tmp/prio" '^TEST ' 1 ||
	{ show test-irq-priority "$tmp/prio"; fail "test-irq-priority hung"; }
show test-irq-priority "$tmp/prio"
grep -qx 'test-irq-priority: 20 of 20 runs in priority order' "$tmp/prio" ||
	fail "interrupts not taken in priority order in the cell image"

img=$(sim_image test-probe "probe=read addr=0x50000000")
sim_run "$img" 20 "$tmp/probe" 0
rc=$?
show test-probe "$tmp/probe"
[ $rc -eq 0 ] || fail "QEMU status $rc"
grep -qx 'probe: read 0x50000000' "$tmp/probe" || fail "probe did not start"
grep -Eqx 'cell-sim: stage-2 fault at IPA 0x50000000 \(read\), ESR 0x[0-9a-f]+, PC 0x[0-9a-f]+' \
	"$tmp/probe" || fail "no stage-2 fault for an unmapped IPA"
grep -q 'probe: done' "$tmp/probe" && fail "the stray read completed"
echo "cell images run at IPA 0 with a comm region"
