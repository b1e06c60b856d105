# The Raspberry Pi 4 leg (guest-run --machine rpi4: QEMU 10's raspi4b,
# TF-A at EL3, Debian's kernel and DTB): Linux runs on the BCM2711 with
# its GIC-400 (GICv2) at EL2, four CPUs brought up by PSCI, and the Warden
# driver loaded. `warden config check` finds nothing to say about the
# shipped Pi configs; `warden enable` starts the hypervisor at EL2 on the
# Pi and `warden disable` ends it. Its lines reach the driver's log and,
# on the mini UART (an 8250 with 32-bit register spacing, the Pi configs'
# debug console, QEMU's second serial port, which guest-run adds to the
# console log), the serial console without the kernel's "[time] warden:
# hypervisor:" prefix. rpi4-cells runs cells there.
# machine: rpi4
# timeout: 300
# allow-kernel-warnings
# (TF-A prints "WARNING: BL31: ... workaround ... missing" on the console
# before Linux starts; dmesg is checked for kernel warnings below.)
# expect: ^warden-test: model: Raspberry Pi 4 Model B
# expect: ^warden-test: GIC: GICv2 driver, GIC-400 at 0xff841000 \(DT: 40041000\), mapped by the kernel$
# expect: ^warden-test: Linux at EL2, 4 CPUs by PSCI
# expect: ^warden-test: cpus 0 1 2 3 took timer interrupts and ran a task
# expect: ^warden-test: driver loaded, enabled: 0
# expect: ^warden-test: system.cell -> rpi4-1g.cell
# expect: ^warden-test: check rpi4-1g: 0 errors, 0 advice
# expect: ^warden-test: check rpi4-4g: 0 errors, 0 advice
# expect: ^warden-test: enabled: 1, root cell rpi4-1g
# expect: ^warden-test: SiP call without the flag: -1, refused by the hypervisor$
# expect: ^warden-test: SiP call with the flag: -1, answered by TF-A$
# expect: ^warden-test: disabled: 0, cpus 0 1 2 3 took timer interrupts and ran a task
# expect-console: ^Warden hypervisor [^ ]+ starting on CPU [0-3], memory at 0x3b000000$
# expect-console: ^Warden enabled: root cell "rpi4-1g", 4 CPUs$
# W^X at EL2 from the first instruction on the Pi too (hv-enable says
# more): the bootstrap and the final tables read back, the mini UART's
# page device memory.
# expect-console: ^EL2 map \(bootstrap\): text +0xffffc0000000-0x[0-9a-f]+ RX$
# expect-console: ^EL2 map \(bootstrap\): uart +0xffffffe[0-9a-f]+-0x[0-9a-f]+ device RW XN$
# expect-console: ^EL2 W\^X \(bootstrap tables\): nothing writable is executable, WXN on$
# expect-console: ^EL2 W\^X \(final tables\): nothing writable is executable, WXN on$
# reject: ^EL2 map .*(RWX|device RX)$
# The EL2 vectors' choice, made before the config and the GIC are looked
# at: the Pi's Cortex-A72 with TF-A's SMCCC_ARCH_WORKAROUND_3.
# expect-console: EL2 vectors: Spectre-v2 workaround via firmware \(SMCCC_ARCH_WORKAROUND_3\) on entry from EL1 \(Cortex-A72\)$
# expect-console: EL2 vectors: Spectre-BHB: cleared by the firmware's SMCCC_ARCH_WORKAROUND_3 on entry from EL1 \(Cortex-A72\)$
# expect: ^warden-test: dmesg clean
# add: tests/system/lib/boot-checks.sh:boot-checks.sh
set -e

. /guest-run/boot-checks.sh

echo "warden-test: model: $(tr -d '\0' </proc/device-tree/model)"

