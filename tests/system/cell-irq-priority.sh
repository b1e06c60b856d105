# Interrupt priority inside a cell: test-irq-priority makes five SPIs the
# cell owns (40-44) pending at once with different priorities; they must
# be taken strictly in priority order, in 20 runs out of 20. Five pending
# interrupts are more than QEMU's four list registers, so this also checks
# that the overflow keeps the most urgent ones in the list registers.
# gics: 3 2
# expect-console: ^test-irq-priority: INTIDs 40\.\.44, 20 runs
# expect-console: ^run 0: expected 41 43 44 40 42
# expect-console: ^run 1: taken 41 43 44 40 42
# expect-console: ^test-irq-priority: 20 of 20 runs in priority order
# expect-console: ^TEST PASS
# reject: WRONG ORDER
# timeout: 240
# add: tests/system/lib/wait.sh:wait.sh
set -e
. /guest-run/wait.sh

warden enable /etc/warden/system.cell
warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
warden cell load inmate-demo-2 /usr/lib/warden/inmates/test-irq-priority.bin \
	-s "irq-base=40 runs=20" -a 0x1000
warden cell start inmate-demo-2
# 20 runs of 5 interrupts each, then a second for the summary lines
wait_for 120 "100 interrupts in the cell" stat_above 1 vmexits_virt_irq 99
sleep 1
warden cell destroy inmate-demo-2
warden disable
