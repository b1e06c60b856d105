# More interrupts pending for one CPU than it has list registers (QEMU's
# cortex-a57 has 4): eight are made pending at once for CPU 1 (SGIs 0, 1,
# 4, 5, PPIs 23 and 30 in its redistributor, SPIs 33 and 34 routed to it).
# The hypervisor queues the rest and refills from the maintenance
# interrupt: every one is delivered, each round needs a handful of
# maintenance interrupts, not a storm. Then again after CPU 1 went offline
# and online: Linux's bring-up disables every SGI and PPI in the CPU's
# redistributor, but not the hypervisor's maintenance interrupt.
# (iomem=relaxed lets devmem reach the GIC.)
# append: iomem=relaxed
# expect: ^warden-test: CPU 1 got 3 of each: uart 3 pmu 3 rtc 3 timer-broadcast-ipi 3 irq-work-ipi 3
# expect: ^warden-test: maintenance interrupts per round: [1-9]$
# expect: ^warden-test: after hotplug: CPU 1 got 3 of each: uart 3 pmu 3 rtc 3 timer-broadcast-ipi 3 irq-work-ipi 3
# expect: ^warden-test: after hotplug: maintenance interrupts per round: [1-9]$
# expect: ^warden-test: all CPUs work afterwards
# reject: ^Warning: Cell "qemu-virt"
set -e

col2() { awk -v pat="$1" '$0 ~ pat { print $3; exit }' /proc/interrupts; }
snapshot() {
	echo "$(col2 uart-pl011) $(col2 arm-pmu) $(col2 rtc-pl031)" \
		"$(col2 'Timer broadcast') $(col2 'IRQ work')"
}

# taken N: CPU 1 took at least N of each since the snapshot u0 ... w0
taken() {
	n=$1
	set -- $(snapshot)
	[ $(($1 - u0)) -ge $n ] && [ $(($2 - p0)) -ge $n ] &&
		[ $(($3 - r0)) -ge $n ] && [ $(($4 - t0)) -ge $n ] &&
		[ $(($5 - w0)) -ge $n ]
}

# rounds PREFIX: three rounds of eight interrupts for CPU 1
rounds() {
	pre=$1
	for dev in uart-pl011 rtc-pl031; do
		irq=$(awk -F: -v d=$dev \
			'$0 ~ d { gsub(/ /, "", $1); print $1; exit }' \
			/proc/interrupts)
		echo 2 >/proc/irq/$irq/smp_affinity
	done

	set -- $(snapshot)
	u0=$1 p0=$2 r0=$3 t0=$4 w0=$5
	m0=$(warden hypercall 7 1 1004 | cut -d' ' -f1)
	for round in 1 2 3; do
		# from CPU 0: GICR_ISPENDR0 of CPU 1's redistributor,
		# GICD_ISPENDR1
		taskset -c 0 devmem 0x080d0200 32 0x40800033
		taskset -c 0 devmem 0x08000204 32 0x6
		# until CPU 1 took this round (a busy host delays it)
		i=0
		until taken $round; do
			[ $i -lt 300 ] || break
			sleep 0.1
			i=$((i + 1))
		done
	done
	m1=$(warden hypercall 7 1 1004 | cut -d' ' -f1)
	set -- $(snapshot)
	echo "warden-test: ${pre}CPU 1 got 3 of each: uart $(($1 - u0))" \
		"pmu $(($2 - p0)) rtc $(($3 - r0))" \
		"timer-broadcast-ipi $(($4 - t0)) irq-work-ipi $(($5 - w0))"
	echo "warden-test: ${pre}maintenance interrupts per round:" \
		"$(((m1 - m0) / 3))"
}

warden enable /etc/warden/qemu-virt.cell
rounds ""
echo 0 >/sys/devices/system/cpu/cpu1/online
echo 1 >/sys/devices/system/cpu/cpu1/online
rounds "after hotplug: "

for c in 0 1 2 3; do
	[ "$(taskset -c $c cat /proc/self/stat | cut -d' ' -f39)" = $c ]
done
echo "warden-test: all CPUs work afterwards"
warden disable
