# "warden config create" on the live guest (reading /sys/firmware/fdt and
# /proc/iomem itself), then the generated config in use: config check
# passes, the hypervisor sits where configs/arm64/qemu-virt.c puts it (the
# free RAM above mem=768M), enable works, the demo cell is created, runs
# gic-demo (its timer interrupts reach it), is destroyed, and disable
# returns everything to Linux.
# expect: ^wrote /tmp/gen\.c and /tmp/gen\.cell and /tmp/gen\.dts: [0-9]+ memory regions, GICv3, 4 CPUs
# expect: ^hypervisor at 0x7fc00000\+0x400000, cells' memory at 0x70000000\+0xfc00000
# expect: ^SPIs for the root: 224 \(GICD_TYPER\.ITLinesNumber, read on the target from kernel log "GICv3: 224 SPIs implemented"\)
# expect: ^kernel command line alternative to the overlay: mem=768M
# expect: ^0 errors, 0 advice
# expect: ^warden-test: hypervisor memory as in qemu-virt\.cell: Hypervisor memory: 0x7fc00000-0x7fffffff \(4 MiB\)
# expect: ^warden-test: enabled with the generated config
# expect: ^Created cell "inmate-demo"
# expect-console: ^Timer fired, jitter
# expect: ^warden-test: [1-9][0-9]* timer interrupts in the cell
# expect: ^Destroyed cell "inmate-demo"
# expect: ^warden-test: collect while enabled: GIC: 224 SPIs
# expect: ^warden-test: disabled, online 0-3
# expect: ^GIC: 224 SPIs
# expect: ^wrote /tmp/c\.tar: fdt, iomem, cpuinfo, cmdline, cpus-online, gic, pci-devices
# expect: ^gic: not-read /dev/mem at 0x8000000: Operation not permitted \(a driver claimed it
# expect: ^warden-test: the root has INTID 32-255 \(irqchip entries: 32-159 160-255\)$
# expect: ^warden-test: -r /tmp/c\.tar gives the same \.c and \.cell
# reject: Unhandled|FAULT|refused
# timeout: 180
# add: tests/system/lib/demo-cell.sh:demo-cell.sh
set -e
. /guest-run/demo-cell.sh

cell=/etc/warden/qemu-virt-inmate-demo.cell

warden config create --mem-hv 4M --mem-inmates 252M --overlay /tmp/gen.dts \
	/tmp/gen.c
warden config check /tmp/gen.cell $cell
# the GIC's 224 SPIs (the kernel's boot line; /dev/mem is refused): the
# root's irqchip entries, 128 lines each, are all of INTID 32-255
irqs=$(warden config show /tmp/gen.cell |
	sed -n 's/^  Interrupts (irqchip at 0x8000000): INTID //p' | tr '\n' ' ')
irqs=${irqs% }
if [ "$irqs" != "32-159 160-255" ]; then
	echo "warden-test: the root's interrupts: $irqs, not INTID 32-159 160-255"
	exit 1
fi
echo "warden-test: the root has INTID 32-255 (irqchip entries: $irqs)"
gen=$(warden config show /tmp/gen.cell | sed -n 2p)
hand=$(warden config show /etc/warden/qemu-virt.cell | sed -n 2p)
[ "$gen" = "$hand" ]
echo "warden-test: hypervisor memory as in qemu-virt.cell: $gen"

demo_cell_run /tmp/gen.cell

# collect while Warden is enabled: the distributor is the hypervisor's
# now; the facts still come (the kernel log), and the root goes on.
warden enable /tmp/gen.cell
echo "warden-test: collect while enabled: $(warden config collect /tmp/e.tar | grep '^GIC:')"
warden disable

# The same through a tarball, as on a development host.
warden config collect /tmp/c.tar
mkdir -p /tmp/r
(cd /tmp/r && tar xf /tmp/c.tar gic && sed 's/^/gic: /' gic)
warden config create -r /tmp/c.tar --mem-hv 4M --mem-inmates 252M \
	--name gen /tmp/r/gen.c >/dev/null
cmp /tmp/gen.c /tmp/r/gen.c
cmp /tmp/gen.cell /tmp/r/gen.cell
echo "warden-test: -r /tmp/c.tar gives the same .c and .cell"
