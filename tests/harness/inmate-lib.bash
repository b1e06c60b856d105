# SPDX-License-Identifier: GPL-2.0
# Sourced by tests/harness/inmate-*.sh (not a test itself: tests/run only
# runs *.sh). Boots inmates in QEMU and leaves the serial output in a file
# (CRs removed): bare (build/inmates/NAME-bare.elf, no hypervisor) or as
# a cell image (NAME.bin at IPA 0) under build/inmates/cell-sim.elf, the
# EL2 stand-in for the hypervisor. GIC=2 or 3 (default 3) picks QEMU
# virt's interrupt controller; a test that calls gic_matrix runs on both.
set -u
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
B=${B:-$top/build}
inmates=$B/inmates
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
QEMU=(qemu-system-aarch64 -cpu cortex-a57 -m 1G -display none -serial stdio
	-monitor none -nic none -no-reboot)
gic_given=${GIC:+yes}
GIC=${GIC:-3}
case $GIC in 2 | 3) ;; *) echo "GIC=$GIC: must be 2 or 3"; exit 1 ;; esac
BARE_MACHINE=virt,gic-version=$GIC
SIM_MACHINE=virt,gic-version=$GIC,virtualization=on

command -v qemu-system-aarch64 >/dev/null ||
	{ echo "qemu-system-aarch64 is not installed"; exit 77; }

fail() {
	echo "FAIL: $*"
	exit 1
}

# gic_matrix [ARGS...]: runs the calling test again, once with GIC=3 and
# once with GIC=2, each in a process of its own, and ends it: passed if
# both passed. The same images must work on both (the library finds the
# GIC at run time). Does nothing when GIC was given: that run is one leg.
gic_matrix() {
	local v rc
	[ -z "$gic_given" ] || return 0
	for v in 3 2; do
		echo "=== GICv$v (QEMU virt,gic-version=$v)"
		GIC=$v bash "$0" "$@"
		rc=$?
		[ $rc -eq 0 ] || { echo "FAIL: on GICv$v (status $rc)"; exit 1; }
	done
	exit 0
}

need() {
	[ -f "$1" ] || fail "$1 missing: run make inmates"
}

# check_ticks OUT LIMIT_NS: gic-demo printed >= 20 well-formed lines, 0 <= jitter < LIMIT,
# min and max the running extremes.
check_ticks() {
	local out=$1 limit=$2 n=0 lo= hi= j mn mx line
	grep -qx 'Initializing the GIC...' "$out" || fail "no GIC message"
	grep -qx 'Initializing the timer...' "$out" || fail "no timer message"
	while IFS= read -r line; do
		[[ $line =~ ^Timer\ fired,\ jitter:\ +(-?[0-9]+)\ ns,\ min:\ +(-?[0-9]+)\ ns,\ max:\ +(-?[0-9]+)\ ns$ ]] ||
			fail "malformed line: $line"
		j=${BASH_REMATCH[1]} mn=${BASH_REMATCH[2]} mx=${BASH_REMATCH[3]}
		[ "$line" = "$(printf 'Timer fired, jitter: %6d ns, min: %6d ns, max: %6d ns' "$j" "$mn" "$mx")" ] ||
			fail "not the %6ld format: $line"
		[ "$j" -ge 0 ] && [ "$j" -lt "$limit" ] ||
			fail "implausible jitter $j ns: $line"
		[ -z "$lo" ] || [ "$j" -ge "$lo" ] || lo=$j
		[ -z "$lo" ] && lo=$j
		[ -z "$hi" ] || [ "$j" -le "$hi" ] || hi=$j
		[ -z "$hi" ] && hi=$j
		[ "$mn" -eq "$lo" ] && [ "$mx" -eq "$hi" ] ||
			fail "min/max are not the running extremes: $line"
		n=$((n + 1))
	done < <(grep '^Timer fired' "$out")
	[ $n -ge 20 ] || fail "only $n timer lines"
	echo "$n ticks, jitter $lo..$hi ns"
}

inmate_elf() {
	need "$inmates/$1-bare.elf"
	echo "$inmates/$1-bare.elf"
}

