# Redistributor isolation: a rogue cell (test-probe in inmate-demo-2,
# CPU 2) writes its own CPU's redistributor to take the CPU away from the
# hypervisor: it disables, clears, activates, deactivates, re-prioritises,
# regroups and reconfigures the hypervisor's stop SGI (15) and the GIC
# maintenance interrupt (25), points the LPI tables at hypervisor memory
# (PROPBASER, PENDBASER), sets EnableLPIs and ProcessorSleep, and writes
# the frame of inmate-demo's CPU 3. Every such write is refused with a
# warning naming the cell, CPU, register and interrupt, while the cell's
# other SGIs and PPIs still change, and every time the hypervisor still
# stops the cell (each probe's load stops the run before; shutdown and
# destroy at the end). The root and gic-demo (CPU 3) keep running. A
# writeback and pair access without syndrome to the redistributor's
# priorities is emulated like one to the distributor's.
#
# QEMU virt: redistributor frames at 0x080a0000 + CPU * 0x20000, SGI_base
# 0x10000 above; the probe finds its own frame (gicr-off=) like the inmate
# library, by GICR_TYPER affinity.
#
# The LPI tables are checked from the owner's side: the cell reads 0 for
# PROPBASER and PENDBASER whatever they hold (core/gicr_filter.c), so its
# read-back proves nothing. QEMU stores both registers even without LPIs
# (hw/intc/arm_gicv3_redist.c), and nothing resets them but a machine
# reset: the root reads CPU 2's physical PROPBASER and PENDBASER through
# /dev/mem before enable and after disable (no hypervisor in the way) and
# finds them unchanged, without the cell's 0x7fc00000. EnableLPIs proves
# nothing here: QEMU virt with its=off (scripts/guest-run) has no LPIs
# (GICR_TYPER.PLPIS 0), so the bit is RES0 and cannot stick whatever the
# hypervisor lets through; only the refusal's warning is checked.
# expect-console: ^probe: own redistributor at 0x80e0000$
# expect-console: ^probe: 0x80f0180 reads back 0x2008000$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_ICENABLER0 of CPU 2: write to IRQ 15 \(the hypervisor's stop SGI\) ignored: reserved for the hypervisor$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_ICENABLER0 of CPU 2: write to IRQ 25 \(the GIC maintenance interrupt\) ignored: reserved for the hypervisor$
# A write of ~0 (a CPU's bring-up reset, as Linux's) is refused in part
# without a line; the read-back after enable-sgis shows 15 and 25 kept.
# reject: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_ICENABLER0 of CPU 2: write to IRQ 15 \(the hypervisor's stop SGI\) and IRQ 25
# expect-console: ^probe: 0x80f0100 reads back 0x2008006$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_ISENABLER0 of CPU 2: write to IRQ 15
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_ICPENDR0 of CPU 2: write to IRQ 15 .* and IRQ 25
# expect-console: ^probe: 0x80f0300 reads back 0x0$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_ISACTIVER0 of CPU 2: write to IRQ 15
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_ICACTIVER0 of CPU 2: write to IRQ 25
# expect-console: ^probe: 0x80f040c reads back 0xa0f0f0f0$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_IPRIORITYR of CPU 2: write to IRQ 15
# expect-console: ^probe: 0x80f0418 reads back 0xf0f0a0f0$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_IPRIORITYR of CPU 2: write to IRQ 25
# expect-console: ^probe: 0x80f0080 reads back 0x2008000$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_IGROUPR0 of CPU 2: write to IRQ 15 .* and IRQ 25
# expect-console: ^probe: 0x80f0c04 reads back 0x0$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_ICFGR1 of CPU 2: write to IRQ 25
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_PROPBASER of CPU 2: write of 0x7fc00000 ignored: LPIs are not supported
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_PENDBASER of CPU 2: write of 0x7fc00000 ignored: LPIs are not supported
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_CTLR of CPU 2: write of 0x1 ignored: the redistributor's controls are the hypervisor's$
# expect-console: ^probe: 0x80e0014 reads back 0x0$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_WAKER of CPU 2: write of 0x2 ignored: the hypervisor keeps the redistributor awake$
# expect-console: ^probe: 0x8110180 reads back 0x0$
# expect-console: ^Warning: Cell "inmate-demo-2": CPU 2: GICR_ICENABLER0 of CPU 3: write of 0xffffffff ignored: not a CPU of the cell$
# expect-console: ^probe: redistributor priorities of IRQs 8-11 by writeback
# expect-console: ^probe: str pre-index: base \+16$
# expect-console: ^probe: ldp post-index: 0xa0a0a0a0 0x[0-9a-f]+, base \+24$
# expect-console: ^probe: str wzr pre-index: base \+16, reads back 0x0$
# expect-console: ^probe: ldr \[sp, #8\]!: 0x50505050, sp \+8$
# expect: ^warden-test: gicr-writeback: state running
# expect: ^warden-test: gic-demo never stopped: [1-9][0-9]* more interrupts in every probe
# expect: ^warden-test: rogue cell shut down: shut down
# expect: ^warden-test: root cpus 0 1 ran a task
# expect: ^warden-test: cells destroyed, online 0-3
# expect: ^warden-test: CPU 2's physical PROPBASER 0x[0-9A-F]{16} and PENDBASER 0x[0-9A-F]{16} as before enable$
# reject: ^FATAL
# reject: did not stop within
# reject: state (failed|shut down)$
# timeout: 420
# append: iomem=relaxed
# add: tests/system/lib/wait.sh:wait.sh
# add: tests/system/lib/rogue-cell.sh:rogue-cell.sh
set -e

