# Fault reports from a cell name what was hit: test-probe in the cell
# inmate-faults (CPU 2) makes one violation per run (configs/arm64/
# qemu-virt-inmate-faults.c has a read-only and a non-executable page).
# Each stage-2 abort is reported with the decoded syndrome, the IPA, the
# cell's nearest region and by how much the address misses it, and who
# owns the address (the root, the hypervisor); an SMC to a service a cell
# does not have is refused with its function id and service. Writeback
# and pair accesses to the emulated distributor, which come without
# syndrome, are emulated from the decoded instruction (base register
# updated); an exclusive load there is reported as not emulated. A
# stage-1 table walk into the distributor, and a jump there, are answered
# with a synchronous external abort injected into the cell, which its
# handler prints. A failed
# cell can be loaded again each time, and the root goes on.
# gics: 3 2
# expect: ^warden-test: unmapped-read: state failed
# expect-console: ^FATAL: data abort \(access outside the cell\) by cell "inmate-faults" on CPU 2
# expect-console: ^ esr: 0x9[0-9a-f]+: data abort from a lower exception level: read, 8 bytes, .*translation fault
# expect-console: ^ far: 0x[0-9a-f]+  hpfar: 0x400000  \(IPA 0x40000000\)
# expect-console: ^ region: outside, nearest region 0 \(0x9000000-0x9000fff, READ\|WRITE\|IO\|ROOTSHARED\), 0x36fff001 bytes above the end of it
# expect-console: ^ owner: 0x40000000 as a physical address: cell "qemu-virt(-gicv2)?", region [0-9]+ \(physical 0x40000000-
# expect: ^warden-test: read-only-write: state failed
# expect-console: ^ esr: 0x9[0-9a-f]+: data abort from a lower exception level: write, 8 bytes, .*permission fault
# expect-console: ^ region: inside region 2 \(0x100000-0x100fff, READ\), 0x8 bytes from the start of it
# expect-console: ^ owner: 0x100008 is physical address 0x7fb0e008: cell "inmate-faults", region 2 \(physical 0x7fb0e000-0x7fb0efff\)
# expect: ^warden-test: hv-read: state failed
# expect-console: ^ owner: 0x7fc00000 as a physical address: the hypervisor's memory \(0x7fc00000-0x7fffffff\)
# expect: ^warden-test: exec-noexec: state failed
# expect-console: ^FATAL: instruction abort \(execution outside the cell's executable memory\) by cell "inmate-faults" on CPU 2
# expect-console: ^ esr: 0x8[0-9a-f]+: instruction abort from a lower exception level.*permission fault
# expect-console: ^ region: inside region 3 \(0x101000-0x101fff, READ\|WRITE\), 0x0 bytes from the start of it
# expect: ^warden-test: exec-unmapped: state failed
# expect-console: ^ esr: 0x8[0-9a-f]+: instruction abort from a lower exception level.*translation fault
# expect-console: ^ region: outside, nearest region 3 \(0x101000-0x101fff, READ\|WRITE\), 0xe001 bytes above the end of it
# expect-console: ^Warning: Cell "inmate-faults": CPU 2: SMC 0xc2000001 \(SiP\) refused
# expect-console: ^probe: smc returned -1$
# expect: ^warden-test: smc-unknown: state running
# expect-console: ^probe: str pre-index: base \+16$
# expect-console: ^probe: ldp post-index: 0xa0a0a0a0 0x[0-9a-f]+, base \+24$
# expect-console: ^probe: str wzr pre-index: base \+16, reads back 0x0$
# expect-console: ^probe: ldr \[sp, #8\]!: 0x50505050, sp \+8$
# The instruction windows of those emulations are gone again: every
# cache-cleaning pass counts the EL2 window pages still mapped.
# expect-console: ^Cell "inmate-faults": 0x[0-9a-f]+ bytes cleaned from the caches, [0-9]+ IO region\(s\) skipped; EL2 windows mapped: 0$
# reject: EL2 windows mapped: [1-9]
# expect: ^warden-test: gicd-writeback: state running
# expect-console: ^FATAL: data abort without syndrome \(ISV=0\) on an emulated device, not emulated: .*exclusive.* \(instruction 0x885f7[c-f][0-9a-f]{2}\) by cell "inmate-faults" on CPU 2
# expect: ^warden-test: gicd-ldxr: state failed
# expect-console: ^Cell "inmate-faults": CPU 2: stage-1 table walk at IPA 0x8000000 in the GIC distributor: synchronous external abort injected \(ESR_EL1 0x96000010\)
# expect-console: ^ESR_EL1: 0x96000010 \(EC 0x25
# expect-console: ^FAR_EL1: 0x00000000c0000000  ELR_EL1: 0x[0-9a-f]+  SPSR_EL1: 0x[0-9a-f]+
# expect: ^warden-test: walk-gicd: state running
# expect-console: ^Cell "inmate-faults": CPU 2: instruction fetch at IPA 0x8000000 in the GIC distributor: synchronous external abort injected \(ESR_EL1 0x86000010\)
# expect-console: ^ESR_EL1: 0x86000010 \(EC 0x21
# expect-console: ^FAR_EL1: 0x0000000008000000  ELR_EL1: 0x0000000008000000
# expect: ^warden-test: exec-gicd: state running
# reject: ^probe: returned from 0x8000000
# reject: ^probe: read 0xc0000000 =
# expect: ^warden-test: root cpus 0 1 ran a task
# reject: ^probe: (read 0x40000000 =|returned from)
# timeout: 180
# add: tests/system/lib/wait.sh:wait.sh
set -e
. /guest-run/wait.sh

dir=/usr/lib/warden/inmates
warden enable /etc/warden/system.cell
warden cell create /etc/warden/qemu-virt-inmate-faults.cell

# probe LABEL PARAMS [STAT N]: runs test-probe with PARAMS in the cell
# and waits until it has made its access: until the cell's statistic STAT
# grew by N (then a second for what the cell prints after it), without
# STAT until the hypervisor stopped the cell.
probe() {
	warden cell load inmate-faults $dir/test-probe.bin -s "$2" -a 0x1000
	if [ $# -ge 4 ]; then
		base=$(cell_stat 1 $3)
		warden cell start inmate-faults
		wait_for 60 "the $1 probe's access ($3 +$4)" \
			stat_above 1 $3 $((base + $4 - 1))
		sleep 1
	else
		warden cell start inmate-faults
		wait_for 60 "the $1 probe's access to stop the cell" \
			state_is_not 1 running
	fi
	echo "warden-test: $1: state $(cell_state 1)"
}

probe unmapped-read "probe=read addr=0x40000000"
probe read-only-write "probe=write addr=0x100008 value=0x1"
probe hv-read "probe=read addr=0x7fc00000"
probe exec-noexec "probe=exec addr=0x101000"
# 0x110000: normal memory in the inmate's own page tables, nothing at stage 2
probe exec-unmapped "probe=exec addr=0x110000"
probe smc-unknown "probe=smc fid=0xc2000001" vmexits_smccc 1
# str, ldp, str wzr, a read, a write and the ldr: 6 MMIO exits
probe gicd-writeback "probe=gicd-writeback irq=40 value=0xa0a0a0a0" \
	vmexits_mmio 6
probe gicd-ldxr "probe=gicd-ldxr"
probe walk-gicd "probe=walk-gicd" vmexits_total 1
probe exec-gicd "probe=exec-gicd" vmexits_total 1

for c in 0 1; do
	[ "$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)" = $c ]
done
echo "warden-test: root cpus 0 1 ran a task"
warden cell destroy inmate-faults
warden disable
