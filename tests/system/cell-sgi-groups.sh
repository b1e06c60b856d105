# Group-0 and alternate Group-1 SGIs (HCR_EL2.FMO): a rogue cell
# (test-probe in inmate-demo-2, CPU 2) writes ICC_SGI0R_EL1 and
# ICC_ASGI1R_EL1 aimed at root CPU 0 and, by broadcast (IRM), at every
# other CPU. Guests get Group 1 only (core/sgi_policy.c): each write traps,
# is refused with one line naming the register, the SGI and the CPUs it
# aimed at outside the cell, and nothing arrives. Checked from the owner's
# side: SGI 6 (Linux's wake-up IPI, unused here) as the root's CPUs count
# it in /proc/interrupts, and gic-demo (inmate-demo, CPU 3) goes on
# taking its interrupts. The cell keeps running (a refused write is not
# a fault).
# expect-console: ^Warning: CPU 2 \(cell "inmate-demo-2"\): ICC_SGI0R_EL1 write 0x6000001 \(SGI 6 to CPUs 0x1, 0x1 outside the cell\) refused: Group 0 is given to no cell$
# expect-console: ^Warning: CPU 2 \(cell "inmate-demo-2"\): ICC_ASGI1R_EL1 write 0x6000001 \(SGI 6 to CPUs 0x1, 0x1 outside the cell\) refused: it asks for Secure Group 1 SGIs$
# expect: ^warden-test: sgi0-cpu0: state running$
# expect: ^warden-test: asgi1-cpu0: state running$
# expect: ^warden-test: sgi0-broadcast: state running$
# expect: ^warden-test: asgi1-broadcast: state running$
# expect: ^warden-test: root's view: no SGI 6 arrived on a root CPU \(4 probes\)$
# expect: ^warden-test: gic-demo never stopped
# reject: ^FATAL
# timeout: 180
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/rogue-cell.sh:rogue-cell.sh
set -e

. /guest-run/wait.sh
. /guest-run/rogue-cell.sh


ipi_before=$(ipi6)
[ -n "$ipi_before" ]
# SGI 6 (bits 27:24), Aff3.Aff2.Aff1 0, target list bit 0: MPIDR 0x0
probe sgi0-cpu0 "probe=sgi0 value=0x6000001 alive=1" vmexits_virt_sgi 1
probe asgi1-cpu0 "probe=asgi1 value=0x6000001 alive=1" vmexits_virt_sgi 1
# IRM (bit 40): every CPU but the writer
probe sgi0-broadcast "probe=sgi0 value=0x10006000000 alive=1" \
	vmexits_virt_sgi 1
probe asgi1-broadcast "probe=asgi1 value=0x10006000000 alive=1" \
	vmexits_virt_sgi 1
ipi_after=$(ipi6)
if [ "$ipi_after" = "$ipi_before" ]; then
	echo "warden-test: root's view: no SGI 6 arrived on a root CPU" \
		"(4 probes)"
else
	echo "warden-test: root's view: SGI 6 arrived: $ipi_before -> $ipi_after"
	exit 1
fi
echo "warden-test: gic-demo never stopped: $min more interrupts in every" \
	"probe at least"
warden cell destroy inmate-demo-2
warden cell destroy inmate-demo
warden disable