# CPU 2's LPI table registers, 64 bits each, in its RD frame
propbaser2() { devmem 0x080e0070 64; }
pendbaser2() { devmem 0x080e0078 64; }
prop=$(propbaser2)
pend=$(pendbaser2)
echo "warden-test: before enable: CPU 2's PROPBASER $prop, PENDBASER $pend"

. /guest-run/wait.sh
. /guest-run/rogue-cell.sh

# The probe finds its frame by reading GICR_TYPER of frames 0, 1 and 2
# (3 MMIO exits), then writes and reads back (5 in all).
# w32 LABEL OFFSET VALUE: a 32-bit write into the rogue CPU's own frames
w32() {
	probe "$1" "probe=write32 gicr-off=$2 value=$3" vmexits_mmio 5
}

probe gicr-own "probe=gicr-own" vmexits_mmio 3
# ICENABLER0: the stop SGI, the maintenance interrupt, everything
w32 disable-stop-sgi 0x10180 0x8000
w32 disable-maintenance 0x10180 0x2000000
w32 disable-all 0x10180 0xffffffff
# ISENABLER0: the cell's own SGIs 1 and 2 are enabled, 15 is refused
w32 enable-sgis 0x10100 0x8006
w32 clear-pending 0x10280 0x2008000
w32 activate-stop-sgi 0x10300 0x8000
w32 deactivate-maintenance 0x10380 0x2000000
# IPRIORITYR: INTIDs 12-15 and 24-27, lowest priority for all
w32 priority-stop-sgi 0x1040c 0xf0f0f0f0
w32 priority-maintenance 0x10418 0xf0f0f0f0
# IGROUPR0: group 0 would come as FIQ, which EL2 does not take
w32 group0 0x10080 0x0
# ICFGR1: the maintenance interrupt edge-triggered (the other PPIs level)
w32 config-maintenance 0x10c04 0x80000
# LPI tables in hypervisor memory: the GIC would write there (checked
# from the root after disable)
probe propbaser "probe=write gicr-off=0x70 value=0x7fc00000" vmexits_mmio 5
probe pendbaser "probe=write gicr-off=0x78 value=0x7fc00000" vmexits_mmio 5
# RES0 on this machine: only the warning shows the refusal
w32 enable-lpis 0x0 0x1
w32 processor-sleep 0x14 0x2
# CPU 3's ICENABLER0: gic-demo's timer would stop (probe() waits for
# gic-demo's next interrupt after the write)
probe foreign-frame "probe=write32 addr=0x08110180 value=0xffffffff" \
	vmexits_mmio 2
# the frame search, then str, ldp, str wzr, a read, a write and the ldr
probe gicr-writeback "probe=gicr-writeback irq=8 value=0xa0a0a0a0" \
	vmexits_mmio 9
echo "warden-test: gic-demo never stopped: $min more interrupts in every" \
	"probe at least"

# The last try left running, then shut down from the root
warden cell load inmate-demo-2 $dir/test-probe.bin \
	-s "probe=write32 gicr-off=0x10180 value=0xffffffff alive=30" -a 0x1000
base=$(cell_stat 2 vmexits_mmio)
warden cell start inmate-demo-2
wait_for 60 "the last probe's write" stat_above 2 vmexits_mmio $((base + 3))
warden cell shutdown inmate-demo-2
echo "warden-test: rogue cell shut down:" \
	"$(cat /sys/devices/warden/cells/2/state)"

root_cpus_ran_task 0 1

warden cell destroy inmate-demo-2
warden cell destroy inmate-demo
echo "warden-test: cells destroyed, online" \
	"$(cat /sys/devices/system/cpu/online)"
warden disable

# the LPI tables of CPU 2, read with no hypervisor in the way: the
# probes' 0x7fc00000 did not reach them
p=$(propbaser2)
q=$(pendbaser2)
echo "warden-test: after disable: CPU 2's PROPBASER $p, PENDBASER $q"
[ $((p)) != $((0x7fc00000)) ]
[ $((q)) != $((0x7fc00000)) ]
[ "$p" = "$prop" ]
[ "$q" = "$pend" ]
echo "warden-test: CPU 2's physical PROPBASER $p and PENDBASER $q as before" \
	"enable"
