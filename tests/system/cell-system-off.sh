# A root that powers the machine off through PSCI SYSTEM_OFF while cells
# run (here straight by SMC: Linux' own poweroff destroys the cells first
# in the driver's reboot notifier) stops the cells first, one line each,
# and then the firmware powers off: QEMU exits. The script writes the
# guest-run exit marker itself before the call, since nothing runs after
# it; if the call came back, the script fails with a second marker.
# gics: 3 2
# expect: ^Started cell "inmate-demo"
# expect-console: ^Root cell requested system off
# expect-console: ^Stopped cell "inmate-demo" for system off
# expect-console: ^Stopped cell "inmate-demo-2" for system off
# reject: ^warden-test: still running after SYSTEM_OFF
# reject: exception in the hypervisor
set -e

dir=/usr/lib/warden/inmates
warden enable /etc/warden/system.cell
warden cell create /etc/warden/qemu-virt-inmate-demo.cell
warden cell create /etc/warden/qemu-virt-inmate-demo2.cell
warden cell load inmate-demo $dir/gic-demo.bin -s "print-every=1000" \
	-a 0x1000
warden cell start inmate-demo
warden cell load inmate-demo-2 $dir/gic-demo.bin -s "print-every=1000" \
	-a 0x1000
warden cell start inmate-demo-2
sleep 1
echo "WARDEN-GUEST-RUN: exit 0"
taskset -c 0 warden hypercall --smc 0x84000008 || true
echo "warden-test: still running after SYSTEM_OFF"
exit 1