grep -q GICv2 /proc/interrupts
intc=/proc/device-tree/soc/interrupt-controller@40041000
grep -q 'arm,gic-400' "$intc/compatible"
# The distributor's address: the node's first reg cell, a bus address,
# through /soc's ranges (entries of child address, 2-cell parent address,
# size); the kernel's GIC driver has it mapped (of_iomap, in
# /proc/vmallocinfo; it does not claim it in /proc/iomem).
# dt_cells FILE: a DT property's 32-bit cells, one a line, as 0x...
dt_cells() {
	od -A n -t x1 -v "$1" | tr -s ' \n' '  ' |
		awk '{ for (i = 1; i + 3 <= NF; i += 4)
			printf "0x%s%s%s%s\n", $i, $(i + 1), $(i + 2), $(i + 3) }'
}
bus=$(dt_cells "$intc/reg" | head -n1)
gicd=
set -- $(dt_cells /proc/device-tree/soc/ranges)
while [ $# -ge 4 ]; do
	if [ $(($1)) -le $((bus)) ] && [ $((bus)) -lt $(($1 + $4)) ]; then
		gicd=$(printf '0x%x' $((($2 << 32 | $3) + bus - $1)))
	fi
	shift 4
done
if [ "$gicd" != 0xff841000 ]; then
	echo "warden-test: GIC-400 at '$gicd' (bus address $bus), not 0xff841000"
	exit 1
fi
if ! grep -q "of_iomap.* phys=0x0*ff841000 ioremap" /proc/vmallocinfo; then
	echo "warden-test: the kernel has not mapped 0xff841000:"
	grep of_iomap /proc/vmallocinfo
	exit 1
fi
echo "warden-test: GIC: GICv2 driver, GIC-400 at $gicd (DT: ${intc##*@}), mapped by the kernel"

dmesg | grep -q 'CPU: All CPU(s) started at EL2'
dmesg | grep -q 'psci: PSCIv1.1 detected in firmware'
[ "$(tr -d '\0' </proc/device-tree/cpus/cpu@3/enable-method)" = psci ]
[ "$(nproc)" = 4 ]
echo "warden-test: Linux at EL2, 4 CPUs by PSCI"

cpus_take_timer
driver_loaded

for s in rpi4-1g rpi4-4g; do
	out=$(warden config check /etc/warden/$s.cell \
		/etc/warden/rpi4-inmate-demo.cell \
		/etc/warden/rpi4-inmate-demo2.cell 2>&1)
	echo "$out"
	echo "warden-test: check $s: $(echo "$out" | tail -n1)"
done

warden enable /etc/warden/system.cell
echo "warden-test: enabled: $(cat /sys/devices/warden/enabled), root cell $(cat /sys/devices/warden/cells/0/name)"
# The SMC policy against real EL3 firmware (TF-A): without the system
# config's WARDEN_SYS_FORWARD_SIP_OEM_SMC a SiP call is refused by the
# hypervisor; with it (flags byte 10 bit 0, as hv-smc-policy sets it)
# the call reaches TF-A, which answers an unknown SiP call SMC_UNK (-1).
r=$(warden hypercall --smc 0x82000010 | cut -d' ' -f1)
warden console | grep -q 'SMC 0x82000010 (SiP) refused$'
echo "warden-test: SiP call without the flag: $r, refused by the hypervisor"
warden disable
cp /etc/warden/system.cell /tmp/forward.cell
printf '\001' | dd of=/tmp/forward.cell bs=1 seek=10 conv=notrunc 2>/dev/null
warden enable /tmp/forward.cell
r=$(warden hypercall --smc 0x82000011 | cut -d' ' -f1)
warden console | grep -q 'SMC 0x82000011 (SiP) forwarded to firmware$'
echo "warden-test: SiP call with the flag: $r, answered by TF-A"
warden disable
echo "warden-test: disabled: $(cat /sys/devices/warden/enabled), $(cpus_take_timer | sed 's/^warden-test: //')"

if dmesg | grep -E 'WARNING: |BUG: |Oops|Call trace:|Kernel panic'; then
	exit 1
fi
echo "warden-test: dmesg clean"
