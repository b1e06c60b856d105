# The comm-region side of the library, bare: test-basic is told (testing
# parameter comm-region=ADDR, honoured only by the bare build) where a
# hand-made comm page lies. It must read GIC and console from it, answer
# the pending SHUTDOWN_REQUEST with REQUEST_APPROVED, and refuse to run at
# all with a wrong revision (the library then stops before any output).
. "$(dirname "$0")/inmate-lib.bash"

COMM=0x40f00000

le() { # VALUE BYTES: little-endian bytes as printf escapes
	local v=$1 i
	for ((i = 0; i < $2; i++)); do
		printf '\\x%02x' $(((v >> (8 * i)) & 0xff))
	done
}

# comm_page REVISION MESSAGE > file: revision-2 layout, see
# include/warden/comm-region.h.
comm_page() {
	printf 'JHCOMM'
	printf "$(le "$1" 2)"                # revision
	printf "$(le 0 4)"                   # cell_state RUNNING
	printf "$(le "$2" 4)"                # msg_to_cell
	printf "$(le 0 4)"                   # reply_from_cell
	printf "$(le 0 4)"                   # flags
	printf "$(le 0x09000000 8)"          # console.address
	printf "$(le 0x1000 4)"              # console.size
	printf "$(le 3 2)"                   # console.type PL011
	printf "$(le 3 2)"                   # console.flags MMIO | REGDIST_4
	printf "$(le 0 4)$(le 0 4)$(le 0 8)" # divider, gate_nr, clock_reg
	printf "$(le 0 8)"                   # pci_mmconfig_base
	printf "$(le 3 8)"                   # gic_version 3, padding
	printf "$(le 0x08000000 8)"          # gicd_base
	printf "$(le 0 8)"                   # gicc_base
	printf "$(le 0x080a0000 8)"          # gicr_base
	printf "$(le 0 4)"                   # vpci_irq_base
}

comm_page 2 1 >"$tmp/comm"
[ "$(stat -c %s "$tmp/comm")" -eq 100 ] || fail "comm page is not 100 bytes"
inmate_run test-basic 20 "$tmp/out" $(inmate_params "comm-region=$COMM") \
	-device loader,file="$tmp/comm",addr=$COMM
rc=$?
cat "$tmp/out"
[ $rc -eq 0 ] || fail "QEMU status $rc"
grep -qx 'test-basic: comm region rev 2, GICv3 (GICD 0x8000000, GICR 0x80a0000), console type 3 at 0x9000000, flags 0x0' \
	"$tmp/out" || fail "comm region not read"
grep -qx 'test-basic: message 1 answered with 3' "$tmp/out" ||
	fail "SHUTDOWN_REQUEST (1) not answered with REQUEST_APPROVED (3)"
grep -Eqx 'TEST PASS \([0-9]+ checks\)' "$tmp/out" || fail "no TEST PASS"

comm_page 1 0 >"$tmp/comm"
inmate_run test-basic 20 "$tmp/out" $(inmate_params "comm-region=$COMM") \
	-device loader,file="$tmp/comm",addr=$COMM
rc=$?
cat "$tmp/out"
[ $rc -eq 0 ] || fail "QEMU status $rc with a bad revision"
grep -q 'test-basic' "$tmp/out" && fail "inmate ran with comm revision 1"
echo "comm region read, shutdown request approved, bad revision refused"
