# Cells on newer cores: gic-demo in a cell on cortex-a76 (other PA range:
# stage 2 from level 1) and on "-cpu max" (every feature QEMU has), with
# Linux on the other CPUs; the cell's CPU returns to Linux afterwards.
# This script runs on -cpu max of QEMU 10 (the one fetched for the
# Raspberry Pi 4 leg, newer than Debian 12's); cell-cpu-a76.sh on
# cortex-a76.
# machine: virt-qemu10
# qemu-opts: -cpu max
# append: id_aa64mmfr1.vh=0
# expect-console: ^Created cell "inmate-demo" \(ID 1, CPUs 0x8\)
# expect-console: ^Timer fired, jitter
# expect: ^warden-test: [1-9][0-9] timer interrupts in the cell
# expect: ^warden-test: destroyed: online 0-3
# reject: ^FATAL
set -e

warden enable /etc/warden/qemu-virt.cell
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
warden cell load inmate-demo /usr/lib/warden/inmates/gic-demo.bin
warden cell start inmate-demo
t=0
while [ "$(cat /sys/devices/warden/cells/1/statistics/vmexits_virt_irq)" \
	-lt 10 ] && [ $t -lt 60 ]; do
	sleep 1
	t=$((t + 1))
done
echo "warden-test: $(cat /sys/devices/warden/cells/1/statistics/vmexits_virt_irq)" \
	"timer interrupts in the cell"
warden cell destroy inmate-demo
echo "warden-test: destroyed: online $(cat /sys/devices/system/cpu/online)"
warden disable
