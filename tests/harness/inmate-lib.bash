# SPDX-License-Identifier: GPL-2.0
# Sourced by tests/harness/inmate-*.sh (not a test itself: tests/run only
# runs *.sh). Boots a bare inmate (build/inmates/NAME-bare.elf) directly in
# QEMU, with no hypervisor, and leaves its serial output in a file.
set -u
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
B=${B:-$top/build}
inmates=$B/inmates
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

command -v qemu-system-aarch64 >/dev/null ||
	{ echo "qemu-system-aarch64 is not installed"; exit 77; }

inmate_elf() {
	local elf=$inmates/$1-bare.elf
	[ -f "$elf" ] || { echo "$elf missing: run make inmates"; exit 1; }
	echo "$elf"
}

# inmate_params TEXT: a file for -device loader that puts TEXT where the
# bare image's parameter buffer is (image base + 0x1000).
inmate_params() {
	printf '%s\0' "$1" >"$tmp/params"
	echo "-device loader,file=$tmp/params,addr=0x40001000"
}

# inmate_run NAME SECONDS OUT [QEMU ARGS...]: boots and waits for QEMU to
# end (the library powers off when the inmate returns or faults). Returns
# QEMU's status, 124 on timeout. Output has CRs removed.
inmate_run() {
	local name=$1 secs=$2 out=$3 rc
	shift 3
	timeout "$secs" qemu-system-aarch64 -machine virt,gic-version=3 \
		-cpu cortex-a57 -m 1G -display none -serial stdio \
		-monitor none -nic none -no-reboot \
		-kernel "$(inmate_elf "$name")" "$@" </dev/null >"$out.raw" 2>&1
	rc=$?
	tr -d '\r' <"$out.raw" >"$out"
	return $rc
}

# inmate_run_until NAME SECONDS OUT PATTERN COUNT [QEMU ARGS...]: boots an
# inmate that never ends and stops QEMU once COUNT lines match PATTERN.
# Returns 0 if they did, 1 if QEMU ended or the time ran out first. OUT
# keeps complete lines only; QEMU's own messages go to OUT.err.
inmate_run_until() {
	local name=$1 secs=$2 out=$3 pattern=$4 count=$5 pid rc=1 end
	shift 5
	end=$((SECONDS + secs))
	: >"$out.raw"
	timeout "$secs" qemu-system-aarch64 -machine virt,gic-version=3 \
		-cpu cortex-a57 -m 1G -display none -serial stdio \
		-monitor none -nic none -no-reboot \
		-kernel "$(inmate_elf "$name")" "$@" </dev/null >"$out.raw" \
		2>"$out.err" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null && [ $SECONDS -le $end ]; do
		if [ "$(grep -c -- "$pattern" "$out.raw")" -ge "$count" ]; then
			rc=0
			break
		fi
		sleep 0.1
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# QEMU was stopped mid-line: judge complete lines only.
	[ -z "$(tail -c 1 "$out.raw")" ] || sed -i '$d' "$out.raw"
	tr -d '\r' <"$out.raw" >"$out"
	[ "$(grep -c -- "$pattern" "$out")" -ge "$count" ] && rc=0
	return $rc
}

fail() {
	echo "FAIL: $*"
	exit 1
}