# inmate_params TEXT: QEMU arguments that put TEXT where the bare image's
# parameter buffer is (image base + 0x1000).
inmate_params() {
	printf '%s\0' "$1" >"$tmp/params"
	echo "-device loader,file=$tmp/params,addr=0x40001000"
}

# _run SECS OUT MACHINE KERNEL [QEMU ARGS...]: waits for QEMU to end;
# returns its status, 124 on timeout.
_run() {
	local secs=$1 out=$2 machine=$3 kernel=$4 rc
	shift 4
	timeout "$secs" "${QEMU[@]}" -machine "$machine" -kernel "$kernel" \
		"$@" </dev/null >"$out.raw" 2>&1
	rc=$?
	tr -d '\r' <"$out.raw" >"$out"
	return $rc
}

# _run_until SECS OUT PATTERN COUNT MACHINE KERNEL [QEMU ARGS...]: stops
# QEMU once COUNT lines match PATTERN (or when it ends or time runs out);
# returns 0 if they did. OUT keeps complete lines only; QEMU's own
# messages go to OUT.err.
_run_until() {
	local secs=$1 out=$2 pattern=$3 count=$4 machine=$5 kernel=$6 pid end
	shift 6
	end=$((SECONDS + secs))
	: >"$out.raw"
	timeout "$secs" "${QEMU[@]}" -machine "$machine" -kernel "$kernel" \
		"$@" </dev/null >"$out.raw" 2>"$out.err" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null && [ $SECONDS -le $end ]; do
		[ "$(grep -c -- "$pattern" "$out.raw")" -ge "$count" ] && break
		sleep 0.1
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# QEMU was stopped mid-line: judge complete lines only.
	[ -z "$(tail -c 1 "$out.raw")" ] || sed -i '$d' "$out.raw"
	tr -d '\r' <"$out.raw" >"$out"
	[ "$(grep -c -- "$pattern" "$out")" -ge "$count" ]
}

# inmate_run NAME SECS OUT [QEMU ARGS...]: a bare inmate that ends by
# itself (the library powers off when the inmate returns or faults).
inmate_run() {
	local name=$1 secs=$2 out=$3
	shift 3
	_run "$secs" "$out" $BARE_MACHINE "$(inmate_elf "$name")" "$@"
}

# inmate_run_until NAME SECS OUT PATTERN COUNT [QEMU ARGS...]: a bare
# inmate that never ends.
inmate_run_until() {
	local name=$1 secs=$2 out=$3 pattern=$4 count=$5
	shift 5
	_run_until "$secs" "$out" "$pattern" "$count" $BARE_MACHINE \
		"$(inmate_elf "$name")" "$@"
}

# sim_image NAME [PARAMS]: the cell image, with PARAMS written at 0x1000
# as `cell load ... -s PARAMS -a 0x1000` would; prints its path.
sim_image() {
	local img=$tmp/$1.img
	need "$inmates/$1.bin"
	cp "$inmates/$1.bin" "$img"
	[ $# -lt 2 ] || printf '%s\0' "$2" |
		dd of="$img" bs=1 seek=4096 conv=notrunc status=none
	echo "$img"
}

# sim_args [SHUTDOWN_AFTER]: cell-sim with the image it runs; the sim
# sends SHUTDOWN_REQUEST after that many WFIs of the cell (0: never).
sim_args() {
	echo "-device loader,file=$1,addr=0x40200000" \
		"-device loader,addr=0x401ff000,data=${2:-0},data-len=4"
}

# sim_run IMAGE SECS OUT SHUTDOWN_AFTER [QEMU ARGS...]: until QEMU ends.
sim_run() {
	local img=$1 secs=$2 out=$3 after=$4
	shift 4
	need "$inmates/cell-sim.elf"
	_run "$secs" "$out" $SIM_MACHINE "$inmates/cell-sim.elf" \
		$(sim_args "$img" "$after") "$@"
}

# sim_run_until IMAGE SECS OUT PATTERN COUNT [QEMU ARGS...]
sim_run_until() {
	local img=$1 secs=$2 out=$3 pattern=$4 count=$5
	shift 5
	need "$inmates/cell-sim.elf"
	_run_until "$secs" "$out" "$pattern" "$count" $SIM_MACHINE \
		"$inmates/cell-sim.elf" $(sim_args "$img" 0) "$@"
}
