# "warden config collect" on a GICv2 (QEMU virt with gic-version=2, the
# Raspberry Pi 4's kind of GIC): the GICv2 driver leaves its frames
# unclaimed, so the facts come from /dev/mem: GICD_TYPER (ITLinesNumber 8:
# 256 SPIs), GICD_IIDR, GICC_IIDR and GICH_VTR (4 list registers). The
# config generated from the tarball gives the root all 256 SPIs, the v2
# frames from the DT and says what was read. Not enabled: that is the
# GICv2 back-end's test (hv-gicv2).
# machine: virt-gicv2
# expect: ^GIC: 256 SPIs
# expect: ^gic: source /dev/mem
# expect: ^gic: gicd_typer 0x00000068
# expect: ^gic: gich_vtr 0x9[0-9a-f]{6}3
# expect: ^SPIs for the root: 256 \(GICD_TYPER\.ITLinesNumber, read on the target from /dev/mem\)
# expect: ^GIC: v2, distributor 0x8000000, CPU/hyp/virtual interfaces 0x8010000/0x8030000/0x8040000, maintenance INTID 25
# expect: ^warden-test: the root has INTID 32-287 \(irqchip entries: 32-159 160-287\)$
# expect: ^warden-test: the config says GICH_VTR 0x9[0-9a-f]{7} \(4 list registers\)
# reject: Unhandled|FAULT
# timeout: 120
set -e
warden config collect /tmp/c.tar
mkdir -p /tmp/x
(cd /tmp/x && tar xf /tmp/c.tar gic && sed 's/^/gic: /' gic)
warden config create -r /tmp/c.tar --mem-hv 4M --mem-inmates 252M /tmp/g.c
warden config show /tmp/g.cell | grep '^GIC:'
# the root's irqchip entries, 128 lines each, are all of INTID 32-287
irqs=$(warden config show /tmp/g.cell |
	sed -n 's/^  Interrupts (irqchip at 0x8000000): INTID //p' | tr '\n' ' ')
irqs=${irqs% }
if [ "$irqs" != "32-159 160-287" ]; then
	echo "warden-test: the root's interrupts: $irqs, not INTID 32-159 160-287"
	exit 1
fi
echo "warden-test: the root has INTID 32-287 (irqchip entries: $irqs)"
echo "warden-test: the config says $(grep -o 'GICH_VTR 0x[0-9a-f]* ([0-9]* list registers)' /tmp/g.c)"
