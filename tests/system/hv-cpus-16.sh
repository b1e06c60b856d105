# 16 CPUs (QEMU -smp 16): the 16-CPU root config (qemu-virt-16.c) enables,
# a cell runs on CPU 15 (CPU ids past the old limit of 8) with a device
# region taken from the root, the CLI shows CPU 15 in the cell and the
# root without it, and everything goes back. Also: the EL2 tables as the
# hypervisor reads them back (W^X), the cache maintenance that skips the
# device region, and no EL2 window left mapped after a management call.
# One host thread runs all 16 emulated CPUs in turn (thread=single): on a
# 2-core host 16 threads starved each other into soft lockups and hangs.
# qemu-opts: -smp 16 -accel tcg,thread=single
# 16 emulated CPUs on a loaded host: a CPU may wait long at EL2 during
# enable without Linux calling it a lockup or an RCU stall.
# append: nosoftlockup rcupdate.rcu_cpu_stall_suppress=1
# timeout: 600
# expect-console: ^ CPU 15 \(MPIDR 0xf\) entered
# expect-console: ^EL2 W\^X: text RX 0x[0-9a-f]+-0x[0-9a-f]+, rodata R XN 0x[0-9a-f]+-0x[0-9a-f]+, data RW XN 0x[0-9a-f]+-0x[0-9a-f]+, WXN on$
# expect-console: ^Warden enabled: root cell "qemu-virt-16", 16 CPUs
# expect: ^warden-test: enabled, online 0-15
# expect-console: ^Created cell "inmate-cpu15" \(ID 1, CPUs 0x8000\)
# expect: ^warden-test: list: 0 qemu-virt-16 running 0-14
# expect: ^warden-test: list: 1 inmate-cpu15 shut down 15
# expect-console: ^Cell "inmate-cpu15": 0x10000 bytes cleaned from the caches, 1 IO region\(s\) skipped; EL2 windows mapped: 0$
# expect-console: ^Started cell "inmate-cpu15"
# expect: ^warden-test: list: 1 inmate-cpu15 running 15
# expect: ^warden-test: [1-9][0-9]* timer interrupts on CPU 15
# expect: ^warden-test: stats: CPU 15
# expect: ^Destroyed cell "inmate-cpu15"
# expect: ^warden-test: destroyed: online 0-15
# expect-console: ^ Releasing CPU 15
# expect: ^warden-test: disabled
# reject: ^FATAL
# reject: EL2 windows mapped: [1-9]
# reject: ERROR
set -e

stat=/sys/devices/warden/cells/1/statistics

echo "warden-test: $(grep -c ^processor /proc/cpuinfo) CPUs"
warden enable /etc/warden/qemu-virt-16.cell
echo "warden-test: enabled, online $(cat /sys/devices/system/cpu/online)"
warden cell create /etc/warden/qemu-virt-16-inmate-demo.cell
warden cell list | sed -n '2,3p' | tr -s ' ' | sed 's/^/warden-test: list: /'
warden cell load inmate-cpu15 /usr/lib/warden/inmates/gic-demo.bin \
	-s "print-every=1000" -a 0x1000
warden cell start inmate-cpu15 >/dev/null
warden cell list | sed -n '3p' | tr -s ' ' | sed 's/^/warden-test: list: /'
t=0
while [ "$(cat $stat/vmexits_virt_irq)" -lt 5 ] && [ $t -lt 60 ]; do
	sleep 1
	t=$((t + 1))
done
echo "warden-test: $(cat $stat/vmexits_virt_irq) timer interrupts on CPU 15"
warden cell stats inmate-cpu15 | grep -o 'CPU 15' | head -n1 |
	sed 's/^/warden-test: stats: /'
warden cell destroy inmate-cpu15
echo "warden-test: destroyed: online $(cat /sys/devices/system/cpu/online)"
warden disable
echo "warden-test: disabled"
