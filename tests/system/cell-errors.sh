# Bad cells and bad loads are refused with a message that says what and
# why, and leave the system as it was (same cells and states, CPUs online,
# pool use): a CPU the system does not have, a CPU another cell has, a
# region over the hypervisor, memory the root does not have, an interrupt
# the root does not have, a duplicate name, a truncated file, an image
# too large for its region, a parameter string that overflows, a load
# outside any region, unknown cells and the root cell.
# expect: ^warden-test: no such cpu: .*cell "inmate-demo" lists CPU 4, which this system does not have
# expect: ^warden-test: over hypervisor: .*hypervisor: ERROR: region 1 of cell "inmate-demo" \(0x7fc00000-0x7fc0ffff\) overlaps the hypervisor memory \(0x7fc00000-0x7fffffff\): move the region
# expect: ^warden-test: outside root: .*hypervisor: ERROR: region 1 of cell "inmate-demo" \(0x80000000-0x8000ffff\) is not inside one memory region of the root cell
# expect: ^warden-test: foreign irq: .*hypervisor: ERROR: interrupt 168 of cell "inmate-demo-2" is not the root cell's: add it to the root config's irqchip or remove it from the cell
# expect: ^warden-test: truncated: .*short.cell: file is 150 bytes, but its header and counts describe 236
# expect: ^warden-test: duplicate: .*a cell named "inmate-demo" exists already \(ID 1\)
# expect: ^warden-test: cpu taken: .*CPU 3 of cell "inmate-smp" is not the root cell's
# expect: ^warden-test: memory taken: .*hypervisor: ERROR: region 1 of cell "inmate-demo-2" \(0x7fa00000-0x7fa0ffff\) overlaps region 1 of cell "inmate-demo" \(0x7fa00000-0x7fa0ffff\), and not both are ROOTSHARED: destroy that cell or move the region
# expect: ^warden-test: too big: .*image of 70 KiB does not fit region 1 \(64 KiB\) of cell "inmate-demo"
# expect: ^warden-test: string overflow: .*image of 301 bytes at 0xff00 does not fit region 1 \(64 KiB at 0x0\) of cell "inmate-demo"
# expect: ^warden-test: nowhere: .*address 0x20000 is in no memory region of cell "inmate-demo"
# expect: ^warden-test: no image: .*cannot open image /nonexistent.bin
# expect: ^warden-test: unknown: .*no cell named "nosuch" \(see warden cell list\)
# expect: ^warden-test: root: .*cell 0 is the root cell: it cannot be managed
# expect: ^warden-test: online a cell's CPU: refused
# expect: ^warden-test: raw create, config at 0: -22 \(
# expect-console: ^ERROR: cell config at 0x0 is not in the root cell's RAM
# expect: ^warden-test: raw create, config in hypervisor memory: -22 \(
# expect: ^warden-test: raw start of no cell: -2 \(
# expect: ^warden-test: raw destroy of the root: -2 \(
# expect: ^warden-test: raw state of no cell: -2 \(
# expect: ^warden-test: state unchanged after every refusal
# expect: ^warden-test: the good cell still runs: Hello
# reject: FATAL
# timeout: 120
set -e

dir=/usr/lib/warden/inmates
demo=/etc/warden/qemu-virt-inmate-demo.cell
demo2=/etc/warden/qemu-virt-inmate-demo2.cell

# patch SRC DST OFFSET OCTAL: one byte of a copy of a good config
patch() {
	cp "$1" "$2"
	printf "\\$4" | dd of="$2" bs=1 seek="$3" conv=notrunc 2>/dev/null
}

snapshot() {
	echo "$(warden cell list | tr -s ' ')" \
		"online $(cat /sys/devices/system/cpu/online)" \
		"pool $(cat /sys/devices/warden/mem_pool_used)"
}

# fails LABEL COMMAND...: must fail; prints its messages on one line and
# checks that nothing changed
fails() {
	label=$1
	shift
	if out=$("$@" 2>&1); then
		echo "warden-test: $label: succeeded"
		exit 1
	fi
	echo "warden-test: $label: $(echo "$out" | tr '\n' ' ')"
	now=$(snapshot)
	if [ "$now" != "$state" ]; then
		echo "warden-test: $label changed the state:"
		echo "  before: $state"
		echo "  after:  $now"
		exit 1
	fi
}

warden enable /etc/warden/qemu-virt.cell
state=$(snapshot)

# the CPU set is at byte 132, the RAM region's phys_start (LE) at 172
patch $demo /tmp/cpu4.cell 132 '020'   # cpus = 0x10: CPU 4
fails "no such cpu" warden cell create /tmp/cpu4.cell
patch $demo /tmp/hv.cell 174 '300'     # 0x7fa00000 -> 0x7fc00000
fails "over hypervisor" warden cell create /tmp/hv.cell
patch $demo /tmp/out.cell 175 '200'    # 0x7fa00000 -> 0x80000000
printf '\000' | dd of=/tmp/out.cell bs=1 seek=174 conv=notrunc 2>/dev/null
fails "outside root" warden cell create /tmp/out.cell
patch $demo2 /tmp/irq.cell 248 '240'   # pin_base 32 -> 160: SPIs 168-172
fails "foreign irq" warden cell create /tmp/irq.cell
head -c 150 $demo >/tmp/short.cell
fails "truncated" warden cell create /tmp/short.cell

# with a cell in place
warden cell create $demo
state=$(snapshot)
fails "duplicate" warden cell create $demo
fails "cpu taken" warden cell create /etc/warden/qemu-virt-inmate-smp.cell
# demo2 with demo's RAM: bytes 174-175 a0 7f as in demo
patch $demo2 /tmp/same.cell 174 '240'
fails "memory taken" warden cell create /tmp/same.cell

head -c 71680 /dev/zero >/tmp/big.bin
fails "too big" warden cell load inmate-demo /tmp/big.bin
long=$(head -c 300 /dev/zero | tr '\0' x)
fails "string overflow" warden cell load inmate-demo \
	$dir/uart-demo.bin -s "$long" -a 0xff00
fails "nowhere" warden cell load inmate-demo $dir/uart-demo.bin -a 0x20000
fails "no image" warden cell load inmate-demo /nonexistent.bin
fails "unknown" warden cell start nosuch
fails "root" warden cell destroy 0
# Linux cannot take back a CPU that a cell has (PSCI CPU_ON refused)
if echo 1 >/sys/devices/system/cpu/cpu3/online 2>/dev/null; then exit 1; fi
echo "warden-test: online a cell's CPU: refused"
# the hypercalls themselves, without the driver's checks
hc() { taskset -c 0 warden hypercall "$@"; }
echo "warden-test: raw create, config at 0: $(hc 1 0)"
echo "warden-test: raw create, config in hypervisor memory: $(hc 1 0x7fc00000)"
echo "warden-test: raw start of no cell: $(hc 2 5)"
echo "warden-test: raw destroy of the root: $(hc 4 0)"
echo "warden-test: raw state of no cell: $(hc 6 7)"
echo "warden-test: state unchanged after every refusal"

warden cell load inmate-demo $dir/uart-demo.bin -s "pause-ms=100" -a 0x1000
warden cell start inmate-demo
sleep 1
[ "$(cat /sys/devices/warden/cells/1/state)" = running ]
echo "warden-test: the good cell still runs: Hello lines above"
warden cell destroy inmate-demo
warden disable
