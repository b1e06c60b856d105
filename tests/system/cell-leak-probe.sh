# Nothing of a CPU's last owner reaches the next (docs/hypervisor.md, "What
# a CPU's next owner sees"): the root leaves a pattern in V0-V31, FPCR,
# FPSR and TPIDR_EL0 of CPU 3 (leak-helper fill) and its kernel's
# pointer-authentication keys, counters and timer compare values; a cell
# that takes CPU 3 reads them at its start (leak-probe) and finds zeros.
# That cell then writes patterns into all of them, into the PMU counters
# (left counting) and into the last 4 KiB of its RAM, and is destroyed:
# the root reads that RAM through /dev/mem and finds zeros, and a second
# cell on CPU 3 finds zero registers again; it also writes and reads the
# RAS error-record and LORegion registers 100 times each, every access
# trapped (HCR_EL2.TERR, TLOR: vmexits_total), read as zero. The root's Linux sets up much
# of a CPU when it takes it back (its GIC interface, for one), so the same
# again with CPU 3 offline in the root: phase 3 writes, phase 5 reads,
# CPU 3 passing from cell to cell directly. A fourth run reads ACTLR_EL1
# (HCR_EL2.TAC): the cell gets an UNDEFINED exception, reported. (The
# same for IMPLEMENTATION DEFINED registers, HCR_EL2.TIDCP, leak-probe
# undef=1, needs QEMU 8.1 or later: 7.2 does not trap them.) On -cpu max: PAuth, PMUv3p5,
# SVE and SME are all there.
# The bait is shown to be there: the filler writes a line once it has
# made a complete pass on CPU 3, and the create waits for that line. The
# key check is shown to run: leak-probe checks the keys only where the CPU
# has PAuth and prints a PACGA signature then, made with the GA key as the
# CPU holds it; each run must print it, and with the key zero it is
# 0x46172db100000000 (QEMU's QARMA5, the -cpu max default), so a GA key
# left by the last owner (the root's kernel, or a cell's pattern) shows
# there too, not only in the key registers as read.
# qemu-opts: -cpu max
# append: id_aa64mmfr1.vh=0
# add: build/tests/guest/leak-helper:leak-helper
# add: tests/system/lib/wait.sh:wait.sh
# expect: ^leak-helper: CPU 3 filled$
# expect-console: ^leak-probe\[1\]: pacga\(0x123456789abcdef, 0x42\) = 0x46172db100000000$
# expect-console: ^leak-probe\[1\]: all zero
# expect-console: ^leak-probe\[1\]: patterns written
# expect-console: ^leak-probe\[2\]: pacga\(0x123456789abcdef, 0x42\) = 0x46172db100000000$
# expect-console: ^leak-probe\[2\]: all zero
# expect-console: ^leak-probe\[2\]: RAS, 100 times: ERRIDR_EL1 0x0, ERRSELR_EL1 0x0$
# expect-console: ^leak-probe\[2\]: LOR, 100 times: LORC_EL1 0x0, LORID_EL1 0x0$
# expect: ^warden-test: 400 RAS and LOR register accesses: vmexits_total [0-9]+$
# expect-console: ^leak-probe\[3\]: patterns written
# expect-console: ^leak-probe\[5\]: pacga\(0x123456789abcdef, 0x42\) = 0x46172db100000000$
# expect-console: ^leak-probe\[5\]: all zero
# expect: ^warden-test: CPU 3 from cell to cell: online 0-2
# expect-console: ^leak-probe\[1\]: [1-9][0-9]* event counters
# expect-console: ^Cell "inmate-demo": 0x10000 bytes of its writable memory zeroed for the root in [0-9]+ us
# expect: ^leak-helper: 0x7fa0f000\+0x1000: 0 nonzero words
# expect: ^warden-test: destroyed: online 0-3
# expect: ^warden-test: root PMU on CPU 0: leak-helper: pmu: [1-9][0-9]* and [1-9][0-9]* cycles
# expect: ^warden-test: root PMU on CPU 3: leak-helper: pmu: [1-9][0-9]* and [1-9][0-9]* cycles
# expect-console: ^Cell "inmate-demo": CPU 3: read of ACTLR_EL1 S3_0_C1_C0_1 at 0x[0-9a-f]+: UNDEFINED injected
# expect-console: ^ESR_EL1: 0x02000000 \(EC 0x00
# reject: ^leak-probe\[4\]: ACTLR
# reject: LEAK
# reject: ^FATAL
set -e
. ./wait.sh

# the script's own commands stay off CPU 3, whose registers are the bait
taskset -p 1 $$ >/dev/null
# probe PARAMS: leak-probe with PARAMS in the created cell, started; its ID
probe() {
	warden cell load inmate-demo /usr/lib/warden/inmates/leak-probe.bin \
		-s "$1" -a 0x1000
	warden cell start inmate-demo
	id=$(cell_id inmate-demo)
}

warden enable /etc/warden/qemu-virt.cell
# the root's own PMU use (perf_event_open, no perf tool) under MDCR_EL2
echo "warden-test: root PMU on CPU 0: $(./leak-helper pmu)"
rm -f /tmp/filled
./leak-helper fill 3 /tmp/filled &
filler=$!
wait_for 60 "the filler's first pass on CPU 3" \
	grep -qs "CPU 3 filled" /tmp/filled
cat /tmp/filled
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
kill $filler
probe "phase=1 write=1"
wait_for 30 "the probe to end" state_is $id shut\ down
warden cell destroy inmate-demo
./leak-helper peek 0x7fa0f000 0x1000

warden cell create /etc/warden/qemu-virt-inmate-demo.cell
probe "phase=2 ras=100"
wait_for 30 "the probe to end" state_is $id shut\ down
# each of the 400 error-record and LORegion accesses came to EL2 (100
# ERRIDR_EL1 reads; 100 LORC_EL1 writes, LORC_EL1 and LORID_EL1 reads)
n=$(cell_stat $id vmexits_total)
[ "$n" -ge 400 ]
echo "warden-test: 400 RAS and LOR register accesses: vmexits_total $n"
warden cell destroy inmate-demo

# cell to cell: the driver gives back only the CPUs it took offline
echo 0 >/sys/devices/system/cpu/cpu3/online
for phase in "3 write=1" 5; do
	warden cell create /etc/warden/qemu-virt-inmate-demo.cell
	probe "phase=$phase"
	wait_for 30 "the probe to end" state_is $id shut\ down
	warden cell destroy inmate-demo
done
echo "warden-test: CPU 3 from cell to cell: online" \
	"$(cat /sys/devices/system/cpu/online)"

warden cell create /etc/warden/qemu-virt-inmate-demo.cell
probe "phase=4 undef=2"
wait_for 30 "the trapped read" stat_above $id vmexits_total 0
sleep 1 # the report lines of the cell's exception handler
warden cell destroy inmate-demo
echo 1 >/sys/devices/system/cpu/cpu3/online 2>/dev/null || true
echo "warden-test: destroyed: online $(cat /sys/devices/system/cpu/online)"
echo "warden-test: root PMU on CPU 3: $(taskset -c 3 ./leak-helper pmu)"
warden disable
