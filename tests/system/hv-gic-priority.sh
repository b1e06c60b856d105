# Interrupts reach the root through the virtual CPU interface with the
# priority the root programmed: an interrupt whose priority the root sets
# below its own mask (Linux's PMR is 0xf0) stays pending, and is delivered
# as soon as the root raises its priority again. An injection at one fixed
# priority, as Jailhouse does, would deliver it at once. The counters show
# interrupts and SGIs going through the hypervisor.
# append: iomem=relaxed
# expect: ^warden-test: RTC alarm at priority 0xf8 \(masked\): raised in the RTC, not delivered
# expect: ^warden-test: priority back to 0xa0: delivered
# expect: ^warden-test: injected interrupts [1-9][0-9]*, SGIs [1-9][0-9]*
# expect: ^warden-test: after disable: RTC alarm delivered natively
set -e

# IPRIORITYR byte of INTID 34 (the PL031 RTC), through the hypervisor
prio=$((0x08000000 + 0x400 + 34))
irq=$(awk -F: '/rtc-pl031/ { gsub(/ /, "", $1); print $1; exit }' /proc/interrupts)
count() { awk '/rtc-pl031/ { print $2 + $3 + $4 + $5 }' /proc/interrupts; }
alarm() {
	echo 0 >/sys/class/rtc/rtc0/wakealarm
	echo +1 >/sys/class/rtc/rtc0/wakealarm
}
# The RTC follows the host's clock, the guest's sleep its own: under host
# load a fixed wait can end before the alarm. Wait up to 15 s for it.
delivered_since() {
	i=0
	while [ "$(count)" -le "$1" ] && [ $i -lt 30 ]; do
		sleep 0.5
		i=$((i + 1))
	done
	[ "$(count)" -gt "$1" ]
}
# The alarm raised in the device: PL031 RTCRIS (the root's own register)
raised() { [ $(($(devmem 0x09010014 32) & 1)) = 1 ]; }

warden enable /etc/warden/qemu-virt.cell
cpu=$(cat /proc/irq/$irq/effective_affinity_list)
c0=$(count)
# From the CPU the interrupt is routed to: see gicv3_priority_changed().
taskset -c $cpu devmem $prio 8 0xf8
alarm
# Not delivered means something only once the RTC raised it: wait for
# that (the RTC follows the host's clock), then give a delivery time.
i=0
until raised; do
	[ $i -lt 300 ] || { echo "warden-test: the RTC never raised its alarm"; exit 1; }
	sleep 0.1
	i=$((i + 1))
done
sleep 1
raised
[ "$(count)" = "$c0" ]
echo "warden-test: RTC alarm at priority 0xf8 (masked): raised in the RTC, not delivered"
taskset -c $cpu devmem $prio 8 0xa0
delivered_since "$c0"
echo "warden-test: priority back to 0xa0: delivered"

virq=0 vsgi=0
for c in 0 1 2 3; do
	virq=$((virq + $(warden hypercall 7 $c 1005 | cut -d' ' -f1)))
	vsgi=$((vsgi + $(warden hypercall 7 $c 1006 | cut -d' ' -f1)))
done
echo "warden-test: injected interrupts $virq, SGIs $vsgi"
warden disable

c1=$(count)
alarm
delivered_since "$c1"
echo "warden-test: after disable: RTC alarm delivered natively"
