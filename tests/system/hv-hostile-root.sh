# A root cell that hands the hypervisor bad addresses gets an error, and
# the hypervisor keeps working: cell-create hypercalls with config
# addresses that wrap around 2^64, lie beyond the physical address range,
# straddle the end of the root's RAM into hypervisor memory, or lie in a
# device, are refused before EL2 maps anything (no EL2 fault, no lock
# left held); then a good cell is created and destroyed, and the
# hypervisor disables.
# reject: exception in the hypervisor
# expect: ^ERROR: cell config at 0xffffffffffffffc0 is not in the root cell's RAM
# expect: ^warden-test: config at 0xffffffffffffffc0: -22 \(
# expect: ^warden-test: config at 0xfffffffffffff000: -22 \(
# expect: ^warden-test: config at 0x0010000000000000: -22 \(
# expect: ^warden-test: config at 0x7fbffff0: -22 \(
# expect: ^warden-test: config at 0x09000000: -22 \(
# expect: ^Created cell "inmate-demo"
# expect: ^warden-test: good cell created and destroyed after the bad calls
# expect: ^warden-test: disabled after the bad calls
# timeout: 180
set -e

hc() { taskset -c 0 warden hypercall "$@"; }

warden enable /etc/warden/qemu-virt.cell
for a in 0xffffffffffffffc0 0xfffffffffffff000 0x0010000000000000 \
	0x7fbffff0 0x09000000; do
	echo "warden-test: config at $a: $(hc 1 $a)"
done
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
warden cell destroy inmate-demo
echo "warden-test: good cell created and destroyed after the bad calls"
warden disable
echo "warden-test: disabled after the bad calls"
