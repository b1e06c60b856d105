# The SMC policy for the root: without WARDEN_SYS_FORWARD_SIP_OEM_SMC, SiP
# and OEM calls are refused with NOT_SUPPORTED and each function id is
# logged once with its service; with the flag, they would go to firmware,
# and on a machine without EL3 (QEMU virt here) the hypervisor says so
# instead of executing an undefined SMC. PSCI keeps working either way.
# expect: ^warden-test: SiP call refused: -1
# expect: ^warden-test: refusal of 0x82000010 logged once
# expect: ^Warning: CPU [0-3]: SMC 0x83000001 \(OEM\) refused$
# expect: ^SMC policy: the root's SiP and OEM calls are forwarded to firmware
# expect: ^Warning: CPU [0-3]: SMC 0x82000011 \(SiP\) refused: forwarding is configured, but this machine has no EL3 firmware
# expect: ^warden-test: standard service still refused: -1
# expect: ^warden-test: PSCI version 0x10001
# expect: ^warden-test: disabled
set -e

warden enable /etc/warden/qemu-virt.cell >/dev/null
r=$(warden hypercall --smc 0x82000010 | cut -d' ' -f1)
echo "warden-test: SiP call refused: $r"
[ "$r" = -1 ]
warden hypercall --smc 0x82000010 >/dev/null
n=$(warden console | grep -c 'SMC 0x82000010 (SiP) refused')
[ "$n" = 1 ]
echo "warden-test: refusal of 0x82000010 logged once"
warden hypercall --smc 0x83000001 >/dev/null
warden console | grep 'SMC 0x83000001'
warden disable >/dev/null

# The same system config with the Warden-only flag set (flags at offset 8,
# WARDEN_SYS_FORWARD_SIP_OEM_SMC is bit 16, i.e. byte 10 bit 0).
cp /etc/warden/qemu-virt.cell /tmp/forward.cell
printf '\001' | dd of=/tmp/forward.cell bs=1 seek=10 conv=notrunc 2>/dev/null
warden config show /tmp/forward.cell | grep '^SMC policy'
warden enable /tmp/forward.cell >/dev/null
r=$(warden hypercall --smc 0x82000011 | cut -d' ' -f1)
[ "$r" = -1 ]
warden console | grep 'SMC 0x82000011'
# Only SiP and OEM calls are forwarded: a standard secure service is not.
r=$(warden hypercall --smc 0x84000100 | cut -d' ' -f1)
echo "warden-test: standard service still refused: $r"
[ "$r" = -1 ]
v=$(warden hypercall --smc 0x84000000 | sed 's/.*(\(.*\))/\1/')
echo "warden-test: PSCI version $v"
warden disable >/dev/null
echo "warden-test: disabled"
