# Hypercalls (hvc #0x4a48) with Jailhouse's codes return values or negative
# errnos; a hyp-stub call (hvc #0, as kexec would make) is refused with the
# stub's own error value instead of hanging, and the root goes on.
# expect: ^warden-test: pool size [1-9][0-9]* \(0x
# expect: ^warden-test: pool used [1-9][0-9]* \(0x
# expect: ^warden-test: cells 1 \(0x1\)
# expect: ^warden-test: bad info type -22 \(
# expect: ^warden-test: root state 0 \(0x0\)
# expect: ^warden-test: cell 7 state -2 \(
# expect: ^warden-test: cpu 2 state 0 \(0x0\)
# expect: ^warden-test: cpu 9 -22 \(
# expect: ^warden-test: cpu 0 hypercalls [1-9][0-9]* \(
# expect: ^warden-test: putc without permission -1 \(
# expect: ^warden-test: unknown code -38 \(
# expect-console: ^Warning: CPU [0-3]: hvc #0x0 \(x0 0x0\) is not a Warden hypercall; refused
# expect: ^warden-test: stub call 195938833 \(0xbadca11\)
# expect: ^warden-test: all CPUs work after the stub call
# expect: ^warden-test: not enabled: .*the hypervisor is not enabled
set -e

hc() { taskset -c 0 warden hypercall "$@"; }

warden enable /etc/warden/qemu-virt.cell
echo "warden-test: pool size $(hc 5 0)"
echo "warden-test: pool used $(hc 5 1)"
echo "warden-test: cells $(hc 5 4)"
echo "warden-test: bad info type $(hc 5 99)"
echo "warden-test: root state $(hc 6 0)"
echo "warden-test: cell 7 state $(hc 6 7)"
echo "warden-test: cpu 2 state $(hc 7 2 0)"
echo "warden-test: cpu 9 $(hc 7 9 0)"
echo "warden-test: cpu 0 hypercalls $(hc 7 0 1003)"
echo "warden-test: putc without permission $(hc 8 65)"
echo "warden-test: unknown code $(hc 99)"
echo "warden-test: stub call $(hc --stub 0 0)"
for c in 0 1 2 3; do
	[ "$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)" = $c ]
done
echo "warden-test: all CPUs work after the stub call"
warden disable
if out=$(warden hypercall 5 0 2>&1); then exit 1; fi
echo "warden-test: not enabled: $out"
