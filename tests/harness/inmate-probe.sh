# test-probe, the isolation tests' rogue inmate, booted bare in QEMU where
# nothing is refused: each probe must report its access and its result,
# so that in a cell a refusal shows in what it prints.
. "$(dirname "$0")/inmate-lib.bash"

# probe PARAMS [QEMU ARGS...]: runs one probe, output in $tmp/out.
probe() {
	local params=$1 rc
	shift
	inmate_run test-probe 20 "$tmp/out" $(inmate_params "$params") "$@"
	rc=$?
	echo "--- $params"
	cat "$tmp/out"
	[ $rc -eq 0 ] || fail "QEMU status $rc for \"$params\""
}
expect() {
	grep -qx -- "$1" "$tmp/out" || fail "missing line: $1"
}

# The image's first eight bytes, as the inmate reads them at RAM base.
first=$(od -An -tx8 -N 8 "$inmates/test-probe.bin" | tr -d ' ' | sed 's/^0*//')
probe "probe=read addr=0x40000000"
expect "probe: read 0x40000000 = 0x$first"
expect "probe: done"

probe "probe=write addr=0x40100000 value=0xfeed1234"
expect "probe: 0x40100000 reads back 0xfeed1234"

probe "probe=gicd-enable irq=45"
expect "probe: IRQ 45 enabled: 1"

probe "probe=gicd-route irq=45 mpidr=0x1"
expect "probe: IRQ 45 routed to 0x1"

# On a GICv2 an SPI is routed by CPU interface bit (GICD_ITARGETSR).
BARE_MACHINE=virt,gic-version=2 probe "probe=gicd-route irq=45 mpidr=0x1" -smp 2
expect "probe: route IRQ 45 to CPU interface mask 0x2"
expect "probe: IRQ 45 targets 0x2"

probe "probe=gicd-priority irq=45 prio=0x30"
expect "probe: IRQ 45 priority 0x30"

probe "probe=sgi mpidr=0 sgi=5"
expect "probe: SGI sent"
BARE_MACHINE=virt,gic-version=2 probe "probe=sgi mpidr=0 sgi=5"
expect "probe: SGI sent"

probe "probe=cpu-on mpidr=1" -smp 2
expect "probe: CPU_ON returned 0"

probe "probe=cpu-on mpidr=0" -smp 2
# PSCI ALREADY_ON: the calling CPU is on.
expect "probe: CPU_ON returned -4"

probe "probe=bogus"
expect 'probe: unknown probe "bogus"'
grep -q 'probe: done' "$tmp/out" && fail "unknown probe reported done"

probe "probe=read addr=0x40000000 alive=2"
expect "probe: still running (2 s)"
echo "every probe reports its access and result"
